/**
 * The workspaces table (`accounts`, schema v6, issue #15): which helpdesk account belongs to which
 * workspace, and the operations the agent takes on them (join, split, answer the sidebar's
 * question). The rule for a new account is in lib/workspaces/rule.ts.
 */
import type { RapportDB } from './db';
import type { HelpdeskAccount } from './types';
import type { HelpdeskId } from '../helpdesks/types';
import { DEFAULT_WORKSPACE, freshWorkspaceId, placeNewAccount, workspaceLabel, workspaceOf } from '../workspaces/rule';

export interface WorkspaceView {
  id: string;
  label: string;
  accounts: HelpdeskAccount[];
  /** Customers kept in it (merged-away records not counted). */
  customers: number;
}

export class WorkspaceError extends Error {
  override name = 'WorkspaceError';
}

export class Workspaces {
  constructor(
    private readonly database: RapportDB,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The account of `host` as it is or, not seen yet, as the rule would place it — without writing:
   * a request that is then refused changes nothing. `account` records it.
   */
  async peek(host: string, helpdesk: HelpdeskId): Promise<HelpdeskAccount> {
    const known = await this.database.accounts.get(host);
    return known ?? placeNewAccount(host, helpdesk, await this.database.accounts.toArray(), this.now());
  }

  /** The account of `host`, recording it (by the rule) the first time it is seen. */
  async account(host: string, helpdesk: HelpdeskId): Promise<HelpdeskAccount> {
    const known = await this.database.accounts.get(host);
    if (known) return known;
    const { accounts } = this.database;
    return this.database.transaction('rw', accounts, async () => {
      const all = await accounts.toArray();
      const existing = all.find((a) => a.host === host);
      if (existing) return existing;
      const placed = placeNewAccount(host, helpdesk, all, this.now());
      await accounts.add({ ...placed });
      return placed;
    });
  }

  /** Hosts of the accounts in workspace `id`. */
  async hostsIn(id: string): Promise<string[]> {
    return (await this.database.accounts.where('workspace').equals(id).primaryKeys()) as string[];
  }

  /** Every workspace with its accounts, the default first, then by label. */
  async list(): Promise<WorkspaceView[]> {
    const [accounts, customers] = await Promise.all([this.database.accounts.toArray(), this.database.customers.filter((c) => !c.mergedInto).toArray()]);
    const ids = new Set([DEFAULT_WORKSPACE, ...accounts.map((a) => a.workspace), ...customers.map(workspaceOf)]);
    const counts = new Map<string, number>();
    for (const c of customers) counts.set(workspaceOf(c), (counts.get(workspaceOf(c)) ?? 0) + 1);
    return [...ids]
      .map((id) => ({ id, label: workspaceLabel(id, accounts), accounts: accounts.filter((a) => a.workspace === id), customers: counts.get(id) ?? 0 }))
      .filter((w) => w.id === DEFAULT_WORKSPACE || w.accounts.length || w.customers)
      .sort((a, b) => Number(b.id === DEFAULT_WORKSPACE) - Number(a.id === DEFAULT_WORKSPACE) || a.label.localeCompare(b.label));
  }

  /** Workspace `from` joins `into`: its accounts and their customers share one memory from now on. */
  async join(from: string, into: string): Promise<void> {
    if (from === into) throw new WorkspaceError('Pick two different workspaces to join.');
    const { accounts, customers } = this.database;
    await this.database.transaction('rw', accounts, customers, async () => {
      await accounts.where('workspace').equals(from).modify((a) => {
        a.workspace = into;
        delete a.suggest;
      });
      await customers.where('workspace').equals(from).modify({ workspace: into });
    });
  }

  /**
   * Account `host` leaves its workspace for one of its own, with the customers first seen on it
   * (their tickets, notes, facts, follow-ups and replies follow them).
   */
  async split(host: string): Promise<string> {
    const { accounts, customers } = this.database;
    return this.database.transaction('rw', accounts, customers, async () => {
      const all = await accounts.toArray();
      const account = all.find((a) => a.host === host);
      if (!account) throw new WorkspaceError(`${host} is not a known helpdesk account.`);
      if (all.filter((a) => a.workspace === account.workspace).length === 1) throw new WorkspaceError(`${host} already has a workspace of its own.`);
      const id = freshWorkspaceId(host, all);
      const from = account.workspace;
      const { suggest: _asked, ...rest } = account;
      await accounts.put({ ...rest, workspace: id });
      await customers.where('workspace').equals(from).filter((c) => c.account === host).modify({ workspace: id });
      return id;
    });
  }

  /** The agent's answer to "<host> belongs with <workspace>?": asked once, whatever the answer. */
  async answer(host: string, belongsTogether: boolean): Promise<HelpdeskAccount | undefined> {
    const account = await this.database.accounts.get(host);
    if (!account?.suggest) return account;
    const { suggest, ...rest } = account;
    if (belongsTogether) await this.join(account.workspace, suggest);
    else await this.database.accounts.put({ ...rest });
    return this.database.accounts.get(host);
  }
}
