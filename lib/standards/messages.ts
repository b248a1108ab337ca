/** Requests of the reply-checklist capability (issue #4): recording sent replies. */

/** valibot schemas, one `v.strictObject({ type: v.literal('reply.…'), … })` per request. */
export const replyRequests = [] as const;

/** Answer type per request type. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReplyAnswers {}
