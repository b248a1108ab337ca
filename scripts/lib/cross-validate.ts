/**
 * Cross-validation over train + dev (issue #12), by conversation: folds by a hash of the conversation
 * id (the same every run). Train-only sources (gh-ack, gh-issues-2) and the project corpus train every
 * fold and are never judged. The test split is never read.
 * - `npm run train` chooses each model's L2 strength and threshold on the folds' held-out examples.
 * - `scripts/judgement/cv.ts` judges every conversation of train and dev with the whole engine, its
 *   models trained without it (each task's L2 and threshold as the shipped model's), so the figures
 *   flatter the models' two tuned settings a little.
 */
import { MODELS } from '../../lib/standards/judge';
import { TASKS, trainTask, type Example, type Task } from '../../lib/standards/train-core';
import type { Exchange } from '../../lib/standards/judgement';
import { loadSplits, projectCorpora, sourceUses, trainingExamples, type SourceUse } from './judgement-data';

export const FOLDS = 5;

export const MODEL_KEY: Record<Task, keyof typeof MODELS> = { upset: 'upset', ask: 'ask', addressed: 'addressed', 'next-step': 'nextStep', acknowledges: 'acknowledges' };

/** The exchanges a cross-validation works on. */
export interface FoldPlan {
  /** Judged once each, by models trained without their conversation. */
  pool: Exchange[];
  /** Train every fold and the final model; never judged. */
  always: Exchange[];
  uses: Map<string, SourceUse>;
  /** The project corpus's asks are phrase-list guesses: they do not train the ask model. */
  skipAsks: Set<string>;
}

export interface PlanOptions {
  /** Leave dev out entirely (train split only), so dev stays an honest look. */
  trainOnly?: boolean;
  /** Train on the project's own corpus too (default yes). */
  corpus?: boolean;
  /** Let the project corpus's asks train the ask model. */
  corpusAsks?: boolean;
}

export function foldPlan({ trainOnly = false, corpus = true, corpusAsks = false }: PlanOptions = {}): FoldPlan {
  const { train, dev } = loadSplits();
  const judged = new Set(dev.map((r) => r.source));
  const extra = corpus ? projectCorpora() : [];
  return {
    pool: [...train, ...(trainOnly ? [] : dev)].filter((r) => judged.has(r.source)),
    always: [...train.filter((r) => !judged.has(r.source)), ...extra],
    uses: sourceUses(),
    skipAsks: new Set(corpusAsks ? [] : extra.map((r) => r.id)),
  };
}

const foldOf = (id: string, folds: number) => {
  let h = 2166136261;
  for (const c of id) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return (h >>> 0) % folds;
};

/** Each fold: the exchanges its models train on and the ones it holds out. */
export function* foldsOf(plan: FoldPlan, folds = FOLDS): Generator<{ training: Exchange[]; held: Exchange[] }> {
  for (let k = 0; k < folds; k++) {
    const inFold = (r: Exchange) => foldOf(r.conversation ?? r.id, folds) === k;
    yield { training: [...plan.pool.filter((r) => !inFold(r)), ...plan.always], held: plan.pool.filter(inFold) };
  }
}

/** The examples `task` trains on from `rows` under the plan's source limits. */
export const examplesFor = (task: Task, rows: readonly Exchange[], plan: FoldPlan): Example[] => trainingExamples(task, rows, plan.uses, plan.skipAsks);

/** `fn`'s result while MODELS hold `models` in place of the shipped ones, which are put back however it ends. */
export function withModels<T>(models: Partial<typeof MODELS>, fn: () => T): T {
  const shipped = { ...MODELS };
  Object.assign(MODELS, models);
  try {
    return fn();
  } finally {
    Object.assign(MODELS, shipped);
  }
}

/** Calls `judge` once per fold with the fold's held-out exchanges while MODELS hold the fold's models. */
export function crossValidate<T>(folds: number, judge: (held: Exchange[]) => T[]): T[] {
  const plan = foldPlan();
  const out: T[] = [];
  for (const { training, held } of foldsOf(plan, folds)) {
    const models: Partial<typeof MODELS> = {};
    for (const task of TASKS) {
      const { l2 = 1, threshold } = MODELS[MODEL_KEY[task]];
      models[MODEL_KEY[task]] = { ...trainTask(task, examplesFor(task, training, plan), l2), threshold };
    }
    out.push(...withModels(models, () => judge(held)));
  }
  return out;
}
