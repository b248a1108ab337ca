/**
 * Intent-level operations on the database. Callers say what happened ("a ticket was opened",
 * "the agent wrote a note"); this module decides what rows that means.
 */
import Dexie, { type Collection, type EntityTable, type Table } from 'dexie';

/** Any table whose rows belong to a customer (for re-pointing rows on merge/undo). */
type OwnedTable = Table<{ id: string; customerId?: string }, string>;
import type { RapportDB } from './db';
import {
  ticketKey,
  type ApiFetch,
  type Customer,
  type CustomerProfile,
  type Fact,
  type FollowUp,
  type Merge,
  type Note,
  type TicketRef,
  type TicketVisit,
} from './types';
import type { TicketSnapshot } from '../helpdesks/types';
import type { TicketContext, VisitSummary } from '../messages';
import { moodOf } from '../memory/mood';
import { isEnded } from '../memory/status';
import { repeatClaimInMessages } from '../memory/repeat-contact';
import { mergeProfiles, PROFILE_KEYS } from '../memory/profile';
import { DEFAULT_WORKSPACE, workspaceOf } from '../workspaces/rule';

export interface Clock {
  now(): number;
  uuid(): string;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  uuid: () => crypto.randomUUID(),
};

const normaliseEmail = (email: string | undefined) => {
  const e = email?.trim().toLowerCase();
  return e && /^[^\s@]+@[^\s@]+$/.test(e) ? e : undefined;
};

const normaliseName = (name: string | undefined) => name?.replace(/\s+/g, ' ').trim() || undefined;

/**
 * Notes sent with `ticket.open`: the newest page only, so opening a ticket costs the same for a
 * customer with 3 notes or 3,000; the sidebar asks for the rest (`notes.list`) on "Show all".
 */
export const NOTES_PAGE = 20;

/**
 * Counts the sidebar shows ("Seen 12 times", "Show all 40 notes") stop at COUNT_CAP: IndexedDB
 * counts by walking the index (~5 µs an entry here), so an exact count cost a 1,000-ticket customer
 * ~4 ms on every open; "100+" tells the agent as much.
 */
export const COUNT_CAP = 100;

/** How many entries `collection` has, reading at most `cap + 1` keys; `capped` when there are more. */
export async function countUpTo(collection: Collection, cap: number): Promise<{ count: number; capped: boolean }> {
  const keys = await collection.limit(cap + 1).primaryKeys();
  return keys.length > cap ? { count: cap, capped: true } : { count: keys.length, capped: false };
}

/** A ticket being opened, as `openTicketAnswering` tells `alsoRead`. */
export interface Opening {
  /** The customer as it is being written. */
  customer: Customer;
  /** The visit as it is being written. */
  visit: TicketVisit;
  /** The visit as stored before, if the ticket was seen before (maybe under another customer). */
  previous?: TicketVisit;
  now: number;
  /** The customer's newest notes (as many as `notesRead` asked for), newest first. */
  newestNotes: Promise<Note[]>;
}

export class Repository {
  constructor(
    private readonly database: RapportDB,
    private readonly clock: Clock = systemClock,
  ) {}

  /**
   * Finds the customer a snapshot's requester is in `workspace` (#15), most certain match first: the
   * helpdesk's own id, then any stored email (across the workspace's helpdesks: an email is a
   * person), then the same name in the same account when the page showed neither.
   */
  async findCustomer(snapshot: TicketSnapshot, workspace = DEFAULT_WORKSPACE): Promise<Customer | undefined> {
    const found = await this.survivorOf(await this.findRecord(snapshot, workspace));
    return found && workspaceOf(found) === workspace ? found : undefined;
  }

  /** A merged-away record stands for the customer it was merged into. */
  private async survivorOf(found: Customer | undefined): Promise<Customer | undefined> {
    let c = found;
    for (let hop = 0; c?.mergedInto && hop < 10; hop++) {
      const next = await this.database.customers.get(c.mergedInto);
      if (!next) break;
      c = next;
    }
    return c;
  }

  private async findRecord(snapshot: TicketSnapshot, workspace: string): Promise<Customer | undefined> {
    const { helpdesk, account, requester } = snapshot;
    const t = this.database.customers;
    const inWorkspace = (c: Customer) => workspaceOf(c) === workspace;
    if (requester.externalId) {
      const hit = await t.where('[helpdesk+account+externalId]').equals([helpdesk, account, requester.externalId]).filter(inWorkspace).first();
      if (hit) return hit;
    }
    const email = normaliseEmail(requester.email);
    if (email) {
      const hits = await t.where('emails').equals(email).filter(inWorkspace).toArray();
      // Prefer the one in this helpdesk account, then the most recently seen.
      hits.sort(
        (a, b) =>
          Number(!b.mergedInto) - Number(!a.mergedInto) ||
          Number(b.helpdesk === helpdesk && b.account === account) - Number(a.helpdesk === helpdesk && a.account === account) ||
          b.lastSeen - a.lastSeen,
      );
      if (hits[0]) return hits[0];
    }
    const name = normaliseName(requester.name);
    if (name && !requester.externalId && !email) {
      return t.where('[helpdesk+account+name]').equals([helpdesk, account, name]).filter(inWorkspace).first();
    }
    return undefined;
  }

  /**
   * Records that the agent opened a ticket: creates or refreshes the customer and the ticket visit,
   * and answers what the sidebar needs. History is what we knew *before* this visit. Resolves once
   * the visit is written.
   */
  async openTicket(snapshot: TicketSnapshot, workspace = DEFAULT_WORKSPACE): Promise<TicketContext> {
    const { answer, written } = this.openTicketAnswering(snapshot, async () => undefined, { workspace });
    await written;
    const { also: _, ...context } = await answer;
    return context;
  }

  /**
   * `openTicket` for the sidebar, where every millisecond before the cues show counts:
   *  - `alsoRead` reads more for the answer in the same transaction (the memory panels,
   *    lib/memory/context.ts), in parallel with the ticket's own reads, and is told the visit as it
   *    is about to be written (reads see the database *before* it);
   *  - `answer` resolves as soon as everything is read; the customer and the visit are written
   *    after it in the same read-write transaction, which is what keeps find-or-create safe when
   *    two tabs open the same customer. Any later transaction touching these tables waits for it, so
   *    no reader can miss the visit.
   * `written` resolves once the write has landed; it rejects only when the write failed *after* the
   * answer was given (a failure before that rejects `answer`), so the caller can say so later.
   * `alsoRead` may read every table `readOnly` covers, and must not write.
   */
  openTicketAnswering<R>(
    snapshot: TicketSnapshot,
    alsoRead: (opening: Opening) => Promise<R>,
    { notesRead = NOTES_PAGE, workspace = DEFAULT_WORKSPACE }: { notesRead?: number; workspace?: string } = {},
  ): { answer: Promise<TicketContext & { also: R }>; written: Promise<void> } {
    const now = this.clock.now();
    const { customers, visits } = this.database;
    let delivered = false;
    let deliver!: (context: TicketContext & { also: R }) => void;
    let fail!: (error: unknown) => void;
    const answer = new Promise<TicketContext & { also: R }>((resolve, reject) => {
      deliver = (context) => {
        delivered = true;
        // Outside the transaction's zone: code awaiting the answer must not run inside it.
        Dexie.ignoreTransaction(() => resolve(context));
      };
      fail = reject;
    });
    const committed = this.database.transaction('rw', this.readableTables(), async () => {
      const id = ticketKey(snapshot);
      const [found, previous] = await Promise.all([this.findCustomer(snapshot, workspace), visits.get(id)]);
      const customer = this.mergeRequester(found, snapshot, now, workspace);
      const visit: TicketVisit = {
        ...previous,
        id,
        helpdesk: snapshot.helpdesk,
        account: snapshot.account,
        ticketId: snapshot.ticketId,
        subject: snapshot.subject ?? previous?.subject,
        status: snapshot.status ?? previous?.status,
        customerId: customer.id,
        firstSeen: previous?.firstSeen ?? now,
        lastSeen: now,
        source: 'visit',
        ...visitDetails(snapshot, previous, now),
      };
      // Every read in parallel, before this visit is written (history is what we knew before it).
      // The newest notes are read once, for the sidebar's page and for `alsoRead`.
      const newestNotes = this.recentNotesOf(customer.id, Math.max(NOTES_PAGE, notesRead));
      const [history, newest, notesCount, also] = await Promise.all([
        this.historyOf(customer.id),
        newestNotes,
        countUpTo(this.notesByCreatedAt(customer.id), COUNT_CAP),
        alsoRead({ customer, visit, previous, now, newestNotes }),
      ]);
      const customerNotes = newest.slice(0, NOTES_PAGE);
      // What the customer says ("third time") goes with the count, so the visit line never says
      // "first time" beside a customer who says otherwise (issue #12).
      if (visit.repeatClaim) history.customerSaysRepeat = true;
      deliver({ customer, history, notes: customerNotes, notesTotal: notesCount.count, ...(notesCount.capped ? { notesTotalCapped: true } : {}), also });
      await Promise.all([customers.put({ ...customer }), visits.put({ ...visit })]);
    });
    const written = committed.catch((error: unknown) => {
      if (delivered) throw error;
      fail(error);
    });
    return { answer, written };
  }

  private mergeRequester(found: Customer | undefined, snapshot: TicketSnapshot, now: number, workspace: string): Customer {
    const { requester } = snapshot;
    const email = normaliseEmail(requester.email);
    const name = normaliseName(requester.name);
    if (!found) {
      return {
        id: this.clock.uuid(),
        helpdesk: snapshot.helpdesk,
        account: snapshot.account,
        externalId: requester.externalId,
        name,
        emails: email ? [email] : [],
        firstSeen: now,
        lastSeen: now,
        updatedAt: now,
        version: 1,
        workspace,
      };
    }
    const sameAccount = found.helpdesk === snapshot.helpdesk && found.account === snapshot.account;
    return {
      ...found,
      // The helpdesk id only means something in its own account.
      externalId: found.externalId ?? (sameAccount ? requester.externalId : undefined),
      name: name ?? found.name,
      emails: email ? [email, ...found.emails.filter((e) => e !== email)] : found.emails,
      lastSeen: now,
      updatedAt: now,
    };
  }

  /** Tickets of this customer seen so far, and when last. */
  async historyOf(customerId: string): Promise<VisitSummary> {
    // Counted on the index (up to COUNT_CAP) and the latest read off its end: no rows are loaded.
    const [seen, last] = await Promise.all([countUpTo(this.visitsByLastSeen(customerId), COUNT_CAP), this.visitsByLastSeen(customerId).last()]);
    if (seen.count === 0) return { ticketsSeen: 0 };
    return { ticketsSeen: seen.count, ...(seen.capped ? { ticketsSeenCapped: true } : {}), lastSeen: last?.lastSeen };
  }

  /** A customer's notes, newest first. */
  async notesFor(customerId: string): Promise<Note[]> {
    return this.notesByCreatedAt(customerId).reverse().toArray();
  }

  /**
   * Adds a note. `id`, when the client chose it, makes a retry idempotent (#15): a save whose answer
   * was lost (the worker restarted) and is sent again returns the note stored the first time.
   */
  async addNote(input: { id?: string; customerId: string; ticket?: TicketRef; text: string; tags?: string[] }): Promise<Note> {
    const customer = await this.database.customers.get(input.customerId);
    if (!customer) throw new UnknownCustomerError(input.customerId);
    const again = await this.retried(this.database.notes, input);
    if (again) return again;
    const now = this.clock.now();
    const note: Note = {
      id: input.id ?? this.clock.uuid(),
      customerId: input.customerId,
      ticket: input.ticket ? { ...input.ticket } : undefined,
      ticketKey: input.ticket ? ticketKey(input.ticket) : undefined,
      text: input.text,
      tags: cleanTags(input.tags ?? []),
      createdAt: now,
      updatedAt: now,
      pinned: false,
      edits: [],
      version: 1,
    };
    await this.database.notes.add({ ...note });
    return note;
  }
  // ---- Customer memory (issue #3) -------------------------------------------------------------

  async customer(customerId: string): Promise<Customer> {
    const c = await this.survivorOf(await this.database.customers.get(customerId));
    if (!c) throw new UnknownCustomerError(customerId);
    return c;
  }

  /**
   * Saves profile fields made against `baseVersion`. When someone else saved in between, nothing is
   * written and both versions come back so the agent can keep theirs, keep mine or keep both.
   */
  async saveProfile(customerId: string, baseVersion: number, profile: CustomerProfile): Promise<SaveResult<Customer, CustomerProfile>> {
    const { customers } = this.database;
    return this.database.transaction('rw', customers, async () => {
      const current = await customers.get(customerId);
      if (!current) throw new UnknownCustomerError(customerId);
      const version = current.version ?? 1;
      if (version !== baseVersion) return { ok: false, conflict: { theirs: current, mine: profile } };
      const next: Customer = { ...current, updatedAt: this.clock.now(), version: version + 1 };
      for (const key of PROFILE_KEYS) {
        const value = profile[key];
        if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete next[key];
        else (next as unknown as Record<string, unknown>)[key] = value;
      }
      await customers.put({ ...next });
      return { ok: true, value: next };
    });
  }

  /** "Keep both" for a profile conflict: every field that differs keeps both values. */
  async keepBothProfiles(customerId: string, mine: CustomerProfile): Promise<Customer> {
    const current = await this.customer(customerId);
    const merged = mergeProfiles(current, mine);
    const saved = await this.saveProfile(current.id, current.version ?? 1, merged);
    if (!saved.ok) return this.keepBothProfiles(customerId, mine);
    return saved.value;
  }

  async addFact(input: { id?: string; customerId: string; text: string; source?: TicketRef; mentionNext?: boolean }): Promise<Fact> {
    const customer = await this.customer(input.customerId);
    const again = await this.retried(this.database.facts, { ...input, customerId: customer.id });
    if (again) return again;
    const fact: Fact = {
      id: input.id ?? this.clock.uuid(),
      customerId: customer.id,
      text: input.text,
      source: input.source ? { ...input.source } : undefined,
      createdAt: this.clock.now(),
      mentionNext: input.mentionNext ?? false,
    };
    await this.database.facts.add({ ...fact });
    return fact;
  }

  async factsOf(customerId: string): Promise<Fact[]> {
    return this.database.facts
      .where('[customerId+createdAt]')
      .between([customerId, -Infinity], [customerId, Infinity])
      .reverse()
      .toArray();
  }

  /** Flags a fact to raise next time (or clears the flag). */
  async setMentionNext(factId: string, mentionNext: boolean): Promise<Fact> {
    return this.updateRow(this.database.facts, factId, (f) => ({ ...f, mentionNext, mentionedAt: mentionNext ? undefined : f.mentionedAt }));
  }

  /** The agent raised it: the cue stops, the fact stays. */
  async markMentioned(factId: string): Promise<Fact> {
    return this.updateRow(this.database.facts, factId, (f) => ({ ...f, mentionNext: false, mentionedAt: this.clock.now() }));
  }

  /**
   * Edits a note made against `baseVersion`. The previous text goes to `edits`; a stale version is
   * a conflict (both texts come back, nothing is written).
   */
  async editNote(noteId: string, baseVersion: number, text: string, tags?: string[]): Promise<SaveResult<Note, string>> {
    const { notes } = this.database;
    return this.database.transaction('rw', notes, async () => {
      const current = await notes.get(noteId);
      if (!current) throw new UnknownRowError('note');
      const version = current.version ?? 1;
      if (version !== baseVersion) return { ok: false, conflict: { theirs: current, mine: text } };
      const now = this.clock.now();
      const next: Note = {
        ...current,
        text,
        tags: tags ? cleanTags(tags) : current.tags,
        edits: text === current.text ? (current.edits ?? []) : [...(current.edits ?? []), { text: current.text, at: current.updatedAt }],
        updatedAt: now,
        version: version + 1,
      };
      await notes.put({ ...next });
      return { ok: true, value: next };
    });
  }

  async pinNote(noteId: string, pinned: boolean): Promise<Note> {
    return this.updateRow(this.database.notes, noteId, (n) => ({ ...n, pinned, updatedAt: this.clock.now(), version: (n.version ?? 1) + 1 }));
  }

  /**
   * Notes across all customers whose text or tags contain every word of `query` (case-insensitive),
   * pinned first, then newest. `#tag` words match tags exactly through the tags index.
   */
  async searchNotes(query: string, limit = 50, workspace?: string): Promise<Note[]> {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    // Within a workspace (#15): only notes of its customers; undefined (the lead's pages): all.
    const owners = workspace === undefined ? undefined : await this.customerIdsIn(workspace);
    const tagWord = words.find((w) => w.startsWith('#') && w.length > 1);
    const source = tagWord
      ? this.database.notes.where('tags').equals(tagWord.slice(1))
      : this.database.notes.orderBy('updatedAt').reverse();
    const rest = words.filter((w) => w !== tagWord);
    const hits = await source
      .filter((n) => {
        if (owners && !owners.has(n.customerId)) return false;
        const hay = `${n.text}\n${n.tags.join(' ')}`.toLowerCase();
        return rest.every((w) => hay.includes(w));
      })
      .limit(limit)
      .toArray();
    return hits.sort((a, b) => Number(b.pinned ?? false) - Number(a.pinned ?? false) || b.updatedAt - a.updatedAt);
  }

  /** The newest `limit` tickets of a customer, newest first (the order of `visitsOf`). */
  async recentVisitsOf(customerId: string, limit: number): Promise<TicketVisit[]> {
    return this.visitsByLastSeen(customerId).reverse().limit(limit).toArray();
  }

  /** Ticket `key` if it belongs to this customer. */
  async visitOf(key: string, customerId: string): Promise<TicketVisit | undefined> {
    const visit = await this.database.visits.get(key);
    return visit?.customerId === customerId ? visit : undefined;
  }

  /** How many tickets of a customer were first seen at or after `since`, and the earliest of them (index only). */
  async visitsFirstSeenSince(customerId: string, since: number): Promise<{ count: number; earliestFirstSeen?: number }> {
    const range = this.database.visits.where('[customerId+firstSeen]').between([customerId, since], [customerId, Infinity], true, true);
    const [count, keys] = await Promise.all([range.clone().count(), range.clone().limit(1).keys()]);
    const first = keys[0] as [string, number] | undefined;
    return { count, earliestFirstSeen: first?.[1] };
  }

  /** The customer's ticket first seen earliest. */
  async earliestVisitOf(customerId: string): Promise<TicketVisit | undefined> {
    return this.database.visits.where('[customerId+firstSeen]').between([customerId, -Infinity], [customerId, Infinity]).first();
  }

  /** The newest `limit` notes of a customer, newest first (the order of `notesFor`). */
  async recentNotesOf(customerId: string, limit: number): Promise<Note[]> {
    return this.notesByCreatedAt(customerId).reverse().limit(limit).toArray();
  }

  /** The newest of a customer's notes written on ticket `key`. */
  async newestNoteOn(customerId: string, key: string): Promise<Note | undefined> {
    const rows = await this.database.notes.where('ticketKey').equals(key).toArray();
    return rows
      .filter((n) => n.customerId === customerId)
      .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))[0];
  }

  /**
   * The customer's newest pinned note (the order of `notesFor`: createdAt, then id), read off the end
   * of the pinned-notes index (schema v4, lib/db/pinned.ts): one row, however many notes they have.
   */
  async newestPinnedNoteOf(customerId: string): Promise<Note | undefined> {
    return this.database.notes
      .where('[customerId+pinnedCreatedAt]')
      .between([customerId, -Infinity], [customerId, Infinity])
      .last();
  }

  private visitsByLastSeen(customerId: string) {
    return this.database.visits.where('[customerId+lastSeen]').between([customerId, -Infinity], [customerId, Infinity]);
  }

  private notesByCreatedAt(customerId: string) {
    return this.database.notes.where('[customerId+createdAt]').between([customerId, -Infinity], [customerId, Infinity]);
  }

  /** All tickets of a customer (visited or from the helpdesk's API), newest first. */
  async visitsOf(customerId: string): Promise<TicketVisit[]> {
    return this.visitsByLastSeen(customerId).reverse().toArray();
  }

  async addFollowUp(input: { id?: string; customerId: string; ticket?: TicketRef; text: string; dueAt: number; origin?: FollowUp['origin'] }): Promise<FollowUp> {
    const customer = await this.customer(input.customerId);
    const again = await this.retried(this.database.followUps, { ...input, customerId: customer.id });
    if (again) return again;
    const followUp: FollowUp = {
      id: input.id ?? this.clock.uuid(),
      customerId: customer.id,
      ticket: input.ticket ? { ...input.ticket } : undefined,
      text: input.text,
      dueAt: input.dueAt,
      createdAt: this.clock.now(),
      status: 'open',
      origin: input.origin ?? 'manual',
    };
    await this.database.followUps.add({ ...followUp });
    return followUp;
  }

  /** Marks a promise kept, recording when. */
  async completeFollowUp(followUpId: string): Promise<FollowUp> {
    return this.updateRow(this.database.followUps, followUpId, (f) => ({ ...f, status: 'done', doneAt: f.doneAt ?? this.clock.now() }));
  }

  async openFollowUpsOf(customerId: string): Promise<FollowUp[]> {
    const rows = await this.database.followUps.where('[customerId+status]').equals([customerId, 'open']).toArray();
    return rows.sort((a, b) => a.dueAt - b.dueAt);
  }

  /** Open follow-ups due at or before `at`, soonest first. */
  async dueFollowUps(at: number): Promise<FollowUp[]> {
    return this.database.followUps.where('[status+dueAt]').between(['open', -Infinity], ['open', at], true, true).toArray();
  }

  /** The due time of the next open follow-up after `at`, if any. */
  async nextDueAfter(at: number): Promise<number | undefined> {
    const next = await this.database.followUps.where('[status+dueAt]').between(['open', at], ['open', Infinity], false, true).first();
    return next?.dueAt;
  }

  async markNotified(ids: string[]): Promise<void> {
    const now = this.clock.now();
    await this.database.followUps.where('id').anyOf(ids).modify((f) => {
      f.notifiedAt = now;
    });
  }

  /**
   * Merges `mergedId` into `survivorId`: every row of the merged customer is re-pointed to the
   * survivor, and the Merge row lists exactly which rows moved so `undoMerge` can put them back.
   */
  async mergeCustomers(survivorId: string, mergedId: string): Promise<Merge> {
    if (survivorId === mergedId) throw new MergeError('A customer cannot be merged with itself.');
    const { customers, visits, notes, facts, followUps, replies, merges } = this.database;
    return this.database.transaction('rw', [customers, visits, notes, facts, followUps, replies, merges], async () => {
      const survivor = await customers.get(survivorId);
      const merged = await customers.get(mergedId);
      if (!survivor) throw new UnknownCustomerError(survivorId);
      if (!merged) throw new UnknownCustomerError(mergedId);
      if (survivor.mergedInto || merged.mergedInto) throw new MergeError('One of these customers was already merged. Undo that merge first.');
      if (workspaceOf(survivor) !== workspaceOf(merged)) throw new MergeError('These customers are in different workspaces; join the workspaces first (Options).');
      const now = this.clock.now();
      const moved: Merge['moved'] = { visits: [], notes: [], facts: [], followUps: [], replies: [] };
      for (const [name, table] of [
        ['visits', visits],
        ['notes', notes],
        ['facts', facts],
        ['followUps', followUps],
      ] as const) {
        const t = table as unknown as OwnedTable;
        const ids = (await t.where('customerId').equals(mergedId).primaryKeys()) as string[];
        moved[name] = ids;
        await t.where('id').anyOf(ids).modify({ customerId: survivorId });
      }
      const replyIds = (await replies.where('customerId').equals(mergedId).primaryKeys()) as string[];
      moved.replies = replyIds;
      await replies.where('id').anyOf(replyIds).modify({ customerId: survivorId });

      const profileFill: Partial<Customer> = {};
      for (const key of PROFILE_KEYS) {
        if (survivor[key] === undefined && merged[key] !== undefined) (profileFill as Record<string, unknown>)[key] = merged[key];
      }
      const next: Customer = {
        ...survivor,
        ...profileFill,
        name: survivor.name ?? merged.name,
        emails: [...new Set([...survivor.emails, ...merged.emails])],
        firstSeen: Math.min(survivor.firstSeen, merged.firstSeen),
        lastSeen: Math.max(survivor.lastSeen, merged.lastSeen),
        updatedAt: now,
        version: (survivor.version ?? 1) + 1,
      };
      await customers.put({ ...next });
      await customers.put({ ...merged, mergedInto: survivorId, updatedAt: now });
      const merge: Merge = { id: this.clock.uuid(), survivorId, mergedId, at: now, moved, survivorBefore: { ...survivor } };
      await merges.add({ ...merge });
      return merge;
    });
  }

  /**
   * Undoes a merge: the rows that moved go back, the merged customer stands on its own again and
   * the survivor gets its identity fields back. Rows added to the survivor since the merge stay.
   */
  async undoMerge(mergeId: string): Promise<Merge> {
    const { customers, visits, notes, facts, followUps, replies, merges } = this.database;
    return this.database.transaction('rw', [customers, visits, notes, facts, followUps, replies, merges], async () => {
      const merge = await merges.get(mergeId);
      if (!merge) throw new UnknownRowError('merge');
      if (merge.undoneAt) throw new MergeError('This merge was already undone.');
      const tables = { visits, notes, facts, followUps, replies } as const;
      for (const name of Object.keys(tables) as (keyof typeof tables)[]) {
        await (tables[name] as unknown as OwnedTable).where('id').anyOf(merge.moved[name]).modify({ customerId: merge.mergedId });
      }
      const now = this.clock.now();
      const survivor = await customers.get(merge.survivorId);
      if (survivor) {
        const before = merge.survivorBefore;
        const restored: Customer = { ...before, lastSeen: Math.max(before.lastSeen, survivor.lastSeen), updatedAt: now, version: (survivor.version ?? 1) + 1 };
        // Profile edits made after the merge are kept unless they came from the merged customer.
        for (const key of PROFILE_KEYS) {
          if (survivor[key] !== undefined && before[key] === undefined && JSON.stringify(survivor[key]) !== JSON.stringify((await customers.get(merge.mergedId))?.[key])) {
            (restored as unknown as Record<string, unknown>)[key] = survivor[key];
          }
        }
        await customers.put({ ...restored });
      }
      const merged = await customers.get(merge.mergedId);
      if (merged) {
        const { mergedInto: _gone, ...rest } = merged;
        await customers.put({ ...rest, updatedAt: now });
      }
      const done: Merge = { ...merge, undoneAt: now };
      await merges.put({ ...done });
      return done;
    });
  }

  async mergesOf(customerId: string): Promise<Merge[]> {
    const rows = await this.database.merges.where('survivorId').equals(customerId).toArray();
    return rows.filter((m) => !m.undoneAt).sort((a, b) => b.at - a.at);
  }

  /**
   * Stores tickets learned from the helpdesk's API as `source: 'api'` visits. A ticket the agent
   * already opened keeps its visit row (only missing subject/status are filled in).
   */
  async recordApiTickets(customerId: string, tickets: ApiTicket[]): Promise<number> {
    const customer = await this.customer(customerId);
    const { visits, customers } = this.database;
    return this.database.transaction('rw', visits, customers, async () => {
      let added = 0;
      for (const t of tickets) {
        const id = ticketKey(t);
        const previous = await visits.get(id);
        if (previous && previous.source !== 'api') {
          if (!previous.subject || !previous.status) await visits.put({ ...previous, subject: previous.subject ?? t.subject, status: previous.status ?? t.status });
          continue;
        }
        const solved = isEnded(t.status);
        await visits.put({
          id,
          helpdesk: t.helpdesk,
          account: t.account,
          ticketId: t.ticketId,
          subject: t.subject,
          status: t.status,
          customerId: customer.id,
          firstSeen: t.createdAt,
          lastSeen: t.updatedAt,
          source: 'api',
          tags: t.tags,
          outcome: solved ? t.status?.toLowerCase() : undefined,
          closedAt: solved ? t.updatedAt : undefined,
        });
        if (!previous) added++;
      }
      const earliest = Math.min(...tickets.map((t) => t.createdAt));
      if (tickets.length && earliest < customer.firstSeen) await customers.update(customer.id, { firstSeen: earliest });
      return added;
    });
  }

  /** Customers whose name or email contains `query`, for picking whom to merge with. */
  async findCustomers(query: string, limit = 10, workspace?: string): Promise<{ id: string; name?: string; emails: string[]; helpdesk: string; account: string }[]> {
    const q = query.trim().toLowerCase();
    if (q.length < 2) return [];
    const rows = await this.database.customers
      .filter((c) => (workspace === undefined || workspaceOf(c) === workspace) && !c.mergedInto && ((c.name ?? '').toLowerCase().includes(q) || c.emails.some((e) => e.includes(q))))
      .limit(limit)
      .toArray();
    return rows.map((c) => ({ id: c.id, name: c.name, emails: c.emails, helpdesk: c.helpdesk, account: c.account }));
  }

  /** Ids of every customer record (merged-away ones too) kept in `workspace`. */
  async customerIdsIn(workspace: string): Promise<Set<string>> {
    const ids = (await this.database.customers.where('workspace').equals(workspace).primaryKeys()) as string[];
    return new Set(ids);
  }

  /** Runs reads in one read-only transaction over the memory tables. */
  readOnly<T>(work: () => Promise<T>): Promise<T> {
    return this.database.transaction('r', this.readableTables(), work);
  }

  private readableTables() {
    const d = this.database;
    return [d.customers, d.visits, d.notes, d.facts, d.followUps, d.merges, d.apiFetches];
  }

  async apiFetch(key: string): Promise<ApiFetch | undefined> {
    return this.database.apiFetches.get(key);
  }

  /** Whether the helpdesk API may be asked about this customer now (once per 5 minutes, after Retry-After). */
  async apiFetchDue(key: string, minIntervalMs = 5 * 60_000): Promise<{ due: boolean; retryAt?: number }> {
    const last = await this.database.apiFetches.get(key);
    const now = this.clock.now();
    if (!last) return { due: true };
    const retryAt = Math.max(last.fetchedAt + minIntervalMs, last.retryAfter ?? 0);
    return now >= retryAt ? { due: true } : { due: false, retryAt };
  }

  async recordApiFetch(row: ApiFetch): Promise<void> {
    await this.database.apiFetches.put({ ...row });
  }

  /**
   * The row a retried create already stored under its client-chosen id, if any. An id taken by a
   * different row (another customer, another text) is refused rather than overwritten.
   */
  private async retried<T extends { id: string; customerId: string; text: string }>(
    table: EntityTable<T, 'id'>,
    input: { id?: string; customerId: string; text: string },
  ): Promise<T | undefined> {
    if (!input.id) return undefined;
    const stored = await (table as unknown as Table<T, string>).get(input.id);
    if (!stored) return undefined;
    if (stored.customerId === input.customerId && stored.text === input.text) return stored;
    throw new MergeError('That save conflicts with another one. Reload the ticket and try again.');
  }

  private async updateRow<T extends { id: string }>(table: EntityTable<T, 'id'>, id: string, change: (row: T) => T): Promise<T> {
    return this.database.transaction('rw', table, async () => {
      const row = await (table as unknown as Table<T, string>).get(id);
      if (!row) throw new UnknownRowError(table.name);
      const next = change(row);
      await table.put({ ...next });
      return next;
    });
  }
}

export interface ApiTicket extends TicketRef {
  subject?: string;
  status?: string;
  createdAt: number;
  updatedAt: number;
  tags?: string[];
}

export type SaveResult<T, M> = { ok: true; value: T } | { ok: false; conflict: { theirs: T; mine: M } };


const cleanTags = (tags: string[]) => [...new Set(tags.map((t) => t.trim()).filter(Boolean))];

/** What a visit learns from the page on every open: the customer's latest message, outcome, mood, tags. */
function visitDetails(snapshot: TicketSnapshot, previous: TicketVisit | undefined, now: number): Partial<TicketVisit> {
  const customerMessages = snapshot.messages.filter((m) => m.role === 'customer');
  const times = customerMessages.map((m) => (m.at ? Date.parse(m.at) : NaN)).filter((t) => Number.isFinite(t));
  const latest = customerMessages.at(-1);
  const ended = isEnded(snapshot.status);
  const started = ticketStart(snapshot, now);
  return {
    // When the ticket started (its first message), not when Rapport first opened it: a ticket from
    // nine days ago opened today is not "2nd ticket today" (issue #12).
    ...(started !== undefined ? { firstSeen: Math.min(previous?.firstSeen ?? now, started) } : {}),
    lastCustomerMessageAt: times.length ? Math.max(...times) : previous?.lastCustomerMessageAt,
    outcome: ended ? snapshot.status!.trim().toLowerCase() : undefined,
    closedAt: ended ? (previous?.closedAt ?? now) : undefined,
    mood: latest ? moodOf(latest.text, customerMessages.slice(0, -1).map((m) => m.text)) : previous?.mood,
    tags: snapshot.tags?.length ? cleanTags(snapshot.tags) : previous?.tags,
    repeatClaim: repeatClaimOf(customerMessages.slice(-5).map((m) => m.text)) ?? previous?.repeatClaim,
  };
}

const YEAR_2000 = Date.UTC(2000, 0, 1);

/** The earliest message time the page shows, if any is sane (after 2000, not in the future). */
export function ticketStart(snapshot: TicketSnapshot, now: number): number | undefined {
  let first: number | undefined;
  for (const m of snapshot.messages) {
    const at = m.at ? Date.parse(m.at) : NaN;
    if (at >= YEAR_2000 && at <= now && (first === undefined || at < first)) first = at;
  }
  return first;
}

const repeatClaimOf = (texts: string[]) => {
  const claim = repeatClaimInMessages(texts);
  return claim ? { ...(claim.times ? { times: claim.times } : {}), phrase: claim.phrase } : undefined;
};

export class UnknownRowError extends Error {
  override name = 'UnknownRowError';
  constructor(what: string) {
    super(`That ${what} no longer exists; it may have been removed in another tab. Reload the ticket.`);
  }
}

export class MergeError extends Error {
  override name = 'MergeError';
}

export class UnknownCustomerError extends Error {
  constructor(customerId: string) {
    super(`No customer with id ${customerId}; reload the ticket and try again.`);
    this.name = 'UnknownCustomerError';
  }
}
