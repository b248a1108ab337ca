/**
 * Background duties of customer memory (issue #3): an alarm at the next follow-up due time, a
 * notification and a badge count for due follow-ups, and the "Save selection as a fact" context menu.
 *
 * MV3 stops idle service workers, so nothing here lives in memory: every start (and every alarm)
 * recomputes the schedule from the database.
 */
import { browser } from 'wxt/browser';
import type { RapportDB } from '../db/db';
import { Repository, systemClock } from '../db/repository';
import type { FollowUp, TicketRef } from '../db/types';
import { plural } from '../../components/intl';
import { startFactMenu } from './fact-menu';

export const FOLLOW_UP_ALARM = 'rapport:follow-ups';
/** Notification ids: one follow-up (`…:<id>`), or many at once. */
const ONE_DUE = 'rapport-followup:';
const MANY_DUE = 'rapport-followups-due';

/** A ticket's page where Rapport may link it (lib/dashboard/queries.ts `ticketUrl` with the configured helpdesks). */
export type TicketPage = (ticket: TicketRef) => Promise<string | undefined>;

const ICON = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAVUlEQVR42u3ZoQ0AIBAEwe+ALpH070DhMBjCJbPJFzD2vkqSpENt9PnTAQAAAAAAAAAAAAAAAAAAAAAAAAC8ANzCokff6NU6enaP/htEPz68fyRptwClLpHUZOMomQAAAABJRU5ErkJggg==';

type ActionApi = { setBadgeText(details: { text: string }): Promise<void>; setBadgeBackgroundColor?(details: { color: string }): Promise<void> };

/** Chrome MV3 has `action`; Firefox MV2 `browserAction`. */
const action = (): ActionApi | undefined => {
  const b = browser as unknown as { action?: ActionApi; browserAction?: ActionApi };
  return b.action ?? b.browserAction;
};

/** Above this many follow-ups falling due at once, one notification tells how many. */
const NOTIFY_EACH_UP_TO = 3;

async function notifyOne(repo: Repository, followUp: FollowUp): Promise<void> {
  let who = '';
  try {
    const customer = await repo.customer(followUp.customerId);
    who = customer.preferredName ?? customer.name ?? customer.emails[0] ?? '';
  } catch {
    // The customer was removed: still remind.
  }
  await safely(() =>
    browser.notifications.create(`${ONE_DUE}${followUp.id}`, {
      type: 'basic',
      iconUrl: ICON,
      title: who ? `Follow-up due: ${who}` : 'Follow-up due',
      message: followUp.text,
    }),
  );
}

/**
 * Notifies follow-ups that just fell due (once each), sets the badge to the number of open due
 * follow-ups, and arms one alarm for the next due time.
 */
export async function rescheduleFollowUps(repo: Repository, now: number): Promise<void> {
  const due = await repo.dueFollowUps(now);
  const fresh = due.filter((f) => !f.notifiedAt);
  if (fresh.length > NOTIFY_EACH_UP_TO) {
    // Many at once (an imported bundle with old promises): one notification, not thousands.
    await safely(() =>
      browser.notifications.create(MANY_DUE, {
        type: 'basic',
        iconUrl: ICON,
        title: `${plural(fresh.length, 'follow-up')} are due`,
        message: 'They are listed under Follow-ups in the dashboard.',
      }),
    );
  } else {
    for (const followUp of fresh) await notifyOne(repo, followUp);
  }
  if (fresh.length) await repo.markNotified(fresh.map((f) => f.id));
  await safely(async () => {
    const api = action();
    await api?.setBadgeBackgroundColor?.({ color: '#b3261e' });
    await api?.setBadgeText({ text: due.length ? String(due.length) : '' });
  });
  const next = await repo.nextDueAfter(now);
  await safely(async () => {
    if (next === undefined) await browser.alarms.clear(FOLLOW_UP_ALARM);
    else browser.alarms.create(FOLLOW_UP_ALARM, { when: Math.max(next, now + 1000) });
  });
}

/**
 * A click on a follow-up notification: the follow-up's ticket in its helpdesk, where Rapport can link
 * it; else (no ticket, a helpdesk not configured here, or several due) the dashboard's Follow-ups.
 * Before, a click did nothing.
 */
export async function openFromNotification(database: RapportDB, id: string, ticketPage: TicketPage): Promise<void> {
  if (!id.startsWith(ONE_DUE) && id !== MANY_DUE) return;
  const followUp = id.startsWith(ONE_DUE) ? await database.followUps.get(id.slice(ONE_DUE.length)) : undefined;
  const page = followUp?.ticket ? await ticketPage(followUp.ticket).catch(() => undefined) : undefined;
  await safely(() => browser.tabs.create({ url: page ?? browser.runtime.getURL('/dashboard.html#follow-ups') }));
  await safely(() => browser.notifications.clear(id));
}

async function safely(work: () => unknown): Promise<void> {
  try {
    await work();
  } catch (error) {
    console.warn('Rapport: follow-up reminder step failed', error);
  }
}

export function startMemoryBackground(database: RapportDB, ticketPage: TicketPage, repo = new Repository(database), clock = systemClock): void {
  // Listeners first and synchronously: an alarm that woke the worker is delivered to them.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FOLLOW_UP_ALARM) void rescheduleFollowUps(repo, clock.now());
  });
  browser.notifications.onClicked.addListener((id) => void openFromNotification(database, id, ticketPage));

  startFactMenu();

  void rescheduleFollowUps(repo, clock.now());
}
