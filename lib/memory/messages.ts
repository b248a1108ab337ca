/** Requests of the customer-memory capability (issue #3): profile, facts, timeline, cues, follow-ups. */
import * as v from 'valibot';
import type { ApiFetch, Customer, Fact, FollowUp, Merge, Note, TicketRef, TicketVisit } from '../db/types';
import { AuthorRoleSchema, LIMITS, TagsSchema, TicketRefSchema, helpdeskId, id, millis, text } from '../schema';
import type { Cue } from './cues';
import { isTimeZone } from './profile';

export const MEMORY_LIMITS = {
  fact: 1000,
  followUp: 500,
  importantDates: 20,
  search: 200,
  apiTickets: 200,
} as const;

const required = (what: string, max: number) =>
  v.pipe(v.string(), v.trim(), v.minLength(1, `${what} cannot be empty.`), v.maxLength(max, `${what} can be at most ${max} characters.`));

const field = (what: string) => v.optional(v.pipe(v.string(), v.trim(), v.maxLength(LIMITS.field, `${what} can be at most ${LIMITS.field} characters.`)));

export const ProfileSchema = v.strictObject({
  displayName: field('Display name'),
  preferredName: field('Preferred name'),
  pronunciation: field('Pronunciation'),
  pronouns: field('Pronouns'),
  language: v.optional(
    v.union([v.literal(''), v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Language: use a tag like “en” or “pt-BR”.'))]),
  ),
  timeZone: v.optional(
    v.union([v.literal(''), v.pipe(v.string(), v.trim(), v.check(isTimeZone, 'Time zone: use a name like “Europe/Oslo” or “America/New_York”.'))]),
  ),
  organization: field('Organization'),
  tier: field('Tier'),
  vip: v.optional(v.boolean()),
  preferences: v.optional(
    v.strictObject({ channel: field('Preferred channel'), tone: field('Tone'), contactHours: field('Contact hours') }),
  ),
  importantDates: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          label: required('A date label', 100),
          date: v.pipe(v.string(), v.regex(/^(\d{4}|-)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Dates: use YYYY-MM-DD, or --MM-DD for every year.')),
        }),
      ),
      v.maxLength(MEMORY_LIMITS.importantDates, `At most ${MEMORY_LIMITS.importantDates} important dates.`),
    ),
  ),
});

const ApiTicketSchema = v.strictObject({
  helpdesk: helpdeskId,
  account: id,
  ticketId: id,
  subject: v.optional(text(LIMITS.field)),
  status: v.optional(text(100)),
  createdAt: millis,
  updatedAt: millis,
  tags: v.optional(v.pipe(v.array(text(LIMITS.tag)), v.maxLength(50))),
  startedBy: v.optional(AuthorRoleSchema),
  gone: v.optional(v.literal(true)),
});

export const memoryRequests = [
  v.strictObject({ type: v.literal('memory.context'), customerId: id, ticket: TicketRefSchema }),
  v.strictObject({
    type: v.literal('memory.profile.save'),
    customerId: id,
    version: v.pipe(v.number(), v.integer(), v.minValue(0)),
    profile: ProfileSchema,
    /** After a conflict: keep both versions' values. */
    keepBoth: v.optional(v.boolean()),
  }),
  v.strictObject({
    type: v.literal('memory.fact.add'),
    /** Client-chosen, so a retry stores the fact once (#15). */
    id: v.optional(v.pipe(v.string(), v.uuid())),
    customerId: id,
    text: required('A fact', MEMORY_LIMITS.fact),
    source: v.optional(TicketRefSchema),
    mentionNext: v.optional(v.boolean()),
  }),
  v.strictObject({ type: v.literal('memory.fact.flag'), factId: id, mentionNext: v.boolean() }),
  v.strictObject({ type: v.literal('memory.fact.mentioned'), factId: id }),
  v.strictObject({
    type: v.literal('memory.note.edit'),
    noteId: id,
    version: v.pipe(v.number(), v.integer(), v.minValue(0)),
    text: required('A note', LIMITS.noteText),
    tags: v.optional(TagsSchema),
  }),
  v.strictObject({ type: v.literal('memory.note.pin'), noteId: id, pinned: v.boolean() }),
  v.strictObject({
    type: v.literal('memory.followup.add'),
    /** Client-chosen, so a retry stores the follow-up once (#15). */
    id: v.optional(v.pipe(v.string(), v.uuid())),
    customerId: id,
    ticket: v.optional(TicketRefSchema),
    text: required('A follow-up', MEMORY_LIMITS.followUp),
    dueAt: millis,
    origin: v.optional(v.picklist(['manual', 'reply'])),
  }),
  v.strictObject({ type: v.literal('memory.followup.done'), followUpId: id }),
  /** Follow-ups changed in bulk (an import, an erase, retention on the dashboard): recount the badge, re-arm the alarm. */
  v.strictObject({ type: v.literal('memory.followups.changed') }),
  v.strictObject({
    type: v.literal('memory.followup.suggest'),
    text: text(LIMITS.messageText),
    /** The agent's IANA time zone (the page's Intl zone). */
    timeZone: v.optional(v.pipe(v.string(), v.check(isTimeZone, 'Unknown time zone.'))),
    /** The ticket and customer of the sent reply: its suggestions wait for the next page (lib/memory/pending-suggestions.ts). */
    from: v.optional(v.strictObject({ customerId: id, customerName: v.optional(text(LIMITS.field)), ticket: TicketRefSchema })),
  }),
  /** Suggestions from replies sent on pages since left, this helpdesk's and workspace's. */
  v.strictObject({ type: v.literal('memory.followup.pending') }),
  /** Suggestions added or dismissed: no page shows them again. */
  v.strictObject({ type: v.literal('memory.followup.settle'), ids: v.pipe(v.array(id), v.maxLength(50)) }),
  v.strictObject({ type: v.literal('memory.merge'), survivorId: id, mergedId: id }),
  v.strictObject({ type: v.literal('memory.merge.undo'), mergeId: id }),
  v.strictObject({ type: v.literal('memory.search'), query: text(MEMORY_LIMITS.search) }),
  v.strictObject({ type: v.literal('memory.customer.find'), query: text(MEMORY_LIMITS.search) }),
  v.strictObject({ type: v.literal('memory.history.due'), helpdesk: helpdeskId, account: id, externalId: id }),
  v.strictObject({
    type: v.literal('memory.history.record'),
    customerId: id,
    helpdesk: helpdeskId,
    account: id,
    externalId: id,
    ok: v.boolean(),
    error: v.optional(text(300)),
    retryAfterMs: v.optional(millis),
    tickets: v.pipe(v.array(ApiTicketSchema), v.maxLength(MEMORY_LIMITS.apiTickets)),
  }),
] as const;

/** One line of the timeline: a past ticket or a note, newest first. */
export type TimelineEntry =
  | { kind: 'ticket'; at: number; visit: TicketVisit; current: boolean }
  | { kind: 'note'; at: number; note: Note };

/** "Last time": the customer never has to repeat themselves. */
export interface LastTime {
  ticket: TicketRef;
  subject?: string;
  at: number;
  outcome?: string;
  note?: string;
}

export interface MemoryContext {
  customer: Customer;
  cues: Cue[];
  lastTime?: LastTime;
  facts: Fact[];
  followUps: FollowUp[];
  timeline: TimelineEntry[];
  /** Merges into this customer that can still be undone. */
  merges: Merge[];
  /** The last helpdesk-API history fetch for this customer, if any. */
  api?: ApiFetch;
}

export type SaveAnswer<T, M> = { saved: true; value: T } | { saved: false; theirs: T; mine: M };

export interface FollowUpSuggestion {
  /** The phrase in the reply that made the promise. */
  phrase: string;
  dueAt: number;
  /** Follow-up text to store: the sentence it came from. */
  text: string;
  /** Set once the background keeps it for the next page (`memory.followup.pending`). */
  id?: string;
  /** The sent reply's ticket and customer: the follow-up is theirs, whichever page shows it. */
  from?: SuggestionSource;
}

export interface SuggestionSource {
  customerId: string;
  customerName?: string;
  ticket: TicketRef;
}

export interface CustomerMatch {
  id: string;
  name?: string;
  emails: string[];
  helpdesk: string;
  account: string;
}

/** Answer type per request type. */
export interface MemoryAnswers {
  'memory.context': MemoryContext;
  'memory.profile.save': SaveAnswer<Customer, v.InferOutput<typeof ProfileSchema>>;
  'memory.fact.add': Fact;
  'memory.fact.flag': Fact;
  'memory.fact.mentioned': Fact;
  'memory.note.edit': SaveAnswer<Note, string>;
  'memory.note.pin': Note;
  'memory.followup.add': FollowUp;
  'memory.followup.done': FollowUp;
  'memory.followups.changed': { rescheduled: true };
  'memory.followup.suggest': FollowUpSuggestion[];
  'memory.followup.pending': FollowUpSuggestion[];
  'memory.followup.settle': { settled: number };
  'memory.merge': Merge;
  'memory.merge.undo': Merge;
  'memory.search': Note[];
  'memory.customer.find': CustomerMatch[];
  /** Whether the content script may call the helpdesk API for this customer now. */
  'memory.history.due': { due: boolean; retryAt?: number };
  'memory.history.record': { added: number };
}
