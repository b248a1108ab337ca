/** Requests of the customer-memory capability (issue #3): profile, facts, timeline, cues, follow-ups. */

/** valibot schemas, one `v.strictObject({ type: v.literal('memory.…'), … })` per request. */
export const memoryRequests = [] as const;

/** Answer type per request type. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MemoryAnswers {}
