/**
 * The background's answer to every message a content script or extension page sends. Everything that
 * arrives is untrusted: it is checked for sender and shape before any data is touched, and a bad
 * request gets `{ ok: false, error }` — it never throws away or half-writes data.
 */
import Dexie from 'dexie';
import { parseRequest, type Answers, type Reply, type Request } from '../messages';
import { UnknownCustomerError, type Repository } from '../db/repository';

export interface Sender {
  id?: string;
  /** Page URL of a content script sender. */
  url?: string;
  tab?: unknown;
}

export const STORAGE_FULL = 'Storage is full — export and prune old data in the dashboard. Your text is still in the box.';

export function createRequestHandler(repo: Repository, extensionId: string) {
  return async function handle(message: unknown, sender: Sender): Promise<Reply<unknown>> {
    if (sender.id !== extensionId) return { ok: false, error: 'Rejected: the message did not come from Rapport.' };
    const parsed = parseRequest(message);
    if (!parsed.ok) return { ok: false, error: `Malformed request — ${parsed.error}` };
    const request = parsed.request;
    const origin = senderHost(sender);
    if (request.type === 'ticket.open' && origin && origin !== request.snapshot.account) {
      return { ok: false, error: 'Rejected: a page may only report its own tickets.' };
    }
    try {
      return { ok: true, data: await answer(repo, request) };
    } catch (error) {
      console.error('Rapport: request failed', request.type, error);
      return { ok: false, error: describeError(error) };
    }
  };
}

async function answer(repo: Repository, request: Request): Promise<Answers[Request['type']]> {
  switch (request.type) {
    case 'ticket.open':
      return repo.openTicket(request.snapshot);
    case 'note.add':
      return repo.addNote(request);
    case 'notes.list':
      return repo.notesFor(request.customerId);
  }
}

/** The helpdesk host of a content-script sender; undefined for extension pages. */
function senderHost(sender: Sender): string | undefined {
  if (!sender.tab || !sender.url) return undefined;
  try {
    const url = new URL(sender.url);
    return url.protocol === 'https:' ? url.host : undefined;
  } catch {
    return undefined;
  }
}

export function describeError(error: unknown): string {
  if (error instanceof UnknownCustomerError) return error.message;
  const name = (error as { name?: string } | null)?.name;
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
  if (name === Dexie.errnames.QuotaExceeded || inner === Dexie.errnames.QuotaExceeded || name === 'QuotaExceededError') {
    return STORAGE_FULL;
  }
  return 'Rapport could not reach its local storage. Try again; nothing was changed.';
}
