import { describe, expect, it } from 'vitest';
import { isAutoReply, quotedMailAt, theirWords } from '../../../lib/standards/mail-text';
import { evaluateReply } from '../../../lib/standards/engine';
import { threadMood } from '../../../lib/standards/mood';
import { moodOf } from '../../../lib/memory/mood';
import { DEFAULT_PACK } from '../../../lib/standards/pack';

const AGENT_QUOTED = '> Hi Sam,\n> Could you please clear your cache and try again? If it still fails, can you send us a screenshot of the error?\n> We are sorry for the trouble, this is frustrating.\n> Best, Alice';
const GMAIL = `Thanks, that worked!\n\nOn Mon, Dec 5, 2026 at 10:14 AM Acme Support <support@acme.test> wrote:\n${AGENT_QUOTED}`;
const OUTLOOK = 'Still broken.\n\n-----Original Message-----\nFrom: Acme Support <support@acme.test>\nSent: Monday, December 5, 2026 10:14 AM\nSubject: RE: Login\n\nHi Sam,\nCould you please clear your cache and try again? Can you send us a screenshot of the error?\nBest, Alice';

describe('the customer’s own words in a mail', () => {
  it('begins at a reply header, in the forms mail clients write it', () => {
    expect(theirWords(GMAIL)).toBe('Thanks, that worked!');
    expect(theirWords(OUTLOOK)).toBe('Still broken.');
    // The header wrapped onto a second line, Outlook's header as text, a client set to German, FreeScout's separator.
    expect(theirWords('Works now.\nOn Mon, Dec 5, 2026 at 10:14 AM Acme Support <\nsupport@acme.test> wrote:\n> try again')).toBe('Works now.');
    expect(theirWords('Still no refund.\n\nFrom: Acme Billing <billing@acme.test>\nSent: Tuesday, 6 December 2026 09:00\nTo: Sam\nWe are sorry for the delay.')).toBe('Still no refund.');
    expect(theirWords('Any news?\n\nAm Mo., 5. Dez. 2026 um 10:14 Uhr schrieb Acme Support <support@acme.test>:\n> Sorry for the trouble')).toBe('Any news?');
    expect(theirWords('Any news?\n-- Please reply above this line --\nAlice replied…')).toBe('Any news?');
  });

  it('leaves a message without one, and a bare forward, whole', () => {
    const plain = 'I was charged twice. On Monday I wrote to you about it and nobody answered.';
    expect(quotedMailAt(plain)).toBe(plain.length);
    const forward = '---------- Forwarded message ---------\nFrom: Bank <alerts@bank.test>\nDate: Mon, 5 Dec 2026\nYour card was charged $249 twice.';
    expect(theirWords(forward)).toBe(forward);
  });

  it('leaves out the mail client’s sign-off line ("Get Outlook for Android" was listed as a question)', () => {
    expect(theirWords("Still can't log in!!\n\nGet Outlook for Android")).toBe("Still can't log in!!");
    expect(theirWords('The export button does nothing.\n\nSent from my iPhone')).toBe('The export button does nothing.');
    expect(theirWords('I sent from my phone a photo of the receipt.')).toBe('I sent from my phone a photo of the receipt.');
    const r = evaluateReply({ draft: 'Hi Sam,', customerMessages: ["Still can't log in!!\n\nGet Outlook for Android"], customer: { name: 'Sam Lee' }, standards: DEFAULT_PACK, now: 0 });
    expect(r.questions.map((q) => q.text)).toEqual(["Still can't log in!!"]);
  });

  it('reads nothing from an automatic out-of-office reply, and still reads a customer who mentions being away', () => {
    const ooo = 'Thank you for your email. I am out of the office until Monday 12 December with limited access to email. For urgent matters please contact my colleague John at john@acme.test.';
    expect(isAutoReply(ooo)).toBe(true);
    expect(isAutoReply('Automatic reply: I will be back on 3 January.')).toBe(true);
    expect(theirWords(ooo)).toBe('');
    // Before: "Customer sounds upset — “limited”, “urgent”" and the ask "For urgent matters please contact my colleague John".
    const r = evaluateReply({ draft: 'Hi Sam, following up on your refund.', customerMessages: [ooo], customer: { name: 'Sam Lee' }, standards: DEFAULT_PACK, now: 0 });
    expect(r.mood.label).toBe('neutral');
    expect(r.questions).toEqual([]);
    expect(moodOf(ooo)).toBeUndefined();
    for (const customer of ["I'm on vacation until Monday, but my shop is down! Can you restore it?", 'I am out of the office this week and the invoice export fails with an error.']) {
      expect(isAutoReply(customer), customer).toBe(false);
    }
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

  it('reads the agent’s own words when the reply box carries the thread under the draft', () => {
    const customer = 'I was charged twice for March. This is the THIRD time I write. FIX IT NOW!!';
    const draft = "Hi Sam, I've refunded the second charge today; you'll see it within 3 days. Let me know if anything else comes up.\n\nOn Mon, Dec 5, 2026 at 10:14 AM Sam Rivera <sam@example.com> wrote:\n> I was charged twice for March. This is the THIRD time I write. FIX IT NOW!!\n> Hopefully you can maybe look into it, I guess";
    const r = evaluateReply({ draft, customerMessages: [customer], customer: { name: 'Sam Rivera' }, standards: DEFAULT_PACK, now: 0 });
    const state = (rule: string) => r.results.find((x) => x.rule === rule)!.state;
    // Before: "Capitals read as shouting: “THIRD”, “FIX”, “NOW”", "Hedges …: “Hopefully”, “maybe”, “I guess”", "No warm close".
    expect(state('respectful-language')).toBe('pass');
    expect(state('confident-wording')).toBe('pass');
    expect(state('closing')).toBe('pass');
    expect(state('acknowledges-feelings')).toBe('fail');
  });
});
