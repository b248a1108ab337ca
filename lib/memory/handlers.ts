/** Background handlers for the customer-memory requests (lib/memory/messages.ts). */
import { agentTimeZone } from '../../components/intl';
import { UserFacingError, type HandlerMap } from '../background/handler';
import { MergeError, UnknownRowError } from '../db/repository';
import type { MemoryAnswers } from './messages';
import { memoryContext } from './context';
import { suggestFollowUps } from './commitments';
import { asSuggestion, keepPending, pendingFor } from './pending-suggestions';
import { rescheduleFollowUps } from './background';

/** Repository errors the agent can act on become messages shown as is. */
async function plain<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof UnknownRowError || error instanceof MergeError) throw new UserFacingError(error.message);
    throw error;
  }
}

const agentZone = agentTimeZone;

export const memoryHandlers: HandlerMap<keyof MemoryAnswers> = {
  'memory.context': (r, ctx) => memoryContext(ctx.repo, r.customerId, r.ticket, ctx.clock.now()),

  'memory.profile.save': async (r, ctx) => {
    if (r.keepBoth) return { saved: true, value: await ctx.repo.keepBothProfiles(r.customerId, r.profile) };
    const result = await ctx.repo.saveProfile(r.customerId, r.version, r.profile);
    return result.ok ? { saved: true, value: result.value } : { saved: false, theirs: result.conflict.theirs, mine: r.profile };
  },

  'memory.fact.add': (r, ctx) => ctx.repo.addFact(r),
  'memory.fact.flag': (r, ctx) => plain(ctx.repo.setMentionNext(r.factId, r.mentionNext)),
  'memory.fact.mentioned': (r, ctx) => plain(ctx.repo.markMentioned(r.factId)),

  'memory.note.edit': async (r, ctx) => {
    const result = await plain(ctx.repo.editNote(r.noteId, r.version, r.text, r.tags));
    return result.ok ? { saved: true, value: result.value } : { saved: false, theirs: result.conflict.theirs, mine: r.text };
  },
  'memory.note.pin': (r, ctx) => plain(ctx.repo.pinNote(r.noteId, r.pinned)),

  'memory.followup.add': async (r, ctx) => {
    const followUp = await ctx.repo.addFollowUp(r);
    await rescheduleFollowUps(ctx.repo, ctx.clock.now());
    return followUp;
  },
  'memory.followup.done': async (r, ctx) => {
    const followUp = await plain(ctx.repo.completeFollowUp(r.followUpId));
    await rescheduleFollowUps(ctx.repo, ctx.clock.now());
    return followUp;
  },
  'memory.followups.changed': async (_r, ctx) => {
    await rescheduleFollowUps(ctx.repo, ctx.clock.now());
    return { rescheduled: true as const };
  },
  'memory.followup.suggest': async (r, ctx) => {
    const now = ctx.clock.now();
    const found = suggestFollowUps(r.text, now, r.timeZone ?? agentZone());
    if (!r.from || !found.length) return found;
    if (ctx.senderHost && ctx.senderHost !== r.from.ticket.account) throw new UserFacingError('Rejected: a page may only keep suggestions of its own helpdesk.');
    const made = found.map((s) => ({ ...s, id: crypto.randomUUID(), from: r.from!, at: now, workspace: ctx.workspace }));
    await ctx.state.pending.change((list) => ({ list: keepPending(list, made, now), result: undefined }));
    return made.map(asSuggestion);
  },
  'memory.followup.pending': async (_r, ctx) =>
    pendingFor(await ctx.state.pending.all(), ctx.senderHost, ctx.workspace, ctx.clock.now()).map(asSuggestion),
  'memory.followup.settle': async (r, ctx) =>
    ctx.state.pending.change((before) => {
      const mine = new Set(pendingFor(before, ctx.senderHost, ctx.workspace, ctx.clock.now()).filter((p) => r.ids.includes(p.id)));
      return { list: before.filter((p) => !mine.has(p)), result: { settled: mine.size } };
    }),

  'memory.merge': (r, ctx) => plain(ctx.repo.mergeCustomers(r.survivorId, r.mergedId)),
  'memory.merge.undo': (r, ctx) => plain(ctx.repo.undoMerge(r.mergeId)),

  // Within the sender's workspace (#15); the lead's pages search every workspace.
  'memory.search': (r, ctx) => ctx.repo.searchNotes(r.query, 50, ctx.workspace),
  'memory.customer.find': (r, ctx) => ctx.repo.findCustomers(r.query, 10, ctx.workspace),

  'memory.history.due': (r, ctx) => {
    if (ctx.senderHost && ctx.senderHost !== r.account) throw new UserFacingError('Rejected: a page may only ask about its own helpdesk.');
    return ctx.repo.apiFetchDue(`${r.helpdesk}:${r.account}:${r.externalId}`);
  },
  'memory.history.record': async (r, ctx) => {
    if (ctx.senderHost && ctx.senderHost !== r.account) throw new UserFacingError('Rejected: a page may only report its own helpdesk.');
    const now = ctx.clock.now();
    await ctx.repo.recordApiFetch({
      key: `${r.helpdesk}:${r.account}:${r.externalId}`,
      fetchedAt: now,
      ok: r.ok,
      error: r.error,
      retryAfter: r.retryAfterMs !== undefined ? now + r.retryAfterMs : undefined,
    });
    // Only this account's tickets: a page cannot write another helpdesk's history.
    const tickets = r.tickets.filter((t) => t.helpdesk === r.helpdesk && t.account === r.account);
    return { added: r.ok ? await ctx.repo.recordApiTickets(r.customerId, tickets) : 0 };
  },
};
