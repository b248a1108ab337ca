/**
 * The one place Rapport formats dates, times, numbers, relative times and plurals, all on `Intl`
 * (lint forbids toLocale*String and new Intl.DateTimeFormat elsewhere), so one panel never mixes
 * "due Tue 1 Dec, 14:00" with "Due Tue, Dec 1, 02:00 PM". The UI copy is English, so plurals and
 * relative words are English; dates, times and numbers follow the agent's locale (`locale`
 * undefined), which a caller may pin (tests, fixed-format cues).
 */
import type { HelpdeskId, ReadableField } from '../lib/helpdesks/types';
import { adapterById, adapters } from '../lib/helpdesks';
import type { VisitSummary } from '../lib/messages';

const DAY = 86_400_000;

/** "Zendesk" (the adapter's label); an id no adapter has is shown as is. */
export const helpdeskLabel = (id: HelpdeskId): string => adapterById(id)?.label ?? (id === 'custom' ? 'Custom helpdesk' : id);

/** "Zendesk or Freshdesk": every registered helpdesk's label, for hints such as "Open a … ticket". */
export const helpdeskNames = (): string => {
  const labels = adapters.map((a) => a.label);
  return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}` : (labels[0] ?? '');
};

/** "#123"; tolerates ids that already carry the hash. */
export const ticketLabel = (ticketId: string): string => (ticketId.startsWith('#') ? ticketId : `#${ticketId}`);

const WORDS = 'en';
const pluralRules = new Intl.PluralRules(WORDS);
const cache = new Map<string, Intl.DateTimeFormat>();

/** A cached DateTimeFormat (building one costs ~0.1 ms; lists format hundreds of dates). */
function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/** "1,234" in en-US, "1.234" in de: a count in the agent's locale. */
export const formatNumber = (n: number, locale?: string): string => new Intl.NumberFormat(locale).format(n);

/** `plural(1, 'note')` → "1 note", `plural(1200, 'note')` → "1,200 notes" (Intl.PluralRules). */
export const plural = (n: number, word: string, many = `${word}s`, locale?: string): string =>
  `${formatNumber(n, locale)} ${pluralRules.select(n) === 'one' ? word : many}`;

/** How often: "once", "twice", "3 times" (how people say it; never "1 time"). */
export const timesWord = (n: number): string => (n === 1 ? 'once' : n === 2 ? 'twice' : `${formatNumber(n)} times`);

/** Whether `at` is a time Intl and Date can format (they throw on NaN and out-of-range values). */
export const isTime = (at: number | undefined): at is number => at !== undefined && !Number.isNaN(new Date(at).getTime());

/** "25 Nov 2026" in en-GB, "Nov 25, 2026" in en-US: the agent's own way of writing a date. */
export function formatDate(at: number, locale?: string): string {
  if (!isTime(at)) return 'an unknown date';
  return dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(at);
}

/** Full date and time for tooltips. */
export function formatDateTime(at: number, locale?: string): string {
  if (!isTime(at)) return '';
  return dateFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(at);
}

/** A day and time, the one shape for due times and "done at": "Tue 1 Dec, 14:00" (en-GB). */
export function dayTime(at: number, locale?: string): string {
  if (!isTime(at)) return '';
  return dateFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(at);
}

/** "Tue 1 Dec, 14:00", with " (overdue)" once past: every due time, in every panel. */
export const dueLabel = (at: number, now: number, locale?: string): string => `${dayTime(at, locale)}${at < now ? ' (overdue)' : ''}`;

/** A date and time with the year, for exports and imports: "1 Dec 2026, 14:00". */
export function dateAndTime(at: number, locale?: string): string {
  if (!isTime(at)) return '';
  return dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(at);
}

/** "Monday". */
export const weekdayName = (at: number, locale?: string): string => dateFormat(locale, { weekday: 'long' }).format(at);

/** "November 2024". */
export const monthYear = (at: number, locale?: string): string => dateFormat(locale, { month: 'long', year: 'numeric' }).format(at);

/** "4 Dec" for a date stored as UTC midnight (yearless important dates). */
export const dayMonthUtc = (at: number, locale?: string): string => dateFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(at);

/** "December" for month 12. */
export const monthName = (month: number, locale?: string): string => dateFormat(locale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1));

/** A stored important date ("2019-12-04" or yearless "--12-04") as words: "4 Dec 2019", "4 Dec". */
export function importantDate(date: string, locale?: string): string {
  const m = /^(?:(\d{4})|--)-?(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const at = Date.UTC(m[1] ? Number(m[1]) : 2000, Number(m[2]) - 1, Number(m[3]));
  if (!isTime(at)) return date;
  return m[1] ? dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(at) : dayMonthUtc(at, locale);
}

/** Whether the runtime knows `zone` as an IANA time zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The agent's own time zone ("Europe/Oslo"). */
export const agentTimeZone = (): string => new Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Every IANA time zone the browser knows, for a picker (empty where unsupported). */
export const timeZones = (): string[] => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);

/** Wall-clock parts of `at` in `timeZone` (numbers; weekday 0 = Sunday). Throws on an unknown zone. */
export function zonedParts(timeZone: string, at: number): { year: number; month: number; day: number; weekday: number; hour: number; minute: number } {
  const parts = dateFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '0';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { year: +get('year'), month: +get('month'), day: +get('day'), weekday, hour: +get('hour') % 24, minute: +get('minute') };
}

/** "in 3 days", "yesterday", "today" (Intl.RelativeTimeFormat, English like the rest of the copy). */
export const relativeDays = (days: number): string => new Intl.RelativeTimeFormat(WORDS, { numeric: 'auto' }).format(days, 'day');

/** Calendar days between two instants in local time (DST-safe), positive when `at` is in the past. */
export function daysAgo(at: number, now: number): number {
  const midnight = (t: number) => new Date(t).setHours(0, 0, 0, 0);
  return Math.round((midnight(now) - midnight(at)) / DAY);
}

/** "today", "yesterday", "3 days ago" within the last week; undefined otherwise (or in the future). */
export function relativeDay(at: number, now: number): string | undefined {
  const d = daysAgo(at, now);
  if (!(d >= 0 && d <= 6)) return undefined;
  return relativeDays(-d);
}

/** The visit line under the customer's name. */
export function describeVisits(history: VisitSummary | undefined, now: number, locale?: string): string {
  if (!history) return 'Looking up history…';
  if (history.ticketsSeen <= 0) return history.customerSaysRepeat ? 'New to Rapport — they say they have written before' : 'First time we see this customer';
  const seen = history.ticketsSeenCapped ? `Seen ${formatNumber(history.ticketsSeen)}+ times` : `Seen ${timesWord(history.ticketsSeen)}`;
  if (history.lastSeen === undefined) return seen;
  const rel = relativeDay(history.lastSeen, now);
  return `${seen}, last on ${formatDate(history.lastSeen, locale)}${rel ? ` (${rel})` : ''}`;
}

/** A note's date: "today", "yesterday", else the date. */
export function noteDate(at: number, now: number, locale?: string): string {
  const d = daysAgo(at, now);
  return d === 0 || d === 1 ? relativeDays(-d) : formatDate(at, locale);
}

const MISSING: Record<ReadableField, string> = {
  pane: "the ticket's pane",
  subject: "the ticket's subject",
  status: "the ticket's status",
  'requester-name': "the requester's name",
  'requester-email': "the requester's email",
  conversation: 'the conversation',
  'older-messages': 'the older messages behind “show more”',
  composer: 'the reply box',
};

/** Plain words for a field the page did not show ("the requester's email"). */
export const missingLabel = (field: ReadableField): string => MISSING[field] ?? field;

/** "a", "a and b", "a, b and c". */
export function joinWords(words: string[]): string {
  if (words.length < 2) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** First letter of the first two words that have one, for the avatar; "?" when there is none. */
export function initials(name: string | undefined): string {
  const letters = (name ?? '').split(/\s+/).flatMap((w) => w.match(/\p{L}/u) ?? []);
  return letters.slice(0, 2).join('').toUpperCase() || '?';
}
