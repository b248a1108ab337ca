import { describe, expect, it } from 'vitest';
import { threadMood } from '../../../lib/standards/mood';
import { moodOf, threadMood as memoryThreadMood } from '../../../lib/memory/mood';
import { evaluateReply } from '../../../lib/standards/engine';
import { DEFAULT_PACK } from '../../../lib/standards/pack';

const ANGRY = "This is the THIRD time I'm writing about this. You charged me twice and nobody has fixed it. Unacceptable.";

describe('one mood for the product', () => {
  it('the stored visit mood and the checklist read the same model', () => {
    const checklist = evaluateReply({ draft: 'Hi', customerMessages: [ANGRY], customer: {}, standards: DEFAULT_PACK, now: 0 }).mood;
    const stored = moodOf(ANGRY);
    expect(checklist.label).toBe('upset');
    expect(stored).toBeLessThanOrEqual(-2);
    expect(memoryThreadMood).toBe(threadMood);
  });

  it('names repeat contact as a reason and calls it escalating', () => {
    const mood = threadMood(ANGRY);
    expect(mood.escalating).toBe(true);
    expect(mood.reasons.join(' ')).toMatch(/third time/i);
    expect(mood.evidence.length).toBeGreaterThan(0);
  });

  it('follows the thread: upset again after an earlier upset message', () => {
    const mood = threadMood('Still nothing. Nobody has answered and my shop is down.', ['Our checkout is broken and I am losing sales, this is terrible.']);
    expect(mood.label).not.toBe('neutral');
    expect(mood.escalating).toBe(true);
    expect(mood.reasons).toContain('upset in an earlier message too');
  });

  it('keeps a calm question neutral, with no reasons and a zero on the stored scale', () => {
    const mood = threadMood('Hi, which plan includes SSO? Thanks!');
    expect(mood.label === 'neutral' || mood.label === 'positive').toBe(true);
    expect(mood.escalating).toBe(false);
    expect(moodOf('Hi, which plan includes SSO? Thanks!')).toBeGreaterThanOrEqual(0);
  });
});
