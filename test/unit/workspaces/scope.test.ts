/**
 * Workspaces (#15) through the real request handler: every request from a helpdesk page is answered
 * within the workspace of the page's account (sender.url), whatever the message says.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RapportDB } from '@/lib/db/db';
import { Repository } from '@/lib/db/repository';
import { Workspaces } from '@/lib/db/workspaces';
import { createRequestHandler } from '@/lib/background/handle-request';
import { helpdeskOfHost, placeNewAccount } from '@/lib/workspaces/rule';
import type { TicketSnapshot } from '@/lib/helpdesks/types';
import type { Reply, TicketContext } from '@/lib/messages';

const EXT = 'rapport-extension-id';
const page = (host: string, path = '/agent/tickets/1') => ({ id: EXT, url: `https://${host}${path}`, tab: { id: 3 } });
const A = page('tenant-a.zendesk.com');
const B = page('tenant-b.zendesk.com');
const FRESH = page('tenant-a.freshdesk.com', '/a/tickets/7');
const LEAD = { id: EXT, url: `chrome-extension://${EXT}/dashboard.html`, tab: { id: 4 } };
const TRAINER = { id: EXT, url: `chrome-extension://${EXT}/training.html`, tab: { id: 5 } };

const snapshot = (host: string, over: Partial<TicketSnapshot> = {}): TicketSnapshot => ({
  helpdesk: host.endsWith('.freshdesk.com') ? 'freshdesk' : 'zendesk',
  account: host,
  ticketId: '1',
  url: `https://${host}/agent/tickets/1`,
  requester: { name: 'Sam Rivera', email: 'sam@example.com', externalId: '9001' },
  messages: [],
  ...over,
});

let database: RapportDB;
let handle: ReturnType<typeof createRequestHandler>;
beforeEach(() => {
  database = new RapportDB(`ws-${crypto.randomUUID()}`);
  handle = createRequestHandler(new Repository(database), EXT, database, { now: () => Date.now(), uuid: () => crypto.randomUUID() });
});
afterEach(() => database.delete());

const ok = <T>(reply: Reply<unknown>): T => {
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as T;
};
const open = async (sender: ReturnType<typeof page>, snap: TicketSnapshot) => ok<TicketContext>(await handle({ type: 'ticket.open', snapshot: snap }, sender));

describe('the workspace rule', () => {
  it('knows helpdesk accounts by the adapters’ own patterns', () => {
    expect(helpdeskOfHost('acme.zendesk.com')).toBe('zendesk');
    expect(helpdeskOfHost('acme.freshdesk.com')).toBe('freshdesk');
    for (const bad of ['evil.example.com', 'zendesk.com.evil.net', 'acme.zendesk.com/x', '', 'ACME..zendesk.com']) expect(helpdeskOfHost(bad)).toBeUndefined();
  });

  it('puts a new product in the default workspace and a second account of the same product apart', () => {
    const a = placeNewAccount('tenant-a.zendesk.com', 'zendesk', [], 1);
    expect(a).toMatchObject({ workspace: 'default' });
    expect(placeNewAccount('tenant-a.freshdesk.com', 'freshdesk', [a], 1)).toMatchObject({ workspace: 'default' });
    expect(placeNewAccount('tenant-b.zendesk.com', 'zendesk', [a], 1)).toMatchObject({ workspace: 'tenant-b.zendesk.com', suggest: 'default' });
  });
});

describe('two tenants of one product', () => {
  let samA: string;
  beforeEach(async () => {
    samA = (await open(A, snapshot('tenant-a.zendesk.com'))).customer.id;
    ok(await handle({ type: 'note.add', customerId: samA, text: 'Tenant A secret: refund approved' }, A));
  });

  it('tenant B does not see tenant A’s customer, notes or history, even for the same person', async () => {
    const onB = await open(B, snapshot('tenant-b.zendesk.com'));
    expect(onB.customer.id).not.toBe(samA);
    expect(onB.notes).toEqual([]);
    expect(onB.history.ticketsSeen).toBe(0);
    expect(onB.memory?.timeline.filter((e) => e.kind === 'note')).toEqual([]);
    expect(ok(await handle({ type: 'memory.search', query: 'secret' }, B))).toEqual([]);
    expect(ok(await handle({ type: 'memory.customer.find', query: 'sam' }, B))).toEqual([{ id: onB.customer.id, name: 'Sam Rivera', emails: ['sam@example.com'], helpdesk: 'zendesk', account: 'tenant-b.zendesk.com' }]);
    expect(ok(await handle({ type: 'memory.search', query: 'secret' }, A))).toHaveLength(1);
  });

  it('answers tenant A’s ids as unknown on tenant B, and writes nothing there', async () => {
    const onB = await open(B, snapshot('tenant-b.zendesk.com'));
    const note = (await database.notes.toArray())[0]!;
    const ticket = { helpdesk: 'zendesk' as const, account: 'tenant-b.zendesk.com', ticketId: '1' };
    const attempts: Record<string, unknown>[] = [
      { type: 'notes.list', customerId: samA },
      { type: 'memory.context', customerId: samA, ticket },
      { type: 'note.add', customerId: samA, text: 'planted' },
      { type: 'memory.fact.add', customerId: samA, text: 'planted' },
      { type: 'memory.followup.add', customerId: samA, text: 'planted', dueAt: Date.now() },
      { type: 'memory.profile.save', customerId: samA, version: 1, profile: { preferredName: 'X' } },
      { type: 'memory.merge', survivorId: onB.customer.id, mergedId: samA },
      { type: 'memory.note.edit', noteId: note.id, version: 1, text: 'changed' },
      { type: 'memory.note.pin', noteId: note.id, pinned: true },
      { type: 'reply.evaluate', draft: 'Hi', customerMessages: [], customer: {}, customerId: samA },
    ];
    const before = JSON.stringify(await Promise.all(database.tables.map((t) => t.toArray())));
    for (const request of attempts) {
      const reply = await handle(request, B);
      expect(reply, String(request.type)).toMatchObject({ ok: false });
      expect((reply as { error: string }).error).not.toMatch(/secret|refund/i);
    }
    expect(JSON.stringify(await Promise.all(database.tables.map((t) => t.toArray())))).toBe(before);
  });

  it('a page cannot speak for another account, whatever the message says', async () => {
    const reply = await handle({ type: 'ticket.open', snapshot: snapshot('tenant-a.zendesk.com') }, B);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Rejected/) });
    const record = await handle({ type: 'reply.list', ticket: { helpdesk: 'zendesk', account: 'tenant-a.zendesk.com', ticketId: '1' } }, B);
    expect(record).toMatchObject({ ok: false });
  });

  it('asks B once whether it belongs with A; once joined, B sees A’s memory', async () => {
    const first = await open(B, snapshot('tenant-b.zendesk.com', { requester: { name: 'Dana', email: 'dana@example.org' } }));
    expect(first.workspacePrompt).toEqual({ host: 'tenant-b.zendesk.com', into: 'default', label: 'tenant-a.zendesk.com' });
    expect(ok(await handle({ type: 'workspace.answer', belongsTogether: true }, B))).toEqual({ workspace: 'default' });
    const after = await open(B, snapshot('tenant-b.zendesk.com', { ticketId: '2', requester: { email: 'sam@example.com' } }));
    expect(after.workspacePrompt).toBeUndefined();
    expect(after.customer.id).toBe(samA);
    expect(ok(await handle({ type: 'memory.search', query: 'secret' }, B))).toHaveLength(1);
    // Dana, first seen on B, came along.
    expect(ok<unknown[]>(await handle({ type: 'memory.customer.find', query: 'dana' }, A))).toHaveLength(1);
  });

  it('“keep apart” is remembered: no more question, still apart', async () => {
    await open(B, snapshot('tenant-b.zendesk.com'));
    ok(await handle({ type: 'workspace.answer', belongsTogether: false }, B));
    const again = await open(B, snapshot('tenant-b.zendesk.com', { ticketId: '3' }));
    expect(again.workspacePrompt).toBeUndefined();
    expect(ok(await handle({ type: 'memory.search', query: 'secret' }, B))).toEqual([]);
  });

  it('the lead’s pages see every workspace; the trainer page sees only practice data', async () => {
    await open(B, snapshot('tenant-b.zendesk.com'));
    ok(await handle({ type: 'note.add', customerId: (await open(B, snapshot('tenant-b.zendesk.com'))).customer.id, text: 'Tenant B secret' }, B));
    expect(ok(await handle({ type: 'memory.search', query: 'secret' }, LEAD))).toHaveLength(2);
    const list = ok<{ id: string; accounts: { host: string }[] }[]>(await handle({ type: 'workspace.list' }, LEAD));
    expect(list.map((w) => [w.id, w.accounts.map((a) => a.host)])).toEqual([
      ['default', ['tenant-a.zendesk.com']],
      ['tenant-b.zendesk.com', ['tenant-b.zendesk.com']],
    ]);
    expect(await handle({ type: 'workspace.list' }, B)).toMatchObject({ ok: false });

    const practice = ok<TicketContext>(await handle({ type: 'ticket.open', snapshot: snapshot('tenant-a.zendesk.com') }, TRAINER));
    expect(practice.customer.id).not.toBe(samA);
    expect(practice.customer.workspace).toBe('training');
    expect(ok(await handle({ type: 'memory.search', query: 'secret' }, TRAINER))).toEqual([]);
    expect(await handle({ type: 'notes.list', customerId: samA }, TRAINER)).toMatchObject({ ok: false });
  });

  it('split and join on the options page move the customers with their account', async () => {
    await open(FRESH, snapshot('tenant-a.freshdesk.com', { requester: { name: 'Lee', email: 'lee@example.com' } }));
    const workspaces = new Workspaces(database);
    const id = await workspaces.split('tenant-a.freshdesk.com');
    expect(ok(await handle({ type: 'memory.customer.find', query: 'lee' }, A))).toEqual([]);
    expect(ok<unknown[]>(await handle({ type: 'memory.customer.find', query: 'lee' }, FRESH))).toHaveLength(1);
    await workspaces.join(id, 'default');
    expect(ok<unknown[]>(await handle({ type: 'memory.customer.find', query: 'lee' }, A))).toHaveLength(1);
  });
});

describe('Zendesk + Freshdesk of one company', () => {
  it('keep one memory: the same person is one customer with their notes on both', async () => {
    const onZendesk = await open(A, snapshot('tenant-a.zendesk.com'));
    ok(await handle({ type: 'note.add', customerId: onZendesk.customer.id, text: 'VIP since 2019' }, A));
    const onFreshdesk = await open(FRESH, snapshot('tenant-a.freshdesk.com', { requester: { name: 'Sam Rivera', email: 'sam@example.com' } }));
    expect(onFreshdesk.workspacePrompt).toBeUndefined();
    expect(onFreshdesk.customer.id).toBe(onZendesk.customer.id);
    expect(onFreshdesk.notes.map((n) => n.text)).toEqual(['VIP since 2019']);
    expect(ok(await handle({ type: 'memory.search', query: 'vip' }, FRESH))).toHaveLength(1);
  });
});

describe('retried saves', () => {
  it('a note saved again with its client id after a lost answer is stored once', async () => {
    const customerId = (await open(A, snapshot('tenant-a.zendesk.com'))).customer.id;
    const id = crypto.randomUUID();
    const first = ok<{ id: string }>(await handle({ type: 'note.add', id, customerId, text: 'Call back Friday' }, A));
    const retry = ok<{ id: string }>(await handle({ type: 'note.add', id, customerId, text: 'Call back Friday' }, A));
    expect(retry).toEqual(first);
    expect(await database.notes.count()).toBe(1);
    const factId = crypto.randomUUID();
    ok(await handle({ type: 'memory.fact.add', id: factId, customerId, text: 'Moving in May' }, A));
    ok(await handle({ type: 'memory.fact.add', id: factId, customerId, text: 'Moving in May' }, A));
    expect(await database.facts.count()).toBe(1);
    // The same id for different text is refused, not overwritten.
    expect(await handle({ type: 'note.add', id, customerId, text: 'Something else' }, A)).toMatchObject({ ok: false });
    expect((await database.notes.get(id))?.text).toBe('Call back Friday');
  });
});
