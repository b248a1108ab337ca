/**
 * Validation of configured helpdesks (options page form, the shared file, and what the background
 * reads back from storage). A bad entry is refused with a plain message and nothing is stored.
 */
import * as v from 'valibot';
import { firstIssue } from '../schema';
import { CUSTOM_FIELDS, URL_ID_PREFIX, originPattern, type ConfiguredHelpdesk, type CustomSelectors } from './configured';

export const HELPDESKS_FILE_FORMAT = 'rapport-helpdesks';
const MAX_HELPDESKS = 50;
const REQUIRED: readonly (typeof CUSTOM_FIELDS)[number][] = ['ticket-id', 'requester-name', 'message'];

const validSelector = (selector: string) => {
  if (!selector || selector.startsWith(URL_ID_PREFIX)) return true; // empty: the field is not used
  if (typeof document === 'undefined') return true; // the service worker has no DOM; pages check
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
};

const Selector = v.pipe(v.string(), v.trim(), v.maxLength(500, 'A selector can be at most 500 characters.'), v.check(validSelector, 'This is not a valid CSS selector.'));

const UrlId = v.check<string, string>((s) => {
  if (!s.startsWith(URL_ID_PREFIX)) return true;
  try {
    return new RegExp(`${s.slice(URL_ID_PREFIX.length)}|`).exec('')!.length > 1;
  } catch {
    return false;
  }
}, 'A ticket id from the URL needs a regular expression with one group, e.g. url:/tickets/(\\d+)');

const SelectorsSchema = v.pipe(
  v.strictObject(Object.fromEntries(CUSTOM_FIELDS.map((f) => [f, v.optional(f === 'ticket-id' ? v.pipe(Selector, UrlId) : Selector)])) as Record<(typeof CUSTOM_FIELDS)[number], v.OptionalSchema<typeof Selector, undefined>>),
  v.check((s: CustomSelectors) => REQUIRED.every((f) => !!s[f]), `A custom helpdesk needs at least: ${REQUIRED.join(', ')}.`),
);

const Pattern = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(300, 'A URL pattern can be at most 300 characters.'),
  v.check((p) => originPattern(p) !== undefined, 'Use a URL pattern like https://support.example.com/* or http://127.0.0.1:8080/* (scheme http, https or *).'),
);

export const ConfiguredHelpdeskSchema = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/, 'Bad id.')),
    pattern: Pattern,
    kind: v.picklist(['zendesk', 'freshdesk', 'freescout', 'custom'], 'Pick which helpdesk this is, or custom.'),
    selectors: v.optional(SelectorsSchema),
  }),
  v.check((h) => h.kind !== 'custom' || !!h.selectors, 'A custom helpdesk needs its selectors.'),
  v.transform((h): ConfiguredHelpdesk => (h.kind === 'custom' ? h : { id: h.id, pattern: h.pattern, kind: h.kind })),
);

export const HelpdeskListSchema = v.pipe(
  v.array(ConfiguredHelpdeskSchema),
  v.maxLength(MAX_HELPDESKS, `At most ${MAX_HELPDESKS} helpdesks.`),
  v.check((list) => new Set(list.map((h) => h.pattern)).size === list.length, 'Two helpdesks have the same URL pattern.'),
);

export const HelpdesksFileSchema = v.strictObject({
  format: v.literal(HELPDESKS_FILE_FORMAT, 'This is not a Rapport helpdesks file.'),
  version: v.literal(1, 'This helpdesks file is from a newer Rapport.'),
  helpdesks: HelpdeskListSchema,
});

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export function parseHelpdesk(input: unknown): Parsed<ConfiguredHelpdesk> {
  const r = v.safeParse(ConfiguredHelpdeskSchema, input);
  return r.success ? { ok: true, value: r.output } : { ok: false, error: firstIssue(r.issues) };
}

export function parseHelpdeskList(input: unknown): Parsed<ConfiguredHelpdesk[]> {
  const r = v.safeParse(HelpdeskListSchema, input);
  return r.success ? { ok: true, value: r.output } : { ok: false, error: firstIssue(r.issues) };
}

/** The stored list as far as it is valid: an entry that fails is dropped, never trusted. */
export function validHelpdesks(raw: unknown): ConfiguredHelpdesk[] {
  if (!Array.isArray(raw)) return [];
  const whole = parseHelpdeskList(raw);
  if (whole.ok) return whole.value;
  return raw.flatMap((h) => {
    const one = parseHelpdeskList([h]);
    return one.ok ? one.value : [];
  });
}

/** A shared file (JSON text) → the helpdesks in it, or the first problem in plain words. */
export function parseHelpdesksFile(text: string): Parsed<ConfiguredHelpdesk[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not JSON.' };
  }
  const r = v.safeParse(HelpdesksFileSchema, json);
  return r.success ? { ok: true, value: r.output.helpdesks } : { ok: false, error: firstIssue(r.issues) };
}

export function helpdesksFile(list: readonly ConfiguredHelpdesk[]): string {
  return `${JSON.stringify({ format: HELPDESKS_FILE_FORMAT, version: 1, helpdesks: list }, null, 2)}\n`;
}
