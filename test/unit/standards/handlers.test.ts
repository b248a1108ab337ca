import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { RapportDB } from '@/lib/db/db';
import { Repository } from '@/lib/db/repository';
import { createRequestHandler } from '@/lib/background/handle-request';
import { PREF } from '@/lib/prefs';
import { DEFAULT_PACK } from '@/lib/standards/pack';
import type { Reply } from '@/lib/messages';
import type { ReplyEvaluation } from '@/lib/standards/messages';
import type { ReplyRecord } from '@/lib/db/types';

const EXT = 'rapport-extension-id';
const NOW = 1_790_000_000_000;
const tab = { id: EXT, url: 'https://acme.zendesk.com/agent/tickets/101', tab: { id: 3 } };
const ticket = { helpdesk: 'zendesk' as const, account: 'acme.zendesk.com', ticketId: '101' };

let database: RapportDB;
let handle: ReturnType<typeof createRequestHandler>;

beforeEach(async () => {
  fakeBrowser.reset();
  database = new RapportDB(`replies-${crypto.randomUUID()}`);
  // The customer the requests name: a page is answered only about customers of its workspace (#15).
  await database.customers.put({ id: 'c1', helpdesk: 'zendesk', account: 'acme.zendesk.com', name: 'Dana Whitfield', emails: [], firstSeen: NOW, lastSeen: NOW, updatedAt: NOW });
  handle = createRequestHandler(new Repository(database), EXT, database, { now: () => NOW, uuid: () => crypto.randomUUID() });
});
afterEach(() => database.delete());

const evaluate = async (extra: Record<string, unknown> = {}) =>
  (await handle({ type: 'reply.evaluate', draft: 'Hi Dana, the refund is on its way.', customerMessages: ['I was charged TWICE and nobody answers!'], customer: { name: 'Dana Whitfield' }, ...extra }, tab)) as Reply<ReplyEvaluation>;

describe('reply requests', () => {
  it('evaluates a draft against the stored pack, with the pack’s critical rules and labels', async () => {
    const answer = await evaluate({ receivedAt: NOW - 10 * 60_000 });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.data).toMatchObject({ packId: 'rapport-default', packVersion: 1, labels: { 'greets-by-name': 'Greets by name' } });
    expect(answer.data.critical).toContain('acknowledges-feelings');
    expect(answer.data.results.find((r) => r.rule === 'acknowledges-feelings')?.state).toBe('fail');
    expect(answer.data.responseClock).toEqual({ receivedAt: NOW - 10 * 60_000, targetMs: 240 * 60_000, deadline: NOW + 230 * 60_000 });

    await fakeBrowser.storage.local.set({ [PREF.standardsPack]: { ...DEFAULT_PACK, id: 'team', version: 3, rules: { 'acknowledges-feelings': { on: false, weight: 1, critical: false } } } });
    const team = await evaluate();
    expect(team.ok && team.data.packId).toBe('team');
    expect(team.ok && team.data.results.map((r) => r.rule)).not.toContain('acknowledges-feelings');
  });

  it('answers only the newest of two drafts a page sent at once; the older is told why', async () => {
    const [older, newer] = await Promise.all([evaluate({ draft: 'Hi Dana' }), evaluate({ draft: 'Hi Dana, refunded today.' })]);
    expect(older).toEqual({ ok: false, error: 'A newer draft from this page is being checked.' });
    expect(newer.ok).toBe(true);
    // Another tab's draft is not anyone's newer draft.
    const [mine, theirs] = await Promise.all([evaluate(), handle({ type: 'reply.evaluate', draft: 'Hi Dana', customerMessages: ['x'], customer: { name: 'Dana Whitfield' } }, { ...tab, tab: { id: 4 } })]);
    expect([mine.ok, (theirs as Reply<ReplyEvaluation>).ok]).toEqual([true, true]);
  });

  it('adds the customer’s open promises from their follow-ups', async () => {
    await database.followUps.put({ id: 'f1', customerId: 'c1', text: 'send the corrected invoice', dueAt: NOW, createdAt: NOW, status: 'open', origin: 'manual' });
    const answer = await evaluate({ customerId: 'c1' });
    expect(answer.ok && answer.data.results.find((r) => r.rule === 'follow-through')).toMatchObject({ state: 'fail', why: 'Open promise not addressed: “send the corrected invoice”' });
  });

  it('records a sent reply with its response time and lists it', async () => {
    const recorded = await handle(
      { type: 'reply.record', ticket, customerId: 'c1', receivedAt: NOW - 25 * 60_000, states: { 'greets-by-name': 'pass', closing: 'fail' }, readiness: 0.8, packId: 'rapport-default', packVersion: 1 },
      tab,
    );
    expect(recorded).toMatchObject({ ok: true, data: { ticketId: '101', sentAt: NOW, responseMs: 25 * 60_000, readiness: 0.8 } });
    const listed = (await handle({ type: 'reply.list', ticket }, tab)) as Reply<ReplyRecord[]>;
    expect(listed.ok && listed.data).toHaveLength(1);
    expect(await database.replies.count()).toBe(1);
    // …and counted in its week's sums, in the same transaction (the reply-quality charts read those).
    expect(await database.replyWeeks.toArray()).toMatchObject([{ agent: '', replies: 1, readinessSum: 0.8, rules: { 'greets-by-name': [1, 0], closing: [0, 1] } }]);
  });

  it('records a reply checked only in part (not in English) as such, its readiness out of the sums', async () => {
    const recorded = await handle(
      { type: 'reply.record', ticket, states: { 'greets-by-name': 'pass', closing: 'na' }, readiness: 1, partlyChecked: true, packId: 'rapport-default', packVersion: 1 },
      tab,
    );
    expect(recorded).toMatchObject({ ok: true, data: { partlyChecked: true } });
    expect(await database.replyWeeks.toArray()).toMatchObject([{ replies: 1, readinessSum: 0, partlyChecked: 1 }]);
    const bad = await handle({ type: 'reply.record', ticket, states: { closing: 'pass' }, readiness: 1, partlyChecked: 'yes', packId: 'x', packVersion: 1 }, tab);
    expect(bad.ok).toBe(false);
  });

  // FreeScout's "Email Sent … Undo" turns the reply back into a draft: it was not sent.
  it('takes back the reply a helpdesk page undid, with its week’s sums and its follow-up suggestion', async () => {
    let now = NOW;
    const clocked = createRequestHandler(new Repository(database), EXT, database, { now: () => now, uuid: () => crypto.randomUUID() });
    const record = { type: 'reply.record', ticket, states: { closing: 'pass' }, readiness: 1, packId: 'rapport-default', packVersion: 1 } as const;
    await clocked(record, tab);
    now += 5 * 60_000;
    await clocked({ ...record, ticket: { ...ticket, ticketId: '102' } }, tab);
    await clocked({ type: 'memory.followup.suggest', text: "I'll call you tomorrow.", from: { customerId: 'c1', ticket: { ...ticket, ticketId: '102' } } }, tab);
    now += 10_000; // within FreeScout's 15 s
    // Another helpdesk's page takes back nothing of this one's; the extension's own pages cannot ask.
    expect(await clocked({ type: 'reply.undo', withinMs: 15_000 }, { ...tab, url: 'https://other.zendesk.com/agent/tickets/1' })).toEqual({ ok: true, data: { undone: 0 } });
    expect(await clocked({ type: 'reply.undo', withinMs: 15_000 }, { id: EXT, url: `chrome-extension://${EXT}/dashboard.html` })).toMatchObject({ ok: false });
    expect(await clocked({ type: 'reply.undo', withinMs: 15_000 }, tab)).toEqual({ ok: true, data: { undone: 1 } });
    expect((await database.replies.toArray()).map((r) => r.ticketId)).toEqual(['101']);
    expect(await database.replyWeeks.toArray()).toMatchObject([{ replies: 1, readinessSum: 1 }]);
    expect(await clocked({ type: 'memory.followup.pending' }, tab)).toEqual({ ok: true, data: [] });
    // The earlier reply is past the window: a second undo takes back nothing.
    expect(await clocked({ type: 'reply.undo', withinMs: 15_000 }, tab)).toEqual({ ok: true, data: { undone: 0 } });
    expect(await database.replies.count()).toBe(1);
  });

  it('rejects bad or foreign records and changes nothing', async () => {
    const bad = await handle({ type: 'reply.record', ticket, states: { 'made-up': 'pass' }, readiness: 2, packId: 'x', packVersion: 1 }, tab);
    expect(bad.ok).toBe(false);
    const foreign = await handle({ type: 'reply.record', ticket: { ...ticket, account: 'other.zendesk.com' }, states: { closing: 'pass' }, readiness: 1, packId: 'x', packVersion: 1 }, tab);
    expect(foreign).toEqual({ ok: false, error: expect.stringMatching(/^Rejected: a page may only/) });
    expect(await database.replies.count()).toBe(0);
    expect(await database.replyWeeks.count()).toBe(0);
  });
});
