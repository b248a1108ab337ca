import type { CustomerRow, CustomerSort } from '@/lib/dashboard/queries';
import { usePresentation } from '../../presentation';
import { day, displayName, showEmail } from '../identity';

/** The Customers view's filters, each with its setter. */
export interface CustomerFilters {
  search: string;
  setSearch: (search: string) => void;
  sort: CustomerSort;
  setSort: (sort: CustomerSort) => void;
  vip: boolean;
  setVip: (vip: boolean) => void;
  openOnly: boolean;
  setOpenOnly: (openOnly: boolean) => void;
  tag: string;
  setTag: (tag: string) => void;
}

export function CustomerToolbar({ filters: f, tags }: { filters: CustomerFilters; tags: string[] }) {
  return (
    <div class="rd-toolbar">
      <input type="search" class="rd-search" placeholder="Search name, email or note text" value={f.search} onInput={(e) => f.setSearch(e.currentTarget.value)} aria-label="Search customers" data-testid="customer-search" />
      <label>
        Sort{' '}
        <select value={f.sort} onChange={(e) => f.setSort(e.currentTarget.value as CustomerSort)}>
          <option value="lastContact">Last contact</option>
          <option value="tickets">Tickets</option>
          <option value="openPromises">Open promises</option>
        </select>
      </label>
      <label>
        Tag{' '}
        <select value={f.tag} onChange={(e) => f.setTag(e.currentTarget.value)}>
          <option value="">Any</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label class="rd-check">
        <input type="checkbox" checked={f.vip} onChange={(e) => f.setVip(e.currentTarget.checked)} /> VIP
      </label>
      <label class="rd-check">
        <input type="checkbox" checked={f.openOnly} onChange={(e) => f.setOpenOnly(e.currentTarget.checked)} /> Has open promises
      </label>
    </div>
  );
}

export function CustomerListHead() {
  return (
    <div class="rd-row rd-row-head rd-customers" aria-hidden="true">
      <span>Customer</span>
      <span>Email</span>
      <span>Workspace</span>
      <span class="rd-num">Tickets</span>
      <span class="rd-num">Open promises</span>
      <span>Last contact</span>
    </div>
  );
}

/** One customer in the list; `partial` while only the first page is read (no counts yet, not clickable). */
export function CustomerListRow({ r, partial, onOpen }: { r: CustomerRow; partial: boolean; onOpen: (id: string) => void }) {
  const masked = usePresentation();
  return (
    <button type="button" class="rd-row rd-customers rd-clickable" onClick={() => onOpen(r.customer.id)} disabled={partial} data-testid="customer-row">
      <span class="rd-strong rd-ellipsis">
        {displayName(r.customer, masked)}
        {r.customer.vip && <span class="rd-badge">VIP</span>}
      </span>
      <span class="rd-ellipsis rd-muted">{r.customer.emails[0] ? showEmail(r.customer.emails[0], masked) : '—'}</span>
      <span class="rd-ellipsis rd-muted" data-testid="customer-workspace">{workspaceName(r.customer.workspace)}</span>
      <span class="rd-num">{partial ? '…' : r.tickets}</span>
      <span class="rd-num">{partial ? '…' : r.openPromises ? <span class="rd-badge rd-badge-warn">{r.openPromises}</span> : '—'}</span>
      <span class="rd-muted">{day(r.lastContact)}</span>
    </button>
  );
}

/** A workspace as the lead reads it (#15): the default one, or the account that founded it. */
const workspaceName = (id: string | undefined) => (!id || id === 'default' ? 'Default' : id === 'training' ? 'Training' : id);
