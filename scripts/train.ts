/**
 * Trains the checklist's models from the labelled exchanges (issue #12):
 *   npm run train [-- --train-only]
 * Reads data/judgement/<source>/labelled.jsonl and split.json, chooses the L2 strength and the
 * threshold of each model by 5-fold cross-validation over train + dev (by conversation: each
 * setting is judged on every example by a model trained without its conversation), then trains on
 * train + dev and writes lib/standards/models/<task>.json. `--train-only` leaves dev out of both,
 * so `npm run evaluate -- --split dev` is an honest look. The `test` split is never read. Deterministic.
 *
 * Until 5 Dec 2026 the settings were chosen on dev alone (404 exchanges): too few to tell settings
 * apart (docs/checklist.md, "Settings chosen by cross-validation").
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { examplesFor, foldPlan, foldsOf, MODEL_KEY, withModels, type FoldPlan } from './lib/cross-validate';
import { score, type LinearModel } from '../lib/standards/model';
import { findAsks, judgeAcknowledges, judgeAddressed, judgeNextStep, judgeUpset, type Judged } from '../lib/standards/judge';
import { askCounts, sumCounts } from '../lib/standards/report';
import type { Exchange } from '../lib/standards/judgement';
import { TASKS, accuracyOf, countsOf, examplesOf, f1Of, trainTask, type Task } from '../lib/standards/train-core';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'lib/standards/models');

const L2 = [0.1, 0.3, 1, 3, 10, 30];
const THRESHOLDS = Array.from({ length: 13 }, (_, i) => 0.3 + i * 0.05);

/** The figure a setting is chosen by: accuracy for "addressed", F1 for the rest. */
function figure(task: Task, pairs: { y: boolean; p: boolean }[]) {
  const c = countsOf(pairs);
  return task === 'addressed' ? accuracyOf(c) : f1Of(c);
}

interface Held {
  y: boolean;
  probability: number;
  /** The engine's verdict when the model says yes, and when it says no. */
  ifYes: boolean;
  ifNo: boolean;
}

/**
 * Where the engine's verdict is one model probability and rules around it (phrase backstops, guards),
 * the settings are chosen on that verdict — what the agent sees. Judging each held-out example twice,
 * the model made to say yes and then no, gives the verdict at every threshold. The ask model
 * chooses its L2 on its own clause examples and its threshold on the asks findAsks lists (askThreshold).
 */
const ENGINE: Partial<Record<Task, (row: Exchange) => { y: boolean; judge: () => Judged }[]>> = {
  upset: ({ labels, customer }) => (typeof labels.upset === 'boolean' ? [{ y: labels.upset, judge: () => judgeUpset(customer) }] : []),
  'next-step': ({ labels, reply }) => (reply && typeof labels.nextStep === 'boolean' ? [{ y: labels.nextStep, judge: () => judgeNextStep(reply) }] : []),
  acknowledges: ({ labels, reply, customer }) =>
    reply && typeof labels.acknowledgesFeelings === 'boolean' ? [{ y: labels.acknowledgesFeelings, judge: () => judgeAcknowledges(reply, customer) }] : [],
  // As the evaluation judges it (judgeAddressedOn): each labelled ask beside the other labelled ones.
  addressed: ({ labels, reply, customer }) => {
    const asks = labels.asks.filter((a) => typeof a.addressed === 'boolean');
    return reply ? asks.map((a) => ({ y: a.addressed!, judge: () => judgeAddressed(a.text, reply, customer, asks.filter((o) => o !== a).map((o) => o.text)) })) : [];
  },
};

/** The held-out examples of one fold judged by `model`: by the engine where it can, else by the model alone. */
function judgeHeld(task: Task, model: LinearModel, held: Exchange[]): Held[] {
  const engine = ENGINE[task];
  if (!engine) return held.flatMap((r) => examplesOf(r, task)).map((e) => ({ y: e.y, probability: score(model, e.f).probability, ifYes: true, ifNo: false }));
  const saying = (threshold: number, judge: () => Judged) => withModels({ [MODEL_KEY[task]]: { ...model, threshold } }, judge);
  return held.flatMap(engine).map(({ y, judge }) => {
    const yes = saying(0, judge);
    return { y, probability: yes.probability, ifYes: yes.yes, ifNo: saying(2, judge).yes };
  });
}

/**
 * Settings chosen on more than the folds see. Upset was pinned here (L2 1 at 0.45) while the folds'
 * grid was flat at its top and the fresh dev set read its picks lower. With word beginnings among its
 * features (6 Dec 2026, twenty-fifth session) the grid has a clear top (L2 10 at 0.45: 0.785, next
 * L2 3 at 0.45: 0.778) that fresh dev agrees with (0.716 against 0.708 and 0.714), so the folds choose again.
 *
 * Asks: when "Anyone else experiencing issues?" became a request opener (6 Dec 2026, twenty-second
 * session), the list F1 over the folds tied at its top (L2 10: 0.874 at 0.55 and at 0.60, 0.60 ahead
 * in the fourth decimal), while fresh dev read 0.828 at 0.55 and 0.816 at 0.60 (recall 0.855 →
 * 0.825). Kept: 0.55, the threshold shipped since the ask threshold was chosen on findAsks' lists.
 */
const PINNED: Partial<Record<Task, { l2: number; threshold: number }>> = { ask: { l2: 10, threshold: 0.55 } };

function tune(task: Task, plan: FoldPlan) {
  const folds = [...foldsOf(plan)].map(({ training, held }) => ({ train: examplesFor(task, training, plan), held }));
  let best = { l2: 1, threshold: 0.5, value: -1, held: 0 };
  const grid: Record<string, string> = {};
  if (!plan.pool.length) return { ...best, grid };
  const pinned = PINNED[task];
  for (const l2 of L2) {
    const judged = folds.flatMap(({ train, held }) => judgeHeld(task, trainTask(task, train, l2), held));
    let atL2 = { threshold: 0, value: -1 };
    for (const threshold of THRESHOLDS) {
      const value = figure(task, judged.map((e) => ({ y: e.y, p: e.probability >= threshold ? e.ifYes : e.ifNo })));
      if (value > atL2.value + 1e-9) atL2 = { threshold, value };
      const setting = { l2, threshold, value, held: judged.length };
      if (pinned) {
        if (pinned.l2 === l2 && Math.abs(pinned.threshold - threshold) < 1e-9) best = setting;
      } else if (value > best.value + 1e-9) best = setting; // The first best wins: on a tie the weaker regularisation and the lower threshold.
    }
    grid[l2] = `${atL2.value.toFixed(3)} at ${atL2.threshold.toFixed(2)}`;
  }
  return { ...best, grid };
}

/**
 * The ask model's threshold, chosen on the asks findAsks lists (what the agent sees, matched to the
 * labelled spans as the evaluation matches them) at the L2 its clause examples chose. A clause's own
 * figure is not the list's: findAsks widens a clause to its sentence, drops offers and protests, and
 * holds a second ask to ANOTHER_ASK.
 */
function askThreshold(plan: FoldPlan, l2: number) {
  const folds = [...foldsOf(plan)].map(({ training, held }) => ({ model: trainTask('ask', examplesFor('ask', training, plan), l2), held }));
  let best = { threshold: 0.5, value: -1 };
  const pinned = PINNED.ask?.threshold;
  for (const threshold of pinned === undefined ? THRESHOLDS : [pinned]) {
    const c = sumCounts(folds.flatMap(({ model, held }) => withModels({ ask: { ...model, threshold } }, () => held.map((row) => askCounts(row.labels.asks, findAsks(row.customer))))));
    // The first best wins: on a tie the lower threshold.
    if (f1Of(c) > best.value + 1e-9) best = { threshold, value: f1Of(c) };
  }
  return best;
}

function main() {
  const plan = foldPlan({
    trainOnly: process.argv.includes('--train-only'),
    // --no-corpus: real text only (to see what the project's own replies add).
    corpus: !process.argv.includes('--no-corpus'),
    corpusAsks: process.argv.includes('--corpus-asks'),
  });
  mkdirSync(OUT, { recursive: true });
  const summary: Record<string, unknown> = { exchanges: { crossValidated: plan.pool.length, alwaysTrained: plan.always.length }, uses: Object.fromEntries(plan.uses) };
  for (const task of TASKS) {
    const examples = examplesFor(task, [...plan.pool, ...plan.always], plan);
    if (!examples.length) {
      process.stderr.write(`${task}: no training examples, model not written\n`);
      continue;
    }
    const tuned = tune(task, plan);
    const chosen = task === 'ask' && plan.pool.length ? { ...tuned, ...askThreshold(plan, tuned.l2) } : tuned;
    const model = { ...trainTask(task, examples, chosen.l2), threshold: Math.round(chosen.threshold * 100) / 100, l2: chosen.l2 };
    writeFileSync(join(OUT, `${task}.json`), `${JSON.stringify(model)}\n`);
    summary[task] = {
      examples: examples.length,
      heldOut: chosen.held,
      positives: examples.filter((e) => e.y).length,
      l2: chosen.l2,
      threshold: model.threshold,
      [task === 'addressed' ? 'cvAccuracy' : 'cvF1']: Math.round(chosen.value * 1000) / 1000,
      features: Object.keys(model.weights).length,
      byL2: chosen.grid,
    };
  }
  console.log(JSON.stringify(summary, null, 2));
}

main();
