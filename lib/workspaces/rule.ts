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
import { adapterById, adapterOfHost } from '../helpdesks';
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

/**
 * Why `account` cannot be an account of `helpdesk` (a bundle's row names both), or undefined. A hosted
 * product's accounts are its own domains (`acme.zendesk.com`). A self-hosted one (FreeScout) and a
 * helpdesk the agent configured live on any host, written as the page's address gives it (a name or
 * an address, with its port: `help.acme.com`, `127.0.0.1:8080`), but never on another product's
 * domain. Before, every FreeScout account was refused, so no bundle holding one could be imported.
 */
export function accountProblem(helpdesk: HelpdeskId, account: string): string | undefined {
  const product = helpdeskOfHost(account);
  if (product) return product === helpdesk ? undefined : `"${account}" is not a ${helpdesk} account`;
  if (helpdesk !== 'custom' && !adapterById(helpdesk)?.selfHosted) return `"${account}" is not a helpdesk account Rapport works with`;
  return isPageHost(account) ? undefined : `"${account}" is not the host of a web address`;
}

/** `help.acme.com`, `127.0.0.1:8080`, `[::1]:8080`: exactly what a page's `location.host` can be. */
export function isPageHost(account: string): boolean {
  try {
    return account.length <= 260 && new URL(`http://${account}/`).host === account;
  } catch {
    return false;
  }
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
