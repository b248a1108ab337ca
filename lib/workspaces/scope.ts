/**
 * Which workspace a request is answered in (issue #15), decided from the sender — the page URL the
 * browser reports (`sender.url`) — and never from the message:
 *  - a content script on a helpdesk page: the workspace of that page's account;
 *  - the trainer page (training.html): the `training` workspace, so practice never mixes with real customers;
 *  - the extension's other pages (dashboard, options, popup): every workspace (the lead's view).
 * `guardRequest` then answers an id from another workspace as unknown.
 */
import type { RapportDB } from '../db/db';
import { UnknownCustomerError, UnknownRowError } from '../db/repository';
import { Workspaces } from '../db/workspaces';
import type { HelpdeskId } from '../helpdesks/types';
import { helpdeskOfHost, TRAINING_WORKSPACE, workspaceOf } from './rule';

export type SenderScope =
  /** A content script on helpdesk account `host`, answered in `workspace`. */
  | { kind: 'page'; host: string; helpdesk: HelpdeskId; workspace: string; suggest?: string }
  | { kind: 'training'; workspace: typeof TRAINING_WORKSPACE }
  /** An extension page: every workspace. */
  | { kind: 'extension' };

export class SenderError extends Error {
  override name = 'SenderError';
}

const EXTENSION_PROTOCOLS = new Set(['chrome-extension:', 'moz-extension:', 'safari-web-extension:']);

/** Which helpdesk a page is (built-in, or configured by the agent), or undefined for any other page. */
export type PageHelpdesk = (url: URL) => Promise<HelpdeskId | undefined>;

/** Built-in helpdesks only: their own hosted domains, over https. */
export const builtInHelpdesk: PageHelpdesk = async (url) => (url.protocol === 'https:' ? helpdeskOfHost(url.host) : undefined);

/** The scope of a sender whose `id` was already checked to be this extension. */
export async function senderScope(sender: { url?: string }, database: RapportDB, pageHelpdesk: PageHelpdesk = builtInHelpdesk): Promise<SenderScope> {
  let url: URL;
  try {
    url = new URL(sender.url ?? '');
  } catch {
    throw new SenderError('Rejected: the sender has no page address.');
  }
  if (EXTENSION_PROTOCOLS.has(url.protocol)) {
    return url.pathname === '/training.html' ? { kind: 'training', workspace: TRAINING_WORKSPACE } : { kind: 'extension' };
  }
  const helpdesk = await pageHelpdesk(url);
  if (!helpdesk) throw new SenderError('Rejected: Rapport answers only helpdesk pages.');
  // Not recorded here: a request refused below must change nothing. `ticket.open` records it.
  const account = await new Workspaces(database).peek(url.host, helpdesk);
  return { kind: 'page', host: url.host, helpdesk, workspace: account.workspace, suggest: account.suggest };
}

/** The workspace a scope reads and writes in; undefined for the extension's pages (all of them). */
export const scopeWorkspace = (scope: SenderScope): string | undefined => (scope.kind === 'extension' ? undefined : scope.workspace);

/** Request fields naming a stored row, and the table it is in. */
const ROW_FIELDS = {
  customerId: 'customers',
  survivorId: 'customers',
  mergedId: 'customers',
  previousCustomerId: 'customers',
  noteId: 'notes',
  factId: 'facts',
  followUpId: 'followUps',
  mergeId: 'merges',
} as const;

/** Request fields naming a helpdesk account (directly, or as a ticket's `account`). */
const ACCOUNT_FIELDS = ['account', 'ticket', 'snapshot', 'source'] as const;

/**
 * Refuses a request that names a row of another workspace (answered as unknown, so nothing about
 * other workspaces leaks, not even that the id exists), or — from a helpdesk page — another account.
 */
export async function guardRequest(request: Record<string, unknown>, scope: SenderScope, database: RapportDB): Promise<void> {
  if (scope.kind === 'extension') return;
  if (scope.kind === 'page') {
    for (const field of ACCOUNT_FIELDS) {
      const value = request[field];
      const account = typeof value === 'string' ? value : (value as { account?: unknown } | undefined)?.account;
      if (account !== undefined && account !== scope.host) throw new SenderError('Rejected: a page may only speak for its own helpdesk account.');
    }
  }
  for (const [field, table] of Object.entries(ROW_FIELDS)) {
    const id = request[field];
    if (typeof id !== 'string') continue;
    if (table === 'customers') {
      const customer = await database.customers.get(id);
      if (!customer || workspaceOf(customer) !== scope.workspace) throw new UnknownCustomerError(id);
      continue;
    }
    const row = (await database.table(table).get(id)) as { customerId?: string; survivorId?: string } | undefined;
    if (!row) continue; // the handler says the row no longer exists
    const owner = await database.customers.get(row.customerId ?? row.survivorId ?? '');
    if (!owner || workspaceOf(owner) !== scope.workspace) throw new UnknownRowError(table === 'followUps' ? 'follow-up' : table.replace(/s$/, ''));
  }
}
