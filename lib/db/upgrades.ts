/**
 * Upgrade functions of the schema versions that move data (lib/db/db.ts): each takes the upgrade's
 * transaction, so it sees the tables as that version has them. Kept apart from the repositories,
 * which import the database class this file's caller defines.
 */
import type { Transaction } from 'dexie';
import type { Customer, HelpdeskAccount, ReplyRecord, TicketVisit } from './types';
import type { HelpdeskId } from '../helpdesks/types';
import { DEFAULT_WORKSPACE } from '../workspaces/rule';

/** v6 upgrade: everything stored so far was one memory, so it all goes to the default workspace. */
export async function upgradeToWorkspaces(tx: Transaction): Promise<void> {
  const hosts = new Map<string, HelpdeskId>();
  await tx.table<Customer>('customers').toCollection().modify((c) => {
    c.workspace ??= DEFAULT_WORKSPACE;
    hosts.set(c.account, c.helpdesk);
  });
  await tx.table<TicketVisit>('visits').each((v) => void hosts.set(v.account, v.helpdesk));
  await tx.table<ReplyRecord>('replies').each((r) => void hosts.set(r.account, r.helpdesk));
  const now = Date.now();
  await tx.table<HelpdeskAccount>('accounts').bulkPut([...hosts].map(([host, helpdesk]) => ({ host, helpdesk, workspace: DEFAULT_WORKSPACE, addedAt: now })));
}
