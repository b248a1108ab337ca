/**
 * What the dashboard shows, as pure functions of rows (unit-tested without a browser). The page loads
 * rows with Dexie liveQuery and passes them here; nothing in this file touches the database.
 */
import type { Customer, FollowUp, Note, ReplyRecord, TicketRef, TicketVisit } from '../db/types';

export interface CustomerRow {
  customer: Customer;
  tickets: number;
  openPromises: number;
  lastContact: number;
  tags: string[];
  /** Lower-cased name, emails and note texts: what search looks through. */
  haystack: string;
}

export type CustomerSort = 'lastContact' | 'tickets' | 'openPromises';

export interface CustomerFilter {
  search?: string;
  sort?: CustomerSort;
  vip?: boolean;
  openPromises?: boolean;
  tag?: string;
}

/** Joins customers with their counts once; filtering and sorting then stay in memory. */
export function customerRows(customers: Customer[], visits: TicketVisit[], notes: Note[], followUps: FollowUp[]): CustomerRow[] {
  const byId = new Map<string, CustomerRow>();
  for (const c of customers) {
    if (c.mergedInto) continue;
    byId.set(c.id, {
      customer: c,
      tickets: 0,
      openPromises: 0,
      lastContact: c.lastSeen,
      tags: [],
      haystack: [c.name, c.displayName, c.preferredName, c.organization, ...c.emails].filter(Boolean).join('\n').toLowerCase(),
    });
  }
  for (const v of visits) {
    const row = byId.get(v.customerId);
    if (!row) continue;
    row.tickets++;
    row.lastContact = Math.max(row.lastContact, v.lastSeen);
    for (const t of v.tags ?? []) if (!row.tags.includes(t)) row.tags.push(t);
  }
  for (const n of notes) {
    const row = byId.get(n.customerId);
    if (!row) continue;
    row.haystack += `\n${n.text.toLowerCase()}`;
    for (const t of n.tags) if (!row.tags.includes(t)) row.tags.push(t);
  }
  for (const f of followUps) {
    const row = byId.get(f.customerId);
    if (row && f.status === 'open') row.openPromises++;
  }
  return [...byId.values()];
}

export function filterCustomers(rows: CustomerRow[], filter: CustomerFilter): CustomerRow[] {
  const words = (filter.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const out = rows.filter(
    (r) =>
      (!filter.vip || r.customer.vip) &&
      (!filter.openPromises || r.openPromises > 0) &&
      (!filter.tag || r.tags.includes(filter.tag)) &&
      words.every((w) => r.haystack.includes(w)),
  );
  const sort = filter.sort ?? 'lastContact';
  return out.sort((a, b) => b[sort] - a[sort] || b.lastContact - a.lastContact);
}

export interface NoteFilter {
  search?: string;
  tag?: string;
  author?: string;
  /** Inclusive bounds, millis. */
  from?: number;
  to?: number;
}

/** "" = this device's agent. */
export const authorOf = (n: { author?: string }) => n.author ?? '';

/** Lower-cased note texts, computed once per note row (rows are replaced, never mutated, on change). */
const lowered = new WeakMap<Note, string>();
export function lowerText(n: Note): string {
  let text = lowered.get(n);
  if (text === undefined) lowered.set(n, (text = n.text.toLowerCase()));
  return text;
}

export function filterNotes(notes: Note[], filter: NoteFilter): Note[] {
  const words = (filter.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return notes
    .filter(
      (n) =>
        (!filter.tag || n.tags.includes(filter.tag)) &&
        (filter.author === undefined || authorOf(n) === filter.author) &&
        (filter.from === undefined || n.createdAt >= filter.from) &&
        (filter.to === undefined || n.createdAt <= filter.to) &&
        words.every((w) => lowerText(n).includes(w) || n.tags.some((t) => t.toLowerCase().includes(w))),
    )
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

export type FollowUpBucket = 'overdue' | 'due' | 'done';

export function bucketOf(f: FollowUp, now: number): FollowUpBucket {
  if (f.status === 'done') return 'done';
  return f.dueAt < now ? 'overdue' : 'due';
}

export function followUpsIn(list: FollowUp[], bucket: FollowUpBucket, now: number): FollowUp[] {
  const out = list.filter((f) => bucketOf(f, now) === bucket);
  return bucket === 'done' ? out.sort((a, b) => (b.doneAt ?? 0) - (a.doneAt ?? 0)) : out.sort((a, b) => a.dueAt - b.dueAt);
}

/** Open follow-ups due before the end of today (overdue included), for the popup. */
export function dueToday(list: FollowUp[], now: number): FollowUp[] {
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return list.filter((f) => f.status === 'open' && f.dueAt <= end.getTime()).sort((a, b) => a.dueAt - b.dueAt);
}

/** The ticket's page in its helpdesk. Only our two helpdesks' URL shapes; the account is a host name. */
export function ticketUrl(t: TicketRef): string | undefined {
  // Only the helpdesks' own hosts: an imported bundle must not turn "Open ticket" into a link elsewhere.
  const host = t.helpdesk === 'zendesk' ? /^[a-z0-9-]+\.zendesk\.com$/i : /^[a-z0-9-]+\.freshdesk\.com$/i;
  if (!host.test(t.account) || !/^[\w-]+$/.test(t.ticketId)) return undefined;
  return t.helpdesk === 'zendesk' ? `https://${t.account}/agent/tickets/${t.ticketId}` : `https://${t.account}/a/tickets/${t.ticketId}`;
}

const WEEK = 7 * 86_400_000;
export const weekStart = (at: number) => {
  const d = new Date(at);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d.getTime();
};

export interface Adherence {
  weeks: number[];
  /** rule id → share passed (0..1) per week; null where the rule did not apply that week. */
  rules: Record<string, (number | null)[]>;
}

/** Share of replies passing each rule, per week (n/a replies left out). */
export function adherenceByWeek(replies: ReplyRecord[]): Adherence {
  if (!replies.length) return { weeks: [], rules: {} };
  let min = Infinity;
  let max = -Infinity;
  for (const r of replies) {
    if (r.sentAt < min) min = r.sentAt;
    if (r.sentAt > max) max = r.sentAt;
  }
  const first = weekStart(min);
  const last = weekStart(max);
  const weeks: number[] = [];
  for (let w = first; w <= last; w = weekStart(w + WEEK + 3_600_000)) weeks.push(w);
  const index = new Map(weeks.map((w, i) => [w, i]));
  const tally: Record<string, { pass: number; total: number }[]> = {};
  for (const r of replies) {
    const i = index.get(weekStart(r.sentAt))!;
    for (const [rule, state] of Object.entries(r.states)) {
      if (state === 'na') continue;
      const row = (tally[rule] ??= weeks.map(() => ({ pass: 0, total: 0 })));
      row[i]!.total++;
      if (state === 'pass') row[i]!.pass++;
    }
  }
  const rules = Object.fromEntries(Object.entries(tally).map(([rule, row]) => [rule, row.map((c) => (c.total ? c.pass / c.total : null))]));
  return { weeks, rules };
}

export interface FailingRule {
  rule: string;
  fails: number;
  applicable: number;
  /** Tickets where it failed most recently, as examples. */
  examples: ReplyRecord[];
}

export function failingRules(replies: ReplyRecord[], examples = 3): FailingRule[] {
  const map = new Map<string, FailingRule>();
  for (const r of [...replies].sort((a, b) => b.sentAt - a.sentAt)) {
    for (const [rule, state] of Object.entries(r.states)) {
      if (state === 'na') continue;
      const row = map.get(rule) ?? { rule, fails: 0, applicable: 0, examples: [] };
      row.applicable++;
      if (state === 'fail') {
        row.fails++;
        if (row.examples.length < examples && !row.examples.some((e) => e.ticketId === r.ticketId && e.account === r.account)) row.examples.push(r);
      }
      map.set(rule, row);
    }
  }
  return [...map.values()].filter((r) => r.fails > 0).sort((a, b) => b.fails / b.applicable - a.fails / a.applicable || b.fails - a.fails);
}

/** Response times in buckets (minutes), with how many were within the target. */
export function responseDistribution(replies: ReplyRecord[], targetMs: number) {
  const edges = [15, 30, 60, 120, 240, 480, 1440];
  const labels = ['≤15 min', '≤30 min', '≤1 h', '≤2 h', '≤4 h', '≤8 h', '≤1 day', '> 1 day'];
  const counts = labels.map(() => 0);
  let timed = 0;
  let within = 0;
  for (const r of replies) {
    if (r.responseMs === undefined) continue;
    timed++;
    if (r.responseMs <= targetMs) within++;
    const minutes = r.responseMs / 60_000;
    const i = edges.findIndex((e) => minutes <= e);
    counts[i === -1 ? edges.length : i]!++;
  }
  return { labels, counts, timed, within, targetMs };
}

export interface AgentQuality {
  agent: string;
  replies: number;
  readiness: number;
  withinTarget: number | null;
}

export function perAgent(replies: ReplyRecord[], targetMs: number): AgentQuality[] {
  const map = new Map<string, { n: number; sum: number; timed: number; within: number }>();
  for (const r of replies) {
    const key = r.agent ?? '';
    const row = map.get(key) ?? { n: 0, sum: 0, timed: 0, within: 0 };
    row.n++;
    row.sum += r.readiness;
    if (r.responseMs !== undefined) {
      row.timed++;
      if (r.responseMs <= targetMs) row.within++;
    }
    map.set(key, row);
  }
  return [...map].map(([agent, r]) => ({ agent, replies: r.n, readiness: r.sum / r.n, withinTarget: r.timed ? r.within / r.timed : null })).sort((a, b) => b.replies - a.replies);
}
