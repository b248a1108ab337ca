/**
 * The one place Rapport formats dates, times, numbers, relative times and plurals, all on `Intl`
 * (lint forbids toLocale*String and Intl formatters anywhere else), so one panel never mixes
 * "due Tue 1 Dec, 14:00" with "Due Tue, Dec 1, 02:00 PM". The UI copy is English, so plurals and
 * relative words are English; dates, times and numbers follow the agent's locale (`locale`
 * undefined), which a caller may pin (tests, fixed-format cues).
 *
 * A leaf module (no imports), so code inside the helpdesk registry's import graph
 * (lib/helpdesks/api.ts) and the background can use it without cycles. Views import it through
 * components/format.ts, which adds Rapport's wording (helpdesk names, the visit line).
 */
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

/** Calendar days between two instants in local time (DST-safe), positive when `at` is in the past. */
export function daysAgo(at: number, now: number): number {
  const midnight = (t: number) => new Date(t).setHours(0, 0, 0, 0);
  return Math.round((midnight(now) - midnight(at)) / 86_400_000);
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

/** Offset of `timeZone` from UTC at `at`, in minutes (Oslo in winter: 60). */
export function zoneOffset(timeZone: string, at: number): number {
  const p = zonedParts(timeZone, at);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return Math.round((asUtc - Math.floor(at / 60_000) * 60_000) / 60_000);
}

/** The instant of a wall-clock time in `timeZone`. */
export function zonedTime(timeZone: string, year: number, month: number, day: number, hour: number, minute = 0): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - zoneOffset(timeZone, guess) * 60_000;
  // Across a DST change the offset at the answer may differ from the guess's: settle once more.
  return guess - zoneOffset(timeZone, first) * 60_000;
}

const ABBREVIATIONS = new Map<string, string[]>();
/**
 * The twelve month abbreviations of `locale` as a date writes them, lower case and without their
 * dot ("dez", "déc", "дек"; empty for a language that numbers them, "12月"), from the browser's CLDR
 * data: what a helpdesk server with ICU formats its dates with (lib/helpdesks/dom.ts `shownTime`).
 * Empty for a string that is no language tag.
 */
export function monthAbbreviations(locale: string): string[] {
  let names = ABBREVIATIONS.get(locale);
  if (names) return names;
  try {
    const format = dateFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    names = Array.from({ length: 12 }, (_, i) => format.formatToParts(Date.UTC(2021, i, 15)).find((p) => p.type === 'month')?.value.toLowerCase().replace(/\.$/, '') ?? '');
  } catch {
    names = [];
  }
  if (ABBREVIATIONS.size < 20) ABBREVIATIONS.set(locale, names);
  return names;
}

/** "in 3 days", "yesterday", "today" (Intl.RelativeTimeFormat, English like the rest of the copy). */
export const relativeDays = (days: number): string => new Intl.RelativeTimeFormat(WORDS, { numeric: 'auto' }).format(days, 'day');
