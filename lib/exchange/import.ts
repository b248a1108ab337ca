/**
 * Importing a checked bundle: first a plan (the preview: what would be added, updated, merged, and
 * what conflicts), then the same plan computed again and written inside ONE transaction, so an
 * import is all or nothing — also when the page is closed midway (IndexedDB aborts the transaction).
 *
 * Rules:
 * - A bundle customer is the local customer with the same id, else the one with the same email, else
 *   the same helpdesk + account + requester id: "merged" (their rows are re-pointed to the local id).
 * - Notes, facts and follow-ups without an author get the bundle's agent label ("from Priya"); reply
 *   records get it as `agent`. Rows keep their ids, so importing the same bundle again changes nothing.
 * - A row that exists with other content: the newer one wins ("updated"); when the local one is newer
 *   it is kept and the row counts as a conflict. A note's earlier texts are never lost (edits merge).
 */
import type { Table } from 'dexie';
import type { RapportDB } from '../db/db';
import type { Customer, Fact, FollowUp, Note, ReplyRecord, TicketVisit } from '../db/types';
import { tablesChanged, writeBulk } from '../db/bulk';
import { sameRow } from './canonical';
import { TABLES, type Bundle, type TableName } from './format';
import { BundleError } from './read';
import { ownerReferences } from './meaning';
import type { HelpdeskAccount } from '../db/types';
import { placeNewAccount, workspaceOf } from '../workspaces/rule';

export interface TableChanges {
  added: number;
  updated: number;
  unchanged: number;
  conflicts: number;
}

export interface ImportConflict {
  table: TableName;
  id: string;
  reason: string;
}

export interface ImportPlan {
  agent: string;
  exportedAt: number;
  tables: Record<TableName, TableChanges>;
  /** Bundle customers that are an existing local customer under another id (same email / helpdesk id). */
  merged: { bundleId: string; localId: string; name?: string }[];
  conflicts: ImportConflict[];
  /** Rows to write, per table. */
  writes: { [K in TableName]: unknown[] };
  /** True when importing would change nothing (e.g. the same bundle again). */
  nothingToDo: boolean;
  /** Helpdesk accounts this device had not seen, placed in workspaces by the rule (lib/workspaces/rule.ts). */
  newAccounts: HelpdeskAccount[];
}

const empty = (): TableChanges => ({ added: 0, updated: 0, unchanged: 0, conflicts: 0 });
const CONFLICT_LIST_MAX = 200;

function union<T>(a: T[] | undefined, b: T[] | undefined): T[] {
  return [...new Set([...(a ?? []), ...(b ?? [])])];
}

function mergeCustomer(local: Customer, incoming: Customer): Customer {
  const newer = incoming.updatedAt > local.updatedAt ? incoming : local;
  const older = newer === local ? incoming : local;
  const merged: Customer = {
    ...older,
    ...newer,
    id: local.id,
    helpdesk: local.helpdesk,
    account: local.account,
    externalId: local.externalId ?? incoming.externalId,
    // The most recently seen address stays first.
    emails: union(newer.emails, older.emails),
    firstSeen: Math.min(local.firstSeen, incoming.firstSeen),
    lastSeen: Math.max(local.lastSeen, incoming.lastSeen),
    updatedAt: Math.max(local.updatedAt, incoming.updatedAt),
    mergedInto: local.mergedInto,
    workspace: local.workspace,
  };
  if (local.version !== undefined || incoming.version !== undefined) merged.version = Math.max(local.version ?? 1, incoming.version ?? 1);
  for (const key of Object.keys(merged) as (keyof Customer)[]) if (merged[key] === undefined) delete merged[key];
  return merged;
}

function mergeVisit(local: TicketVisit, incoming: TicketVisit): TicketVisit {
  const newer = incoming.lastSeen > local.lastSeen ? incoming : local;
  const merged: TicketVisit = {
    ...local,
    ...newer,
    customerId: local.customerId,
    firstSeen: Math.min(local.firstSeen, incoming.firstSeen),
    lastSeen: Math.max(local.lastSeen, incoming.lastSeen),
  };
  if (local.tags || incoming.tags) merged.tags = union(local.tags, incoming.tags);
  return merged;
}

function mergeNote(local: Note, incoming: Note): { row: Note; conflict: boolean } {
  const incomingNewer = incoming.updatedAt > local.updatedAt;
  const winner = incomingNewer ? incoming : local;
  const loser = incomingNewer ? local : incoming;
  // Keep every text anyone wrote: earlier texts of both sides, and the losing text, in the edit history.
  const edits = [...(local.edits ?? []), ...(incoming.edits ?? [])];
  if (loser.text !== winner.text) edits.push({ text: loser.text, at: loser.updatedAt });
  const seen = new Set<string>();
  const history = edits
    .filter((e) => e.text !== winner.text || e.at !== winner.updatedAt)
    .filter((e) => {
      const key = `${e.at}\u0000${e.text}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort((a, b) => a.at - b.at);
  const row: Note = { ...local, ...winner, customerId: local.customerId, tags: union(winner.tags, loser.tags), edits: history };
  return { row, conflict: !incomingNewer && loser.text !== winner.text };
}

const LOOKUP_CHUNK = 2_000;

/**
 * The rows with these ids (undefined where none), like `bulkGet` but far quicker on large bundles:
 * ids go in sorted chunks and each chunk is ONE range read over the primary key (bulkGet is one
 * request per id). When the range holds many more local rows than the chunk has ids (ids of this
 * device interleaved with the bundle's), that chunk falls back to bulkGet.
 */
export async function getByIds<T extends { id: string }>(table: Table<T, string>, ids: string[]): Promise<(T | undefined)[]> {
  const found = new Map<string, T>();
  const sorted = [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 0; i < sorted.length; i += LOOKUP_CHUNK) {
    const chunk = sorted.slice(i, i + LOOKUP_CHUNK);
    const cap = chunk.length * 4 + 64;
    const range = await table.where(':id').between(chunk[0]!, chunk[chunk.length - 1]!, true, true).limit(cap).toArray();
    if (range.length < cap) {
      const wanted = new Set(chunk);
      for (const row of range) if (wanted.has(row.id)) found.set(row.id, row);
    } else {
      const rows = await table.bulkGet(chunk);
      rows.forEach((row, k) => row && found.set(chunk[k]!, row));
    }
  }
  return ids.map((id) => found.get(id));
}

/** The plan as it fills in: counts per table, the first conflicts, and the rows to write. */
interface Draft {
  tables: Record<TableName, TableChanges>;
  conflicts: ImportConflict[];
  writes: ImportPlan['writes'];
}

function countConflict(draft: Draft, table: TableName, id: string, reason: string) {
  draft.tables[table].conflicts++;
  if (draft.conflicts.length < CONFLICT_LIST_MAX) draft.conflicts.push({ table, id, reason });
}

/** Computes what importing `bundle` would do. Reads only. */
export async function planImport(database: RapportDB, bundle: Bundle): Promise<ImportPlan> {
  const agent = bundle.agent.trim();
  const draft: Draft = {
    tables: Object.fromEntries(TABLES.map((t) => [t, empty()])) as Record<TableName, TableChanges>,
    conflicts: [],
    writes: Object.fromEntries(TABLES.map((t) => [t, []])) as unknown as ImportPlan['writes'],
  };
  const placement = placeAccounts(await database.accounts.toArray());
  const { idMap, merged } = await planCustomers(database, draft, bundle.data.customers, placement.workspaceOfAccount);
  const localCustomer = (id: string) => idMap.get(id) ?? id;
  await refuseMissingOwners(database, bundle, new Set(idMap.keys()));
  await planRecords(database, draft, bundle.data, agent, localCustomer);

  const { tables, conflicts, writes } = draft;
  const newAccounts = placement.newAccounts;
  const nothingToDo = TABLES.every((t) => writes[t].length === 0);
  return { agent, exportedAt: bundle.exportedAt, tables, merged, conflicts, writes, nothingToDo: nothingToDo && newAccounts.length === 0, newAccounts };
}

/**
 * Every bundle customer goes to this device's workspace of their account (#15); an account not
 * seen yet is placed by the rule, as if its page had been opened.
 */
function placeAccounts(accounts: HelpdeskAccount[]) {
  const newAccounts: HelpdeskAccount[] = [];
  const workspaceOfAccount = (c: Customer) => {
    let account = accounts.find((a) => a.host === c.account);
    if (!account) {
      account = placeNewAccount(c.account, c.helpdesk, accounts, Date.now());
      accounts.push(account);
      newAccounts.push(account);
    }
    return account.workspace;
  };
  return { newAccounts, workspaceOfAccount };
}

const extKey = (c: Customer) => `${c.helpdesk}\u0000${c.account}\u0000${c.externalId}`;

/**
 * The local customers that bundle customers without a local row of their id may be: by workspace and
 * email (the most recently seen wins), and by helpdesk + account + requester id. Merged customers are left out.
 */
async function identities(database: RapportDB, unmatched: Customer[]) {
  const emails = [...new Set(unmatched.flatMap((c) => c.emails))];
  const byEmail = new Map<string, Customer>();
  if (emails.length) {
    for (const c of await database.customers.where('emails').anyOf(emails).toArray()) {
      if (c.mergedInto) continue;
      for (const email of c.emails) {
        const e = `${workspaceOf(c)}\u0000${email}`;
        if (!byEmail.has(e) || byEmail.get(e)!.lastSeen < c.lastSeen) byEmail.set(e, c);
      }
    }
  }
  const extKeys = unmatched.filter((c) => c.externalId).map((c) => [c.helpdesk, c.account, c.externalId!] as [string, string, string]);
  const byExt = new Map<string, Customer>();
  if (extKeys.length) {
    for (const c of await database.customers.where('[helpdesk+account+externalId]').anyOf(extKeys).toArray()) {
      if (!c.mergedInto) byExt.set(extKey(c), c);
    }
  }
  return { byEmail, byExt };
}

/** Customers: by id, then by identity within their workspace. `idMap` re-points bundle customer ids to local ids. */
async function planCustomers(database: RapportDB, draft: Draft, incoming: Customer[], workspaceOfAccount: (c: Customer) => string) {
  const { tables } = draft;
  const idMap = new Map<string, string>();
  const merged: ImportPlan['merged'] = [];
  const byId = await getByIds(database.customers as unknown as Table<Customer, string>, incoming.map((c) => c.id));
  const { byEmail, byExt } = await identities(database, incoming.filter((_, i) => !byId[i]));
  const pending = new Map<string, Customer>(); // local id → row to write
  incoming.forEach((c, i) => {
    const sameId = byId[i];
    const workspace = workspaceOfAccount(c);
    const byExternalId = c.externalId ? byExt.get(extKey(c)) : undefined;
    const identity =
      sameId ??
      (byExternalId && workspaceOf(byExternalId) === workspace ? byExternalId : undefined) ??
      c.emails.map((e) => byEmail.get(`${workspace}\u0000${e}`)).find(Boolean);
    if (!identity) {
      idMap.set(c.id, c.id);
      const row = { ...c, workspace };
      if (row.mergedInto) delete row.mergedInto;
      pending.set(c.id, row);
      tables.customers.added++;
      return;
    }
    const base = pending.get(identity.id) ?? identity;
    idMap.set(c.id, identity.id);
    if (!sameId) merged.push({ bundleId: c.id, localId: identity.id, name: identity.name ?? c.name });
    const next = mergeCustomer(base, c);
    if (sameRow(next, identity)) {
      tables.customers.unchanged++;
    } else {
      if (!pending.has(identity.id)) tables.customers.updated++;
      pending.set(identity.id, next);
    }
  });
  draft.writes.customers = [...pending.values()];
  return { idMap, merged };
}

/** Tickets, notes, facts, follow-ups and reply records, re-pointed to local customers; the bundle's agent signs what has no author. */
async function planRecords(database: RapportDB, draft: Draft, data: Bundle['data'], agent: string, localCustomer: (id: string) => string) {
  const withAuthor = <T extends { author?: string; customerId: string }>(row: T): T => ({
    ...row,
    customerId: localCustomer(row.customerId),
    author: row.author ?? agent,
  });
  await planRows<TicketVisit>(database, draft, 'visits', data.visits, (r) => ({ ...r, customerId: localCustomer(r.customerId) }), (l, i) => ({ row: mergeVisit(l, i) }));
  await planRows<Note>(database, draft, 'notes', data.notes, withAuthor, mergeNote);
  await planRows<Fact>(database, draft, 'facts', data.facts, withAuthor, newerWins((f) => f.mentionedAt ?? f.createdAt));
  await planRows<FollowUp>(database, draft, 'followUps', data.followUps, withAuthor, mergeFollowUp);
  await planRows<ReplyRecord>(
    database,
    draft,
    'replies',
    data.replies,
    (r) => ({ ...r, customerId: r.customerId ? localCustomer(r.customerId) : undefined, agent: r.agent ?? agent }),
    (local) => ({ row: local, conflict: true }),
  );
  for (const r of draft.writes.replies as ReplyRecord[]) if (r.customerId === undefined) delete r.customerId;
}

const newerWins =
  <T>(time: (row: T) => number) =>
  (local: T, inc: T) =>
    time(inc) > time(local) ? { row: { ...inc, customerId: (local as { customerId?: string }).customerId } as T } : { row: local, conflict: true };

function mergeFollowUp(local: FollowUp, inc: FollowUp): { row: FollowUp; conflict?: boolean } {
  // Done is final: a promise kept on either device stays kept.
  if (local.status === 'done' && inc.status !== 'done') return { row: local, conflict: false };
  if (inc.status === 'done' && local.status !== 'done') return { row: { ...local, status: 'done', doneAt: inc.doneAt } };
  return { row: local, conflict: true };
}

const KEPT_HERE = 'changed here more recently; this device’s version is kept';

/** One table's rows: added when new here, unchanged when the same, else merged (updated, or a conflict). */
async function planRows<T extends { id: string; customerId?: string }>(
  database: RapportDB,
  draft: Draft,
  table: TableName,
  list: T[],
  prepare: (row: T) => T,
  merge: (local: T, incoming: T) => { row: T; conflict?: boolean },
) {
  const tables = draft.tables;
  const prepared = list.map(prepare);
  const existing = await getByIds(database.table(table) as Table<T, string>, prepared.map((r) => r.id));
  const out: T[] = [];
  prepared.forEach((row, i) => {
    const local = existing[i];
    if (!local) {
      tables[table].added++;
      out.push(row);
      return;
    }
    if (sameRow(local, row)) {
      tables[table].unchanged++;
      return;
    }
    const result = merge(local, row);
    if (sameRow(result.row, local)) {
      if (result.conflict) countConflict(draft, table, row.id, KEPT_HERE);
      else tables[table].unchanged++;
      return;
    }
    if (result.conflict) countConflict(draft, table, row.id, KEPT_HERE);
    else tables[table].updated++;
    out.push(result.row);
  });
  draft.writes[table] = out;
}

/**
 * Referential integrity (#15): every ticket, note, fact, promise and reply of the bundle belongs to a
 * customer in the bundle or on this device; the first that does not is refused with its path.
 */
async function refuseMissingOwners(database: RapportDB, bundle: Bundle, inBundle: Set<string>): Promise<void> {
  const refs = ownerReferences(bundle.data).filter((r) => !inBundle.has(r.customerId));
  const ids = [...new Set(refs.map((r) => r.customerId))];
  if (!ids.length) return;
  const found = await database.customers.bulkGet(ids);
  const missing = new Set(ids.filter((_, i) => !found[i]));
  const first = refs.find((r) => missing.has(r.customerId));
  if (first) {
    throw new BundleError(
      'meaning',
      `This bundle has a problem: data.${first.table}[${first.index}].customerId: no customer "${first.customerId}" in the bundle or on this device`,
    );
  }
}

/**
 * Imports in one read-write transaction over every table: the plan is computed again inside it (so a
 * change made in a ticket tab since the preview is respected) and written; any failure aborts it all.
 */
export interface ImportProgress {
  /** Rows written so far, of `total` rows to write. */
  done: number;
  total: number;
}

/** Phases of the last import, for the benchmark (scripts/bench-import.mjs). */
const mark = (phase: string) => globalThis.performance?.mark(`rapport:import:${phase}`);

export async function applyImport(database: RapportDB, bundle: Bundle, onProgress?: (p: ImportProgress) => void): Promise<ImportPlan> {
  const plan = await database.transaction('rw', [...TABLES.map((t) => database.table(t)), database.replyWeeks, database.accounts], async () => {
    mark('start');
    const planned = await planImport(database, bundle);
    mark('planned');
    await writeBulk(database, planned.newAccounts, TABLES.map((t) => [t, planned.writes[t]] as const), onProgress);
    mark('written');
    return planned;
  });
  mark('committed');
  tablesChanged(database, [...TABLES.filter((t) => plan.writes[t].length), 'replyWeeks', 'accounts']);
  return plan;
}
