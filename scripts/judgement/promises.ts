/**
 * How often the promise tracker's suggestions are right (lib/memory/commitments.ts
 * `suggestFollowUps`), against the hand labels of GUIDELINE §8 (data/judgement/promise/labels/<split>.txt):
 *   npx vite-node scripts/judgement/promises.ts [--split dev|test] [--show wrong|missed]
 * A suggestion is right when its time words overlap a labelled promise's (matched one to one); the
 * replies are read as if sent on Monday 7 Dec 2026, 10:00 UTC, by an agent in UTC. `--show` lists
 * dev rows only: the test split is run for its figures, never read for its errors.
 */
import { suggestFollowUps } from '../../lib/memory/commitments';
import { figures, formatReport, type ExchangeCounts } from '../../lib/standards/report';
import { readPromiseLabels } from '../lib/judgement-data';
import { labelledRun } from './cue-sample';

const SENT = Date.UTC(2026, 11, 7, 10);
type Range = [number, number];

/**
 * Where a suggestion's time words stand in the reply: its sentence first (so a repeated "today" is
 * the right one), at or after `from` (suggestions come in reply order; a sentence may be said twice).
 */
function suggestionRange(text: string, sentence: string, phrase: string, from: number): Range | undefined {
  const lower = text.toLowerCase();
  const key = sentence.toLowerCase().replace(/…$/, '');
  const at = lower.indexOf(key, from) >= 0 ? lower.indexOf(key, from) : lower.indexOf(key);
  const inSentence = sentence.toLowerCase().indexOf(phrase.toLowerCase());
  const start = at >= 0 && inSentence >= 0 ? at + inSentence : lower.indexOf(phrase.toLowerCase());
  return start < 0 ? undefined : [start, start + phrase.length];
}

/** Each labelled time word's place, the occurrence after the previous one's (labels are in reply order). */
function labelRanges(text: string, whens: string[]): Range[] {
  let from = 0;
  return whens.flatMap((w) => {
    const at = text.indexOf(w, from) >= 0 ? text.indexOf(w, from) : text.indexOf(w);
    if (at < 0) return [];
    from = at + w.length;
    return [[at, at + w.length] as Range];
  });
}

const overlaps = (a: Range, b: Range) => a[0] < b[1] && b[0] < a[1];

function main(): void {
  const { split, show, file, labels: text, rows } = labelledRun('promise');
  const per: ExchangeCounts[] = [];
  let absent = 0;
  for (const label of readPromiseLabels(text, file)) {
    const row = rows.get(label.id);
    if (!row) {
      absent++; // a fresh row: its text is kept off the repository (data/fresh)
      continue;
    }
    const found = suggestFollowUps(row.text, SENT, 'UTC');
    const wanted = labelRanges(row.text, label.whens);
    const left = [...wanted];
    let tp = 0;
    let from = 0;
    const wrong: string[] = [];
    for (const s of found) {
      const range = suggestionRange(row.text, s.text, s.phrase, from);
      if (range) from = range[1];
      const i = range ? left.findIndex((w) => overlaps(w, range)) : -1;
      if (i >= 0) {
        tp++;
        left.splice(i, 1);
      } else wrong.push(`“${s.phrase}” in “${s.text.slice(0, 100)}”`);
    }
    per.push({ 'promise with a time': { tp, fp: wrong.length, fn: left.length, tn: !found.length && !wanted.length ? 1 : 0 } });
    if (show === 'wrong' && wrong.length) console.log(`${label.id} | suggested ${wrong.join(' ; ')}${label.notes ? ` | ${label.notes}` : ''}`);
    if (show === 'missed' && left.length) console.log(`${label.id} | missed ${left.map(([a, b]) => `“${row.text.slice(a, b)}” in “${row.text.slice(Math.max(0, a - 70), b + 30).replace(/\s+/g, ' ')}”`).join(' ; ')}${label.notes ? ` | ${label.notes}` : ''}`);
  }
  const out = [formatReport(`Promises with a time, ${split} (${per.length} replies)`, figures(per))];
  if (absent) out.push(`${absent} labelled rows skipped: their text is not on this machine (data/fresh)`);
  console.log(out.join('\n'));
}

main();
