/** Background handlers for the workspace requests (lib/workspaces/messages.ts). */
import { UserFacingError, type HandlerMap } from '../background/handler';
import { Workspaces } from '../db/workspaces';
import type { WorkspaceAnswers } from './messages';

export const workspaceHandlers: HandlerMap<keyof WorkspaceAnswers> = {
  'workspace.answer': async (r, ctx) => {
    // Only about the sender page's own account, and only while its question is open.
    if (ctx.scope.kind !== 'page') throw new UserFacingError('Rejected: only a helpdesk page answers for its account.');
    const account = await new Workspaces(ctx.db).answer(ctx.scope.host, r.belongsTogether);
    return { workspace: account?.workspace ?? ctx.scope.workspace };
  },
  'workspace.list': async (_r, ctx) => {
    if (ctx.scope.kind !== 'extension') throw new UserFacingError('Rejected: only Rapport’s own pages list workspaces.');
    return new Workspaces(ctx.db).list();
  },
};
