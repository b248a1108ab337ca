/**
 * "Copy diagnostics" (#13): what an admin needs to fix a helpdesk whose layout changed — the URL
 * pattern, the adapter, the fields not read and how many elements each selector matched. Never any
 * customer text: no names, messages, subjects, query strings.
 */
import { queryAllDeep } from './dom';
import type { HelpdeskAdapter, ReadableField } from './types';

export interface Diagnostics {
  adapter: string;
  urlPattern: string;
  /** Origin and path only (a query string may hold a search). */
  page: string;
  missing: ReadableField[];
  selectors: { name: string; selector: string; matches: number }[];
}

export function diagnose(adapter: HelpdeskAdapter, root: ParentNode, url: URL, pattern: string | undefined, missing: ReadableField[]): Diagnostics {
  return {
    adapter: adapter.id,
    urlPattern: pattern ?? 'built in',
    page: url.origin + url.pathname,
    missing,
    selectors: Object.entries(adapter.selectors ?? {}).map(([name, selector]) => ({ name, selector, matches: queryAllDeep(root, selector).length })),
  };
}

/** The report as plain text, one selector a line. */
export function diagnosticsText(d: Diagnostics): string {
  return [
    'Rapport adapter diagnostics',
    `adapter: ${d.adapter}`,
    `URL pattern: ${d.urlPattern}`,
    `page: ${d.page}`,
    `not read: ${d.missing.join(', ') || 'nothing'}`,
    'selectors (matches on the page):',
    ...d.selectors.map((s) => `  ${s.name}: ${s.matches}  ${s.selector}`),
  ].join('\n');
}
