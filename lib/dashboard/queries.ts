/**
 * What the dashboard shows, as pure functions of rows (unit-tested without a browser). The page loads
 * rows with Dexie liveQuery and passes them here; nothing in this file touches the database.
 */
import type { Customer, FollowUp, Note, ReplyRecord, TicketRef, TicketVisit } from '../db/types';
import { ticketUrl as helpdeskTicketUrl } from '../helpdesks';
import { configuredTicketUrl, type ConfiguredHelpdesk } from '../helpdesks/configured';
import { RESPONSE_LABELS, weekStart, type ReplyWeek } from '../db/reply-stats';


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

/**
 * A note's text and tags, lower-cased, computed once per note row (rows are replaced, never mutated,
 * on change). Search words never hold a line break, so one `includes` per word checks text and tags.
 */
const lowered = new WeakMap<Note, string>();
export function lowerText(n: Note): string {
  let text = lowered.get(n);
  if (text === undefined) lowered.set(n, (text = (n.tags.length ? `${n.text}\n${n.tags.join('\n')}` : n.text).toLowerCase()));
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
        words.every((w) => lowerText(n).includes(w)),
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

/**
 * The ticket's page in its helpdesk (the adapter's `ticketUrl`): only the helpdesk's own hosts, or for a
 * self-hosted helpdesk (FreeScout) only where the agent configured it (`configured`), so an imported
 * bundle cannot turn "Open ticket" into a link elsewhere.
 */
export function ticketUrl(t: TicketRef, configured: readonly ConfiguredHelpdesk[] = []): string | undefined {
  return helpdeskTicketUrl(t) ?? configuredTicketUrl(t, configured);
}


export interface Adherence {
  weeks: number[];
  /** rule id → share passed (0..1) per week; null where the rule did not apply that week. */
  rules: Record<string, (number | null)[]>;
}

/** Share of replies passing each rule, per week (n/a replies left out), from the weekly sums. */
/**
 * The chart shows at most this many weeks (about five years), ending with the newest week that is
 * not in the future: a stored date in the year 275760 must not make it loop over 14 million weeks
 * (issue #15). Weeks outside the window are left out of the chart, not out of the data.
 */
export const MAX_CHART_WEEKS = 260;

export function adherenceByWeek(stats: readonly ReplyWeek[], now = Date.now()): Adherence {
  const horizon = weekStart(now);
  let first = Infinity;
  let last = -Infinity;
  for (const s of stats) {
    if (!Number.isFinite(s.week) || s.week > horizon) continue;
    if (s.week < first) first = s.week;
    if (s.week > last) last = s.week;
  }
  if (last === -Infinity) return { weeks: [], rules: {} };
  const weeks: number[] = [last];
  while (weeks.length < MAX_CHART_WEEKS) {
    const earlier = weekStart(weeks[0]! - 3_600_000);
    if (earlier < first) break;
    weeks.unshift(earlier);
  }
  const index = new Map(weeks.map((w, i) => [w, i]));
  const tally: Record<string, { pass: number; total: number }[]> = Object.create(null) as Record<string, { pass: number; total: number }[]>;
  for (const s of stats) {
    const i = index.get(s.week);
    if (i === undefined) continue;
    for (const [rule, [pass, fail]] of Object.entries(s.rules)) {
      const row = (tally[rule] ??= weeks.map(() => ({ pass: 0, total: 0 })));
      row[i]!.total += pass + fail;
      row[i]!.pass += pass;
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

/**
 * The rules missed most (counts from the weekly sums), each with up to `examples` tickets where it
 * failed most recently, taken from `recent` (the newest reply records, newest first).
 */
export function failingRules(stats: readonly ReplyWeek[], recent: readonly ReplyRecord[], examples = 3): FailingRule[] {
  const map = new Map<string, FailingRule>();
  for (const s of stats) {
    for (const [rule, [pass, fail]] of Object.entries(s.rules)) {
      const row = map.get(rule) ?? { rule, fails: 0, applicable: 0, examples: [] };
      row.applicable += pass + fail;
      row.fails += fail;
      map.set(rule, row);
    }
  }
  for (const r of recent) {
    for (const [rule, state] of Object.entries(r.states)) {
      const row = map.get(rule);
      if (state !== 'fail' || !row || row.examples.length >= examples) continue;
      if (!row.examples.some((e) => e.ticketId === r.ticketId && e.account === r.account)) row.examples.push(r);
    }
  }
  return [...map.values()].filter((r) => r.fails > 0).sort((a, b) => b.fails / b.applicable - a.fails / a.applicable || b.fails - a.fails);
}

/** Rules that failed but have fewer than `examples` examples in `recent`: read further back for them. */
export function wantsMoreExamples(failing: readonly FailingRule[], examples = 3): boolean {
  return failing.some((f) => f.examples.length < Math.min(examples, f.fails));
}

/**
 * Response times in buckets, with how many were within the target (a reply within the target is one
 * in a bucket whose upper edge is at most the target; the default 4 h target is a bucket edge).
 */
/**
 * Whether replies met their response-time target, from the `response-time` rule's verdicts: each
 * reply was judged against the target of its own channel and priority (the standards pack's
 * targets: an urgent ticket's 1 h, a chat's 5 min) when it was sent, never against one default.
 */
const RESPONSE_RULE = 'response-time';
const targetVerdicts = (s: ReplyWeek): [number, number] => s.rules[RESPONSE_RULE] ?? [0, 0];

/** Response times per bucket, and how many replies met their own target (`within` of `measured`). */
export function responseDistribution(stats: readonly ReplyWeek[]) {
  const counts = RESPONSE_LABELS.map(() => 0);
  let within = 0;
  let measured = 0;
  for (const s of stats) {
    s.buckets.forEach((n, i) => (counts[i]! += n));
    const [met, missed] = targetVerdicts(s);
    within += met;
    measured += met + missed;
  }
  const timed = counts.reduce((a, b) => a + b, 0);
  return { labels: [...RESPONSE_LABELS], counts, timed, within, measured };
}

export interface AgentQuality {
  agent: string;
  replies: number;
  /** The average readiness of the replies checked in full; null when every reply was checked in part. */
  readiness: number | null;
  /** Replies checked only in part (not in English), left out of `readiness`. */
  partlyChecked: number;
  /** Share of the agent's replies that met their own target; null when none was measured. */
  withinTarget: number | null;
}

export function perAgent(stats: readonly ReplyWeek[]): AgentQuality[] {
  const map = new Map<string, { n: number; sum: number; partly: number; met: number; measured: number }>();
  for (const s of stats) {
    const row = map.get(s.agent) ?? { n: 0, sum: 0, partly: 0, met: 0, measured: 0 };
    const [met, missed] = targetVerdicts(s);
    row.n += s.replies;
    row.sum += s.readinessSum;
    row.partly += s.partlyChecked ?? 0;
    row.met += met;
    row.measured += met + missed;
    map.set(s.agent, row);
  }
  return [...map]
    .filter(([, r]) => r.n > 0)
    .map(([agent, r]) => ({
      agent,
      replies: r.n,
      readiness: r.n > r.partly ? r.sum / (r.n - r.partly) : null,
      partlyChecked: r.partly,
      withinTarget: r.measured ? r.met / r.measured : null,
    }))
    .sort((a, b) => b.replies - a.replies || (a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : 0));
}

/** Fewer replies than this, or fewer weeks, and the view says so in words instead of drawing charts. */
export const MIN_CHART_REPLIES = 5;
export const MIN_CHART_WEEKS = 2;

/** Too little to chart: a line through two dots reads as a trend it is not. */
export function tooLittleToChart(stats: readonly ReplyWeek[]): boolean {
  const weeks = new Set(stats.filter((s) => s.replies > 0).map((s) => s.week));
  return repliesCounted(stats) < MIN_CHART_REPLIES || weeks.size < MIN_CHART_WEEKS;
}

/** Each standard's share met over all the weeks: [rule, met, applicable], most missed first. */
export function adherenceTotals(stats: readonly ReplyWeek[]): [rule: string, met: number, applicable: number][] {
  const totals = new Map<string, [number, number]>();
  for (const s of stats) {
    for (const [rule, [pass, fail]] of Object.entries(s.rules)) {
      const t = totals.get(rule) ?? [0, 0];
      totals.set(rule, [t[0] + pass, t[1] + pass + fail]);
    }
  }
  return [...totals].map(([rule, [met, n]]) => [rule, met, n] as [string, number, number]).sort((a, b) => a[1] / a[2] - b[1] / b[2] || (a[0] < b[0] ? -1 : 1));
}

/** How many reply records the weekly sums count (compared with the replies table to spot stale sums). */
export const repliesCounted = (stats: readonly ReplyWeek[]) => stats.reduce((n, s) => n + s.replies, 0);
