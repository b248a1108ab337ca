/**
 * Trains the checklist's models from the labelled exchanges (issue #12):
 *   npm run train
 * Reads data/judgement/<source>/labelled.jsonl and split.json, chooses the L2 strength and the
 * threshold of each model on the `dev` split (trained on `train`), then trains on train + dev and
 * writes lib/standards/models/<task>.json. The `test` split is never read here. Deterministic.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadSplits, projectCorpora, sourceUses, trainingExamples } from './lib/judgement-data';
import { score } from '../lib/standards/model';
import { MIN_COUNT, TASKS, accuracyOf, countsOf, examplesOf, f1Of, trainLogistic, type Example, type Task } from '../lib/standards/train-core';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'lib/standards/models');

const L2 = [0.1, 0.3, 1, 3, 10, 30];
const THRESHOLDS = Array.from({ length: 9 }, (_, i) => 0.3 + i * 0.05);

/** Dev figure a model is chosen by: accuracy for "addressed", F1 for the rest. */
function figure(task: Task, pairs: { y: boolean; p: boolean }[]) {
  const c = countsOf(pairs);
  return task === 'addressed' ? accuracyOf(c) : f1Of(c);
}

function tune(task: Task, train: Example[], dev: Example[]) {
  let best = { l2: 1, threshold: 0.5, value: -1 };
  for (const l2 of L2) {
    const model = trainLogistic(task, train, l2, undefined, MIN_COUNT[task]);
    const probs = dev.map((e) => score(model, e.f).probability);
    for (const threshold of THRESHOLDS) {
      const value = figure(task, dev.map((e, i) => ({ y: e.y, p: probs[i]! >= threshold })));
      // The first best wins: on a tie the weaker regularisation and the lower threshold. (Ties going to
      // the steadier model, and a wider grid, were tried on 4 Dec: see docs/checklist.md, "Tuning tried".)
      if (value > best.value + 1e-9) best = { l2, threshold, value };
    }
  }
  return best;
}

function main() {
  const splits = loadSplits();
  // --no-corpus: real text only (to see what the project's own replies add on dev).
  const extra = process.argv.includes('--no-corpus') ? [] : projectCorpora();
  const skipAsks = process.argv.includes('--corpus-asks') ? new Set<string>() : new Set(extra.map((r) => r.id));
  // Per-source limits (data/judgement/<source>/use.json, or --use SOURCE=tasks@weight).
  const uses = sourceUses();
  mkdirSync(OUT, { recursive: true });
  const summary: Record<string, unknown> = { exchanges: { train: splits.train.length, projectCorpus: extra.length, dev: splits.dev.length }, uses: Object.fromEntries(uses) };
  for (const task of TASKS) {
    const train = trainingExamples(task, [...splits.train, ...extra], uses, skipAsks);
    const dev = splits.dev.flatMap((r) => examplesOf(r, task));
    if (!train.length) {
      process.stderr.write(`${task}: no training examples, model not written\n`);
      continue;
    }
    const chosen = dev.length ? tune(task, train, dev) : { l2: 1, threshold: 0.5, value: NaN };
    // --train-only: the models as tuned (train split only), for an honest look at dev with `npm run evaluate -- --split dev`.
    const model = trainLogistic(task, process.argv.includes('--train-only') ? train : [...train, ...dev], chosen.l2, undefined, MIN_COUNT[task]);
    model.threshold = Math.round(chosen.threshold * 100) / 100;
    writeFileSync(join(OUT, `${task}.json`), `${JSON.stringify(model)}\n`);
    summary[task] = {
      train: train.length,
      dev: dev.length,
      positives: train.filter((e) => e.y).length + dev.filter((e) => e.y).length,
      l2: chosen.l2,
      threshold: model.threshold,
      [task === 'addressed' ? 'devAccuracy' : 'devF1']: Math.round(chosen.value * 1000) / 1000,
      features: Object.keys(model.weights).length,
    };
  }
  console.log(JSON.stringify(summary, null, 2));
}

main();
