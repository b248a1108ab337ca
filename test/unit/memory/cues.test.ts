import { describe, expect, it } from 'vitest';
import { cuesFor, LOOK_BACK, MAX_CUES, RULES, sameTopic, type CueInput } from '@/lib/memory/cues';
import type { Customer, Fact, FollowUp, TicketVisit } from '@/lib/db/types';
import { describeVisits } from '@/components/format';

const NOW = Date.UTC(2026, 10, 25, 14); // Wednesday 25 Nov 2026, 14:00 UTC
const DAY = 86_400_000;

const customer = (over: Partial<Customer> = {}): Customer => ({
  id: 'c1',
  helpdesk: 'zendesk',
  account: 'acme.zendesk.com',
  name: 'Sam Rivera',
  emails: ['sam@example.com'],
  firstSeen: NOW - 30 * DAY,
  lastSeen: NOW,
  updatedAt: NOW,
  ...over,
});

const visit = (ticketId: string, over: Partial<TicketVisit> = {}): TicketVisit => ({
  id: `zendesk:acme.zendesk.com:${ticketId}`,
  helpdesk: 'zendesk',
  account: 'acme.zendesk.com',
  ticketId,
  customerId: 'c1',
  firstSeen: NOW,
  lastSeen: NOW,
  ...over,
});

const CURRENT = 'zendesk:acme.zendesk.com:200';
const input = (over: Partial<CueInput> = {}): CueInput => ({
  customer: customer(),
  currentTicket: CURRENT,
  visits: [visit('200')],
  facts: [],
  followUps: [],
  now: NOW,
  ...over,
});

const fired = (i: CueInput) => {
  const all = RULES.map((r) => r(i)).filter(Boolean);
  return new Map(all.map((c) => [c!.id, c!.reason]));
};

const followUp = (over: Partial<FollowUp> = {}): FollowUp => ({
  id: 'f1',
  customerId: 'c1',
  text: 'Send the refund confirmation',
  dueAt: NOW + DAY,
  createdAt: NOW - DAY,
  status: 'open',
  origin: 'reply',
  ...over,
});

const fact = (over: Partial<Fact> = {}): Fact => ({ id: 'x', customerId: 'c1', text: 'Launching their store in May', createdAt: NOW - 10 * DAY, mentionNext: true, ...over });

describe('cues', () => {
  it('preferred-name', () => {
    expect(fired(input({ customer: customer({ preferredName: 'Sam' }) })).get('preferred-name')).toMatch(/“Sam”/);
    expect(fired(input()).has('preferred-name')).toBe(false);
  });

  it('pronunciation', () => {
    expect(fired(input({ customer: customer({ pronunciation: 'SHOH-na' }) })).get('pronunciation')).toMatch(/SHOH-na/);
    expect(fired(input()).has('pronunciation')).toBe(false);
  });

  it('first-contact', () => {
    expect(fired(input()).has('first-contact')).toBe(true);
    expect(fired(input({ visits: [visit('200'), visit('150', { firstSeen: NOW - 90 * DAY, lastSeen: NOW - 90 * DAY })] })).has('first-contact')).toBe(false);
  });

  it('long-time-customer', () => {
    const old = input({ visits: [visit('200'), visit('5', { firstSeen: Date.UTC(2023, 2, 3), lastSeen: Date.UTC(2023, 2, 4), status: 'solved' })] });
    expect(fired(old).get('long-time-customer')).toMatch(/since March 2023/);
    expect(fired(input()).has('long-time-customer')).toBe(false);
  });

  it('repeat-contact: 3 tickets within a week', () => {
    const i = input({ visits: [visit('200'), visit('198', { firstSeen: NOW - 2 * DAY, status: 'solved' }), visit('199', { firstSeen: NOW - DAY, status: 'solved' })] });
    expect(fired(i).get('repeat-contact')).toMatch(/^3rd ticket since Monday — acknowledge the hassle/);
  });

  it('repeat-contact: the same topic again, weeks later', () => {
    const i = input({
      visits: [visit('200', { subject: 'Export to CSV fails' }), visit('98', { subject: 'CSV export fails on large files', firstSeen: NOW - 40 * DAY, lastSeen: NOW - 39 * DAY, status: 'solved' })],
    });
    expect(fired(i).get('repeat-contact')).toMatch(/Same topic as #98/);
  });

  it('repeat-contact does not fire for an unrelated ticket long ago', () => {
    const i = input({ visits: [visit('200', { subject: 'Change billing address' }), visit('98', { subject: 'Login trouble', firstSeen: NOW - 40 * DAY, lastSeen: NOW - 40 * DAY })] });
    expect(fired(i).has('repeat-contact')).toBe(false);
  });

  it('sameTopic matches a shared tag', () => {
    expect(sameTopic(visit('1', { tags: ['billing'] }), visit('2', { tags: ['billing', 'vip'] }))).toBe(true);
    expect(sameTopic(visit('1', { tags: ['billing'] }), visit('2', { tags: ['login'] }))).toBe(false);
  });

  it('unresolved-last-time', () => {
    const open = input({ visits: [visit('200'), visit('150', { subject: 'Refund missing', status: 'pending', firstSeen: NOW - 20 * DAY, lastSeen: NOW - 20 * DAY })] });
    expect(fired(open).get('unresolved-last-time')).toMatch(/#150 “Refund missing” \(20 days ago\) wasn't solved/);
    const solved = input({ visits: [visit('200'), visit('150', { status: 'solved', firstSeen: NOW - 20 * DAY, lastSeen: NOW - 20 * DAY })] });
    expect(fired(solved).has('unresolved-last-time')).toBe(false);
    // Opened in Rapport today, but the customer last wrote on it 9 days ago: that is its age.
    const openedToday = input({ visits: [visit('200'), visit('150', { status: 'pending', firstSeen: NOW - 9 * DAY, lastSeen: NOW - 60_000, lastCustomerMessageAt: NOW - 9 * DAY })] });
    expect(fired(openedToday).get('unresolved-last-time')).toMatch(/#150 \(9 days ago\) wasn't solved/);
    // …and a ticket that started 9 days ago is not "2nd ticket today".
    expect(fired(openedToday).get('repeat-contact')).toBeUndefined();
  });

  // Seen on FreeScout: the agent's "refund done" mail of 30 minutes ago read "Last ticket … wasn't
  // solved — check it's sorted first" beside the customer's own ticket it had answered.
  it('a ticket the agent started waits on the customer: no "wasn\'t solved", but a pointer while recent', () => {
    const ours = (over: Partial<TicketVisit> = {}) => visit('210', { subject: 'Your refund', status: 'active', startedBy: 'agent', source: 'api', firstSeen: NOW - 30 * 60_000, lastSeen: NOW - 30 * 60_000, ...over });
    const recent = fired(input({ visits: [visit('200'), ours()] }));
    expect(recent.get('unresolved-last-time')).toBe('We wrote to them on #210 “Your refund” (today) — read it before you reply');
    // Long ago, or closed: nothing to read first.
    expect(fired(input({ visits: [visit('200'), ours({ firstSeen: NOW - 20 * DAY, lastSeen: NOW - 20 * DAY })] })).has('unresolved-last-time')).toBe(false);
    expect(fired(input({ visits: [visit('200'), ours({ status: 'closed' })] })).has('unresolved-last-time')).toBe(false);
    // They answered it: it is theirs as much as any ticket.
    const answered = fired(input({ visits: [visit('200'), ours({ lastCustomerMessageAt: NOW - 10 * 60_000 })] }));
    expect(answered.get('unresolved-last-time')).toMatch(/^Last ticket #210 “Your refund” \(today\) wasn't solved/);
    // Their own open ticket before it still comes first…
    const theirs = visit('150', { subject: 'Refund missing', status: 'pending', firstSeen: NOW - 3 * DAY, lastSeen: NOW - 3 * DAY });
    expect(fired(input({ visits: [visit('200'), ours(), theirs] })).get('unresolved-last-time')).toMatch(/^Last ticket #150 “Refund missing” \(3 days ago\) wasn't solved/);
    // …and a solved one of theirs after the agent's mail leaves nothing to say.
    const solvedLater = visit('220', { status: 'solved', firstSeen: NOW - 10 * 60_000, lastSeen: NOW - 10 * 60_000 });
    expect(fired(input({ visits: [visit('200'), ours(), solvedLater] })).has('unresolved-last-time')).toBe(false);
  });

  // Seen on FreeScout at 00:20: a ticket from 23:50 read "(today)" beside the visit line's "(yesterday)".
  it('says "today" and "yesterday" by the calendar, as the visit line does', () => {
    const now = new Date(2026, 11, 8, 0, 20).getTime(); // local time, whatever the machine's zone
    const before = new Date(2026, 11, 7, 23, 50).getTime();
    const late = input({ now, visits: [visit('200', { firstSeen: now, lastSeen: now }), visit('150', { status: 'pending', firstSeen: before, lastSeen: before })] });
    expect(fired(late).get('unresolved-last-time')).toMatch(/#150 \(yesterday\) wasn't solved/);
    expect(describeVisits({ ticketsSeen: 1, lastSeen: before }, now)).toMatch(/\(yesterday\)$/);
    const morning = new Date(2026, 11, 8, 0, 5).getTime();
    expect(fired(input({ now, visits: [visit('200', { firstSeen: now, lastSeen: now }), visit('150', { status: 'pending', firstSeen: morning, lastSeen: morning })] })).get('unresolved-last-time')).toMatch(/\(today\)/);
  });

  it('open-promise', () => {
    expect(fired(input({ followUps: [followUp({ dueAt: NOW - 1000 })] })).get('open-promise')).toMatch(/^Open promise due .*\(overdue\) — keep it/);
    expect(fired(input({ followUps: [followUp({ status: 'done' })] })).has('open-promise')).toBe(false);
  });

  it('mention-this', () => {
    expect(fired(input({ facts: [fact()] })).get('mention-this')).toMatch(/Launching their store in May/);
    expect(fired(input({ facts: [fact({ mentionNext: false })] })).has('mention-this')).toBe(false);
    expect(fired(input({ facts: [fact({ mentionedAt: NOW - DAY })] })).has('mention-this')).toBe(false);
  });

  it('late-local-time', () => {
    // 14:00 UTC is 23:00 in Tokyo, 15:00 in Oslo.
    expect(fired(input({ customer: customer({ timeZone: 'Asia/Tokyo' }) })).get('late-local-time')).toMatch(/^It's 23:00 for them now/);
    expect(fired(input({ customer: customer({ timeZone: 'Europe/Oslo' }) })).has('late-local-time')).toBe(false);
    expect(fired(input({ customer: customer({ timeZone: 'Not/AZone' }) })).has('late-local-time')).toBe(false);
  });

  it('negative-last-time', () => {
    const upset = input({ visits: [visit('200'), visit('150', { mood: -4, status: 'solved', firstSeen: NOW - 5 * DAY, lastSeen: NOW - 5 * DAY })] });
    expect(fired(upset).get('negative-last-time')).toMatch(/upset last time \(#150/);
    const calm = input({ visits: [visit('200'), visit('150', { mood: 2, status: 'solved', firstSeen: NOW - 5 * DAY, lastSeen: NOW - 5 * DAY })] });
    expect(fired(calm).has('negative-last-time')).toBe(false);
  });

  it('"last time" looks back LOOK_BACK earlier tickets for a mood and for the same topic, not further', () => {
    // `n` unremarkable earlier tickets (solved, no mood, other topics, not this week), then one
    // ticket that was upset and on the same topic as the current one.
    const history = (n: number) => [
      visit('200', { subject: 'Export to CSV fails', tags: ['export'], firstSeen: NOW, lastSeen: NOW }),
      ...Array.from({ length: n }, (_, k) =>
        visit(`${100 + k}`, { subject: `Question ${k}`, tags: [`t${k}`], status: 'solved', firstSeen: NOW - (30 + k) * DAY, lastSeen: NOW - (30 + k) * DAY }),
      ),
      visit('7', { subject: 'CSV export fails again', tags: ['export'], mood: -4, status: 'solved', firstSeen: NOW - 400 * DAY, lastSeen: NOW - 400 * DAY }),
    ];
    const within = fired(input({ visits: history(LOOK_BACK - 1) }));
    expect(within.get('negative-last-time')).toMatch(/#7/);
    expect(within.get('repeat-contact')).toMatch(/^Same topic as #7/);
    const beyond = fired(input({ visits: history(LOOK_BACK) }));
    expect(beyond.has('negative-last-time')).toBe(false);
    expect(beyond.has('repeat-contact')).toBe(false);
    // The current ticket takes no place in the look-back, wherever it sits in the history.
    const reopened = history(LOOK_BACK - 1).map((v) => (v.ticketId === '200' ? { ...v, lastSeen: NOW - 35 * DAY } : v));
    expect(fired(input({ visits: reopened })).get('negative-last-time')).toMatch(/#7/);
    // A newer mood wins, even a calm one: "last time" is the newest earlier ticket with a mood.
    const calmSince = history(3).map((v) => (v.ticketId === '101' ? { ...v, mood: 1 } : v));
    expect(fired(input({ visits: calmSince })).has('negative-last-time')).toBe(false);
  });

  it('important-date-soon', () => {
    const soon = input({ customer: customer({ importantDates: [{ label: 'Birthday', date: '--11-28' }] }) });
    expect(fired(soon).get('important-date-soon')).toMatch(/^Birthday in 3 days \((28 Nov|Nov 28)\)/);
    const far = input({ customer: customer({ importantDates: [{ label: 'Renewal', date: '2027-03-01' }] }) });
    expect(fired(far).has('important-date-soon')).toBe(false);
  });

  it('vip', () => {
    expect(fired(input({ customer: customer({ vip: true, tier: 'Enterprise' }) })).get('vip')).toMatch(/VIP \(Enterprise\)/);
    expect(fired(input({ customer: customer({ tier: 'Free' }) })).has('vip')).toBe(false);
  });

  it('ranks by weight and shows at most five, each with a reason', () => {
    const everything = input({
      customer: customer({ preferredName: 'Sam', pronunciation: 'sam', vip: true, timeZone: 'Asia/Tokyo', importantDates: [{ label: 'Birthday', date: '--11-26' }] }),
      visits: [visit('200'), visit('199', { firstSeen: NOW - DAY, mood: -3 })],
      followUps: [followUp({ dueAt: NOW - 1 })],
      facts: [fact()],
    });
    const cues = cuesFor(everything);
    expect(cues).toHaveLength(MAX_CUES);
    expect(cues[0]!.id).toBe('open-promise');
    expect(cues.map((c) => c.weight)).toEqual([...cues.map((c) => c.weight)].sort((a, b) => b - a));
    for (const cue of cues) expect(cue.reason.length).toBeGreaterThan(10);
  });
});
