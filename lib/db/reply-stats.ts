/**
 * Reply records summed per week and agent (table `replyWeeks`, schema v5), so the reply-quality view
 * draws its charts from a few dozen rows instead of reading every reply ever recorded (50,000 replies
 * took ~1 s to read and sum; their weekly sums take milliseconds).
 *
 * The sums are derived data, kept in step by every path that adds or removes reply records, in the
 * same transaction as the change: recording a sent reply (background), importing a bundle, erasing a
 * customer. `replies` is the truth: the dashboard compares the sums' total with the number of reply
 * records and rebuilds the sums from the replies when they disagree (e.g. rows written by an older
 * Rapport or by hand), and schema v5's upgrade builds them from the replies already stored.
 */
import type { Dexie, EntityTable, Transaction } from 'dexie';
import type { ReplyRecord } from './types';

/** Response-time buckets, upper edges in minutes (the last bucket is everything above 1 day). */
export const RESPONSE_EDGES_MIN = [15, 30, 60, 120, 240, 480, 1440] as const;
export const RESPONSE_LABELS = ['≤15 min', '≤30 min', '≤1 h', '≤2 h', '≤4 h', '≤8 h', '≤1 day', '> 1 day'] as const;

export interface ReplyWeek {
  /** `${week}|${agent}` */
  id: string;
  /** Start of the week (Monday 00:00, local time), millis. */
  week: number;
  /** The agent label; "" for this device's agent. */
  agent: string;
  replies: number;
  /** The sum of the readiness of the replies checked in full. */
  readinessSum: number;
  /** Replies checked only in part (not in English): counted in `replies`, not in `readinessSum`. Absent in older rows: 0. */
  partlyChecked?: number;
  /** Replies with a response time, counted per bucket of RESPONSE_EDGES_MIN. */
  buckets: number[];
  /** Rule id → [passed, failed] (not applicable left out). */
  rules: Record<string, [number, number]>;
}

const WEEK = 7 * 86_400_000;
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Monday 00:00 local time of the week holding `at`. */
export function weekStart(at: number): number {
  const d = new Date(at);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d.getTime();
}

/** The Monday after `week` (DST-safe: a week is not always 7 × 24 h). */
export const nextWeek = (week: number) => weekStart(week + WEEK + 3_600_000);

function responseBucket(responseMs: number): number {
  const minutes = responseMs / 60_000;
  const i = RESPONSE_EDGES_MIN.findIndex((e) => minutes <= e);
  return i === -1 ? RESPONSE_EDGES_MIN.length : i;
}

const keyOf = (r: ReplyRecord) => {
  const week = weekStart(r.sentAt);
  const agent = r.agent ?? '';
  return { id: `${week}|${agent}`, week, agent };
};

const emptyWeek = (id: string, week: number, agent: string): ReplyWeek => ({
  id,
  week,
  agent,
  replies: 0,
  readinessSum: 0,
  buckets: RESPONSE_EDGES_MIN.map(() => 0).concat(0),
  rules: {},
});

/** Adds (sign 1) or takes away (sign -1) one reply from its week's sums. */
function tally(row: ReplyWeek, r: ReplyRecord, sign: 1 | -1): void {
  row.replies += sign;
  if (r.partlyChecked) {
    row.partlyChecked = (row.partlyChecked ?? 0) + sign;
    if (!row.partlyChecked) delete row.partlyChecked;
  } else row.readinessSum += sign * r.readiness;
  if (r.responseMs !== undefined) row.buckets[responseBucket(r.responseMs)]! += sign;
  for (const [rule, state] of Object.entries(r.states)) {
    // A rule named like an Object property must never reach `row.rules[rule] ??=` (#15: a
    // `__proto__` rule state once wrote to Object.prototype); imports refuse them, this is the floor.
    if (state === 'na' || !Object.hasOwn(r.states, rule) || UNSAFE_KEYS.has(rule)) continue;
    const counts = (row.rules[rule] ??= [0, 0]);
    counts[state === 'pass' ? 0 : 1] += sign;
    if (counts[0] === 0 && counts[1] === 0) delete row.rules[rule];
  }
}

/** Adds (sign 1) or takes away (sign -1) `r` in the row of its week in `rows`, making the row if new. */
function tallyInto(rows: Map<string, ReplyWeek>, r: ReplyRecord, sign: 1 | -1): void {
  const { id, week, agent } = keyOf(r);
  let row = rows.get(id);
  if (!row) rows.set(id, (row = emptyWeek(id, week, agent)));
  tally(row, r, sign);
}

/** The weekly sums of these replies (pure). */
export function summarise(replies: Iterable<ReplyRecord>): ReplyWeek[] {
  const rows = new Map<string, ReplyWeek>();
  for (const r of replies) tallyInto(rows, r, 1);
  return [...rows.values()].sort((a, b) => a.week - b.week || (a.agent < b.agent ? -1 : 1));
}

type Tables = { replies: EntityTable<ReplyRecord, 'id'>; replyWeeks: EntityTable<ReplyWeek, 'id'> };

/**
 * Keeps the sums in step with reply records written (`added`, new ids only) and deleted (`removed`,
 * the rows as they were). Call inside the transaction that writes the replies, with `replyWeeks` in
 * its scope.
 */
export async function updateReplyWeeks(tables: Tables, added: readonly ReplyRecord[], removed: readonly ReplyRecord[] = []): Promise<void> {
  if (!added.length && !removed.length) return;
  const ids = [...new Set([...added, ...removed].map((r) => keyOf(r).id))];
  const stored = await tables.replyWeeks.bulkGet(ids);
  const rows = new Map<string, ReplyWeek>();
  ids.forEach((id, i) => {
    const row = stored[i];
    if (row) rows.set(id, row);
  });
  for (const r of added) tallyInto(rows, r, 1);
  for (const r of removed) tallyInto(rows, r, -1);
  const keep = [...rows.values()].filter((row) => row.replies > 0);
  const gone = [...rows.values()].filter((row) => row.replies <= 0).map((row) => row.id);
  if (keep.length) await tables.replyWeeks.bulkPut(keep);
  if (gone.length) await tables.replyWeeks.bulkDelete(gone);
}

/** Stores a sent reply's record and adds it to its week's sums, in one transaction. */
export async function recordReply(database: Tables & Pick<Dexie, 'transaction'>, record: ReplyRecord): Promise<void> {
  await database.transaction('rw', database.replies, database.replyWeeks, async () => {
    await database.replies.add({ ...record });
    await updateReplyWeeks(database, [record]);
  });
}

/**
 * Takes back the newest reply recorded on helpdesk `account` at or after `since` (a send the helpdesk
 * undid), with its week's sums, in one transaction; undefined when there is none.
 */
export async function takeBackReply(database: Tables & Pick<Dexie, 'transaction'>, account: string, since: number): Promise<ReplyRecord | undefined> {
  return database.transaction('rw', database.replies, database.replyWeeks, async () => {
    const recent = await database.replies.where('sentAt').aboveOrEqual(since).filter((r) => r.account === account).toArray();
    const newest = recent.reduce<ReplyRecord | undefined>((a, r) => (!a || r.sentAt > a.sentAt ? r : a), undefined);
    if (!newest) return undefined;
    await database.replies.delete(newest.id);
    await updateReplyWeeks(database, [], [newest]);
    return newest;
  });
}

/** Throws away the sums and builds them again from every reply record (inside a rw transaction). */
export async function rebuildReplyWeeks(tables: Tables): Promise<ReplyWeek[]> {
  const rows = new Map<string, ReplyWeek>();
  // In primary-key pages: the replies are never all in memory at once.
  const PAGE = 5_000;
  let last: string | undefined;
  for (;;) {
    const page = await (last === undefined ? tables.replies.orderBy(':id') : tables.replies.where(':id').above(last)).limit(PAGE).toArray();
    for (const r of page) tallyInto(rows, r, 1);
    if (page.length < PAGE) break;
    last = page[page.length - 1]!.id;
  }
  await tables.replyWeeks.clear();
  const out = [...rows.values()];
  await tables.replyWeeks.bulkPut(out);
  return out;
}

/** For a Dexie `upgrade(tx)`: the tables of that transaction. */
export const upgradeTables = (tx: Transaction): Tables => ({
  replies: tx.table('replies') as EntityTable<ReplyRecord, 'id'>,
  replyWeeks: tx.table('replyWeeks') as EntityTable<ReplyWeek, 'id'>,
});
