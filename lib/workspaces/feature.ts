/**
 * The sidebar's one workspace question (issue #15): when `ticket.open` says this page's account may
 * belong with another workspace, show components/WorkspacePrompt.tsx and send the agent's answer.
 */
import type { TicketFeature } from '../page/features';

export const workspaceFeature: TicketFeature = {
  id: 'workspace',
  start(ctx, signal) {
    const prompt = ctx.ticket.workspacePrompt;
    if (!prompt) return;
    const show = (answered?: 'together' | 'apart') => {
      if (signal.aborted) return;
      ctx.setPanel('workspace', {
        host: prompt.host,
        label: prompt.label,
        answered,
        async onAnswer(belongsTogether) {
          const reply = await ctx.request({ type: 'workspace.answer', belongsTogether });
          if (!reply.ok) return { ok: false, error: reply.error };
          show(belongsTogether ? 'together' : 'apart');
          return { ok: true };
        },
      });
    };
    show();
  },
};
