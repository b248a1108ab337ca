/**
 * The one Rapport database. It lives in the extension's own origin: opened by the background and by
 * extension pages, never by a content script (that would put it in the helpdesk's origin, where the
 * page's scripts could read it).
 *
 * Versions are appended, never edited. A version that reshapes data gets an `upgrade` and a test that
 * migrates a stored fixture of the previous shape (test/unit/db/schema.test.ts).
 */
import Dexie, { type EntityTable } from 'dexie';
import { pinnedNotesMiddleware } from './pinned';
import type { ApiFetch, Customer, HelpdeskAccount, Fact, FollowUp, Merge, Note, ReplyRecord, TicketVisit } from './types';
import { rebuildReplyWeeks, upgradeTables, type ReplyWeek } from './reply-stats';
import { upgradeToWorkspaces } from './upgrades';
import { DEFAULT_WORKSPACE } from '../workspaces/rule';
import type { Dispute } from './types';
import type { Attempt, StoredScenario } from '../training/types';

export const DB_NAME = 'rapport';

export class RapportDB extends Dexie {
  customers!: EntityTable<Customer, 'id'>;
  visits!: EntityTable<TicketVisit, 'id'>;
  notes!: EntityTable<Note, 'id'>;
  facts!: EntityTable<Fact, 'id'>;
  followUps!: EntityTable<FollowUp, 'id'>;
  merges!: EntityTable<Merge, 'id'>;
  replies!: EntityTable<ReplyRecord, 'id'>;
  apiFetches!: EntityTable<ApiFetch, 'key'>;
  replyWeeks!: EntityTable<ReplyWeek, 'id'>;
  accounts!: EntityTable<HelpdeskAccount, 'host'>;
  disputes!: EntityTable<Dispute, 'id'>;
  trainingScenarios!: EntityTable<StoredScenario, 'id'>;
  trainingAttempts!: EntityTable<Attempt, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    // v1 — Foundation (issue #2).
    this.version(1).stores({
      customers: 'id, [helpdesk+account+externalId], *emails, [helpdesk+account+name], lastSeen',
      visits: 'id, customerId, [customerId+lastSeen], lastSeen',
      notes: 'id, customerId, [customerId+createdAt], ticketKey, updatedAt, *tags',
    });
    // v2 — customer memory (#3), reply records (#4), provenance for bundles (#5).
    this.version(2)
      .stores({
        customers: 'id, [helpdesk+account+externalId], *emails, [helpdesk+account+name], lastSeen, mergedInto, name',
        visits: 'id, customerId, [customerId+lastSeen], lastSeen',
        notes: 'id, customerId, [customerId+createdAt], ticketKey, updatedAt, *tags, author',
        facts: 'id, customerId, [customerId+createdAt]',
        followUps: 'id, customerId, [status+dueAt], [customerId+status]',
        merges: 'id, survivorId, mergedId, at',
        replies: 'id, customerId, sentAt, [helpdesk+account+ticketId], agent',
        apiFetches: 'key',
      })
      .upgrade(async (tx) => {
        await tx.table<Customer>('customers').toCollection().modify((c) => {
          c.version ??= 1;
        });
        await tx.table<TicketVisit>('visits').toCollection().modify((v) => {
          v.source ??= 'visit';
        });
        await tx.table<Note>('notes').toCollection().modify((n) => {
          n.pinned ??= false;
          n.edits ??= [];
          n.version ??= 1;
        });
      });
    // v3 — memory speed (#3): a customer's tickets by first-seen time. The cues need the earliest
    // ticket ("with us since") and the tickets of the last 7 days ("3rd ticket since Monday"); without
    // this index both meant reading every ticket of the customer on every open. Index only, no reshape.
    this.version(3).stores({
      visits: 'id, customerId, [customerId+lastSeen], lastSeen, [customerId+firstSeen]',
    });
    // v4 — memory speed (#3): a customer's pinned notes, newest first. "Last time" falls back to the
    // newest pinned note; `pinned` is a boolean, which IndexedDB cannot index, so finding it meant
    // reading the customer's notes until one was pinned. `pinnedCreatedAt` (the note's createdAt
    // while pinned) is derived on every write and hidden on every read by `pinnedNotesMiddleware`
    // (lib/db/pinned.ts); the upgrade writes it for the notes already pinned.
    this.version(4)
      .stores({
        notes: 'id, customerId, [customerId+createdAt], ticketKey, updatedAt, *tags, author, [customerId+pinnedCreatedAt]',
      })
      .upgrade(async (tx) => {
        await tx
          .table<Note & { pinnedCreatedAt?: number }>('notes')
          .filter((n) => n.pinned === true)
          .modify((n) => {
            n.pinnedCreatedAt = n.createdAt;
          });
      });
    this.use(pinnedNotesMiddleware);
    // v5 — dashboard speed (#5): reply records summed per week and agent (lib/db/reply-stats.ts), so
    // the reply-quality charts need not read every reply. Built here from the replies already stored.
    this.version(5)
      .stores({ replyWeeks: 'id, week' })
      .upgrade((tx) => rebuildReplyWeeks(upgradeTables(tx)).then(() => undefined));
    // v6 — workspaces (#15): memory is kept per workspace, a set of helpdesk accounts of one company
    // (lib/workspaces/rule.ts). Everything stored so far was one memory: every customer goes to the
    // default workspace and every account seen so far is recorded as part of it.
    this.version(6)
      .stores({
        customers: 'id, [helpdesk+account+externalId], *emails, [helpdesk+account+name], lastSeen, mergedInto, name, workspace',
        accounts: 'host, workspace',
      })
      .upgrade((tx) => upgradeToWorkspaces(tx));
    // A customer written without a workspace (an older caller, a test seed) is in the default one,
    // and stored so: the `workspace` index is how a workspace's customers are found.
    const customers = this.table<Customer, string>('customers');
    customers.hook('creating', (_key, row) => {
      row.workspace ??= DEFAULT_WORKSPACE;
    });
    customers.hook('updating', (changes, _key, row) => {
      const next = { ...row, ...(changes as Partial<Customer>) };
      return next.workspace === undefined ? { workspace: DEFAULT_WORKSPACE } : undefined;
    });
    // v7 — "not right" (#12): agents' disagreements with a checklist verdict or a cue
    // (lib/db/disputes.ts), by rule and time for the dashboard's Disagreements view, and by customer
    // for erasure. A new table: nothing stored before has this shape, so there is nothing to upgrade.
    this.version(7).stores({ disputes: 'id, rule, at, customerId' });
    // v8 — trainer mode (#16): scenarios trainers wrote or edited (built-ins live in code) and
    // trainees' practice attempts, by trainee and by scenario over time (lib/db/training.ts). New
    // tables only: nothing to reshape, no customer data touched.
    this.version(8).stores({
      trainingScenarios: 'id, updatedAt',
      trainingAttempts: 'id, [trainee+at], [scenarioId+at], at',
    });
    // v9 — a customer's tickets by who opened them (#12): "3rd ticket since Monday" counts the
    // customer's own tickets, not those an agent opened to write to them (`startedBy: 'agent'`,
    // lib/memory/tickets.ts). Counted on this index as the week's tickets are on v3's. Index only:
    // rows stored before have no `startedBy`, which is what "not known" is.
    this.version(9).stores({
      visits: 'id, customerId, [customerId+lastSeen], lastSeen, [customerId+firstSeen], [customerId+startedBy+firstSeen]',
    });
  }
}

let shared: RapportDB | undefined;

/** The database of this extension context, opened lazily. */
export function db(): RapportDB {
  shared ??= new RapportDB();
  return shared;
}
