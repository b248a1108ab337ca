import { describe, expect, it } from 'vitest';
import { repeatClaimIn, repeatClaimInMessages } from '@/lib/memory/repeat-contact';

const DANA =
  "This is the THIRD time I'm writing about this. You charged me TWICE for March and NOBODY has fixed it.\n\nI want the $249 back TODAY or I'm disputing the charge with my bank and cancelling our account.";

describe('repeatClaimIn', () => {
  it('reads the demo customer who writes for the third time', () => {
    expect(repeatClaimIn(DANA)).toMatchObject({ times: 3, phrase: "This is the THIRD time I'm writing about this" });
  });

  it.each([
    ['this is my 4th email about the refund', 4],
    ['for the umpteenth time, the export is broken', 10],
    ["I've emailed you twice now", 2],
    ['twice now the sync has dropped my meetings', 2],
    ['I have asked three times already', 3],
    ['I already reported this', undefined],
    ["this isn't the first time this happened", undefined],
    ['It is not the first time', undefined],
    ['same thing happened last week', undefined],
    ['Same problem as before with the invoice', undefined],
    ['the calendar sync broke AGAIN after your update', undefined],
    ['still not fixed', undefined],
    ["I'm still waiting for the refund", undefined],
    ['As I said before, the address is wrong', undefined],
  ])('a repeat: %s', (text, times) => {
    const claim = repeatClaimIn(text);
    expect(claim).toBeDefined();
    expect(claim?.times).toBe(times);
  });

  it.each([
    'Hopefully not again!',
    'please make sure this never happens again',
    "I hope it doesn't happen again",
    'I tried again and it worked, thanks',
    "I've tried twice, the page just reloads", // tries, not contacts
    'Hi again! Quick one about exports',
    'Thanks again for the quick help',
    'I will check again tomorrow',
    'Is the Team plan billed per seat?',
    'This is the first time I write to you',
    '', // nothing
  ])('not a repeat: %s', (text) => {
    expect(repeatClaimIn(text)).toBeUndefined();
  });

  it('ignores quoted earlier mail', () => {
    expect(repeatClaimIn('Thanks, that works.\n\n> This is the third time I write\n> about this')).toBeUndefined();
    expect(repeatClaimIn('All good now.\n\nOn Mon, 3 Mar 2026, Support <s@x.com> wrote:\nstill not fixed')).toBeUndefined();
  });

  it('gives where the words are, so the cue can quote them', () => {
    const claim = repeatClaimIn('Hello. Second email about this: where is my order?');
    expect(claim).toMatchObject({ times: 2, start: 7, phrase: 'Second email about this: where is my order' });
  });

  it('over several messages keeps the highest count', () => {
    expect(repeatClaimInMessages(['still no answer', 'this is the third time I ask', 'hello?'])?.times).toBe(3);
    expect(repeatClaimInMessages(['Thanks!', 'Can you help?'])).toBeUndefined();
  });
});
