/** Regression floor: the engine against the hand-labelled corpus (test/corpus/replies.jsonl). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { scoreCorpus } from '../../../lib/standards/corpus';

const corpus = readFileSync(resolve(process.cwd(), 'test/corpus/replies.jsonl'), 'utf8');
const scores = scoreCorpus(corpus);

describe('checklist rules on the labelled corpus', () => {
  it('has at least 150 labelled replies', () => {
    expect(corpus.split('\n').filter((l) => l.trim()).length).toBeGreaterThanOrEqual(150);
  });

  it.each(scores.map((s) => [s.rule, s] as const))('%s agrees with the team lead at least 85% of the time', (_rule, score) => {
    expect(score.labelled).toBeGreaterThan(0);
    expect(score.accuracy, JSON.stringify(score.mistakes.slice(0, 5))).toBeGreaterThanOrEqual(0.85);
  });
});

/**
 * Second held-out set (test/corpus/holdout-2.jsonl, 45 replies), written and labelled before the
 * engine ever ran on it. Untouched, the engine scored 0.84 on acknowledges-feelings, 0.60 on
 * answers-questions and 0.78 on next-step; the general fixes that followed lifted every rule to
 * ≥ 0.93 there. Its misses then informed those fixes, so this floor guards against regressions —
 * it is no longer an unseen estimate.
 */
const holdout2 = readFileSync(resolve(process.cwd(), 'test/corpus/holdout-2.jsonl'), 'utf8');
const holdout2Scores = scoreCorpus(holdout2);

describe('checklist rules on the second held-out set', () => {
  it('has at least 40 labelled replies', () => {
    expect(holdout2.split('\n').filter((l) => l.trim()).length).toBeGreaterThanOrEqual(40);
  });

  it.each(holdout2Scores.map((s) => [s.rule, s] as const))('%s agrees with the team lead at least 90% of the time', (_rule, score) => {
    expect(score.labelled).toBeGreaterThan(0);
    expect(score.accuracy, JSON.stringify(score.mistakes.slice(0, 5))).toBeGreaterThanOrEqual(0.9);
  });
});
