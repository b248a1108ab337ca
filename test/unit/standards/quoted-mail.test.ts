import { describe, expect, it } from 'vitest';
import { quotedMailAt, withoutQuotedMail } from '../../../lib/standards/quoted-mail';
import { evaluateReply } from '../../../lib/standards/engine';
import { threadMood } from '../../../lib/standards/mood';
import { moodOf } from '../../../lib/memory/mood';
import { DEFAULT_PACK } from '../../../lib/standards/pack';

const AGENT_QUOTED = '> Hi Sam,\n> Could you please clear your cache and try again? If it still fails, can you send us a screenshot of the error?\n> We are sorry for the trouble, this is frustrating.\n> Best, Alice';
const GMAIL = `Thanks, that worked!\n\nOn Mon, Dec 5, 2026 at 10:14 AM Acme Support <support@acme.test> wrote:\n${AGENT_QUOTED}`;
const OUTLOOK = 'Still broken.\n\n-----Original Message-----\nFrom: Acme Support <support@acme.test>\nSent: Monday, December 5, 2026 10:14 AM\nSubject: RE: Login\n\nHi Sam,\nCould you please clear your cache and try again? Can you send us a screenshot of the error?\nBest, Alice';

describe('the earlier mail quoted under a customer’s reply', () => {
  it('begins at a reply header, in the forms mail clients write it', () => {
    expect(withoutQuotedMail(GMAIL)).toBe('Thanks, that worked!');
    expect(withoutQuotedMail(OUTLOOK)).toBe('Still broken.');
    // The header wrapped onto a second line, Outlook's header as text, a client set to German, FreeScout's separator.
    expect(withoutQuotedMail('Works now.\nOn Mon, Dec 5, 2026 at 10:14 AM Acme Support <\nsupport@acme.test> wrote:\n> try again')).toBe('Works now.');
    expect(withoutQuotedMail('Still no refund.\n\nFrom: Acme Billing <billing@acme.test>\nSent: Tuesday, 6 December 2026 09:00\nTo: Sam\nWe are sorry for the delay.')).toBe('Still no refund.');
    expect(withoutQuotedMail('Any news?\n\nAm Mo., 5. Dez. 2026 um 10:14 Uhr schrieb Acme Support <support@acme.test>:\n> Sorry for the trouble')).toBe('Any news?');
    expect(withoutQuotedMail('Any news?\n-- Please reply above this line --\nAlice replied…')).toBe('Any news?');
  });

  it('leaves a message without one, and a bare forward, whole', () => {
    const plain = 'I was charged twice. On Monday I wrote to you about it and nobody answered.';
    expect(quotedMailAt(plain)).toBe(plain.length);
    const forward = '---------- Forwarded message ---------\nFrom: Bank <alerts@bank.test>\nDate: Mon, 5 Dec 2026\nYour card was charged $249 twice.';
    expect(withoutQuotedMail(forward)).toBe(forward);
  });

  it('is not read as the customer’s mood or asks (before: "upset — “again”, “still fails”, “trouble”, “frustrating”")', () => {
    const mood = threadMood(GMAIL);
    expect(mood.label).not.toBe('upset');
    expect(mood.evidence).toEqual([]);
    expect(moodOf(GMAIL)).toBeGreaterThanOrEqual(0);
    const r = evaluateReply({ draft: 'Hi Sam, glad to hear it!', customerMessages: [GMAIL], customer: { name: 'Sam Lee' }, standards: DEFAULT_PACK, now: 0 });
    expect(r.mood.label).not.toBe('upset');
    expect(r.questions).toEqual([]);
    // Their "Thanks, that worked!" wraps up: no next step needed (the quoted thread made it 300 characters of something else).
    expect(r.results.find((x) => x.rule === 'next-step')).toMatchObject({ state: 'na', why: 'They are wrapping up: no next step needed' });
    const still = evaluateReply({ draft: 'Hi Sam, sorry it is still broken.', customerMessages: [OUTLOOK], customer: { name: 'Sam Lee' }, standards: DEFAULT_PACK, now: 0 });
    expect(still.mood.evidence.map((e) => e.text)).toEqual(['Still broken']);
    expect(still.questions.map((q) => q.text)).toEqual(['Still broken.']);
  });
});
