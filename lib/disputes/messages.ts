/** Requests of "not right" (issue #12): an agent disputes a checklist verdict or a cue. */
import * as v from 'valibot';
import type { Dispute } from '../db/disputes';
import { LIMITS, TicketRefSchema, id, text } from '../schema';

const offset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIMITS.messageText));

export const disputeRequests = [
  v.pipe(
    v.strictObject({
      type: v.literal('verdict.dispute'),
      kind: v.picklist(['rule', 'cue']),
      rule: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,80}$/, 'A rule id is lower-case letters, digits and dashes.')),
      verdict: v.picklist(['pass', 'fail', 'na', 'shown']),
      why: text(LIMITS.field),
      evidence: v.pipe(
        v.array(v.pipe(v.strictObject({ start: offset, end: offset, text: text(LIMITS.field) }), v.check((e) => e.end >= e.start, 'An evidence span ends after it starts.'))),
        v.maxLength(20),
      ),
      customerId: v.optional(id),
      ticket: v.optional(TicketRefSchema),
      packId: v.optional(id),
      packVersion: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
      /** Only when the agent ticked "include the text". */
      draft: v.optional(text(LIMITS.messageText)),
      customerMessages: v.optional(v.pipe(v.array(text(LIMITS.messageText)), v.maxLength(LIMITS.messages))),
    }),
    v.check((r) => (r.kind === 'cue') === (r.verdict === 'shown'), 'A cue is disputed as shown; a rule as pass, fail or n/a.'),
  ),
] as const;

export interface DisputeAnswers {
  'verdict.dispute': Dispute;
}
