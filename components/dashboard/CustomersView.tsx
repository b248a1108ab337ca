import { useMemo, useState } from 'preact/hooks';
import { formatNumber, plural } from '../format';
import { useCustomerSearch, useFirstPage, useTablesAfterFirstPage } from '@/lib/dashboard/live';
import { customerRows, filterCustomers, type CustomerSort } from '@/lib/dashboard/queries';
import { usePresentation } from '../presentation';
import { helpdeskNames } from '../format';
import { VirtualList } from './VirtualList';
import { day, displayName, showEmail } from './identity';
import { CustomerPage } from './CustomerPage';
import { customerHash } from './routes';

export function CustomersView({ now, selected }: { now: number; selected?: string }) {
  const first = useFirstPage('customers');
  const data = useTablesAfterFirstPage(['customers', 'visits', 'notes', 'facts', 'followUps'], first, first.customers.length);
  const masked = usePresentation();
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<CustomerSort>('lastContact');
  const [vip, setVip] = useState(false);
  const [openOnly, setOpenOnly] = useState(false);
  const [tag, setTag] = useState('');
  const show = (id?: string) => (location.hash = customerHash(id));
  // Until every table is read, the first screenful comes straight from the lastSeen index.
  const partial = !data.loaded;
  // …and a search typed meanwhile is answered from the indexes and a bounded scan.
  const searching = partial && search.trim() !== '';
  const hits = useCustomerSearch(search, partial);
  const rows = useMemo(
    () =>
      partial
        ? customerRows(searching ? hits.customers : first.customers, [], [], [])
        : customerRows(data.customers, data.visits, data.notes, data.followUps),
    [data, first, partial, searching, hits],
  );
  const tags = useMemo(() => [...new Set(rows.flatMap((r) => r.tags))].sort(), [rows]);
  const shown = useMemo(() => filterCustomers(rows, { search, sort, vip, openPromises: openOnly, tag: tag || undefined }), [rows, search, sort, vip, openOnly, tag]);

  if (selected) {
    // A link straight to a customer waits for every table: the page shows their whole history.
    if (!data.loaded) return <p class="rd-empty" aria-busy="true">Loading this customer…</p>;
    return <CustomerPage id={selected} data={data} now={now} onBack={() => show()} />;
  }
  return (
    <section class="rd-view" aria-labelledby="customers-title">
      <header class="rd-view-head">
        <h1 id="customers-title">Customers</h1>
        <p class="rd-muted" data-testid="customers-status" data-loaded={partial ? 'false' : 'true'}>{partial ? (searching && !hits.done ? 'Searching…' : 'Loading all customers…') : shown.length === rows.length ? plural(rows.length, 'customer') : `${formatNumber(shown.length)} of ${plural(rows.length, 'customer')}`}</p>
      </header>
      <div class="rd-toolbar">
        <input type="search" class="rd-search" placeholder="Search name, email or note text" value={search} onInput={(e) => setSearch(e.currentTarget.value)} aria-label="Search customers" data-testid="customer-search" />
        <label>
          Sort{' '}
          <select value={sort} onChange={(e) => setSort(e.currentTarget.value as CustomerSort)}>
            <option value="lastContact">Last contact</option>
            <option value="tickets">Tickets</option>
            <option value="openPromises">Open promises</option>
          </select>
        </label>
        <label>
          Tag{' '}
          <select value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
            <option value="">Any</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label class="rd-check">
          <input type="checkbox" checked={vip} onChange={(e) => setVip(e.currentTarget.checked)} /> VIP
        </label>
        <label class="rd-check">
          <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.currentTarget.checked)} /> Has open promises
        </label>
      </div>
      {!first.loaded ? (
        <p class="rd-empty">Loading…</p>
      ) : rows.length === 0 && !partial ? (
        <p class="rd-empty">No customers yet. Open a ticket in {helpdeskNames()} with Rapport running, or import a bundle under “Your data”.</p>
      ) : shown.length === 0 ? (
        <p class="rd-empty">{searching && !hits.done ? 'Searching…' : 'No customer matches these filters.'}</p>
      ) : (
        <>
          <div class="rd-row rd-row-head rd-customers" aria-hidden="true">
            <span>Customer</span>
            <span>Email</span>
            <span>Workspace</span>
            <span class="rd-num">Tickets</span>
            <span class="rd-num">Open promises</span>
            <span>Last contact</span>
          </div>
          <VirtualList
            items={shown}
            rowHeight={48}
            label="Customers"
            testId="customer-list"
            view="customers"
            keyOf={(r) => r.customer.id}
            render={(r) => (
              <button type="button" class="rd-row rd-customers rd-clickable" onClick={() => show(r.customer.id)} disabled={partial} data-testid="customer-row">
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
            )}
          />
        </>
      )}
    </section>
  );
}

/** A workspace as the lead reads it (#15): the default one, or the account that founded it. */
const workspaceName = (id: string | undefined) => (!id || id === 'default' ? 'Default' : id === 'training' ? 'Training' : id);
