/** Background handlers for the reply-checklist requests (lib/standards/messages.ts). */
import { UserFacingError, type HandlerMap, type Sender } from '../background/handler';
import { EngineQueue, Superseded, senderKey } from '../background/engine-queue';
import { recordReply, takeBackReply } from '../db/reply-stats';
import { withoutUndone } from '../memory/pending-suggestions';
import type { ReplyRecord } from '../db/types';
import { evaluateReply } from './engine';
import { ruleSettings } from './pack';
import { loadPack } from './pack-store';
import { RULES } from './rules';
import type { OpenPromise, RuleId } from './types';

/** One evaluation at a time, the newest draft per page first (lib/background/engine-queue.ts). */
const engine = new EngineQueue();

/** A page's draft counts as asked from the moment its request reached the worker (lib/background/handle-request.ts). */
export function noteEvaluationArrival(sender: Sender, arrival: number): void {
  engine.arrive(senderKey(sender), arrival);
}

/**
 * Slack on the helpdesk's own undo time: Rapport records the reply as the send is clicked, a moment
 * before the helpdesk stamps it, so its clock runs a little ahead of the helpdesk's.
 */
const UNDO_SLACK_MS = 3_000;

export const replyHandlers: HandlerMap<'reply.evaluate' | 'reply.record' | 'reply.list' | 'reply.undo'> = {
  'reply.evaluate': async (request, ctx) => {
    const turn = engine.claim(senderKey(ctx.sender), ctx.arrival); // the newest draft is the last to reach the worker
    const standards = await loadPack();
    let openPromises: OpenPromise[] | undefined;
    if (request.customerId) {
      const open = await ctx.db.followUps.where('[customerId+status]').equals([request.customerId, 'open']).toArray();
      if (open.length) openPromises = open.map((f) => ({ text: f.text, dueAt: f.dueAt }));
    }
    const input = {
      draft: request.draft,
      customerMessages: request.customerMessages,
      subject: request.subject,
      customer: request.customer,
      standards,
      now: ctx.clock.now(),
      receivedAt: request.receivedAt,
      lastReplyAt: request.lastReplyAt,
      channel: request.channel,
      priority: request.priority,
      openPromises,
    };
    const evaluation = await turn.run(() => evaluateReply(input)).catch((error: unknown) => {
      // The page has sent a newer draft and ignores this answer; say why all the same.
      throw error instanceof Superseded ? new UserFacingError(error.message) : error;
    });
    return {
      ...evaluation,
      packId: standards.id,
      packVersion: standards.version,
      critical: RULES.filter((r) => ruleSettings(standards, r.id).critical).map((r) => r.id),
      labels: Object.fromEntries(RULES.map((r) => [r.id, r.label])) as Partial<Record<RuleId, string>>,
      askBeforeSending: standards.askBeforeSending === true,
      ...(standards.explanations ? { explanations: standards.explanations } : {}),
    };
  },

  'reply.record': async (request, ctx) => {
    if (ctx.senderHost && ctx.senderHost !== request.ticket.account) {
      throw new UserFacingError('Rejected: a page may only record replies on its own tickets.');
    }
    const sentAt = ctx.clock.now();
    const record: ReplyRecord = {
      id: ctx.clock.uuid(),
      helpdesk: request.ticket.helpdesk,
      account: request.ticket.account,
      ticketId: request.ticket.ticketId,
      sentAt,
      states: { ...request.states },
      readiness: request.readiness,
      packId: request.packId,
      packVersion: request.packVersion,
    };
    if (request.customerId) record.customerId = request.customerId;
    if (request.receivedAt !== undefined && request.receivedAt <= sentAt) record.responseMs = sentAt - request.receivedAt;
    if (request.channel) record.channel = request.channel;
    if (request.partlyChecked) record.partlyChecked = true;
    await recordReply(ctx.db, record);
    return record;
  },

  // The newest reply this helpdesk recorded within the time it allows an undo (FreeScout: 15 s) is
  // the one taken back; what it suggested as a follow-up goes with it. Later, the helpdesk refuses
  // the undo ("Sending can not be undone"), and the reply stays sent.
  'reply.undo': async (request, ctx) => {
    if (!ctx.senderHost) throw new UserFacingError('Only a helpdesk page can take back a reply it sent.');
    const since = ctx.clock.now() - request.withinMs - UNDO_SLACK_MS;
    const taken = await takeBackReply(ctx.db, ctx.senderHost, since);
    if (taken) await ctx.state.pending.change((list) => ({ list: withoutUndone(list, taken, since), result: undefined }));
    return { undone: taken ? 1 : 0 };
  },

  'reply.list': async (request, ctx) => {
    const limit = request.limit ?? 200;
    // A helpdesk page sees its workspace's replies only (#15; a ticket of another account is refused
    // before this runs); the lead's pages see all.
    const hosts = ctx.workspace === undefined ? undefined : new Set(await ctx.db.accounts.where('workspace').equals(ctx.workspace).primaryKeys());
    const rows = request.ticket
      ? await ctx.db.replies.where('[helpdesk+account+ticketId]').equals([request.ticket.helpdesk, request.ticket.account, request.ticket.ticketId]).toArray()
      : await ctx.db.replies.orderBy('sentAt').reverse().filter((r) => !hosts || hosts.has(r.account)).limit(limit).toArray();
    return rows.sort((a, b) => b.sentAt - a.sentAt).slice(0, limit);
  },
};
