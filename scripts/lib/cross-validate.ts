/**
 * Cross-validation over train + dev (issue #12): every conversation of train and dev judged once by
 * models trained without it. Folds by a hash of the conversation id (the same every run); each
 * task's L2 strength as `npm run train` last chose it on dev (CV_L2), its threshold the shipped model's.
 * Train-only sources (gh-ack, gh-issues-2) and the project corpus train every fold and are never
 * judged. The test split is never read. Used by scripts/judgement/cv.ts.
 */
import { MODELS } from '../../lib/standards/judge';
import { MIN_COUNT, TASKS, trainLogistic, type Task } from '../../lib/standards/train-core';
import type { Exchange } from '../../lib/standards/judgement';
import { loadSplits, projectCorpora, sourceUses, trainingExamples } from './judgement-data';

/** L2 strength per task, as `npm run train` chose it on dev (5 Dec 2026; the model files keep only the threshold). */
const CV_L2: Record<Task, number> = { upset: 3, ask: 10, addressed: 30, 'next-step': 0.1, acknowledges: 1 };
const MODEL_KEY: Record<Task, keyof typeof MODELS> = { upset: 'upset', ask: 'ask', addressed: 'addressed', 'next-step': 'nextStep', acknowledges: 'acknowledges' };

const foldOf = (id: string, folds: number) => {
  let h = 2166136261;
  for (const c of id) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return (h >>> 0) % folds;
};

/** Calls `judge` once per fold with the fold's held-out exchanges while MODELS hold the fold's models. */
export function crossValidate<T>(folds: number, judge: (held: Exchange[]) => T[]): T[] {
  const { train, dev } = loadSplits();
  const judged = new Set(dev.map((r) => r.source));
  const pool = [...train, ...dev].filter((r) => judged.has(r.source));
  const always = [...train.filter((r) => !judged.has(r.source)), ...projectCorpora()];
  const skipAsks = new Set(always.filter((r) => r.source === 'project-corpus').map((r) => r.id));
  const uses = sourceUses();
  const shipped = { ...MODELS };
  const out: T[] = [];
  try {
    for (let k = 0; k < folds; k++) {
      const inFold = (r: Exchange) => foldOf(r.conversation ?? r.id, folds) === k;
      const rows = [...pool.filter((r) => !inFold(r)), ...always];
      for (const task of TASKS) {
        const model = trainLogistic(task, trainingExamples(task, rows, uses, skipAsks), CV_L2[task], undefined, MIN_COUNT[task]);
        MODELS[MODEL_KEY[task]] = { ...model, threshold: shipped[MODEL_KEY[task]].threshold };
      }
      out.push(...judge(pool.filter(inFold)));
    }
  } finally {
    Object.assign(MODELS, shipped);
  }
  return out;
}
