/** Privacy controls: retention (delete old history and notes) and erasing one customer everywhere. */
import type { RapportDB } from './db';
import type { Customer, ReplyRecord } from './types';
import { updateReplyWeeks } from './reply-stats';
import { canonicalJson, sha256Hex } from '../exchange/canonical';

const MONTH_MS = 30.44 * 24 * 3600 * 1000;

export function retentionCutoff(months: number, now: number): number {
  return now - months * MONTH_MS;
}

export interface RetentionCounts {
  visits: number;
  notes: number;
}

/** How many ticket visits and notes are older than `months` months (not seen / not edited since). */
export async function retentionPreview(database: RapportDB, months: number, now = Date.now()): Promise<RetentionCounts> {
  if (!(months > 0)) return { visits: 0, notes: 0 };
  const cutoff = retentionCutoff(months, now);
  const [visits, notes] = await Promise.all([
    database.visits.where('lastSeen').below(cutoff).count(),
    database.notes.where('updatedAt').below(cutoff).count(),
  ]);
  return { visits, notes };
}

/** Deletes ticket visits and notes older than `months` months, in one transaction. */
export async function applyRetention(database: RapportDB, months: number, now = Date.now()): Promise<RetentionCounts> {
  if (!(months > 0)) return { visits: 0, notes: 0 };
  const cutoff = retentionCutoff(months, now);
  return database.transaction('rw', database.visits, database.notes, async () => ({
    visits: await database.visits.where('lastSeen').below(cutoff).delete(),
    notes: await database.notes.where('updatedAt').below(cutoff).delete(),
  }));
}

export interface ErasePreview {
  customers: number;
  visits: number;
  notes: number;
  facts: number;
  followUps: number;
  replies: number;
  merges: number;
  /** "Not right" records about this customer's tickets (schema v7): they may hold their message. */
  disputes: number;
}

/** The customer and every record merged into them (the same person under another id). */
async function personIds(database: RapportDB, customerId: string): Promise<string[]> {
  const ids = new Set([customerId]);
  let frontier = [customerId];
  while (frontier.length) {
    const next = (await database.customers.where('mergedInto').anyOf(frontier).toArray()).map((c: Customer) => c.id).filter((id) => !ids.has(id));
    next.forEach((id) => ids.add(id));
    frontier = next;
  }
  return [...ids];
}

async function eraseSets(database: RapportDB, customerId: string) {
  const ids = await personIds(database, customerId);
  const [customers, visits, notes, facts, followUps, replies, survivor, mergedAway, disputes] = await Promise.all([
    database.customers.bulkGet(ids),
    database.visits.where('customerId').anyOf(ids).primaryKeys(),
    database.notes.where('customerId').anyOf(ids).primaryKeys(),
    database.facts.where('customerId').anyOf(ids).primaryKeys(),
    database.followUps.where('customerId').anyOf(ids).primaryKeys(),
    database.replies.where('customerId').anyOf(ids).primaryKeys(),
    database.merges.where('survivorId').anyOf(ids).primaryKeys(),
    database.merges.where('mergedId').anyOf(ids).primaryKeys(),
    database.disputes.where('customerId').anyOf(ids).primaryKeys(),
  ]);
  return {
    customers: ids.filter((_, i) => customers[i]),
    visits,
    notes,
    facts,
    followUps,
    replies,
    merges: [...new Set([...survivor, ...mergedAway])],
    disputes,
  };
}

export async function erasePreview(database: RapportDB, customerId: string): Promise<ErasePreview> {
  const sets = await eraseSets(database, customerId);
  return Object.fromEntries(Object.entries(sets).map(([k, v]) => [k, v.length])) as unknown as ErasePreview;
}

/** Erases a customer everywhere, in one transaction. Answers what was deleted. */
export async function eraseCustomer(database: RapportDB, customerId: string): Promise<ErasePreview> {
  const tables = [database.customers, database.visits, database.notes, database.facts, database.followUps, database.replies, database.merges, database.replyWeeks, database.disputes];
  return database.transaction('rw', tables, async () => {
    const sets = await eraseSets(database, customerId);
    await database.customers.bulkDelete(sets.customers);
    await database.visits.bulkDelete(sets.visits);
    await database.notes.bulkDelete(sets.notes);
    await database.facts.bulkDelete(sets.facts);
    await database.followUps.bulkDelete(sets.followUps);
    const replies = (await database.replies.bulkGet(sets.replies)).filter((r): r is ReplyRecord => Boolean(r));
    await database.replies.bulkDelete(sets.replies);
    await updateReplyWeeks(database, [], replies);
    await database.merges.bulkDelete(sets.merges);
    await database.disputes.bulkDelete(sets.disputes);
    return Object.fromEntries(Object.entries(sets).map(([k, v]) => [k, v.length])) as unknown as ErasePreview;
  });
}

/**
 * Which reply records to erase (#15): sent in [from, to) and by `agent` ("" for this device's agent,
 * undefined for every agent).
 */
export interface ReplyEraseFilter {
  from?: number;
  to?: number;
  agent?: string;
}

function repliesMatching(database: RapportDB, filter: ReplyEraseFilter) {
  const from = filter.from ?? -Infinity;
  const to = filter.to ?? Infinity;
  return database.replies
    .where('sentAt')
    .between(from, to, true, false)
    .filter((r) => filter.agent === undefined || (r.agent ?? '') === filter.agent);
}

/** How many reply records `eraseReplies` would delete. */
export async function eraseRepliesPreview(database: RapportDB, filter: ReplyEraseFilter): Promise<number> {
  return repliesMatching(database, filter).count();
}

/** Deletes the matching reply records and takes them out of the weekly sums, in one transaction. */
export async function eraseReplies(database: RapportDB, filter: ReplyEraseFilter): Promise<number> {
  return database.transaction('rw', database.replies, database.replyWeeks, async () => {
    const rows = await repliesMatching(database, filter).toArray();
    await database.replies.bulkDelete(rows.map((r) => r.id));
    await updateReplyWeeks(database, [], rows);
    return rows.length;
  });
}

/** A hash of every table's rows (by primary key order): equal digests mean an unchanged database. */
export async function databaseDigest(database: RapportDB): Promise<string> {
  const parts: string[] = [];
  for (const table of database.tables) {
    const rows = await table.toArray();
    parts.push(`${table.name}:${rows.map(canonicalJson).join('\n')}`);
  }
  return sha256Hex(parts.join('\n\n'));
}
