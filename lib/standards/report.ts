/**
 * Honest figures for the checklist's judgements (issue #12): precision, recall, F1 and accuracy
 * per item against labelled exchanges, each with a 95% bootstrap interval (exchanges resampled
 * with replacement, 1,000 times, seeded), and the number of items each figure rests on.
 */
import type { Exchange } from './judgement';
import { matchAsks, sameAsk, skippingDrafts } from './judgement';
import { judgeAddressed, judgeAddressedOn, judgeExchange, type Prediction } from './judge';
import { isDone } from './wrap-up';
import type { Counts } from './train-core';
import { threadMood } from './mood';

/**
 * "skipped ask": drafts made from real replies by cutting out what addresses one ask (GUIDELINE §2b);
 * a draft counts as caught (tp) when the engine says that ask is not addressed, missed (fn) when it
 * passes it. Its recall is the share of skipped asks an agent would be told about.
 */
export const ITEMS = ['question/request', 'addressed', 'skipped ask', 'next step', 'when', 'upset', 'acknowledges feelings', 'respectful', 'repeat claim', 'promise with a time'] as const;
export type Item = (typeof ITEMS)[number];

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });

/** What one exchange contributes to each item's counts. */
export type ExchangeCounts = Partial<Record<Item, Counts>>;

/** One yes/no verdict against its label (none when either is missing). */
export function binary(label: boolean | null | undefined, got: boolean | null): Counts | undefined {
  if (typeof label !== 'boolean' || got === null) return undefined;
  const c = zero();
  c[label ? (got ? 'tp' : 'fn') : got ? 'fp' : 'tn']++;
  return c;
}

type Span = { start: number; end: number };
/** Asks found against asks labelled, matched one to one by range (`matchAsks`). */
export function askCounts(labelled: readonly Span[], found: readonly Span[]): Counts {
  const paired = matchAsks(labelled, found).filter((j) => j >= 0).length;
  return { ...zero(), tp: paired, fn: labelled.length - paired, fp: found.length - paired };
}

/** Counts of one exchange: asks matched one to one by range, addressed judged on the labelled asks. */
export function countExchange(row: Exchange, got: Prediction = judgeExchange(row)): ExchangeCounts {
  const out: ExchangeCounts = {};
  out['question/request'] = askCounts(row.labels.asks, got.asks);
  const labelled = row.labels.asks.filter((a) => typeof a.addressed === 'boolean');
  if (row.reply && labelled.length) {
    const verdicts = judgeAddressedOn(row, labelled);
    const c = zero();
    labelled.forEach((a, i) => c[a.addressed ? (verdicts[i] ? 'tp' : 'fn') : verdicts[i] ? 'fp' : 'tn']++);
    out.addressed = c;
  }
  const drafts = skippingDrafts(row);
  if (drafts.length) {
    const c = zero();
    for (const d of drafts) c[judgeAddressed(d.ask.text, d.draft, row.customer, d.others).yes ? 'fn' : 'tp']++;
    out['skipped ask'] = c;
  }
  const pairs: [Item, boolean | null | undefined, boolean | null][] = [
    ['next step', row.labels.nextStep, got.nextStep],
    ['when', row.labels.when, got.when],
    ['upset', row.labels.upset, got.upset],
    ['acknowledges feelings', row.labels.acknowledgesFeelings, got.acknowledgesFeelings],
    ['respectful', row.labels.respectful, got.respectful],
  ];
  for (const [item, label, verdict] of pairs) {
    const c = binary(label, verdict);
    if (c) out[item] = c;
  }
  return out;
}

/**
 * The warnings an agent would see on a real reply, each right or wrong by the labels: "not
 * addressed" on every ask the engine finds (wrong when the ask was addressed or is no ask at all),
 * "no next step" (not when the customer is wrapping up: the sidebar shows none then), "not respectful",
 * "feelings not acknowledged" (critical in the default pack; only on a sure upset reading). A figure can look fine while most of what the agent is shown
 * is wrong (addressed accuracy sits near its base rate), so these are counted on their own.
 */
export const WARNINGS = ['not addressed', 'no next step', 'not respectful', 'feelings not acknowledged'] as const;
export type Warning = (typeof WARNINGS)[number];
export type WarningCounts = Partial<Record<Warning, { right: number; wrong: number }>>;

export function warningsOf(row: Exchange, got: Prediction = judgeExchange(row)): WarningCounts {
  if (!row.reply) return {};
  const out: WarningCounts = {};
  const add = (w: Warning, right: boolean) => {
    const c = (out[w] ??= { right: 0, wrong: 0 });
    c[right ? 'right' : 'wrong']++;
  };
  for (const ask of got.asks) if (ask.addressed === false && !ask.unsure) add('not addressed', row.labels.asks.some((g) => g.addressed === false && sameAsk(ask, g)));
  if (got.nextStep === false && !isDone(row.customer.trim()) && typeof row.labels.nextStep === 'boolean') add('no next step', !row.labels.nextStep);
  if (got.respectful === false && typeof row.labels.respectful === 'boolean') add('not respectful', !row.labels.respectful);
  // The sidebar's critical item: the customer sounds upset and the reply does not acknowledge it.
  // Only a sure reading fails it (lib/standards/mood.ts; "may be upset" is said, not counted).
  // Wrong when they were not upset or the reply did acknowledge them.
  if (got.upset && got.acknowledgesFeelings === false && typeof row.labels.acknowledgesFeelings === 'boolean' && typeof row.labels.upset === 'boolean' && threadMood(row.customer).sure) {
    add('feelings not acknowledged', row.labels.upset && !row.labels.acknowledgesFeelings);
  }
  return out;
}

/** Warnings summed over exchanges, with the share that was right (null when none was given). */
export function warningTotals(perExchange: WarningCounts[]): { warning: Warning; right: number; wrong: number; shareRight: number | null }[] {
  return WARNINGS.map((warning) => {
    const right = perExchange.reduce((n, e) => n + (e[warning]?.right ?? 0), 0);
    const wrong = perExchange.reduce((n, e) => n + (e[warning]?.wrong ?? 0), 0);
    return { warning, right, wrong, shareRight: right + wrong ? round(right / (right + wrong)) : null };
  });
}

export interface Figure {
  value: number;
  low: number;
  high: number;
}
export interface ItemFigures {
  item: Item;
  /** Exchanges that carry the item's label. */
  exchanges: number;
  /** Labelled positives + negatives (for question/request: labelled asks + asks found that match none). */
  items: number;
  precision: Figure;
  recall: Figure;
  f1: Figure;
  accuracy: Figure;
  /**
   * What a constant answer scores on the same items, so a figure can be read against it: F1 of
   * always answering yes, accuracy of always giving the commoner label (87% of labelled asks are
   * addressed, so "addressed" accuracy means little without it). None for question/request, whose
   * items are spans found in the text.
   */
  baseline?: { alwaysYesF1: number; majorityAccuracy: number };
}

/** Counts added up. */
export const sumCounts = (cs: readonly Counts[]) => cs.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn, tn: a.tn + c.tn }), zero());
const measures = (c: Counts) => ({
  precision: c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1,
  recall: c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1,
  f1: 2 * c.tp + c.fp + c.fn ? (2 * c.tp) / (2 * c.tp + c.fp + c.fn) : 1,
  accuracy: c.tp + c.tn + c.fp + c.fn ? (c.tp + c.tn) / (c.tp + c.tn + c.fp + c.fn) : 1,
});

/** Deterministic pseudo-random numbers (mulberry32) so a report or a drawn sample is reproducible. */
export function seededRandom(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Figures per item over exchanges' counts, with 95% percentile bootstrap intervals. */
export function figures(perExchange: ExchangeCounts[], resamples = 1000, seed = 12): ItemFigures[] {
  return ITEMS.flatMap((item) => {
    const cs = perExchange.map((e) => e[item]).filter((c): c is Counts => !!c);
    if (!cs.length) return [];
    const whole = measures(sumCounts(cs));
    const rand = seededRandom(seed);
    const draws: Record<keyof typeof whole, number[]> = { precision: [], recall: [], f1: [], accuracy: [] };
    for (let r = 0; r < resamples; r++) {
      const total = zero();
      for (let i = 0; i < cs.length; i++) {
        const c = cs[Math.floor(rand() * cs.length)]!;
        total.tp += c.tp;
        total.fp += c.fp;
        total.fn += c.fn;
        total.tn += c.tn;
      }
      const m = measures(total);
      for (const k of Object.keys(draws) as (keyof typeof whole)[]) draws[k].push(m[k]);
    }
    const fig = (k: keyof typeof whole): Figure => {
      const sorted = draws[k].sort((a, b) => a - b);
      return { value: round(whole[k]), low: round(sorted[Math.floor(0.025 * resamples)]!), high: round(sorted[Math.ceil(0.975 * resamples) - 1]!) };
    };
    const t = sumCounts(cs);
    const row: ItemFigures = { item, exchanges: cs.length, items: t.tp + t.fp + t.fn + t.tn, precision: fig('precision'), recall: fig('recall'), f1: fig('f1'), accuracy: fig('accuracy') };
    // Every skipped-ask draft is a skip, so a constant "yes" would catch them all: only its recall means anything.
    return [item === 'question/request' || item === 'skipped ask' || item === 'promise with a time' ? row : { ...row, baseline: baseline(t) }];
  });
}

function baseline(c: Counts): ItemFigures['baseline'] {
  const yes = c.tp + c.fn;
  const no = c.fp + c.tn;
  return { alwaysYesF1: round(yes ? (2 * yes) / (2 * yes + no) : 0), majorityAccuracy: round(yes + no ? Math.max(yes, no) / (yes + no) : 1) };
}

/** The report as a plain-text table. */
export function formatReport(title: string, rows: ItemFigures[]): string {
  const f = (x: Figure) => `${x.value.toFixed(3)} [${x.low.toFixed(2)}–${x.high.toFixed(2)}]`.padEnd(21);
  const lines = [
    title,
    `${'item'.padEnd(22)}${'exch.'.padStart(6)}${'items'.padStart(6)}  ${'precision'.padEnd(21)}${'recall'.padEnd(21)}${'F1'.padEnd(21)}${'accuracy'.padEnd(21)}constant: yes F1 / commoner acc.`,
    ...rows.map((r) => `${r.item.padEnd(22)}${String(r.exchanges).padStart(6)}${String(r.items).padStart(6)}  ${f(r.precision)}${f(r.recall)}${f(r.f1)}${f(r.accuracy)}${r.baseline ? `${r.baseline.alwaysYesF1.toFixed(3)} / ${r.baseline.majorityAccuracy.toFixed(3)}` : '—'}`),
  ];
  return lines.join('\n');
}
