/**
 * The sample for "says it is not the first time" (GUIDELINE §7; the repeat-contact cue,
 * lib/memory/repeat-contact.ts), drawn once and kept in data/judgement/repeat/sample.json:
 *   npx vite-node scripts/judgement/repeat-sample.ts --draw          (writes sample.json; done 7 Dec 2026)
 *   npx vite-node scripts/judgement/repeat-sample.ts --sheets DIR    (label sheets for the drawn rows)
 * Rows: the customer messages of every labelled source but GoEmotions (not support text) and of the
 * fresh sets (data/fresh, gitignored). Dev = train + dev splits and fresh dev; test = the test split
 * and both fresh tests, so the split follows the one made for the checklist. A claim is rare, so the
 * sample takes every row whose own words hold a broad word of time or repetition (`BROAD`, wider
 * than the detector's) in test, 500 of them in dev, and a seeded random 100 (test) / 120 (dev) of
 * the rest, so what the broad words miss is measured too.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { theirWords } from '../../lib/standards/mail-text';
import { seededRandom } from '../../lib/standards/report';
import { DATA, loadSplits } from '../lib/judgement-data';

export const REPEAT = join(DATA, 'repeat');
const FRESH = join(DATA, '../fresh');

/** Words of time or repetition: far wider than the detector's own. */
const BROAD = /\b(?:again|still|before|already|previous|previously|earlier|ago|twice|times?|last|same|repeat\w*|keeps?|another|follow(?:ing)?[- ]?up|several|multiple|second|third|\d+(?:st|nd|rd|th)|ticket|e-?mail(?:ed)?|wrote|written|contacted|reported|no (?:reply|response|answer)|yet|once more|recur\w*|over and over)\b/iu;

export interface RepeatRow {
  id: string;
  split: 'dev' | 'test';
  /** The customer's own words (`theirWords`), as the cue reads them. */
  text: string;
  /** Up to two earlier turns, for context only. */
  thread: string[];
}

const freshRows = (file: string) =>
  existsSync(join(FRESH, file))
    ? readFileSync(join(FRESH, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; source: string; thread: string[]; customer: string })
    : [];

/** Every row the sample may draw from, by split. */
export function repeatPool(): RepeatRow[] {
  const s = loadSplits();
  const of = (split: 'dev' | 'test', rows: { id: string; source: string; thread?: string[]; customer: string }[]) =>
    rows.filter((r) => r.source !== 'goemotions').map((r) => ({ id: r.id, split, text: theirWords(r.customer), thread: (r.thread ?? []).slice(-2) }));
  return [
    ...of('dev', [...s.train, ...s.dev, ...freshRows('fresh-dev.jsonl')]),
    ...of('test', [...s.test, ...freshRows('fresh-test.jsonl'), ...freshRows('fresh-test-2.jsonl')]),
  ];
}

function draw(): Record<'dev' | 'test', string[]> {
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
    const rows = repeatPool().filter((r) => r.split === split);
    const broad = rows.filter((r) => BROAD.test(r.text));
    const rest = rows.filter((r) => !BROAD.test(r.text));
    const chosen = [...pick(broad, split === 'dev' ? 500 : broad.length), ...pick(rest, split === 'dev' ? 120 : 100)];
    out[split] = pick(chosen, chosen.length).map((r) => r.id); // one order, sources mixed
  }
  return out;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)} […]` : s);

function sheets(dir: string): void {
  const sample = JSON.parse(readFileSync(join(REPEAT, 'sample.json'), 'utf8')) as Record<'dev' | 'test', string[]>;
  const byId = new Map(repeatPool().map((r) => [r.id, r]));
  mkdirSync(dir, { recursive: true });
  for (const split of ['dev', 'test'] as const) {
    const ids = sample[split];
    const parts = split === 'dev' ? 2 : 3;
    const size = Math.ceil(ids.length / parts);
    for (let p = 0; p < parts; p++) {
      const rows = ids.slice(p * size, (p + 1) * size).map((id) => byId.get(id)!);
      const block = (r: RepeatRow) =>
        [`=== ${r.id}`, ...r.thread.map((t, i) => `--- earlier turn ${i + 1} (context only)\n${clip(t, 500)}`), '--- LATEST MESSAGE', clip(r.text, 6000), ''].join('\n');
      writeFileSync(join(dir, `${split}-${p + 1}.txt`), rows.map(block).join('\n'));
      writeFileSync(join(dir, `${split}-${p + 1}.jsonl`), rows.map((r) => JSON.stringify({ id: r.id, text: clip(r.text, 6000) })).join('\n') + '\n');
    }
  }
}

if (process.argv.includes('--draw')) {
  mkdirSync(REPEAT, { recursive: true });
  writeFileSync(join(REPEAT, 'sample.json'), JSON.stringify({ seed: 20261207, ...draw() }, null, 1) + '\n');
}
const at = process.argv.indexOf('--sheets');
if (at > 0) sheets(process.argv[at + 1]!);
