/**
 * Whether the checklist can tell a text not in English (lib/standards/language.ts), measured on real
 * text (docs/language.md):
 *   npx vite-node scripts/judgement/language.ts [--split dev|test]
 * English: every customer message and reply of the labelled exchanges — train + dev + the fresh dev
 * part for `dev`, the test split and both fresh test parts for `test` (a count only; their texts are
 * never printed). Not English: data/language/real-non-english.jsonl, split by thread once.
 * Thresholds were chosen on `dev`; `test` was run for the figures. `--checklist` also prints what
 * the checklist says to every real staff reply of the set (both splits), each against the first
 * customer turn of its thread: the items failing besides the greeting, and the asks listed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadSplits } from '../lib/judgement-data';
import { readLanguage } from '../../lib/standards/language';
import { evaluateReply } from '../../lib/standards/engine';
import { DEFAULT_PACK } from '../../lib/standards/pack';

interface Foreign {
  url: string;
  lang: string;
  role: 'customer' | 'staff';
  mixed: boolean;
  text: string;
  split: 'dev' | 'test';
}

const split = process.argv.includes('--split') ? process.argv[process.argv.indexOf('--split') + 1] : 'dev';
if (split !== 'dev' && split !== 'test') throw new Error('--split is dev or test');
const rowsOf = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { customer: string; reply?: string }) : []);

const splits = await loadSplits();
const fresh = split === 'dev' ? ['data/fresh/fresh-dev.jsonl'] : ['data/fresh/fresh-test.jsonl', 'data/fresh/fresh-test-2.jsonl'];
const labelled = [...(split === 'dev' ? [...splits.train, ...splits.dev] : splits.test), ...fresh.flatMap(rowsOf)];
const english = labelled.flatMap((r) => [r.customer, r.reply ?? ''].filter(Boolean));
const started = performance.now();
const taken = english.filter((t) => readLanguage(t) === 'other');
const each = (performance.now() - started) / english.length;

const foreign = (readFileSync('data/language/real-non-english.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l)) as Foreign[]).filter((x) => x.split === split);
const read = foreign.map((x) => ({ ...x, got: readLanguage(x.text) }));
const caught = (keep: (x: Foreign) => boolean) => {
  const some = read.filter(keep);
  return `${some.filter((x) => x.got === 'other').length} / ${some.length}`;
};

console.log(`${split}: ${english.length} English texts (${fresh.filter(existsSync).length} fresh file(s) found), ${taken.length} taken for another language; ${each.toFixed(3)} ms a text`);
console.log(`${split}: not in English, caught ${caught(() => true)} — customers ${caught((x) => x.role === 'customer')}, staff ${caught((x) => x.role === 'staff')}, with English in them ${caught((x) => x.mixed)}, 40 characters or more ${caught((x) => x.text.length >= 40)}, shorter ${caught((x) => x.text.length < 40)}`);
console.log(`${split}: by language: ${[...new Set(read.map((x) => x.lang))].sort().map((l) => `${l} ${caught((x) => x.lang === l)}`).join(', ')}`);
if (split === 'dev') {
  for (const t of taken) console.log(`  English taken for another language: ${JSON.stringify(t.slice(0, 100))}`);
  for (const x of read.filter((r) => r.got !== 'other')) console.log(`  missed (${x.lang}, read as ${x.got ?? 'too short to tell'}): ${JSON.stringify(x.text.slice(0, 80))}`);
}

/** What the checklist says to the real replies not in English: what fails besides the greeting (which reads a name, in any language). */
function checklistOnReplies(): void {
  const all = readFileSync('data/language/real-non-english.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l)) as Foreign[];
  const failing = new Map<string, number>();
  let replies = 0;
  let asks = 0;
  for (const x of all) {
    const customer = all.find((c) => c.url === x.url && c.role === 'customer')?.text ?? 'Hello';
    if (x.role === 'customer') {
      asks += evaluateReply({ draft: 'Hi', customerMessages: [x.text], customer: { name: 'Sam Lee' }, standards: DEFAULT_PACK, now: 0 }).questions.length;
      continue;
    }
    replies++;
    const evaluation = evaluateReply({ draft: x.text, customerMessages: [customer], customer: { name: 'Sam Lee' }, standards: DEFAULT_PACK, now: 0 });
    for (const r of evaluation.results) if (r.state === 'fail' && r.rule !== 'greets-by-name') failing.set(r.rule, (failing.get(r.rule) ?? 0) + 1);
  }
  const total = [...failing.values()].reduce((a, b) => a + b, 0);
  console.log(`checklist on ${replies} real replies not in English: ${total} items failing besides the greeting (${[...failing].map(([rule, n]) => `${rule} ${n}`).join(', ') || 'none'}); ${asks} asks listed from ${all.length - replies} customer turns`);
}
if (process.argv.includes('--checklist')) checklistOnReplies();
