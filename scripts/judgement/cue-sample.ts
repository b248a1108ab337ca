/**
 * Samples for the two judgements the memory panel makes from text, each drawn once and kept in
 * data/judgement/<kind>/sample.json:
 * - `repeat`: "says it is not the first time" (GUIDELINE §7; the repeat-contact cue,
 *   lib/memory/repeat-contact.ts), read on the customer's latest message;
 * - `promise`: "a promise with a time" (GUIDELINE §8; the promise tracker,
 *   lib/memory/commitments.ts), read on the agent's reply.
 *   npx vite-node scripts/judgement/cue-sample.ts --draw repeat|promise          (writes sample.json; both done 7 Dec 2026)
 *   npx vite-node scripts/judgement/cue-sample.ts --sheets repeat|promise DIR    (label sheets for the drawn rows)
 * Rows: every labelled source but GoEmotions (not support text) and the fresh sets (data/fresh,
 * gitignored). Dev = train + dev splits and fresh dev; test = the test split and both fresh tests,
 * so the split follows the one made for the checklist. Both are rare, so a sample takes rows with a
 * broad word of its kind (wider than the reader's own) and a seeded random share of the rest, so
 * what the broad words miss is measured too.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { agentWords, theirWords } from '../../lib/standards/mail-text';
import { seededRandom } from '../../lib/standards/report';
import { DATA, loadSplits } from '../lib/judgement-data';

export type Kind = 'repeat' | 'promise';
const FRESH = join(DATA, '../fresh');

/** Where a kind's sample, sheets' outcomes and labels live. */
export const kindDir = (kind: Kind) => join(DATA, kind);

interface Plan {
  /** Words of time or repetition (repeat) or of time (promise): far wider than the reader's own. */
  broad: RegExp;
  /** How many broad rows and how many others each split takes (Infinity: all). */
  dev: [number, number];
  test: [number, number];
  parts: { dev: number; test: number };
}

const PLANS: Record<Kind, Plan> = {
  repeat: {
    broad: /\b(?:again|still|before|already|previous|previously|earlier|ago|twice|times?|last|same|repeat\w*|keeps?|another|follow(?:ing)?[- ]?up|several|multiple|second|third|\d+(?:st|nd|rd|th)|ticket|e-?mail(?:ed)?|wrote|written|contacted|reported|no (?:reply|response|answer)|yet|once more|recur\w*|over and over)\b/iu,
    dev: [500, 120],
    test: [Infinity, 100],
    parts: { dev: 2, test: 3 },
  },
  promise: {
    broad: /\b(?:today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|week|month|hours?|minutes?|days?|soon|shortly|asap|by|within|until|later|next|eod|morning|afternoon|evening|\d{1,2}(?::\d\d)?\s*(?:am|pm)|january|february|march|april|may|june|july|august|september|october|november|december)\b/iu,
    dev: [Infinity, 60],
    test: [Infinity, 60],
    parts: { dev: 1, test: 2 },
  },
};

export interface SampleRow {
  id: string;
  split: 'dev' | 'test';
  /** What the reader reads: the customer's own words (repeat) or the agent's (promise). */
  text: string;
  /** Up to two earlier turns, for context only. */
  thread: string[];
}

type Raw = { id: string; source: string; thread?: string[]; customer: string; reply?: string | null };
const freshRows = (file: string): Raw[] => (existsSync(join(FRESH, file)) ? readFileSync(join(FRESH, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Raw) : []);

/** Every row a kind's sample may draw from, by split. */
export function samplePool(kind: Kind): SampleRow[] {
  const s = loadSplits();
  const of = (split: 'dev' | 'test', rows: Raw[]) =>
    rows
      .filter((r) => r.source !== 'goemotions' && (kind === 'repeat' || r.reply))
      .map((r) => ({ id: r.id, split, text: kind === 'repeat' ? theirWords(r.customer) : agentWords(r.reply!), thread: (r.thread ?? []).slice(-2) }));
  return [
    ...of('dev', [...s.train, ...s.dev, ...freshRows('fresh-dev.jsonl')]),
    ...of('test', [...s.test, ...freshRows('fresh-test.jsonl'), ...freshRows('fresh-test-2.jsonl')]),
  ];
}

function draw(kind: Kind): Record<'dev' | 'test', string[]> {
  const plan = PLANS[kind];
  const rand = seededRandom(20261207);
  const pick = <T>(xs: T[], n: number) => {
    const copy = [...xs];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  };
  const out = { dev: [] as string[], test: [] as string[] };
  for (const split of ['dev', 'test'] as const) {
    const rows = samplePool(kind).filter((r) => r.split === split);
    const [broad, rest] = plan[split];
    const chosen = [...pick(rows.filter((r) => plan.broad.test(r.text)), broad), ...pick(rows.filter((r) => !plan.broad.test(r.text)), rest)];
    out[split] = pick(chosen, chosen.length).map((r) => r.id); // one order, sources mixed
  }
  return out;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)} […]` : s);

function sheets(kind: Kind, dir: string): void {
  const sample = JSON.parse(readFileSync(join(kindDir(kind), 'sample.json'), 'utf8')) as Record<'dev' | 'test', string[]>;
  const byId = new Map(samplePool(kind).map((r) => [r.id, r]));
  const heading = kind === 'repeat' ? 'LATEST MESSAGE' : 'REPLY';
  mkdirSync(dir, { recursive: true });
  for (const split of ['dev', 'test'] as const) {
    const ids = sample[split];
    const parts = PLANS[kind].parts[split];
    const size = Math.ceil(ids.length / parts);
    for (let p = 0; p < parts; p++) {
      const rows = ids.slice(p * size, (p + 1) * size).map((id) => byId.get(id)!);
      const block = (r: SampleRow) =>
        [`=== ${r.id}`, ...r.thread.map((t, i) => `--- earlier turn ${i + 1} (context only)\n${clip(t, 500)}`), `--- ${heading}`, clip(r.text, 6000), ''].join('\n');
      writeFileSync(join(dir, `${split}-${p + 1}.txt`), rows.map(block).join('\n'));
      writeFileSync(join(dir, `${split}-${p + 1}.jsonl`), rows.map((r) => JSON.stringify({ id: r.id, text: clip(r.text, 6000) })).join('\n') + '\n');
    }
  }
}

/**
 * What a figures script was asked (`--split dev|test`, `--show wrong|missed`): the labels' text, the
 * rows by id, and what to list. `--show` lists dev rows only: the test split is for its figures.
 */
export function labelledRun(kind: Kind): { split: string; show?: string; file: string; labels: string; rows: Map<string, SampleRow> } {
  const arg = (flag: string) => (process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] : undefined);
  const split = arg('--split') ?? 'dev';
  const show = arg('--show');
  if (show && split !== 'dev') throw new Error('--show lists dev rows only: the test split is for its figures');
  const file = join(kindDir(kind), 'labels', `${split}.txt`);
  if (!existsSync(file)) throw new Error(`no labels at ${file}`);
  return { split, show, file, labels: readFileSync(file, 'utf8'), rows: new Map(samplePool(kind).map((r) => [r.id, r])) };
}

const kindAfter = (flag: string) => {
  const kind = process.argv[process.argv.indexOf(flag) + 1];
  if (kind !== 'repeat' && kind !== 'promise') throw new Error(`${flag} repeat|promise`);
  return kind;
};
if (process.argv.includes('--draw')) {
  const kind = kindAfter('--draw');
  mkdirSync(kindDir(kind), { recursive: true });
  writeFileSync(join(kindDir(kind), 'sample.json'), JSON.stringify({ seed: 20261207, ...draw(kind) }, null, 1) + '\n');
}
if (process.argv.includes('--sheets')) sheets(kindAfter('--sheets'), process.argv[process.argv.indexOf('--sheets') + 2]!);
