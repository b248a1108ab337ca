/**
 * How well two people agree on the ask and reply items (issue #12), measured the way the engine is:
 *   npx vite-node scripts/judgement/two-people-replies.ts [--split dev|test|all]
 *
 * The first labels (labelled.jsonl, as they were before any adjudication of this pass) against a
 * blind second labelling (`<source>/second/replies-blind.jsonl`: one JSON line per row, `id`,
 * `asks` [{`text`, `addressed`}], `nextStep`, `when`, `note`). Question/request uses the
 * evaluation's own matching (`matchAsks`: one to one, half of the shorter span shared); addressed is compared on
 * the asks both people found; next step and when as they are. F1 is symmetric, so the figure does
 * not depend on whom we call the reference. Where an adjudication changed a first label
 * (`<source>/second/replies-adjudicated.txt`: `ID | FIELD | FIRST | SECOND | FINAL | REASON`, FIELD
 * asks, nextStep or when; see scripts/judgement/second_replies.py), the first label is restored
 * from that line. No engine output is read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matchAsks, type Exchange } from '../../lib/standards/judgement';
import { figures, formatReport, type ExchangeCounts } from '../../lib/standards/report';
import { DATA, loadSplits, type Split } from '../lib/judgement-data';

interface Second {
  id: string;
  asks: { text: string; addressed: 0 | 1 | null }[];
  nextStep: 0 | 1 | null;
  when: 0 | 1 | null;
}
type Counts = { tp: number; fp: number; fn: number; tn: number };
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
const bit = (x: string) => (x === '1' ? true : x === '0' ? false : null);

function readSecond(source: string): Map<string, Second> {
  const file = join(DATA, source, 'second', 'replies-blind.jsonl');
  if (!existsSync(file)) return new Map();
  const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Second);
  return new Map(rows.map((r) => [r.id, r]));
}

/** "span=1 ;; span=0" (the label sheets' way) → asks; "" → none. */
const spanList = (value: string) =>
  value
    .split(' ;; ')
    .filter((p) => p.trim())
    .map((part) => {
      const at = part.lastIndexOf('=');
      const flag = part.slice(at + 1);
      const text = (at > 0 ? part.slice(0, at) : part).replaceAll('\\n', '\n');
      return at > 0 && (flag === '0' || flag === '1') ? { text, addressed: flag === '1' } : { text, addressed: null };
    });

/** "id|field" → the first label (FIRST), for each label an adjudication decided. */
function readFirstChanges(source: string): Map<string, string> {
  const file = join(DATA, source, 'second', 'replies-adjudicated.txt');
  const out = new Map<string, string>();
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const parts = line.split(' | ').map((p) => p.trim());
    if (line.startsWith('#') || parts.length < 6) continue;
    out.set(`${parts[0]}|${parts[1]}`, parts[2]!);
  }
  return out;
}

/** The first labeller's asks: as built, or FIRST where an adjudication replaced them. */
function firstAsks(row: Exchange, changed: Map<string, string>): { start: number; end: number; addressed?: boolean | null }[] {
  const before = changed.get(`${row.id}|asks`);
  if (before === undefined) return row.labels.asks;
  return spanList(before).map((a) => {
    const start = row.customer.indexOf(a.text);
    return { start, end: start + a.text.length, addressed: a.addressed };
  });
}

function binary(c: Counts, first: boolean, second: boolean) {
  c[first ? (second ? 'tp' : 'fn') : second ? 'fp' : 'tn']++;
}

/** One row's counts: the first labeller as reference, the second as the "found" side. */
function countRow(row: Exchange, second: Second, firstChanged: Map<string, string>): ExchangeCounts {
  const spans = second.asks.map((a) => {
    const start = row.customer.indexOf(a.text);
    return { start, end: start + a.text.length, addressed: a.addressed };
  });
  const asks = zero();
  const addressed = zero();
  const first = firstAsks(row, firstChanged);
  const placed = spans.filter((s) => s.start >= 0);
  const pairs = matchAsks(first, placed);
  first.forEach((gold, i) => {
    const match = placed[pairs[i]!];
    asks[match ? 'tp' : 'fn']++;
    if (match && typeof gold.addressed === 'boolean' && match.addressed !== null) binary(addressed, gold.addressed, match.addressed === 1);
  });
  asks.fp += spans.length - asks.tp;
  const out: ExchangeCounts = { 'question/request': asks };
  if (addressed.tp + addressed.fp + addressed.fn + addressed.tn) out.addressed = addressed;
  for (const [item, field] of [['next step', 'nextStep'], ['when', 'when']] as const) {
    const key = `${row.id}|${field}`;
    const before = firstChanged.get(key);
    const one = before === undefined ? row.labels[field] : bit(before);
    const other = second[field];
    if (typeof one !== 'boolean' || other === null) continue;
    const c = zero();
    binary(c, one, other === 1);
    out[item] = c;
  }
  return out;
}

function main() {
  const at = process.argv.indexOf('--split');
  const which = (at > 0 ? process.argv[at + 1] : 'test') as Split | 'all';
  const splits = loadSplits();
  const rows = which === 'all' ? [...splits.dev, ...splits.test] : splits[which];
  const bySource = new Map<string, ExchangeCounts[]>();
  for (const source of [...new Set(rows.map((r) => r.source))].sort()) {
    const second = readSecond(source);
    const changed = readFirstChanges(source);
    const counted = rows.filter((r) => r.source === source && second.has(r.id)).map((r) => countRow(r, second.get(r.id)!, changed));
    if (counted.length) bySource.set(source, counted);
  }
  const all = [...bySource.values()].flat();
  if (!all.length) {
    process.stderr.write('No rows with a blind second labelling in this split\n');
    process.exit(1);
  }
  const title = (what: string, n: number) => `${which} split, two people (first labels vs blind second): ${what} (${n} exchanges)`;
  const out = [formatReport(title('all sources', all.length), figures(all))];
  for (const [source, counted] of bySource) out.push(formatReport(title(source, counted.length), figures(counted)));
  // "constant" columns compare the second labeller with a constant answer; only the F1 / accuracy columns matter here.
  process.stdout.write(`${out.join('\n\n')}\n`);
}

main();
