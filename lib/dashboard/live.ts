/**
 * The dashboard's live data: Dexie liveQuery re-runs a query whenever a table it read changes — also
 * when the change was made by the background for a ticket tab — so the page never needs a reload.
 */
import { liveQuery, type Table } from 'dexie';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { db } from '../db/db';
import type { Customer, FollowUp, Note, ReplyRecord } from '../db/types';
import { rebuildReplyWeeks, type ReplyWeek } from '../db/reply-stats';
import { failingRules, lowerText, repliesCounted, wantsMoreExamples, type FailingRule } from './queries';
import { PREF } from '../prefs';
import { validHelpdesks } from '../helpdesks/configured-schema';
import type { ConfiguredHelpdesk } from '../helpdesks/configured';
import { DisputeRepository, type Dispute } from '../db/disputes';
import { systemClock } from '../db/repository';
import type { BundleData } from '../exchange/format';
import { erasePreview, eraseRepliesPreview, retentionPreview, type ErasePreview, type ReplyEraseFilter, type RetentionCounts } from '../db/privacy';

export function useLive<T>(query: () => Promise<T>, deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({ next: setValue, error: (e) => console.error('Rapport dashboard query failed', e) });
    return () => sub.unsubscribe();
  }, deps);
  return value;
}

/** Every table the dashboard shows (the bundle's tables), and whether they have loaded. */
export interface AllData extends BundleData {
  loaded: boolean;
}

const EMPTY: AllData = { loaded: false, customers: [], visits: [], notes: [], facts: [], followUps: [], replies: [] };

type Loadable = 'customers' | 'visits' | 'notes' | 'facts' | 'followUps' | 'replies';

/**
 * The tables a view needs, live. A view loads only its tables (the quality view reads no customers),
 * so a large database costs each view only what it shows.
 */
export function useTables(tables: Loadable[], enabled = true): AllData {
  return useLive(
    async () => {
      // Waits (enabled = false) until the view's first screenful is on screen: reading whole tables
      // first would queue the small first-page query behind them.
      if (!enabled) return EMPTY;
      const d = db();
      // Table by table, in primary-key pages: each page is its own IndexedDB request, so the page
      // stays responsive (paints, typing) between pages instead of freezing on one huge read.
      const loaded: unknown[][] = [];
      // Note texts are lower-cased for search page by page as they arrive (a few ms each), so the
      // first search after loading does not lower-case 200,000 notes at once.
      for (const t of tables) {
        loaded.push(await readInPages(d.table(t) as Table<{ id: string }, string>, t === 'notes' ? (rows) => (rows as unknown as Note[]).forEach(lowerText) : undefined));
      }
      const out: AllData = { ...EMPTY, loaded: true };
      tables.forEach((t, i) => ((out as unknown as Record<string, unknown[]>)[t] = loaded[i]!));
      return out;
    },
    [tables.join(), enabled],
    EMPTY,
  );
}

// Small enough that a search typed while a view loads waits for one page at most (~20 ms here), not
// for a 10,000-row read (~150 ms).
const READ_PAGE = 2_500;

/**
 * While a search typed by the agent reads its first answers from the indexes, whole-table loads wait
 * between pages: IndexedDB answers requests one after the other, so a page read queued in front of
 * the search would hold it up.
 */
let searchHold: Promise<void> = Promise.resolve();
function holdLoadsFor<T>(work: Promise<T>): Promise<T> {
  const held = work.then(
    () => undefined,
    () => undefined,
  );
  searchHold = Promise.all([searchHold, held]).then(() => undefined);
  return work;
}

/** Every row of a table, read in primary-key pages of READ_PAGE rows. */
export async function readInPages<T extends { id: string }>(table: Table<T, string>, onPage?: (rows: T[]) => void): Promise<T[]> {
  const out: T[] = [];
  let last: string | undefined;
  for (;;) {
    await searchHold;
    const page = await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(READ_PAGE).toArray();
    for (const row of page) out.push(row);
    onPage?.(page);
    if (page.length < READ_PAGE) return out;
    last = page[page.length - 1]!.id;
  }
}

/**
 * Marks (once per page load) the moment a view's first rows are in the DOM, for the benchmark:
 * `performance.getEntriesByName('rapport:first-rows')`. Called from an effect, i.e. after paint.
 */
export function markFirstRows(view: string): void {
  markOnce(`first-rows:${view}`);
}

function markOnce(name: string): void {
  if (performance.getEntriesByName(`rapport:${name}`).length) return;
  performance.mark(`rapport:${name}`);
  if (name.startsWith('first-rows')) dispatchEvent(new Event(FIRST_ROWS));
}

const FIRST_ROWS = 'rapport:first-rows';

/** True once a view has put its first rows on screen (or after `fallbackMs`, or at once when `now`). */
export function useAfterFirstRows(now: boolean, fallbackMs = 1_500): boolean {
  const [done, setDone] = useState(now || performance.getEntriesByType('mark').some((m) => m.name.startsWith('rapport:first-rows')));
  useEffect(() => {
    if (done) return;
    if (now) return setDone(true);
    const settle = () => setDone(true);
    addEventListener(FIRST_ROWS, settle);
    const timer = setTimeout(settle, fallbackMs);
    return () => {
      removeEventListener(FIRST_ROWS, settle);
      clearTimeout(timer);
    };
  }, [done, now]);
  return done;
}

/**
 * A view's whole tables, loaded once its first page is on screen: their page reads and decoding
 * would delay that paint. With an empty first page there is nothing to wait for.
 */
export function useTablesAfterFirstPage(tables: Loadable[], first: { loaded: boolean }, firstRows: number): AllData {
  const painted = useAfterFirstRows(first.loaded && firstRows === 0);
  return useTables(tables, first.loaded && painted);
}

/** Every table the views use, live. */
export const useAllData = () => useTables(['customers', 'visits', 'notes', 'facts', 'followUps', 'replies']);

export interface FirstPage {
  loaded: boolean;
  customers: Customer[];
  notes: Note[];
  followUps: FollowUp[];
}

const PAGE = 60;

/**
 * The first screenful of a view straight from an index, shown while the whole table loads (a large
 * database takes seconds to read in full; the first rows must be on screen at once).
 */
export function useFirstPage(view: 'customers' | 'notes' | 'follow-ups'): FirstPage {
  return useLive<FirstPage>(
    async () => {
      const d = db();
      if (view === 'customers') {
        const customers = await d.customers.orderBy('lastSeen').reverse().filter((c) => !c.mergedInto).limit(PAGE).toArray();
        markOnce('first-query');
        return { loaded: true, customers, notes: [], followUps: [] };
      }
      const rows: (Note | FollowUp)[] =
        view === 'notes'
          ? await d.notes.orderBy('updatedAt').reverse().limit(PAGE).toArray()
          : await d.followUps.where('[status+dueAt]').between(['open', -Infinity], ['open', Infinity]).limit(PAGE).toArray();
      const customers = (await d.customers.bulkGet([...new Set(rows.map((r) => r.customerId))])).filter((c): c is Customer => Boolean(c));
      markOnce('first-query');
      return view === 'notes'
        ? { loaded: true, customers, notes: rows as Note[], followUps: [] }
        : { loaded: true, customers, notes: [], followUps: rows as FollowUp[] };
    },
    [view],
    { loaded: false, customers: [], notes: [], followUps: [] },
  );
}

/**
 * Row counts per table, live. Not free on a large database (IndexedDB counts by walking the table,
 * and its requests queue one behind the other), so it waits (`enabled`) until the view's first rows
 * are on screen.
 */
export function useCounts(enabled = true): Record<Loadable, number> | undefined {
  return useLive(
    async () => {
      if (!enabled) return undefined;
      const d = db();
      const names: Loadable[] = ['customers', 'visits', 'notes', 'facts', 'followUps', 'replies'];
      const counts = await Promise.all(names.map((t) => d.table(t).count()));
      return Object.fromEntries(names.map((t, i) => [t, counts[i]!])) as Record<Loadable, number>;
    },
    [enabled],
    undefined,
  );
}

/** A boolean/number/string in storage.local, live across the popup, dashboard and content scripts. */
export function useStored<T>(key: string, fallback: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(fallback);
  useEffect(() => {
    void browser.storage.local.get(key).then((got) => {
      if (key in got) setValue(got[key] as T);
    });
    const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && key in changes) setValue((changes[key]?.newValue ?? fallback) as T);
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, [key]);
  return [value, (next: T) => void browser.storage.local.set({ [key]: next })];
}

export const usePresentationPref = () => useStored<boolean>(PREF.presentation, false);

/** The helpdesks the agent added on the options page (validated), for links to self-hosted tickets. */
export function useConfiguredHelpdesks(): readonly ConfiguredHelpdesk[] {
  const [raw] = useStored<unknown>(PREF.helpdesks, []);
  return useMemo(() => validHelpdesks(raw), [raw]);
}

export interface CustomerHits {
  /** False while the scan is still going. */
  done: boolean;
  customers: Customer[];
}

const MAX_HITS = 200;
const SCAN_PAGE = 5_000;
const customerText = (c: Customer) => [c.name, c.displayName, c.preferredName, c.organization, ...c.emails].filter(Boolean).join('\n').toLowerCase();

/**
 * Customer search straight from the database, for while the whole tables are still loading: names
 * and emails that start with the search come from their indexes at once; then a scan of customers
 * (substring of name, email, organisation) and of note texts, in pages, stops after MAX_HITS hits.
 */
export function useCustomerSearch(term: string, enabled: boolean): CustomerHits {
  const [hits, setHits] = useState<CustomerHits>({ done: true, customers: [] });
  useEffect(() => {
    const words = term.toLowerCase().split(/\s+/).filter(Boolean);
    if (!enabled || !words.length) {
      setHits({ done: true, customers: [] });
      return;
    }
    let cancelled = false;
    const found = new Map<string, Customer>();
    const add = (c: Customer | undefined) => {
      if (c && !c.mergedInto && found.size < MAX_HITS) found.set(c.id, c);
    };
    const publish = (done: boolean) => {
      if (!cancelled) setHits({ done, customers: [...found.values()] });
    };
    const full = () => cancelled || found.size >= MAX_HITS;
    void (async () => {
      const d = db();
      const q = term.trim();
      performance.mark('rapport:search-start');
      const [byName, byEmail] = await holdLoadsFor(
        Promise.all([
          d.customers.where('name').startsWithIgnoreCase(q).limit(MAX_HITS).toArray(),
          // Addresses are stored lower-case: one range read (the scan below still finds odd-case ones).
          d.customers.where('emails').startsWith(q.toLowerCase()).limit(MAX_HITS).toArray(),
        ]),
      );
      for (const c of [...byName, ...byEmail]) if (words.every((w) => customerText(c).includes(w))) add(c);
      performance.mark('rapport:search-indexed');
      publish(false);
      let last: string | undefined;
      while (!full()) {
        const page: Customer[] = await (last === undefined ? d.customers.orderBy(':id') : d.customers.where(':id').above(last)).limit(SCAN_PAGE).toArray();
        for (const c of page) if (words.every((w) => customerText(c).includes(w))) add(c);
        publish(false);
        if (page.length < SCAN_PAGE) break;
        last = page[page.length - 1]!.id;
      }
      last = undefined;
      while (!full()) {
        const page: Note[] = await (last === undefined ? d.notes.orderBy(':id') : d.notes.where(':id').above(last)).limit(SCAN_PAGE).toArray();
        const owners = [...new Set(page.filter((n) => !found.has(n.customerId) && words.every((w) => n.text.toLowerCase().includes(w))).map((n) => n.customerId))];
        if (owners.length) for (const c of await d.customers.bulkGet(owners)) add(c);
        publish(false);
        if (page.length < SCAN_PAGE) break;
        last = page[page.length - 1]!.id;
      }
      publish(true);
    })().catch((e: unknown) => {
      console.error('Rapport customer search failed', e);
      publish(true);
    });
    return () => {
      cancelled = true;
    };
  }, [term, enabled]);
  return hits;
}

export interface ReplyQuality {
  loaded: boolean;
  /** Reply records summed per week and agent (lib/db/reply-stats.ts). */
  stats: ReplyWeek[];
}

export interface FailingExamples {
  loaded: boolean;
  failing: FailingRule[];
  /** Set while the weekly sums are being rebuilt because they disagreed with the reply records. */
  rebuilding: boolean;
}

const EXAMPLE_PAGE = 500;
const EXAMPLE_SCAN_MAX = 5_000;

/** The weekly sums, live: a few dozen rows however many replies were recorded. */
export function useReplyStats(): ReplyQuality {
  return useLive<ReplyQuality>(async () => ({ loaded: true, stats: await db().replyWeeks.toArray() }), [], { loaded: false, stats: [] });
}

/**
 * The rules missed most, with recent examples read newest first from the `sentAt` index (at most
 * EXAMPLE_SCAN_MAX replies). Also checks the sums against the reply records and rebuilds them when
 * they disagree, so a stale sum never shows for long.
 */
export function useFailingRules(enabled: boolean): FailingExamples {
  const result = useLive<FailingExamples & { stale: boolean }>(
    async () => {
      if (!enabled) return { loaded: false, failing: [], rebuilding: false, stale: false };
      const d = db();
      const [stats, count] = await Promise.all([d.replyWeeks.toArray(), d.replies.count()]);
      const recent: ReplyRecord[] = [];
      let failing = failingRules(stats, recent);
      while (recent.length < EXAMPLE_SCAN_MAX && wantsMoreExamples(failing)) {
        const page = await d.replies.orderBy('sentAt').reverse().offset(recent.length).limit(EXAMPLE_PAGE).toArray();
        recent.push(...page);
        failing = failingRules(stats, recent);
        if (page.length < EXAMPLE_PAGE) break;
      }
      return { loaded: true, failing, rebuilding: false, stale: repliesCounted(stats) !== count };
    },
    [enabled],
    { loaded: false, failing: [], rebuilding: false, stale: false },
  );
  const [rebuilding, setRebuilding] = useState(false);
  useEffect(() => {
    if (!result.stale || rebuilding) return;
    setRebuilding(true);
    const d = db();
    void d
      .transaction('rw', d.replies, d.replyWeeks, () => rebuildReplyWeeks(d))
      .catch((e: unknown) => console.error('Rapport: rebuilding the reply sums failed', e))
      .finally(() => setRebuilding(false));
  }, [result.stale]);
  return { loaded: result.loaded, failing: result.failing, rebuilding: rebuilding || result.stale };
}

export interface DisputesData {
  loaded: boolean;
  disputes: Dispute[];
  weeks: ReplyWeek[];
}

/** Every "not right" (newest first) and the weekly verdict sums they are compared with (issue #12). */
export function useDisputes(): DisputesData {
  return useLive<DisputesData>(
    async () => {
      const [disputes, weeks] = await Promise.all([new DisputeRepository(db(), systemClock).all(), db().replyWeeks.toArray()]);
      return { loaded: true, disputes, weeks };
    },
    [],
    { loaded: false, disputes: [], weeks: [] },
  );
}

/** Open follow-ups already due at `now`, live (the nav badge); 0 until `enabled`. */
export function useOverdueCount(now: number, enabled: boolean): number {
  return useLive(async () => (enabled ? db().followUps.where('[status+dueAt]').between(['open', -Infinity], ['open', now]).count() : 0), [now, enabled], 0);
}

/**
 * What retention would delete, live: re-counted whenever visits or notes change (an import, a ticket
 * opened in another tab), so the preview never shows a count from before an import.
 */
export function useRetentionPreview(months: number): RetentionCounts | undefined {
  return useLive<RetentionCounts | undefined>(() => retentionPreview(db(), months), [months], undefined);
}

/** Agent labels that have reply records, live. */
export const useReplyAgents = (): string[] => useLive(async () => (await db().replies.orderBy('agent').uniqueKeys()).map(String), [], [] as string[]);

/** How many reply records `filter` matches, live. */
export const useReplyEraseCount = (filter: ReplyEraseFilter, deps: unknown[]): number => useLive(() => eraseRepliesPreview(db(), filter), deps, 0);

/** Up to 8 customers whose name or an email starts with `q`, through those indexes (no full read). */
export function useCustomerMatches(q: string): Customer[] {
  return useLive<Customer[]>(
    async () => {
      if (!q) return [];
      const d = db();
      const [byName, byEmail] = await Promise.all([d.customers.where('name').startsWithIgnoreCase(q).limit(8).toArray(), d.customers.where('emails').startsWith(q).limit(8).toArray()]);
      const seen = new Set<string>();
      return [...byName, ...byEmail].filter((c) => !c.mergedInto && !seen.has(c.id) && (seen.add(c.id), true)).slice(0, 8);
    },
    [q],
    [],
  );
}

/** One customer and what erasing them would remove, live. */
export function useErasePreview(customerId: string): { customer?: Customer; preview?: ErasePreview } {
  return useLive(
    async () => (customerId ? { customer: await db().customers.get(customerId), preview: await erasePreview(db(), customerId) } : {}),
    [customerId],
    {},
  );
}
