import { describe, expect, it } from 'vitest';
import {
  adherenceByWeek,
  customerRows,
  dueToday,
  failingRules,
  filterCustomers,
  filterNotes,
  followUpsIn,
  perAgent,
  repliesCounted,
  responseDistribution,
  tooLittleToChart,
  ticketUrl,
  wantsMoreExamples,
} from '@/lib/dashboard/queries';
import { summarise, weekStart } from '@/lib/db/reply-stats';
import { responseTime } from '@/lib/standards/response-time';
import type { RuleContext } from '@/lib/standards/types';
import { DEFAULT_PACK } from '@/lib/standards/pack';
import { dana, followUp, note, reply, sam, T0, visit } from '../exchange/seed';

const DAY = 86_400_000;

describe('customers view', () => {
  const rows = customerRows(
    [sam(), dana({ vip: true }), sam({ id: 'merged-away', mergedInto: 'c-sam' })],
    [visit(), visit({ id: 'v2', ticketId: '98', lastSeen: T0, tags: ['billing'] })],
    [note({ text: 'Launching a bakery in May' })],
    [followUp(), followUp({ id: 'p2', customerId: 'c-dana', status: 'done' })],
  );

  it('leaves out merged-away records and counts tickets and open promises', () => {
    expect(rows.map((r) => r.customer.id).sort()).toEqual(['c-dana', 'c-sam']);
    const samRow = rows.find((r) => r.customer.id === 'c-sam')!;
    expect(samRow).toMatchObject({ tickets: 2, openPromises: 1, lastContact: T0 });
    expect(samRow.tags).toEqual(expect.arrayContaining(['billing', 'preference']));
  });

  it('searches name, email and note text; filters VIP, promises and tags; sorts', () => {
    expect(filterCustomers(rows, { search: 'bakery' }).map((r) => r.customer.id)).toEqual(['c-sam']);
    expect(filterCustomers(rows, { search: 'DANA@example' }).map((r) => r.customer.id)).toEqual(['c-dana']);
    expect(filterCustomers(rows, { vip: true }).map((r) => r.customer.id)).toEqual(['c-dana']);
    expect(filterCustomers(rows, { openPromises: true }).map((r) => r.customer.id)).toEqual(['c-sam']);
    expect(filterCustomers(rows, { tag: 'billing' }).map((r) => r.customer.id)).toEqual(['c-sam']);
    expect(filterCustomers(rows, { sort: 'tickets' })[0]!.customer.id).toBe('c-sam');
  });
});

describe('notes view', () => {
  const notes = [note(), note({ id: 'n2', text: 'From the team', author: 'Priya', tags: ['vip'], createdAt: T0 - 40 * DAY, updatedAt: T0 })];
  it('filters by text, tag, author and date range', () => {
    expect(filterNotes(notes, { search: 'email' }).map((n) => n.id)).toEqual(['n-1']);
    expect(filterNotes(notes, { author: 'Priya' }).map((n) => n.id)).toEqual(['n2']);
    expect(filterNotes(notes, { author: '' }).map((n) => n.id)).toEqual(['n-1']);
    expect(filterNotes(notes, { tag: 'vip' }).map((n) => n.id)).toEqual(['n2']);
    expect(filterNotes(notes, { from: T0 - 10 * DAY }).map((n) => n.id)).toEqual(['n-1']);
     // Search looks through text and tags, every word, any case.
    expect(filterNotes(notes, { search: 'VIP team' }).map((n) => n.id)).toEqual(['n2']);
    expect(filterNotes(notes, { search: 'vip email' })).toEqual([]);
  });
});

describe('follow-ups', () => {
  const list = [followUp({ id: 'late', dueAt: T0 - DAY }), followUp({ id: 'soon', dueAt: T0 + 3_600_000 }), followUp({ id: 'kept', status: 'done', doneAt: T0 })];
  it('sorts into overdue, due and done; the popup shows what is due today', () => {
    expect(followUpsIn(list, 'overdue', T0).map((f) => f.id)).toEqual(['late']);
    expect(followUpsIn(list, 'due', T0).map((f) => f.id)).toEqual(['soon']);
    expect(followUpsIn(list, 'done', T0).map((f) => f.id)).toEqual(['kept']);
    expect(dueToday(list, T0).map((f) => f.id)).toEqual(['late', 'soon']);
  });
  it('links to the ticket in its helpdesk, and refuses odd hosts', () => {
    expect(ticketUrl({ helpdesk: 'zendesk', account: 'acme.zendesk.com', ticketId: '102' })).toBe('https://acme.zendesk.com/agent/tickets/102');
    expect(ticketUrl({ helpdesk: 'freshdesk', account: 'demo.freshdesk.com', ticketId: '41' })).toBe('https://demo.freshdesk.com/a/tickets/41');
    expect(ticketUrl({ helpdesk: 'zendesk', account: 'evil.com/x?', ticketId: '1' })).toBeUndefined();
    // A bundle from elsewhere cannot point "Open ticket" at another site, or at the other helpdesk.
    expect(ticketUrl({ helpdesk: 'zendesk', account: 'zendesk.com.evil.example', ticketId: '1' })).toBeUndefined();
    expect(ticketUrl({ helpdesk: 'zendesk', account: 'phish.example.com', ticketId: '1' })).toBeUndefined();
    expect(ticketUrl({ helpdesk: 'freshdesk', account: 'acme.zendesk.com', ticketId: '1' })).toBeUndefined();
  });
});

describe('reply quality', () => {
  const replies = [
    reply({ states: { 'greets-by-name': 'pass', 'answers-questions': 'fail', 'response-time': 'pass' } }),
    reply({ id: 'r2', sentAt: T0 - 8 * DAY, states: { 'greets-by-name': 'fail', 'answers-questions': 'na', 'response-time': 'fail' }, responseMs: 10 * 3_600_000, agent: 'Priya' }),
  ];
  const stats = summarise(replies);
  it('adherence per rule per week leaves out n/a', () => {
    const a = adherenceByWeek(stats);
    expect(a.weeks).toHaveLength(2);
    expect(a.rules['greets-by-name']).toEqual([0, 1]);
    expect(a.rules['answers-questions']).toEqual([null, 0]);
  });
  it('rules that fail most, with recent examples; response times against the target; per agent', () => {
    const newestFirst = [...replies].sort((a, b) => b.sentAt - a.sentAt);
    const failing = failingRules(stats, newestFirst);
    expect(failing.map((r) => [r.rule, r.fails, r.applicable, r.examples.map((e) => e.id)])).toEqual([
      ['answers-questions', 1, 1, [replies[0]!.id]],
      ['greets-by-name', 1, 2, ['r2']],
      ['response-time', 1, 2, ['r2']],
    ]);
    // Counts come from the sums even when no example has been read yet.
    expect(failingRules(stats, []).map((r) => r.fails)).toEqual([1, 1, 1]);
    expect(wantsMoreExamples(failingRules(stats, []))).toBe(true);
    expect(wantsMoreExamples(failing)).toBe(false);
    const d = responseDistribution(stats);
    expect(d).toMatchObject({ timed: 2, within: 1, measured: 2 });
    expect(d.counts.reduce((a, b) => a + b, 0)).toBe(2);
    expect(perAgent(stats).map((a) => [a.agent, a.replies, a.withinTarget])).toEqual([
      ['', 1, 1],
      ['Priya', 1, 0],
    ]);
    expect(adherenceByWeek([])).toEqual({ weeks: [], rules: {} });
    expect(repliesCounted(stats)).toBe(2);
  });

  // A reply in another language scored 100% on the greeting and placeholders alone: averaged in,
  // it lifted the agent's readiness with nothing of the wording checked.
  it('leaves replies checked only in part (not in English) out of the readiness average, and counts them', () => {
    const checked = reply({ id: 'a', readiness: 0.5 });
    const partly = reply({ id: 'b', readiness: 1, partlyChecked: true });
    const [agent] = perAgent(summarise([checked, partly]));
    expect(agent).toMatchObject({ replies: 2, readiness: 0.5, partlyChecked: 1 });
    expect(perAgent(summarise([partly]))[0]).toMatchObject({ replies: 1, readiness: null, partlyChecked: 1 });
    expect(repliesCounted(summarise([checked, partly]))).toBe(2);
  });
});

describe('response-time targets per reply (#14)', () => {
  // Each reply is judged by the response-time rule with its own channel and priority when sent.
  const judged = (over: { channel?: string; priority?: string }, waitedMin: number, id: string) => {
    const sentAt = T0 - DAY;
    const result = responseTime.check({ ...({ draft: '', customerMessages: [], customer: {}, customerText: '', questions: [] } as unknown as RuleContext), receivedAt: sentAt - waitedMin * 60_000, now: sentAt, standards: DEFAULT_PACK, ...over });
    return reply({ id, sentAt, responseMs: waitedMin * 60_000, channel: over.channel, states: { 'response-time': result.state } });
  };
  it('an urgent ticket answered in 90 minutes missed its 1 h target, though a default 4 h would call it met', () => {
    const stats = summarise([judged({ priority: 'urgent' }, 90, 'u1'), judged({}, 90, 'n1'), judged({ channel: 'chat' }, 3, 'c1')]);
    expect(responseDistribution(stats)).toMatchObject({ timed: 3, measured: 3, within: 2 });
    expect(perAgent(stats)[0]!.withinTarget).toBeCloseTo(2 / 3);
    const slowChat = summarise([judged({ channel: 'chat' }, 20, 'c2')]);
    expect(responseDistribution(slowChat)).toMatchObject({ within: 0, measured: 1 });
  });
  it('says so in words until there are 5 replies over two weeks', () => {
    const few = summarise([reply({ id: 'a' }), reply({ id: 'b', sentAt: T0 - 9 * DAY })]);
    expect(tooLittleToChart(few)).toBe(true);
    const oneWeek = summarise([1, 2, 3, 4, 5, 6].map((i) => reply({ id: `w${i}`, sentAt: weekStart(T0) + i * 3_600_000 })));
    expect(tooLittleToChart(oneWeek)).toBe(true);
    const enough = summarise([1, 2, 3, 4, 5].map((i) => reply({ id: `e${i}`, sentAt: T0 - i * 3 * DAY })));
    expect(tooLittleToChart(enough)).toBe(false);
  });
});

describe('bounded charts (#15)', () => {
  it('a reply dated in the year 275760 does not make the weekly chart loop, and the chart stays within five years', async () => {
    const { adherenceByWeek, MAX_CHART_WEEKS } = await import('@/lib/dashboard/queries');
    const { summarise } = await import('@/lib/db/reply-stats');
    const now = Date.UTC(2026, 11, 2);
    const base = { helpdesk: 'zendesk' as const, account: 'acme.zendesk.com', ticketId: '1', readiness: 1, packId: 'p', packVersion: 1 };
    const rows = summarise([
      { ...base, id: 'far', sentAt: 8.64e15, states: { closing: 'pass' } },
      { ...base, id: 'old', sentAt: Date.UTC(2001, 0, 1), states: { closing: 'fail' } },
      { ...base, id: 'now', sentAt: now - 86_400_000, states: { closing: 'pass', ['__proto__']: 'fail' } as Record<string, 'pass' | 'fail'> },
    ]);
    const started = performance.now();
    const chart = adherenceByWeek(rows, now);
    expect(performance.now() - started).toBeLessThan(200);
    expect(chart.weeks.length).toBe(MAX_CHART_WEEKS);
    expect(chart.weeks.at(-1)).toBeLessThanOrEqual(now);
    expect(chart.rules.closing?.at(-1)).toBe(1);
    expect(({} as Record<string, unknown>).closing).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
