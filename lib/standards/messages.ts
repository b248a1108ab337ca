/** Requests of the reply-checklist capability (issue #4): evaluating the draft, recording sent replies. */
import * as v from 'valibot';
import type { ReplyRecord } from '../db/types';
import { LIMITS, TicketRefSchema, id, millis, text } from '../schema';
import { RULE_IDS, type Evaluation, type RuleId } from './types';
import type { TeamExplanations } from './explain';

const RuleIdSchema = v.picklist(RULE_IDS);
const RuleStateSchema = v.picklist(['pass', 'fail', 'na']);
const Draft = v.pipe(v.string(), v.maxLength(LIMITS.messageText, `A draft can be at most ${LIMITS.messageText} characters.`));

/** valibot schemas, one `v.strictObject({ type: v.literal('reply.…'), … })` per request. */
export const replyRequests = [
  v.strictObject({
    type: v.literal('reply.evaluate'),
    draft: Draft,
    customerMessages: v.pipe(v.array(text(LIMITS.messageText)), v.maxLength(LIMITS.messages)),
    /** The ticket's subject: read only when their message points to it ("See subject") or says nothing. */
    subject: v.optional(text(LIMITS.field)),
    customer: v.strictObject({
      name: v.optional(text(LIMITS.field)),
      preferredName: v.optional(text(LIMITS.field)),
      /** Others who wrote their latest messages (a colleague on copy). */
      alsoWriting: v.optional(v.pipe(v.array(text(LIMITS.field)), v.maxLength(10))),
      /** Whom to greet instead of their own name: who wrote or signed their newest message. */
      greetAs: v.optional(text(LIMITS.field)),
    }),
    /** The stored customer: lets the background add their open promises (follow-ups). */
    customerId: v.optional(id),
    receivedAt: v.optional(millis),
    /** When the team last replied publicly, before their latest message. */
    lastReplyAt: v.optional(millis),
    channel: v.optional(text(100)),
    priority: v.optional(text(LIMITS.field)),
  }),
  v.strictObject({
    type: v.literal('reply.record'),
    ticket: TicketRefSchema,
    customerId: v.optional(id),
    receivedAt: v.optional(millis),
    channel: v.optional(text(100)),
    states: v.pipe(
      v.record(RuleIdSchema, RuleStateSchema),
      v.check((states) => Object.keys(states).length > 0, 'A recorded reply needs at least one rule state.'),
    ),
    readiness: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
    /** The reply or their message was not in English: only some rules read it (ReplyRecord.partlyChecked). */
    partlyChecked: v.optional(v.literal(true)),
    packId: id,
    packVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  }),
  v.strictObject({
    type: v.literal('reply.list'),
    ticket: v.optional(TicketRefSchema),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
  }),
  /** The helpdesk took a send back ("Undo" in its notice after sending, allowed `withinMs` of the send): the reply was not sent. */
  v.strictObject({ type: v.literal('reply.undo'), withinMs: v.pipe(v.number(), v.integer(), v.minValue(1000), v.maxValue(60_000)) }),
] as const;

/** The evaluation plus what the sidebar needs from the active pack. */
export interface ReplyEvaluation extends Evaluation {
  packId: string;
  packVersion: number;
  /** Rules the pack marks critical (shown first when failing). */
  critical: RuleId[];
  /** Rule id → short label, in the sidebar's order. */
  labels: Partial<Record<RuleId, string>>;
  /** The pack asks the agent before a reply with a failing critical item is sent (lib/standards/send-guard.ts). */
  askBeforeSending?: boolean;
  /** The team's own wording of "Why this matters", where the pack has some (lib/standards/explain.ts). */
  explanations?: TeamExplanations;
}

/** Answer type per request type. */
export interface ReplyAnswers {
  'reply.evaluate': ReplyEvaluation;
  'reply.record': ReplyRecord;
  'reply.list': ReplyRecord[];
  'reply.undo': { undone: number };
}
