/**
 * Cues: what to know about this customer in five seconds, as pure functions of stored data
 * (issue #3). Each cue says *why* it fired; the sidebar shows the five weightiest.
 */
import type { Customer, Fact, FollowUp, Note, TicketVisit } from '../db/types';
import { isEnded } from './status';
import { dayMonthUtc, daysAgo, dueLabel, monthYear, weekdayName, zonedParts } from '../../components/intl';
import { countTickets, isContact } from './tickets';

export type CueId =
  | 'open-promise'
  | 'unresolved-last-time'
  | 'repeat-contact'
  | 'negative-last-time'
  | 'vip'
  | 'late-local-time'
  | 'mention-this'
  | 'important-date-soon'
  | 'preferred-name'
  | 'pronunciation'
  | 'first-contact'
  | 'long-time-customer';

export interface Cue {
  id: CueId;
  reason: string;
  /** Higher comes first. */
  weight: number;
}

export interface CueInput {
  customer: Customer;
  /** `ticketKey` of the ticket open now; absent where no ticket is open (the dashboard). */
  currentTicket?: string;
  /**
   * Every ticket of the customer, in any order (the current one included once recorded); ties in
   * `lastSeen` count newest in the order given. Or, with `week`: the newest LOOK_BACK + 1 tickets
   * plus the current and the earliest one (what lib/memory/context.ts reads).
   */
  visits: TicketVisit[];
  facts: Fact[];
  followUps: FollowUp[];
  notes?: Note[];
  now: number;
  /**
   * Tickets first seen in the last 7 days, when counted on an index: then `visits` may hold only
   * the newest page (plus the current and earliest ticket) — see lib/memory/context.ts.
   */
  week?: { count: number; earliestFirstSeen?: number };
  /**
   * The helpdesk API's answer on this customer's past tickets, if it was asked (`apiFetches`): while
   * it has not answered, Rapport's own history cannot say "first ticket" for a customer the helpdesk
   * knows by id.
   */
  api?: { ok: boolean };
}

export const MAX_CUES = 5;
/**
 * How far back "last time" looks for a mood (`negative-last-time`) and for the same topic
 * (`repeat-contact`): the customer's newest LOOK_BACK tickets before this one. Further back is not
 * "last time", and the sidebar reads this many tickets anyway (lib/memory/context.ts), so the cues
 * cost the same for a customer with 50 tickets or 5,000.
 */
export const LOOK_BACK = 40;
const DAY = 86_400_000;

const ordinal = (n: number) => {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
};

/**
 * "today", "yesterday", "3 days ago", by calendar days in local time as the visit line counts them
 * (`daysAgo`): counted in 24-hour blocks, a ticket from 23:50 read "today" at 00:20 beside a visit
 * line that said "yesterday" (seen on FreeScout).
 */
const ago = (at: number, now: number) => {
  const days = daysAgo(at, now);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 60) return `${days} days ago`;
  return `${Math.round(days / 30)} months ago`;
};

const quote = (text: string, max = 60) => `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`;

/** The due time as every panel shows it (components/format.ts `dueLabel`). */
const fmtDue = (at: number, now: number) => dueLabel(at, now);

/** Tickets other than the current one, newest first. */
const previousOf = (input: CueInput) =>
  input.visits.filter((v) => v.id !== input.currentTicket).sort((a, b) => b.lastSeen - a.lastSeen);

/** The newest LOOK_BACK of them: where "last time" looks. */
const lookBackOf = (input: CueInput) => previousOf(input).slice(0, LOOK_BACK);

type Rule = (input: CueInput) => Cue | undefined;

export const openPromise: Rule = ({ followUps, now }) => {
  const open = followUps.filter((f) => f.status === 'open').sort((a, b) => a.dueAt - b.dueAt);
  const first = open[0];
  if (!first) return undefined;
  const more = open.length > 1 ? ` (+${open.length - 1} more)` : '';
  return { id: 'open-promise', weight: first.dueAt < now ? 100 : 95, reason: `Open promise due ${fmtDue(first.dueAt, now)}${more} — keep it or update them` };
};

/**
 * The customer's newest ticket before this one, if it is still open; else, the newest one an agent
 * started to write to them, if it is recent and they have not answered it. Such a ticket waits on
 * them, not they on us: on FreeScout the agent's "refund done" mail of 30 minutes ago read "Last ticket
 * … wasn't solved — check it's sorted first" beside the customer's own ticket it had answered.
 */
export const unresolvedLastTime: Rule = (input) => {
  const previous = previousOf(input);
  const last = previous.find(theyWrote);
  if (last && !isEnded(last.status) && !last.outcome) {
    return {
      id: 'unresolved-last-time',
      weight: 90,
      // When the customer last wrote on it, if the page showed it; else when it was last open.
      reason: `Last ticket #${last.ticketId}${subjectOf(last)} (${ago(last.lastCustomerMessageAt ?? last.lastSeen, input.now)}) wasn't solved — check it's sorted first`,
    };
  }
  const ours = previous.find((v) => !theyWrote(v) && !isEnded(v.status) && !v.outcome && input.now - v.lastSeen < OUTBOUND_RECENT);
  if (!ours || (last && last.lastSeen > ours.lastSeen)) return undefined;
  return { id: 'unresolved-last-time', weight: 70, reason: `We wrote to them on #${ours.ticketId}${subjectOf(ours)} (${ago(ours.lastSeen, input.now)}) — read it before you reply` };
};

/** A ticket the customer opened, or one they answered (a message of theirs was seen on it). */
const theyWrote = (v: TicketVisit) => isContact(v) || v.lastCustomerMessageAt !== undefined;
/** How long the agent's own unanswered ticket stays worth a mention. */
const OUTBOUND_RECENT = 14 * DAY;
const subjectOf = (v: TicketVisit) => (v.subject ? ` ${quote(v.subject, 40)}` : '');

const words = (s: string | undefined) =>
  new Set(
    (s ?? '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 3 && !STOP.has(w)),
  );
const STOP = new Set(['about', 'again', 'still', 'please', 'help', 'with', 'your', 'from', 'this', 'that', 'have', 'when', 'what', 'issue', 'question', 'problem']);

/** Same topic: a shared tag (other than helpdesk housekeeping) or two shared subject words. */
export function sameTopic(a: TicketVisit, b: TicketVisit): boolean {
  const tagsA = new Set(a.tags ?? []);
  if ((b.tags ?? []).some((t) => tagsA.has(t))) return true;
  const wa = words(a.subject);
  let shared = 0;
  for (const w of words(b.subject)) if (wa.has(w)) shared++;
  return shared >= 2 || (shared >= 1 && Math.min(wa.size, words(b.subject).size) <= 2);
}

/** The open ticket's visit, once recorded. */
const currentOf = (input: CueInput) => (input.currentTicket ? input.visits.find((v) => v.id === input.currentTicket) : undefined);

/** What the customer says on the open ticket about having written before (stored on its visit). */
const claimOf = (input: CueInput) => currentOf(input)?.repeatClaim;

export const repeatContact: Rule = (input) => {
  const { thisWeek, earliestThisWeek } = countTickets(input);
  const current = currentOf(input);
  const claim = current?.repeatClaim;
  const said = claim ? ` (“${claim.phrase}”)` : '';
  if (claim?.times && claim.times > thisWeek) {
    // Only an ordinal they wrote is repeated as one: "emailed you twice" is no "second time".
    const what = claim.counted ? 'not the first time' : `the ${ORDINAL_WORDS[claim.times] ?? ordinal(claim.times)} time`;
    return { id: 'repeat-contact', weight: 85, reason: `They say it's ${what}${said} — acknowledge the hassle` };
  }
  // A ticket an agent opened to write to them is no contact of theirs: only their own words count.
  const counted = isContact(current ?? {});
  if (counted && thisWeek >= 2) return { id: 'repeat-contact', weight: 85, reason: `${ticketsThisWeek(input, thisWeek, earliestThisWeek)} — acknowledge the hassle` };
  const again = counted && current && lookBackOf(input).find((v) => sameTopic(current, v));
  if (again) {
    return { id: 'repeat-contact', weight: 80, reason: `Same topic as #${again.ticketId}${subjectOf(again)} — don't make them repeat it` };
  }
  if (claim) return { id: 'repeat-contact', weight: 80, reason: `They say it's not the first time${said} — don't make them repeat it` };
  return undefined;
};

/** "3rd ticket since Monday" on a ticket, "3 tickets in the last 7 days" where none is open (the dashboard). */
function ticketsThisWeek(input: CueInput, thisWeek: number, earliest: number | undefined): string {
  if (input.currentTicket === undefined) return `${thisWeek} tickets in the last 7 days`;
  const first = Math.min(earliest ?? Infinity, input.now);
  const sameDay = new Date(first).toDateString() === new Date(input.now).toDateString();
  return `${ordinal(thisWeek)} ticket ${sameDay ? 'today' : `since ${weekdayName(first, 'en-GB')}`}`;
}

const ORDINAL_WORDS: Record<number, string> = { 2: 'second', 3: 'third', 4: 'fourth', 5: 'fifth' };

export const negativeLastTime: Rule = (input) => {
  const last = lookBackOf(input).find((v) => v.mood !== undefined);
  if (!last || (last.mood ?? 0) > -2) return undefined;
  return { id: 'negative-last-time', weight: 80, reason: `They were upset last time (#${last.ticketId}, ${ago(last.lastSeen, input.now)}) — start warm` };
};

export const vip: Rule = ({ customer }) => {
  if (!customer.vip) return undefined;
  return { id: 'vip', weight: 75, reason: `VIP${customer.tier ? ` (${customer.tier})` : ''} — reply first, keep them posted` };
};

/** The customer's wall-clock time now, e.g. "23:40", or undefined for an unknown zone. */
export function localTime(timeZone: string, now: number): { hour: number; label: string } | undefined {
  try {
    const { hour, minute } = zonedParts(timeZone, now);
    return Number.isFinite(hour) ? { hour, label: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` } : undefined;
  } catch {
    return undefined;
  }
}

export const lateLocalTime: Rule = ({ customer, now }) => {
  if (!customer.timeZone) return undefined;
  const t = localTime(customer.timeZone, now);
  if (!t || (t.hour >= 7 && t.hour < 22)) return undefined;
  return { id: 'late-local-time', weight: 70, reason: `It's ${t.label} for them now — they may answer in the morning; don't expect a quick reply` };
};

export const mentionThis: Rule = ({ facts, now }) => {
  const due = facts.filter((f) => f.mentionNext && !f.mentionedAt).sort((a, b) => b.createdAt - a.createdAt);
  const first = due[0];
  if (!first) return undefined;
  return { id: 'mention-this', weight: 65, reason: `They shared ${quote(first.text)} (${ago(first.createdAt, now)}) — ask about it` };
};

/** The next occurrence of an important date ("YYYY-MM-DD" or yearly "--MM-DD") from `now`, UTC. */
export function nextOccurrence(date: string, now: number): number | undefined {
  const yearly = /^--(\d{2})-(\d{2})$/.exec(date);
  const fixed = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  if (fixed) return Date.UTC(Number(fixed[1]), Number(fixed[2]) - 1, Number(fixed[3]));
  if (!yearly) return undefined;
  const year = new Date(now).getUTCFullYear();
  const at = Date.UTC(year, Number(yearly[1]) - 1, Number(yearly[2]));
  return at >= today ? at : Date.UTC(year + 1, Number(yearly[1]) - 1, Number(yearly[2]));
}

export const importantDateSoon: Rule = ({ customer, now }) => {
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  const soon = (customer.importantDates ?? [])
    .map((d) => ({ ...d, at: nextOccurrence(d.date, now) }))
    .filter((d): d is typeof d & { at: number } => d.at !== undefined && d.at >= today && d.at <= today + 14 * DAY)
    .sort((a, b) => a.at - b.at)[0];
  if (!soon) return undefined;
  const days = Math.round((soon.at - today) / DAY);
  const when = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
  const date = dayMonthUtc(soon.at);
  return { id: 'important-date-soon', weight: days <= 1 ? 72 : 60, reason: `${soon.label} ${when} (${date}) — a kind word goes far` };
};

export const preferredName: Rule = ({ customer }) => {
  const name = customer.preferredName?.trim();
  if (!name) return undefined;
  return { id: 'preferred-name', weight: 55, reason: `Goes by “${name}” — use it in your greeting` };
};

export const pronunciation: Rule = ({ customer }) => {
  const p = customer.pronunciation?.trim();
  if (!p) return undefined;
  return { id: 'pronunciation', weight: 50, reason: `Name is said “${p}” — for calls` };
};

/**
 * Only when every source agrees (issue #12): no other ticket stored (Rapport's visits and the
 * helpdesk API's history count the same), the API has answered for a customer it knows by id, and
 * the customer does not say they have written before ("this is the THIRD time").
 */
export const firstContact: Rule = (input) => {
  if (input.currentTicket === undefined || countTickets(input).others > 0 || claimOf(input)) return undefined;
  if (input.customer.externalId && !input.api?.ok) return undefined;
  if (!isContact(currentOf(input) ?? {})) return { id: 'first-contact', weight: 45, reason: 'First ticket with them, and you wrote first — introduce yourself and set expectations' };
  return { id: 'first-contact', weight: 45, reason: 'First ticket from them — welcome them and set expectations' };
};

export const longTimeCustomer: Rule = ({ customer, visits, now }) => {
  const since = Math.min(customer.firstSeen, ...visits.map((v) => v.firstSeen));
  if (now - since < 365 * DAY) return undefined;
  const label = monthYear(since, 'en-GB');
  return { id: 'long-time-customer', weight: 40, reason: `With us since ${label} — thank them for sticking around` };
};

export const RULES: Rule[] = [
  openPromise,
  unresolvedLastTime,
  repeatContact,
  negativeLastTime,
  vip,
  lateLocalTime,
  mentionThis,
  importantDateSoon,
  preferredName,
  pronunciation,
  firstContact,
  longTimeCustomer,
];

/** Every cue that fires, weightiest first, at most MAX_CUES. */
export function cuesFor(input: CueInput): Cue[] {
  const cues: Cue[] = [];
  for (const rule of RULES) {
    const cue = rule(input);
    if (cue) cues.push(cue);
  }
  return cues.sort((a, b) => b.weight - a.weight).slice(0, MAX_CUES);
}
