/**
 * The dashboard's live data: Dexie liveQuery re-runs a query whenever a table it read changes — also
 * when the change was made by the background for a ticket tab — so the page never needs a reload.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { db } from '../db/db';
import type { Customer, Fact, FollowUp, Note, ReplyRecord, TicketVisit } from '../db/types';
import { PREF } from '../prefs';

export function useLive<T>(query: () => Promise<T>, deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({ next: setValue, error: (e) => console.error('Rapport dashboard query failed', e) });
    return () => sub.unsubscribe();
  }, deps);
  return value;
}

export interface AllData {
  loaded: boolean;
  customers: Customer[];
  visits: TicketVisit[];
  notes: Note[];
  facts: Fact[];
  followUps: FollowUp[];
  replies: ReplyRecord[];
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
      const loaded = await Promise.all(tables.map((t) => d.table(t).toArray()));
      const out: AllData = { ...EMPTY, loaded: true };
      tables.forEach((t, i) => ((out as unknown as Record<string, unknown[]>)[t] = loaded[i]!));
      return out;
    },
    [tables.join(), enabled],
    EMPTY,
  );
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
        return { loaded: true, customers, notes: [], followUps: [] };
      }
      const rows: (Note | FollowUp)[] =
        view === 'notes'
          ? await d.notes.orderBy('updatedAt').reverse().limit(PAGE).toArray()
          : await d.followUps.where('[status+dueAt]').between(['open', -Infinity], ['open', Infinity]).limit(PAGE).toArray();
      const customers = (await d.customers.bulkGet([...new Set(rows.map((r) => r.customerId))])).filter((c): c is Customer => Boolean(c));
      return view === 'notes'
        ? { loaded: true, customers, notes: rows as Note[], followUps: [] }
        : { loaded: true, customers, notes: [], followUps: rows as FollowUp[] };
    },
    [view],
    { loaded: false, customers: [], notes: [], followUps: [] },
  );
}

/** Row counts per table, live (cheap: no rows are read). */
export function useCounts(): Record<Loadable, number> | undefined {
  return useLive(
    async () => {
      const d = db();
      const names: Loadable[] = ['customers', 'visits', 'notes', 'facts', 'followUps', 'replies'];
      const counts = await Promise.all(names.map((t) => d.table(t).count()));
      return Object.fromEntries(names.map((t, i) => [t, counts[i]!])) as Record<Loadable, number>;
    },
    [],
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
