/** Notes agents write about a customer: add, edit (with conflicts), pin, search. */
import { ticketKey, type Note, type TicketRef } from '../types';
import { cleanTags, UnknownCustomerError, UnknownRowError, type SaveResult } from './core';
import { VisitRepository } from './visits';

export class NoteRepository extends VisitRepository {
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

  protected notesByCreatedAt(customerId: string) {
    return this.database.notes.where('[customerId+createdAt]').between([customerId, -Infinity], [customerId, Infinity]);
  }
}
