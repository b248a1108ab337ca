import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import { RapportDB } from '@/lib/db/db';
import { Repository, type Clock } from '@/lib/db/repository';
import { FOLLOW_UP_ALARM, openFromNotification, rescheduleFollowUps } from '@/lib/memory/background';

let database: RapportDB;
let repo: Repository;
let time: number;
const clock: Clock = { now: () => time, uuid: () => crypto.randomUUID() };

beforeEach(() => {
  fakeBrowser.reset();
  time = Date.UTC(2026, 10, 25, 9);
  database = new RapportDB(`bg-${crypto.randomUUID()}`);
  repo = new Repository(database, clock);
});
afterEach(() => database.delete());

describe('due follow-ups', () => {
  it('notify once, count on the badge and arm the alarm for the next one — all from the database', async () => {
    const create = vi.spyOn(browser.notifications, 'create');
    const badge = vi.fn(async () => undefined);
    (browser as unknown as { action: unknown }).action = { setBadgeText: badge };
    const { customer } = await repo.openTicket({
      helpdesk: 'zendesk',
      account: 'a.zendesk.com',
      ticketId: '1',
      url: 'https://a.zendesk.com/agent/tickets/1',
      requester: { name: 'Sam Rivera', email: 'sam@example.com' },
      messages: [],
    });
    await repo.addFollowUp({ customerId: customer.id, text: 'Send invoice', dueAt: time + 1000 });
    await repo.addFollowUp({ customerId: customer.id, text: 'Call back', dueAt: time + 60_000 });

    await rescheduleFollowUps(repo, time);
    expect(create).not.toHaveBeenCalled();
    expect(badge).toHaveBeenLastCalledWith({ text: '' });
    expect((await browser.alarms.get(FOLLOW_UP_ALARM))?.scheduledTime).toBe(time + 1000);

    time += 2000; // the alarm fired (or the worker restarted)
    await rescheduleFollowUps(repo, time);
    await rescheduleFollowUps(repo, time);
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]![1]).toMatchObject({ title: 'Follow-up due: Sam Rivera', message: 'Send invoice' });
    expect(badge).toHaveBeenLastCalledWith({ text: '1' });
    expect((await browser.alarms.get(FOLLOW_UP_ALARM))?.scheduledTime).toBe(Date.UTC(2026, 10, 25, 9) + 60_000);
  });

  it('many falling due at once (an imported bundle) give one notification that says how many, once', async () => {
    const create = vi.spyOn(browser.notifications, 'create');
    create.mockClear();
    const { customer } = await repo.openTicket({
      helpdesk: 'zendesk',
      account: 'a.zendesk.com',
      ticketId: '1',
      url: 'https://a.zendesk.com/agent/tickets/1',
      requester: { name: 'Sam Rivera', email: 'sam@example.com' },
      messages: [],
    });
    for (let i = 0; i < 5; i++) await repo.addFollowUp({ customerId: customer.id, text: `Promise ${i}`, dueAt: time - 1000 * (i + 1) });
    await rescheduleFollowUps(repo, time);
    await rescheduleFollowUps(repo, time);
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]![1]).toMatchObject({ title: '5 follow-ups are due' });
  });
});

// Before, a click on a follow-up's notification did nothing.
describe('a click on a follow-up notification', () => {
  it('opens the follow-up’s ticket where Rapport can link it, else the dashboard’s Follow-ups', async () => {
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    const clear = vi.spyOn(browser.notifications, 'clear').mockResolvedValue(undefined as never);
    const ticket = { helpdesk: 'freescout', account: 'help.acme.com', ticketId: '7' };
    const { customer } = await repo.openTicket({ ...ticket, url: 'https://help.acme.com/conversation/7', requester: { name: 'Hugo Reyes', email: 'hugo@example.com' }, messages: [] });
    const onTicket = await repo.addFollowUp({ customerId: customer.id, ticket, text: 'Send the tracking number', dueAt: time });
    const bare = await repo.addFollowUp({ customerId: customer.id, text: 'Call back', dueAt: time });
    const linked = async (t: { ticketId: string }) => (t.ticketId === '7' ? 'https://help.acme.com/conversation/7' : undefined);
    const dashboard = browser.runtime.getURL('/dashboard.html#follow-ups');

    await openFromNotification(database, `rapport-followup:${onTicket.id}`, linked);
    expect(create).toHaveBeenLastCalledWith({ url: 'https://help.acme.com/conversation/7' });
    expect(clear).toHaveBeenLastCalledWith(`rapport-followup:${onTicket.id}`);
    await openFromNotification(database, `rapport-followup:${onTicket.id}`, async () => undefined); // its helpdesk not configured here
    expect(create).toHaveBeenLastCalledWith({ url: dashboard });
    await openFromNotification(database, `rapport-followup:${bare.id}`, linked);
    expect(create).toHaveBeenLastCalledWith({ url: dashboard });
    await openFromNotification(database, 'rapport-followups-due', linked);
    expect(create).toHaveBeenLastCalledWith({ url: dashboard });
    const calls = create.mock.calls.length;
    await openFromNotification(database, 'another-extension-note', linked);
    expect(create).toHaveBeenCalledTimes(calls);
  });
});
