import { useMemo, useState } from 'preact/hooks';
import { formatNumber, plural } from '../format';
import { useCustomerSearch, useFirstPage, useTablesAfterFirstPage } from '@/lib/dashboard/live';
import { customerRows, filterCustomers, type CustomerSort } from '@/lib/dashboard/queries';
import { helpdeskNames } from '../format';
import { VirtualList } from './VirtualList';
import { CustomerPage } from './CustomerPage';
import { CustomerListHead, CustomerListRow, CustomerToolbar, type CustomerFilters } from './customer/list';
import { customerHash } from './routes';

function useCustomerFilters(): CustomerFilters {
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<CustomerSort>('lastContact');
  const [vip, setVip] = useState(false);
  const [openOnly, setOpenOnly] = useState(false);
  const [tag, setTag] = useState('');
  return { search, setSearch, sort, setSort, vip, setVip, openOnly, setOpenOnly, tag, setTag };
}

/** Every customer row, or, until every table is read, the first page (or the search hits). */
function useCustomerRows(search: string) {
  const first = useFirstPage('customers');
  const data = useTablesAfterFirstPage(['customers', 'visits', 'notes', 'facts', 'followUps'], first, first.customers.length);
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
  return { first, data, partial, searching, searchDone: hits.done, rows };
}

export function CustomersView({ now, selected }: { now: number; selected?: string }) {
  const filters = useCustomerFilters();
  const { search, sort, vip, openOnly, tag } = filters;
  const { first, data, partial, searching, searchDone, rows } = useCustomerRows(search);
  const tags = useMemo(() => [...new Set(rows.flatMap((r) => r.tags))].sort(), [rows]);
  const shown = useMemo(() => filterCustomers(rows, { search, sort, vip, openPromises: openOnly, tag: tag || undefined }), [rows, search, sort, vip, openOnly, tag]);
  const show = (id?: string) => (location.hash = customerHash(id));

  if (selected) {
    // A link straight to a customer waits for every table: the page shows their whole history.
    if (!data.loaded) return <p class="rd-empty" aria-busy="true">Loading this customer…</p>;
    return <CustomerPage id={selected} data={data} now={now} onBack={() => show()} />;
  }
  return (
    <section class="rd-view" aria-labelledby="customers-title">
      <header class="rd-view-head">
        <h1 id="customers-title">Customers</h1>
        <p class="rd-muted" data-testid="customers-status" data-loaded={partial ? 'false' : 'true'}>{partial ? (searching && !searchDone ? 'Searching…' : 'Loading all customers…') : shown.length === rows.length ? plural(rows.length, 'customer') : `${formatNumber(shown.length)} of ${plural(rows.length, 'customer')}`}</p>
      </header>
      <CustomerToolbar filters={filters} tags={tags} />
      {!first.loaded ? (
        <p class="rd-empty">Loading…</p>
      ) : rows.length === 0 && !partial ? (
        <p class="rd-empty">No customers yet. Open a ticket in {helpdeskNames()} with Rapport running, or import a bundle under “Your data”.</p>
      ) : shown.length === 0 ? (
        <p class="rd-empty">{searching && !searchDone ? 'Searching…' : 'No customer matches these filters.'}</p>
      ) : (
        <>
          <CustomerListHead />
          <VirtualList
            items={shown}
            rowHeight={48}
            label="Customers"
            testId="customer-list"
            view="customers"
            keyOf={(r) => r.customer.id}
            render={(r) => <CustomerListRow r={r} partial={partial} onOpen={show} />}
          />
        </>
      )}
    </section>
  );
}
