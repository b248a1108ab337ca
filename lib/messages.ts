/**
 * The typed requests a content script (or an extension page) may send to the background, and their
 * answers.
 *
 * The database lives in the extension's origin (see docs/architecture.md), so a content script never
 * opens it: it asks the background with `request(...)`. The background validates every request with
 * `parseRequest` before touching data and answers `{ ok: false, error }` instead of throwing.
 *
 * Each capability declares its own requests next to its code (`lib/memory/messages.ts`,
 * `lib/standards/messages.ts`); this file joins them into one checked union.
 */
import * as v from 'valibot';
import type { Note } from './db/types';
import type { TicketContext, VisitSummary } from './ticket-context';
import { LIMITS, SnapshotSchema, TagsSchema, TicketRefSchema, firstIssue, id } from './schema';
import { memoryRequests, type MemoryAnswers } from './memory/messages';
import { replyRequests, type ReplyAnswers } from './standards/messages';
import { workspaceRequests, type WorkspaceAnswers } from './workspaces/messages';
import { identityRequests, type IdentityAnswers } from './identity/messages';
import { disputeRequests, type DisputeAnswers } from './disputes/messages';

export { LIMITS };

const NoteText = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'A note cannot be empty.'),
  v.maxLength(LIMITS.noteText, `A note can be at most ${LIMITS.noteText} characters.`),
);

/** A row id the client chose (a UUID), so that a retried save is idempotent. */
export const ClientId = v.pipe(v.string(), v.uuid('A client id is a UUID.'));

const foundationRequests = [
  v.strictObject({ type: v.literal('ticket.open'), snapshot: SnapshotSchema }),
  v.strictObject({
    type: v.literal('note.add'),
    /** Chosen by the sidebar and kept for retries of the same note: a retry stores it once (#15). */
    id: v.optional(ClientId),
    customerId: id,
    ticket: v.optional(TicketRefSchema),
    text: NoteText,
    tags: v.optional(TagsSchema),
  }),
  v.strictObject({ type: v.literal('notes.list'), customerId: id }),
] as const;

const RequestSchema = v.variant('type', [...foundationRequests, ...memoryRequests, ...replyRequests, ...workspaceRequests, ...identityRequests, ...disputeRequests]);

export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestType = Request['type'];

export type { TicketContext, VisitSummary };

interface FoundationAnswers {
  'ticket.open': TicketContext;
  'note.add': Note;
  'notes.list': Note[];
}

export interface Answers extends FoundationAnswers, MemoryAnswers, ReplyAnswers, WorkspaceAnswers, IdentityAnswers, DisputeAnswers {}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** Validates an untrusted message. Returns the typed request, or the first problem in plain words. */
export function parseRequest(message: unknown): { ok: true; request: Request } | { ok: false; error: string } {
  const result = v.safeParse(RequestSchema, message);
  if (result.success) return { ok: true, request: result.output };
  return { ok: false, error: firstIssue(result.issues) };
}
