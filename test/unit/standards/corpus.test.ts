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
