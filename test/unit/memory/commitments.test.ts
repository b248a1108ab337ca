import { describe, expect, it } from 'vitest';
import { suggestFollowUps } from '@/lib/memory/commitments';
import { zonedTime } from '@/components/intl';

// Wednesday 25 November 2026, 15:00 in Oslo (UTC+1): the agent's clock and zone.
const TZ = 'Europe/Oslo';
const NOW = Date.UTC(2026, 10, 25, 14);
const oslo = (day: number, hour: number, minute = 0) => zonedTime(TZ, 2026, day > 30 ? 12 : 11, day > 30 ? day - 30 : day, hour, minute);
const HOUR = 3_600_000;

const due = (text: string) => suggestFollowUps(text, NOW, TZ).map((s) => s.dueAt);

describe('commitments found in a sent reply', () => {
  const positives: [string, number][] = [
    ["I'll get back to you by Friday.", oslo(27, 17)],
    ['I will get back to you by Friday.', oslo(27, 17)],
    ['We’ll get back to you by Friday.', oslo(27, 17)],
    ["I'll update you within 24 hours.", NOW + 24 * HOUR],
    ["We'll have an answer within 2 hours.", NOW + 2 * HOUR],
    ["I'll call you tomorrow morning.", oslo(26, 9)],
    ["I'll send the invoice tomorrow.", oslo(26, 17)],
    ["I'll check with the team and get back to you tomorrow afternoon.", oslo(26, 15)],
    ['We will refund you by Monday.', oslo(30, 17)],
    ["I'll follow up on Monday at 10am.", oslo(30, 10)],
    ["I'm going to look into this and reply by Thursday.", oslo(26, 17)],
    ["We're going to ship the fix next Tuesday.", oslo(31, 17)],
    ["I'll get back to you by end of day.", oslo(25, 17)],
    ["I'll confirm by EOD.", oslo(25, 17)],
    ["We'll have it sorted by close of business.", oslo(25, 17)],
    ["I'll update you by the end of the week.", oslo(27, 17)],
    ["We'll get this done within 2 business days.", oslo(27, 17)],
    ["We will reply within 3 working days.", oslo(30, 17)],
    ["I'll get back to you early next week.", oslo(30, 10)],
    ["You'll hear from me next week.", oslo(30, 10)],
    ["I'll let you know later today.", oslo(25, 17)],
    ['I will email you in 30 minutes.', NOW + 30 * 60_000],
    ["I'll ring you in an hour.", NOW + HOUR],
    ["We'll be in touch in 3 days.", NOW + 3 * 24 * HOUR],
    ['I will check back tonight.', oslo(25, 19)],
    ["I'll have the report ready by December 3.", oslo(33, 17)],
    ["I'll send it on 2 December.", oslo(32, 17)],
    ["I'll call you at 4pm.", oslo(25, 16)],
    ["We'll follow up Friday at noon.", oslo(27, 12)],
    ['Expect an update by Friday.', oslo(27, 17)],
    ['I promise to reply by tomorrow at 9:30.', oslo(26, 9, 30)],
    ['We aim to resolve this within 48 hours.', NOW + 48 * HOUR],
    ["I'll be following up tomorrow.", oslo(26, 17)],
    ["I'll get back to you this afternoon.", NOW + 2 * HOUR],
    ['We will get back to you within a week.', NOW + 7 * 24 * HOUR],
    // An outcome the company stands behind for this customer (GUIDELINE §8; labelled dev replies).
    ['You should see the refund on your card in the next 2-3 days.', NOW + 3 * 24 * HOUR],
    ['The fix should be live by Friday.', oslo(27, 17)],
    ['Please expect the money in your account within 5 business days.', oslo(2 + 30, 17)],
    ['Let me look into this tonight.', oslo(25, 19)],
    ['An automated call will reach you in the next 10 - 15 minutes.', NOW + 15 * 60_000],
    ['Should be available in the store in 1-2 days.', NOW + 2 * 24 * HOUR],
  ];

  for (const [text, expected] of positives) {
    it(`finds: ${text}`, () => {
      expect(due(text)).toEqual([expected]);
    });
  }

  const negatives = [
    "I'll look into it.",
    'Thanks for your patience!',
    'Our office is closed on Friday.',
    'You ordered on Monday, so it should arrive soon.',
    'Please reply by Friday so we can proceed.',
    'Could you send us the invoice by tomorrow?',
    "I can't promise anything by Friday.",
    "We won't be able to refund it by Monday.",
    'The outage happened yesterday at 3pm.',
    'Your subscription renewed on 1 November.',
    "We'll keep you posted.",
    'If you reply by Monday we can still change it.',
    'The meeting was last Tuesday.',
    'I hope you have a great weekend!',
    // A time that is no due date of a promise (labelled dev replies, paraphrased).
    "Note that I'm travelling today, but I'll take care of it once I land.",
    "I'll handle it as soon as I can, however I'm away for the next few days.",
    'There is a discount on upgrades until the end of March, and we will send you a code.',
    "I'll ask to get the expiry changed to 1 year.",
    'You will see the damage it takes every night on the stats page.',
    'We usually answer within 24 hours.',
    "If you haven't received it by Friday, I'll send another one.",
    "I'll send the money back.",
  ];
  for (const text of negatives) {
    it(`ignores: ${text}`, () => {
      expect(suggestFollowUps(text, NOW, TZ)).toEqual([]);
    });
  }

  it('finds each promise in a longer reply, with the sentence it came from', () => {
    const reply = 'Hi Sam,\n\nThanks for writing in. I checked your account and see the double charge.\nI will refund it today and get back to you by Friday with the confirmation.\n\nBest,\nAlex';
    const found = suggestFollowUps(reply, NOW, TZ);
    expect(found).toHaveLength(1);
    expect(found[0]!.text).toMatch(/^I will refund it today/);
  });

  it('reads only the agent’s own words, not the customer’s mail quoted under the reply', () => {
    const reply = "Hi Sam, I'll get back to you by Friday.\n\nOn Mon, Nov 23, 2026 at 10:14 AM Sam Rivera <sam@example.com> wrote:\n> I'll call my bank tomorrow if this is not fixed.";
    expect(suggestFollowUps(reply, NOW, TZ).map((s) => s.text)).toEqual(["I'll get back to you by Friday."]);
    expect(suggestFollowUps("Thanks Sam.\n> I'll call my bank tomorrow.\nI'll update you within 24 hours.", NOW, TZ).map((s) => s.text)).toEqual(["I'll update you within 24 hours."]);
  });

  it('reads dates in the agent’s time zone', () => {
    const ny = suggestFollowUps("I'll call you tomorrow morning.", NOW, 'America/New_York');
    expect(ny[0]!.dueAt).toBe(zonedTime('America/New_York', 2026, 11, 26, 9));
  });
});

describe('suggested follow-up text', () => {
  it('drops the greeting in front of the promise', () => {
    expect(suggestFollowUps("Hi Sam, I'll get back to you by Friday.", NOW, TZ)[0]!.text).toBe("I'll get back to you by Friday.");
  });
});
