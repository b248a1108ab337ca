/**
 * The typed requests a content script may send to the background, and their answers.
 *
 * The database lives in the extension's origin (see docs/architecture.md), so a content script never
 * opens it: it asks the background with `request(...)`. The background validates every request with
 * `parseRequest` before touching data and answers `{ ok: false, error }` instead of throwing.
 */
import * as v from 'valibot';
import type { Customer, Note } from './db/types';

export const LIMITS = {
  noteText: 5000,
  tag: 40,
  tags: 20,
  field: 500,
  messages: 200,
  messageText: 20000,
} as const;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const helpdeskId = v.picklist(['zendesk', 'freshdesk']);

const TicketRefSchema = v.strictObject({
  helpdesk: helpdeskId,
  account: id,
  ticketId: id,
});

const SnapshotSchema = v.strictObject({
  helpdesk: helpdeskId,
  account: id,
  ticketId: id,
  url: text(2000),
  subject: v.optional(text(LIMITS.field)),
  status: v.optional(text(LIMITS.field)),
  priority: v.optional(text(LIMITS.field)),
  requester: v.strictObject({
    name: v.optional(text(LIMITS.field)),
    email: v.optional(text(LIMITS.field)),
    externalId: v.optional(text(200)),
  }),
  messages: v.pipe(
    v.array(
      v.strictObject({
        role: v.picklist(['customer', 'agent']),
        author: v.optional(text(LIMITS.field)),
        at: v.optional(text(64)),
        text: text(LIMITS.messageText),
        public: v.boolean(),
      }),
    ),
    v.maxLength(LIMITS.messages),
  ),
});

const NoteText = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'A note cannot be empty.'),
  v.maxLength(LIMITS.noteText, `A note can be at most ${LIMITS.noteText} characters.`),
);

const RequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('ticket.open'), snapshot: SnapshotSchema }),
  v.strictObject({
    type: v.literal('note.add'),
    customerId: id,
    ticket: v.optional(TicketRefSchema),
    text: NoteText,
    tags: v.optional(v.pipe(v.array(text(LIMITS.tag)), v.maxLength(LIMITS.tags))),
  }),
  v.strictObject({ type: v.literal('notes.list'), customerId: id }),
]);

export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestType = Request['type'];

/** How often and when we met this customer before the current visit. */
export interface VisitSummary {
  /** Distinct tickets of this customer recorded before this visit (this ticket included if seen before). */
  ticketsSeen: number;
  /** When any of those tickets was last open, absent the first time. */
  lastSeen?: number;
}

/** Everything the sidebar needs once a ticket is opened. */
export interface TicketContext {
  customer: Customer;
  history: VisitSummary;
  notes: Note[];
}

export interface Answers {
  'ticket.open': TicketContext;
  'note.add': Note;
  'notes.list': Note[];
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** Validates an untrusted message. Returns the typed request, or the first problem in plain words. */
export function parseRequest(message: unknown): { ok: true; request: Request } | { ok: false; error: string } {
  const result = v.safeParse(RequestSchema, message);
  if (result.success) return { ok: true, request: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.');
  return { ok: false, error: path ? `${path}: ${issue.message}` : issue.message };
}
