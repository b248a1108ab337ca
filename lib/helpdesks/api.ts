/**
 * Same-origin GETs to a helpdesk's own REST API, made by the CONTENT SCRIPT with the agent's session
 * cookie (no token, nothing leaves the helpdesk), and small defensive readers for its JSON. Adapters
 * say which URL and how to read it (`identityApi`, `historyApi`, or a page: `historyPage`); this file
 * knows no helpdesk.
 */
import { isTimeZone } from '../../components/intl';

export type ApiAnswer = { ok: true; body: unknown } | { ok: false; error: string; status?: number; retryAfterMs?: number };

/** How long to wait after a 429 that names no Retry-After. */
export const DEFAULT_RETRY_MS = 60_000;

/** Retry-After: seconds or an HTTP date; at most a day. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 86_400) * 1000;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.min(Math.max(0, at - now), 86_400_000) : undefined;
}

/**
 * GETs `url` as JSON. Never throws except when `signal` aborts: 401/403/429/5xx, a network failure
 * or a body that is not JSON become `{ ok: false, error }` (with `retryAfterMs` after a 429).
 */
export async function getJson(url: string, signal: AbortSignal, fetcher: typeof fetch = fetch, now = Date.now()): Promise<ApiAnswer> {
  try {
    const response = await fetcher(url, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
      signal,
    });
    const failed = failure(response, now);
    if (failed) return failed;
    return { ok: true, body: await response.json() };
  } catch (error) {
    if (signal.aborted) throw error;
    return { ok: false, error: 'unreachable' };
  }
}

export type PageAnswer = { ok: true; doc: Document } | { ok: false; error: string; status?: number; retryAfterMs?: number };

/**
 * GETs `url` as an HTML page of the helpdesk, the agent's session cookie along, and parses it inert
 * (DOMParser runs no script and loads nothing). Failures as `getJson`'s.
 */
export async function getPage(url: string, signal: AbortSignal, fetcher: typeof fetch = fetch, now = Date.now()): Promise<PageAnswer> {
  try {
    const response = await fetcher(url, { credentials: 'same-origin', headers: { Accept: 'text/html' }, signal });
    const failed = failure(response, now);
    if (failed) return failed;
    return { ok: true, doc: new DOMParser().parseFromString(await response.text(), 'text/html') };
  } catch (error) {
    if (signal.aborted) throw error;
    return { ok: false, error: 'unreachable' };
  }
}

/** A 429 (with when to ask again) or another HTTP error as an answer; undefined for a 2xx. */
function failure(response: Response, now: number): { ok: false; error: string; status: number; retryAfterMs?: number } | undefined {
  if (response.status === 429) {
    return { ok: false, status: 429, error: 'rate limited (HTTP 429)', retryAfterMs: retryAfterMs(response.headers.get('Retry-After'), now) ?? DEFAULT_RETRY_MS };
  }
  return response.ok ? undefined : { ok: false, status: response.status, error: `HTTP ${response.status}` };
}

/** A string from JSON, cut to `max`; undefined for anything else or an empty string. */
export const str = (v: unknown, max = 500): string | undefined => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : undefined);

/** A JSON id (number or string) as a string. */
export const idOf = (v: unknown): string | undefined =>
  (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) || (typeof v === 'string' && /^[\w-]{1,200}$/.test(v)) ? String(v) : undefined;

/** Milliseconds from an ISO time string; undefined when absent or unparseable. */
export const millisOf = (v: unknown): number | undefined => {
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isFinite(t) && t >= 0 ? t : undefined;
};

/** ISO 8601 (UTC) from an ISO time string. */
export const isoOf = (v: unknown): string | undefined => {
  const t = millisOf(v);
  return t === undefined ? undefined : new Date(t).toISOString();
};

/** Tags: strings only, each at most 40 characters, at most 50. */
export const tagsOf = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string').map((t) => t.slice(0, 40)).slice(0, 50) : undefined;

/** An email address from JSON, when it looks like one. */
export const emailOf = (v: unknown): string | undefined => {
  const s = str(v, 500);
  return s && /^[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]{2,}$/.test(s) ? s : undefined;
};

/** A valid IANA time zone name, else undefined (Intl rejects unknown ones). */
export const timeZoneOf = (v: unknown): string | undefined => {
  const s = str(v, 100);
  if (!s || !/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(s)) return undefined;
  return isTimeZone(s) ? s : undefined;
};

/** A BCP 47 language tag, else undefined. */
export const localeOf = (v: unknown): string | undefined => {
  const s = str(v, 35);
  return s && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(s) ? s : undefined;
};

export const MAX_API_ROWS = 200;

/** Rows of an array (or undefined), at most MAX_API_ROWS, objects only. */
export const rowsOf = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? (v.slice(0, MAX_API_ROWS).filter((r) => r && typeof r === 'object') as Record<string, unknown>[]) : [];
