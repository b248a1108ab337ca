/** Customers: finding the one a ticket's requester is, their profile, and picking them by name. */
import type { TicketSnapshot } from '../../helpdesks/types';
import { mergeProfiles, PROFILE_KEYS } from '../../memory/profile';
import { DEFAULT_WORKSPACE, workspaceOf } from '../../workspaces/rule';
import type { Customer, CustomerProfile } from '../types';
import { normaliseEmail, normaliseName, RepositoryCore, UnknownCustomerError, type SaveResult } from './core';

export class CustomerRepository extends RepositoryCore {
  /**
   * Finds the customer a snapshot's requester is in `workspace` (#15), most certain match first: the
   * helpdesk's own id, then any stored email (across the workspace's helpdesks: an email is a
   * person), then the same name in the same account when the page showed neither.
   */
  async findCustomer(snapshot: TicketSnapshot, workspace = DEFAULT_WORKSPACE): Promise<Customer | undefined> {
    const found = await this.survivorOf(await this.findRecord(snapshot, workspace));
    return found && workspaceOf(found) === workspace ? found : undefined;
  }


  protected async findRecord(snapshot: TicketSnapshot, workspace: string): Promise<Customer | undefined> {
    const { helpdesk, account, requester } = snapshot;
    const t = this.database.customers;
    const inWorkspace = (c: Customer) => workspaceOf(c) === workspace;
    if (requester.externalId) {
      const hit = await t.where('[helpdesk+account+externalId]').equals([helpdesk, account, requester.externalId]).filter(inWorkspace).first();
      if (hit) return hit;
    }
    const email = normaliseEmail(requester.email);
    if (email) {
      const hits = await t.where('emails').equals(email).filter(inWorkspace).toArray();
      // Prefer the one in this helpdesk account, then the most recently seen.
      hits.sort(
        (a, b) =>
          Number(!b.mergedInto) - Number(!a.mergedInto) ||
          Number(b.helpdesk === helpdesk && b.account === account) - Number(a.helpdesk === helpdesk && a.account === account) ||
          b.lastSeen - a.lastSeen,
      );
      if (hits[0]) return hits[0];
    }
    const name = normaliseName(requester.name);
    if (name && !requester.externalId && !email) {
      return t.where('[helpdesk+account+name]').equals([helpdesk, account, name]).filter(inWorkspace).first();
    }
    return undefined;
  }

  protected mergeRequester(found: Customer | undefined, snapshot: TicketSnapshot, now: number, workspace: string): Customer {
    const { requester } = snapshot;
    const email = normaliseEmail(requester.email);
    const name = normaliseName(requester.name);
    if (!found) {
      return {
        id: this.clock.uuid(),
        helpdesk: snapshot.helpdesk,
        account: snapshot.account,
        externalId: requester.externalId,
        name,
        emails: email ? [email] : [],
        firstSeen: now,
        lastSeen: now,
        updatedAt: now,
        version: 1,
        workspace,
      };
    }
    const sameAccount = found.helpdesk === snapshot.helpdesk && found.account === snapshot.account;
    return {
      ...found,
      // The helpdesk id only means something in its own account.
      externalId: found.externalId ?? (sameAccount ? requester.externalId : undefined),
      name: name ?? found.name,
      emails: email ? [email, ...found.emails.filter((e) => e !== email)] : found.emails,
      lastSeen: now,
      updatedAt: now,
    };
  }

  /**
   * Saves profile fields made against `baseVersion`. When someone else saved in between, nothing is
   * written and both versions come back so the agent can keep theirs, keep mine or keep both.
   */
  async saveProfile(customerId: string, baseVersion: number, profile: CustomerProfile): Promise<SaveResult<Customer, CustomerProfile>> {
    const { customers } = this.database;
    return this.database.transaction('rw', customers, async () => {
      const current = await customers.get(customerId);
      if (!current) throw new UnknownCustomerError(customerId);
      const version = current.version ?? 1;
      if (version !== baseVersion) return { ok: false, conflict: { theirs: current, mine: profile } };
      const next: Customer = { ...current, updatedAt: this.clock.now(), version: version + 1 };
      for (const key of PROFILE_KEYS) {
        const value = profile[key];
        if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete next[key];
        else (next as unknown as Record<string, unknown>)[key] = value;
      }
      await customers.put({ ...next });
      return { ok: true, value: next };
    });
  }

  /** "Keep both" for a profile conflict: every field that differs keeps both values. */
  async keepBothProfiles(customerId: string, mine: CustomerProfile): Promise<Customer> {
    const current = await this.customer(customerId);
    const merged = mergeProfiles(current, mine);
    const saved = await this.saveProfile(current.id, current.version ?? 1, merged);
    if (!saved.ok) return this.keepBothProfiles(customerId, mine);
    return saved.value;
  }

  /** Customers whose name or email contains `query`, for picking whom to merge with. */
  async findCustomers(query: string, limit = 10, workspace?: string): Promise<{ id: string; name?: string; emails: string[]; helpdesk: string; account: string }[]> {
    const q = query.trim().toLowerCase();
    if (q.length < 2) return [];
    const rows = await this.database.customers
      .filter((c) => (workspace === undefined || workspaceOf(c) === workspace) && !c.mergedInto && ((c.name ?? '').toLowerCase().includes(q) || c.emails.some((e) => e.includes(q))))
      .limit(limit)
      .toArray();
    return rows.map((c) => ({ id: c.id, name: c.name, emails: c.emails, helpdesk: c.helpdesk, account: c.account }));
  }

  /** Ids of every customer record (merged-away ones too) kept in `workspace`. */
  async customerIdsIn(workspace: string): Promise<Set<string>> {
    const ids = (await this.database.customers.where('workspace').equals(workspace).primaryKeys()) as string[];
    return new Set(ids);
  }
}
