/** Shared validation pieces for every request and import schema (valibot: small and tree-shakable). */
import * as v from 'valibot';
import { helpdeskIds } from './helpdesks';
import { LIMITS } from './limits';

export { LIMITS };

export const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
export const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
/** The id of a registered adapter (lib/helpdesks/index.ts). */
export const helpdeskId = v.picklist(helpdeskIds);
export const millis = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));

/** Who wrote a message, or opened a ticket. */
export const AuthorRoleSchema = v.picklist(['customer', 'agent']);

export const TicketRefSchema = v.strictObject({
  helpdesk: helpdeskId,
  account: id,
  ticketId: id,
});

export const SnapshotSchema = v.strictObject({
  helpdesk: helpdeskId,
  account: id,
  ticketId: id,
  url: text(2000),
  subject: v.optional(text(LIMITS.field)),
  status: v.optional(text(LIMITS.field)),
  priority: v.optional(text(LIMITS.field)),
  tags: v.optional(v.pipe(v.array(text(LIMITS.field)), v.maxLength(100))),
  channel: v.optional(text(100)),
  requester: v.strictObject({
    name: v.optional(text(LIMITS.field)),
    email: v.optional(text(LIMITS.field)),
    externalId: v.optional(text(200)),
  }),
  messages: v.pipe(
    v.array(
      v.strictObject({
        role: AuthorRoleSchema,
        author: v.optional(text(LIMITS.field)),
        at: v.optional(text(64)),
        text: text(LIMITS.messageText),
        public: v.boolean(),
      }),
    ),
    v.maxLength(LIMITS.messages),
  ),
  startedBy: v.optional(AuthorRoleSchema),
});

export const TagsSchema = v.pipe(v.array(text(LIMITS.tag)), v.maxLength(LIMITS.tags));

/** The first problem of a failed parse, in plain words with its path ("snapshot.requester.name: …"). */
export function firstIssue(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'Invalid input.';
  const path = issue.path?.map((p) => String(p.key)).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
