/** Requests about workspaces (issue #15): the sidebar's one question, and the lead's list. */
import * as v from 'valibot';
import type { WorkspaceView } from '../db/workspaces';

/** Shown once in the sidebar when a second account of the same helpdesk product appears. */
export interface WorkspacePrompt {
  /** The page's account, e.g. `tenant-b.zendesk.com`. */
  host: string;
  /** The workspace it may belong with. */
  into: string;
  /** That workspace as the agent knows it: its accounts. */
  label: string;
}

export const workspaceRequests = [
  /** The agent's answer to the sidebar's question, for the sender page's own account. */
  v.strictObject({ type: v.literal('workspace.answer'), belongsTogether: v.boolean() }),
  /** Every workspace with its accounts (extension pages only). */
  v.strictObject({ type: v.literal('workspace.list') }),
] as const;

export interface WorkspaceAnswers {
  'workspace.answer': { workspace: string };
  'workspace.list': WorkspaceView[];
}
