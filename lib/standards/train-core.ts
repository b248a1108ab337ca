/**
 * Training the checklist's linear models (used by scripts/train.ts): examples from the labelled
 * exchanges, L2-regularised logistic regression by full-batch AdaGrad (no randomness: the same
 * data gives the same weights), a threshold chosen on the dev split.
 */
import type { Exchange } from './judgement';
import { sameAsk } from './judgement';
import type { Features, LinearModel } from './model';
import { sigmoid } from './model';
import { acknowledgesFeatures, addressedFeatures, askClauses, askFeatures, nextStepFeatures, upsetFeatures } from './judge-features';

export interface Example {
  f: Features;
  y: boolean;
  /** Sample weight (default 1): an off-domain source can count for less than the real support text. */
  w?: number;
}

export const TASKS = ['upset', 'ask', 'addressed', 'next-step', 'acknowledges'] as const;
export type Task = (typeof TASKS)[number];

/**
 * Features seen in fewer examples than this are left out: rarer words were noise on dev for upset
 * and asks (same dev F1 with half the features or fewer; the shipped models stay small).
 */
export const MIN_COUNT: Record<Task, number> = { upset: 5, ask: 3, addressed: 2, 'next-step': 2, acknowledges: 2 };

/** The examples one exchange gives each task (none where the label is absent). */
export function examplesOf(row: Exchange, task: Task): Example[] {
  const { labels, reply, customer } = row;
  switch (task) {
    case 'upset':
      return typeof labels.upset === 'boolean' ? [{ f: upsetFeatures(customer), y: labels.upset }] : [];
    case 'ask': {
      const clauses = askClauses(customer);
      return clauses.map((c, i) => ({ f: askFeatures(clauses, i), y: labels.asks.some((a) => sameAsk(a, c)) }));
    }
    case 'addressed':
      if (!reply) return [];
      return labels.asks
        .filter((a) => typeof a.addressed === 'boolean')
        .map((a) => ({ f: addressedFeatures(a.text, reply, customer, labels.asks.filter((o) => o !== a).map((o) => o.text)), y: a.addressed! }));
    case 'next-step':
      return reply && typeof labels.nextStep === 'boolean' ? [{ f: nextStepFeatures(reply), y: labels.nextStep }] : [];
    case 'acknowledges':
      return reply && typeof labels.acknowledgesFeelings === 'boolean' ? [{ f: acknowledgesFeatures(reply, customer), y: labels.acknowledgesFeelings }] : [];
  }
}

/** Logistic regression; features seen in fewer than `minCount` examples are left out. */
export function trainLogistic(task: string, examples: Example[], l2: number, epochs = 250, minCount = 2): LinearModel {
  const counts = new Map<string, number>();
  for (const e of examples) for (const k of e.f.keys()) counts.set(k, (counts.get(k) ?? 0) + 1);
  const vocab = [...counts].filter(([, n]) => n >= minCount).map(([k]) => k).sort();
  const index = new Map(vocab.map((k, i) => [k, i]));
  const rows = examples.map((e) => ({ y: e.y ? 1 : 0, w: e.w ?? 1, x: [...e.f].filter(([k]) => index.has(k)).map(([k, v]) => [index.get(k)!, v] as const) }));
  const positives = rows.filter((r) => r.y).length;
  // Balanced classes: rare positives (e.g. acknowledgements) weigh as much as the many negatives.
  const weightOf = (y: number) => (positives && positives < rows.length ? rows.length / (2 * (y ? positives : rows.length - positives)) : 1);
  const w = new Float64Array(vocab.length);
  const g2 = new Float64Array(vocab.length + 1).fill(1e-8);
  let bias = 0;
  const rate = 0.2;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Float64Array(vocab.length);
    let gb = 0;
    for (const r of rows) {
      let z = bias;
      for (const [j, v] of r.x) z += w[j]! * v;
      const err = (sigmoid(z) - r.y) * weightOf(r.y) * r.w;
      gb += err;
      for (const [j, v] of r.x) grad[j]! += err * v;
    }
    for (let j = 0; j < vocab.length; j++) {
      const g = grad[j]! + l2 * w[j]!;
      g2[j]! += g * g;
      w[j]! -= (rate * g) / Math.sqrt(g2[j]!);
    }
    g2[vocab.length]! += gb * gb;
    bias -= (rate * gb) / Math.sqrt(g2[vocab.length]!);
  }
  const weights: Record<string, number> = {};
  vocab.forEach((k, j) => {
    const value = Math.round(w[j]! * 1e4) / 1e4;
    if (Math.abs(value) >= 0.005) weights[k] = value;
  });
  return { task, bias: Math.round(bias * 1e4) / 1e4, threshold: 0.5, weights };
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function countsOf(pairs: { y: boolean; p: boolean }[]): Counts {
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const { y, p } of pairs) c[y ? (p ? 'tp' : 'fn') : p ? 'fp' : 'tn']++;
  return c;
}

export const f1Of = (c: Counts) => (2 * c.tp) / Math.max(1, 2 * c.tp + c.fp + c.fn);
export const accuracyOf = (c: Counts) => (c.tp + c.tn) / Math.max(1, c.tp + c.tn + c.fp + c.fn);
