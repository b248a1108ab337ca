/**
 * Cues that never contradict the ticket or each other (issue #12). Each case is a contradiction seen
 * in the demo or on a real ticket.
 */
import { describe, expect, it } from 'vitest';
import { cuesFor, type CueInput } from '@/lib/memory/cues';
import { countTickets } from '@/lib/memory/tickets';
import { repeatClaimIn } from '@/lib/memory/repeat-contact';
import type { Customer, TicketVisit } from '@/lib/db/types';

const NOW = Date.UTC(2026, 10, 25, 14);
const DAY = 86_400_000;
const customer: Customer = { id: 'c1', helpdesk: 'zendesk', account: 'demo.zendesk.com', externalId: '361001', name: 'Dana Whitfield', emails: [], firstSeen: NOW - 3 * DAY, lastSeen: NOW, updatedAt: NOW };
const visit = (ticketId: string, over: Partial<TicketVisit> = {}): TicketVisit => ({
  id: `zendesk:demo.zendesk.com:${ticketId}`,
  helpdesk: 'zendesk',
  account: 'demo.zendesk.com',
  ticketId,
  customerId: 'c1',
  firstSeen: NOW,
  lastSeen: NOW,
  ...over,
});
const CURRENT = 'zendesk:demo.zendesk.com:101';
const ids = (i: Partial<CueInput>) => cuesFor({ customer, currentTicket: CURRENT, visits: [], facts: [], followUps: [], now: NOW, api: { ok: true }, ...i }).map((c) => c.id);
const reasons = (i: Partial<CueInput>) => cuesFor({ customer, currentTicket: CURRENT, visits: [], facts: [], followUps: [], now: NOW, api: { ok: true }, ...i }).map((c) => c.reason);

const THIRD = "This is the THIRD time I'm writing about this. You charged me TWICE for March.";

describe('"First ticket" only when it is', () => {
  it('not when the customer writes "this is the THIRD time" (demo, Dana #101)', () => {
    const claim = repeatClaimIn(THIRD)!;
    const visits = [visit('101', { repeatClaim: { times: claim.times, phrase: claim.phrase } })];
    expect(ids({ visits })).not.toContain('first-contact');
    expect(reasons({ visits })).toContain("They say it's the third time (“This is the THIRD time I'm writing about this”) — acknowledge the hassle");
  });

  // "I've emailed you twice" and now writes again: a third contact, so "the second time" was wrong;
  // "several times" was "the third time" and "the umpteenth time" "the 10th time".
  it('repeats only an ordinal they wrote; a count is "not the first time"', () => {
    for (const [text, times] of [
      ["I've emailed you twice about the refund and nobody answered.", 2],
      ['I have asked several times for an invoice.', 3],
      ['For the umpteenth time, my export is empty.', 10],
    ] as const) {
      const claim = repeatClaimIn(text)!;
      expect([claim.times, claim.counted]).toEqual([times, true]);
      const visits = [visit('101', { repeatClaim: { times: claim.times, phrase: claim.phrase, counted: claim.counted } })];
      expect(reasons({ visits })[0]).toMatch(/^They say it's not the first time \(“.+”\) — acknowledge the hassle$/);
    }
    expect(repeatClaimIn(THIRD)!.counted).toBeUndefined();
  });

  it('not while the helpdesk API has not answered for a customer it knows by id', () => {
    expect(ids({ visits: [visit('101')], api: undefined })).not.toContain('first-contact');
    expect(ids({ visits: [visit('101')], api: { ok: false } })).not.toContain('first-contact');
    expect(ids({ visits: [visit('101')], api: { ok: true } })).toContain('first-contact');
    expect(ids({ visits: [visit('101')], api: undefined, customer: { ...customer, externalId: undefined } })).toContain('first-contact');
  });

  it('not when the API brought past tickets (same rows as the visit line counts)', () => {
    const visits = [visit('101'), visit('87', { source: 'api', firstSeen: NOW - 60 * DAY, lastSeen: NOW - 59 * DAY, status: 'closed' })];
    expect(ids({ visits })).not.toContain('first-contact');
  });

  it('"not again" is a wish, not a repeat: a first ticket stays one', () => {
    const visits = [visit('101', { repeatClaim: repeatClaimIn('Please fix it, hopefully not again!') })];
    expect(visits[0]!.repeatClaim).toBeUndefined();
    expect(ids({ visits })).toContain('first-contact');
  });

  it('"this isn\'t the first time" is a repeat', () => {
    const claim = repeatClaimIn("This isn't the first time the sync broke")!;
    const visits = [visit('101', { repeatClaim: { phrase: claim.phrase } })];
    expect(ids({ visits })).toEqual(expect.arrayContaining(['repeat-contact']));
    expect(ids({ visits })).not.toContain('first-contact');
  });
});

describe('one count for every view', () => {
  it('the dashboard (no open ticket) does not count a second ticket for a customer with one', () => {
    const one = [visit('101', { firstSeen: NOW - 3 * DAY + 1 })];
    expect(countTickets({ visits: one, now: NOW })).toEqual({ others: 1, thisWeek: 1, earliestThisWeek: NOW - 3 * DAY + 1 });
    const cues = cuesFor({ customer, visits: one, facts: [], followUps: [], now: NOW });
    expect(cues.map((c) => c.reason).join(' | ')).not.toMatch(/2nd ticket/);
    expect(cues.map((c) => c.id)).not.toContain('repeat-contact');
    expect(cues.map((c) => c.id)).not.toContain('first-contact');
  });

  it('the dashboard with two this week says so without ordinals for an open ticket', () => {
    const two = [visit('101'), visit('100', { firstSeen: NOW - DAY })];
    expect(cuesFor({ customer, visits: two, facts: [], followUps: [], now: NOW }).find((c) => c.id === 'repeat-contact')?.reason).toBe('2 tickets in the last 7 days — acknowledge the hassle');
  });

  it('the open ticket counts once whether or not its visit is stored yet', () => {
    const other = visit('100', { firstSeen: NOW - DAY });
    const stored = countTickets({ visits: [visit('101'), other], currentTicket: CURRENT, now: NOW });
    const pending = countTickets({ visits: [other], currentTicket: CURRENT, now: NOW });
    expect(stored).toEqual(pending);
    expect(stored).toMatchObject({ others: 1, thisWeek: 2 });
  });

  it('a ticket seen by Rapport and by the API counts once', () => {
    const twice = [visit('101'), { ...visit('101'), source: 'api' as const }];
    expect(countTickets({ visits: twice, currentTicket: CURRENT, now: NOW })).toMatchObject({ others: 0, thisWeek: 1 });
  });

  it('the count and the customer\'s words agree: the larger one is said, once', () => {
    const visits = [visit('101', { repeatClaim: { times: 3, phrase: 'third time' } }), visit('100', { firstSeen: NOW - 1000 })];
    const repeat = cuesFor({ customer, currentTicket: CURRENT, visits, facts: [], followUps: [], now: NOW, api: { ok: true } }).filter((c) => c.id === 'repeat-contact');
    expect(repeat).toHaveLength(1);
    expect(repeat[0]!.reason).toMatch(/^They say it's the third time/);
  });
});

// Seen on a real FreeScout: the agent sent Dan a new conversation ("your replacement is on its way")
// and the sidebar said "2nd ticket today — acknowledge the hassle" — he had written once.
describe('a ticket an agent opened is no contact of the customer', () => {
  const theirs = visit('100', { firstSeen: NOW - 2 * 3_600_000 });
  const ours = visit('101', { startedBy: 'agent' });

  it('the agent\'s new conversation says no "2nd ticket today", nor "same topic"', () => {
    expect(countTickets({ visits: [theirs, ours], currentTicket: CURRENT, now: NOW })).toMatchObject({ others: 1, thisWeek: 1 });
    expect(ids({ visits: [theirs, ours] })).not.toContain('repeat-contact');
    const sameTopic = [visit('100', { firstSeen: NOW - 30 * DAY, lastSeen: NOW - 30 * DAY, subject: 'Broken blender replacement' }), visit('101', { startedBy: 'agent', subject: 'Broken blender replacement' })];
    expect(ids({ visits: sameTopic })).not.toContain('repeat-contact');
  });

  it('nor does it count toward the next ticket the customer opens, or the dashboard\'s week', () => {
    const earlierOurs = visit('99', { startedBy: 'agent', firstSeen: NOW - DAY });
    const now = visit('101');
    expect(ids({ visits: [earlierOurs, now] })).not.toContain('repeat-contact');
    expect(cuesFor({ customer, visits: [earlierOurs, now], facts: [], followUps: [], now: NOW }).map((c) => c.id)).not.toContain('repeat-contact');
    // Their own two tickets still count, with or without one of ours between them.
    expect(reasons({ visits: [earlierOurs, theirs, now] })).toContain('2nd ticket today — acknowledge the hassle');
  });

  it('what the customer says still counts on it: "third time" in their reply to the agent\'s mail', () => {
    const visits = [visit('101', { startedBy: 'agent', repeatClaim: { times: 3, phrase: 'third time' } })];
    expect(reasons({ visits })).toContain("They say it's the third time (“third time”) — acknowledge the hassle");
    expect(ids({ visits })).not.toContain('first-contact');
  });

  it('a first ticket the agent opened is no "first ticket from them"', () => {
    expect(reasons({ visits: [ours] })).toContain('First ticket with them, and you wrote first — introduce yourself and set expectations');
    expect(reasons({ visits: [visit('101', { startedBy: 'customer' })] })).toContain('First ticket from them — welcome them and set expectations');
  });
});
