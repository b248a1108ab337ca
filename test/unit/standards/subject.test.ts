import { describe, expect, it } from 'vitest';
import { evaluateReply } from '../../../lib/standards/engine';
import { DEFAULT_PACK } from '../../../lib/standards/pack';

const run = (message: string, subject?: string) =>
  evaluateReply({ draft: 'Hi Sam, thanks for writing.', customerMessages: [message], ...(subject ? { subject } : {}), customer: { name: 'Sam Lee' }, standards: DEFAULT_PACK, now: 0 });

describe('a mail that says it in its subject', () => {
  it('reads the subject when the body only points to it or says nothing', () => {
    for (const body of ['Hi, see subject. Thanks, Sam', 'As per subject.', 'Hello,\n\nThanks,\nSam', '']) {
      const r = run(body, 'Re: Refund for order 1042 please');
      expect(r.questions.map((q) => q.text), JSON.stringify(body)).toEqual(['Refund for order 1042 please']);
    }
    expect(run('See subject!!', "Charged twice AGAIN, this is the third time")?.mood.label).toBe('upset');
  });

  it('leaves the subject out when the message says something of its own', () => {
    const r = run('My invoice shows the wrong VAT number. Can you send a corrected one?', 'Refund for order 1042 please');
    expect(r.questions.map((q) => q.text)).toEqual(['Can you send a corrected one?']);
    expect(run('Hi, see subject.').questions).toEqual([]);
  });
});
