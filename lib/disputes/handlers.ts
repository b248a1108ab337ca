/** Background handler for "not right" (lib/disputes/messages.ts): writes through DisputeRepository. */
import { UserFacingError, type HandlerMap } from '../background/handler';
import { DisputeRepository } from '../db/disputes';

export const disputeHandlers: HandlerMap<'verdict.dispute'> = {
  'verdict.dispute': async ({ type: _type, ...request }, ctx) => {
    if (ctx.senderHost && request.ticket && ctx.senderHost !== request.ticket.account) {
      throw new UserFacingError('Rejected: a page may only dispute verdicts on its own tickets.');
    }
    return new DisputeRepository(ctx.db, ctx.clock).record(request);
  },
};
