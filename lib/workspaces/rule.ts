/**
 * Workspaces (issue #15): memory is kept per workspace, the set of helpdesk accounts of one company.
 *
 * The rule for an account Rapport has not seen before:
 *  - an account of a helpdesk product the default workspace has no account of yet joins the default
 *    workspace (an agent's Zendesk and Freshdesk of one company keep one memory, as before);
 *  - a second account of the same product (`tenant-b.zendesk.com` when `tenant-a.zendesk.com` is in
 *    the default workspace) is the outsourcing case: it gets a workspace of its own, and the sidebar
 *    asks once whether it belongs with the default workspace.
 * The agent can split and join workspaces at any time on the options page.
 */
import { adapterOfHost } from '../helpdesks';
import type { HelpdeskId } from '../helpdesks/types';
import type { HelpdeskAccount } from '../db/types';

export const DEFAULT_WORKSPACE = 'default';
/** The trainer page's practice data (training.html): never mixed with real customers. */
export const TRAINING_WORKSPACE = 'training';

/** The workspace of a customer row; rows written before v6 have none and are in the default one. */
export const workspaceOf = (row: { workspace?: string }): string => row.workspace ?? DEFAULT_WORKSPACE;

const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The helpdesk product a host is an account of (`acme.zendesk.com` → zendesk), by the adapters' own patterns. */
export function helpdeskOfHost(host: string): HelpdeskId | undefined {
  if (!HOST.test(host)) return undefined;
  return adapterOfHost(host)?.id;
}

/** Where a newly seen account goes, given the accounts known so far (see the rule above). */
export function placeNewAccount(host: string, helpdesk: HelpdeskId, known: readonly HelpdeskAccount[], now: number): HelpdeskAccount {
  const sameProductInDefault = known.some((a) => a.workspace === DEFAULT_WORKSPACE && a.helpdesk === helpdesk);
  if (!sameProductInDefault) return { host, helpdesk, workspace: DEFAULT_WORKSPACE, addedAt: now };
  return { host, helpdesk, workspace: freshWorkspaceId(host, known), addedAt: now, suggest: DEFAULT_WORKSPACE };
}

/** A workspace id nobody uses yet: the founding account's host, readable in exported data. */
export function freshWorkspaceId(host: string, known: readonly HelpdeskAccount[]): string {
  const used = new Set(known.map((a) => a.workspace));
  let id = host;
  for (let n = 2; used.has(id); n++) id = `${host}#${n}`;
  return id;
}

/** How a workspace is named to the agent: its accounts, or "Default" while it has none. */
export function workspaceLabel(id: string, accounts: readonly HelpdeskAccount[]): string {
  if (id === TRAINING_WORKSPACE) return 'Training';
  const hosts = accounts.filter((a) => a.workspace === id).map((a) => a.host).sort();
  return hosts.length ? hosts.join(', ') : id === DEFAULT_WORKSPACE ? 'Default' : id;
}
