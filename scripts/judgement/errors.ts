/**
 * The engine's errors on labelled exchanges, item by item, for reading while developing (issue #12):
 *   npx vite-node scripts/judgement/errors.ts FILE.jsonl [--out DIR]     a labelled file (e.g. data/fresh/fresh-dev.jsonl)
 *   npx vite-node scripts/judgement/errors.ts --cv [--out DIR]           train + dev, each by models trained without it
 * Writes DIR/<item>.txt (default /tmp/rapport-errors): asks found that match no label, labelled asks
 * not found, addressed, next step, upset and acknowledges verdicts that differ from the labels, each
 * with the probability and the words that decided it, and the row's notes. Prints the counts.
 * Never a test file or split: their errors are not read while developing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { crossValidate } from '../lib/cross-validate';
import type { Exchange } from '../../lib/standards/judgement';
import { matchAsks, readExchanges } from '../../lib/standards/judgement';
import { judgeAcknowledges, judgeAddressed, judgeExchange, judgeNextStep, judgeUpset, type Judged } from '../../lib/standards/judge';

const args = process.argv.slice(2);
const outDir = args.includes('--out') ? args[args.indexOf('--out') + 1]! : '/tmp/rapport-errors';
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--out');
if (!file && !args.includes('--cv')) throw new Error('usage: errors.ts FILE.jsonl | --cv [--out DIR]');
if (file && /test/i.test(basename(file))) throw new Error('a test file: its errors are never read while developing');

const ITEMS = ['ask-found-unlabelled', 'ask-missed', 'addressed', 'next-step', 'upset', 'acknowledges'] as const;
type Item = (typeof ITEMS)[number];
const flat = (s: string, n: number) => s.replace(/\s+/g, ' ').slice(0, n);
const verdict = (v: Judged) => `p=${v.probability.toFixed(2)} because=${v.because.join(', ')}${v.clause ? ` clause="${flat(v.clause.text, 120)}"` : ''}`;

/** Every error of one exchange, by item. */
function errorsOf(row: Exchange): [Item, string][] {
  const out: [Item, string][] = [];
  const got = judgeExchange(row);
  const head = (label: unknown) => `## ${row.id} label=${String(label)}`;
  const notes = typeof row.notes === 'string' && row.notes ? `\n   NOTES: ${flat(row.notes, 300)}` : '';
  const pairs = matchAsks(row.labels.asks, got.asks);
  got.asks.forEach((a, j) => {
    if (!pairs.includes(j)) out.push(['ask-found-unlabelled', `${head('no ask')} FOUND: ${flat(a.text, 200)}${a.unsure ? ' (unsure)' : ''}\n   CUSTOMER: ${flat(row.customer, 600)}\n   LABELLED: ${row.labels.asks.map((g) => g.text).join(' // ')}${notes}`]);
  });
  for (const [i, g] of row.labels.asks.entries()) if (pairs[i]! < 0) out.push(['ask-missed', `${head('ask')} MISSED: ${flat(g.text, 200)}\n   CUSTOMER: ${flat(row.customer, 600)}\n   FOUND: ${got.asks.map((a) => a.text).join(' // ')}${notes}`]);
  if (!row.reply) return [...out, ...upsetError(row, got.upset, head, notes)];
  const labelled = row.labels.asks.filter((a) => typeof a.addressed === 'boolean');
  for (const a of labelled) {
    const v = judgeAddressed(a.text, row.reply, row.customer, labelled.filter((o) => o !== a).map((o) => o.text));
    if (v.yes !== a.addressed) out.push(['addressed', `${head(a.addressed)} ${verdict(v)}\n   ASK: ${flat(a.text, 200)}\n   REPLY: ${flat(row.reply, 600)}${notes}`]);
  }
  if (typeof row.labels.nextStep === 'boolean' && got.nextStep !== row.labels.nextStep) out.push(['next-step', `${head(row.labels.nextStep)} ${verdict(judgeNextStep(row.reply))}\n   REPLY: ${flat(row.reply, 700)}${notes}`]);
  if (typeof row.labels.acknowledgesFeelings === 'boolean' && got.acknowledgesFeelings !== row.labels.acknowledgesFeelings) out.push(['acknowledges', `${head(row.labels.acknowledgesFeelings)} ${verdict(judgeAcknowledges(row.reply, row.customer))}\n   REPLY: ${flat(row.reply, 700)}${notes}`]);
  return [...out, ...upsetError(row, got.upset, head, notes)];
}

function upsetError(row: Exchange, got: boolean | null, head: (label: unknown) => string, notes: string): [Item, string][] {
  return got === row.labels.upset ? [] : [['upset', `${head(row.labels.upset)} ${verdict(judgeUpset(row.customer))}\n   CUSTOMER: ${flat(row.customer, 700)}${notes}`]];
}

function rows(): Exchange[] {
  const read = readExchanges(readFileSync(file!, 'utf8'), file);
  for (const problem of read.problems) console.error(problem);
  return read.rows;
}
const found = file ? rows().flatMap(errorsOf) : crossValidate(5, (held) => held.flatMap(errorsOf));
mkdirSync(outDir, { recursive: true });
for (const item of ITEMS) writeFileSync(join(outDir, `${item}.txt`), found.filter(([i]) => i === item).map(([, text]) => text).join('\n'));
console.log(Object.fromEntries(ITEMS.map((item) => [item, found.filter(([i]) => i === item).length])), `→ ${outDir}/<item>.txt`);
