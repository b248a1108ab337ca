/**
 * The time zone a helpdesk writes this agent's times in, where the adapter knows a page that says it
 * (`shownTimeZone`). FreeScout writes every time in the zone of the agent's profile, which is UTC until
 * they change it: read in the browser's zone instead, a customer's 09:00 mail from a New York agent's
 * FreeScout on default settings was taken as 09:00 New York time, five hours off, and its reply's
 * response time was dropped as negative.
 *
 * Kept per helpdesk host in `storage.local` (a zone name and when it was read; no customer data) and
 * read again after an hour, so a zone the agent changed on their profile is read wrong for an hour at
 * most. A page waits for it at most `WAIT_MS` before it reads times in the
 * browser's zone; the answer is still kept for the next page.
 */
import type { HelpdeskAdapter } from '../helpdesks/types';
import { getPage } from '../helpdesks/api';
import { isTimeZone } from '../../components/intl';

export type ZoneMemory = Record<string, { zone: string; at: number }>;

export const ZONE_FRESH_MS = 3_600_000;
export const WAIT_MS = 1_500;
const MAX_HOSTS = 20;

export interface ShownZoneDeps {
  adapter: HelpdeskAdapter;
  doc: Document;
  url: URL;
  /** What storage.local holds under PREF.shownZones (checked here: anything odd is ignored). */
  remembered: unknown;
  remember(next: ZoneMemory): void;
  fetcher?: typeof fetch;
  now?: number;
  signal?: AbortSignal;
}

/** The zone, from memory while fresh, else from the helpdesk's page; undefined: the browser's. */
export async function shownZone(deps: ShownZoneDeps): Promise<string | undefined> {
  const source = deps.adapter.shownTimeZone;
  if (!source) return undefined;
  const now = deps.now ?? Date.now();
  const memory = zoneMemory(deps.remembered);
  const known = memory[deps.url.host];
  if (known && now - known.at < ZONE_FRESH_MS) return known.zone;
  const asked = ask(deps, source, now).then((zone) => {
    if (zone) deps.remember(keep(memory, deps.url.host, { zone, at: now }));
    return zone ?? known?.zone;
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<string | undefined>((done) => (timer = setTimeout(() => done(known?.zone), WAIT_MS)));
  return Promise.race([asked, waited]).finally(() => clearTimeout(timer));
}

async function ask(deps: ShownZoneDeps, source: NonNullable<HelpdeskAdapter['shownTimeZone']>, now: number): Promise<string | undefined> {
  const url = source.url(deps.url, deps.doc);
  if (!url) return undefined;
  const answer = await getPage(url, deps.signal ?? new AbortController().signal, deps.fetcher, now).catch(() => undefined);
  return answer?.ok ? source.read(answer.doc) : undefined;
}

/** The stored memory, keeping only well-formed entries (own properties, real zones). */
export function zoneMemory(value: unknown): ZoneMemory {
  const out: ZoneMemory = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [host, entry] of Object.entries(value as Record<string, unknown>)) {
    const e = entry as { zone?: unknown; at?: unknown } | null;
    if (host === '__proto__' || typeof e?.zone !== 'string' || typeof e.at !== 'number' || !isTimeZone(e.zone)) continue;
    out[host] = { zone: e.zone, at: e.at };
  }
  return out;
}

/** The memory with `host` set, newest first, at most MAX_HOSTS hosts. */
function keep(memory: ZoneMemory, host: string, entry: { zone: string; at: number }): ZoneMemory {
  const rest = Object.entries(memory).filter(([h]) => h !== host).sort((a, b) => b[1].at - a[1].at).slice(0, MAX_HOSTS - 1);
  return Object.fromEntries([[host, entry], ...rest]);
}
