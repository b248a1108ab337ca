/**
 * Helpdesks the agent adds on the options page (issue #13): a URL pattern (any scheme and host, e.g.
 * FreeScout on `http://help.acme.internal/*` or Zendesk on a custom domain) and either a built-in
 * adapter or a custom adapter made of CSS selectors. Stored in `storage.local` (PREF.helpdesks),
 * validated on the way in (./configured-schema.ts). This file ships in the content script: no
 * validation library, just matching and reading.
 */
import { adapterById, adapters } from './index';
import { attempt, emailIn, fieldOf, MAX, pageUrl, prune, queryAllDeep, queryDeep, textOf, valueOf } from './dom';
import type { ConversationMessage, HelpdeskAdapter, HelpdeskId, ReadableField, ReadResult } from './types';

/** The fields of a custom adapter, in the order the form shows them (test ids `sel-<field>`). */
export const CUSTOM_FIELDS = [
  'ticket-id',
  'subject',
  'requester-name',
  'requester-email',
  'message',
  'message-body',
  'customer-message',
  'composer',
  'send',
] as const;
export type CustomField = (typeof CUSTOM_FIELDS)[number];
export type CustomSelectors = Partial<Record<CustomField, string>>;

export type HelpdeskKind = 'zendesk' | 'freshdesk' | 'freescout' | 'custom';

export interface ConfiguredHelpdesk {
  id: string;
  /** A match pattern: `http://127.0.0.1:8080/*`, `https://support.acme.com/agent/*`, `*://help.acme.internal/*`. */
  pattern: string;
  kind: HelpdeskKind;
  /** Only for `custom`. */
  selectors?: CustomSelectors;
}

/** `ticket-id` starting with `url:` is a regular expression on the URL's path and query (first group = id). */
export const URL_ID_PREFIX = 'url:';

const PATTERN = /^(\*|https?):\/\/(\*\.[^/*:]+|[^/*:]+)(:\d{1,5})?(\/.*)$/;

/** Whether `url` is covered by the match pattern (scheme, host with `*.` wildcard, port, path glob). */
export function patternMatches(pattern: string, url: URL): boolean {
  const m = pattern.match(PATTERN);
  if (!m) return false;
  const [, scheme, host, port, path] = m as unknown as [string, string, string, string | undefined, string];
  if (scheme === '*' ? !/^https?:$/.test(url.protocol) : url.protocol !== `${scheme}:`) return false;
  const hostname = url.hostname.toLowerCase();
  const wanted = host.toLowerCase();
  if (wanted.startsWith('*.') ? !(hostname === wanted.slice(2) || hostname.endsWith(wanted.slice(1))) : hostname !== wanted) return false;
  if ((port ?? '') !== (url.port ? `:${url.port}` : '')) return false;
  const glob = new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return glob.test(url.pathname + url.search);
}

/**
 * A ticket's page on a helpdesk the agent configured (a self-hosted one's `ticketUrlAt`): only where
 * one of their patterns names exactly the ticket's account (host and port, no wildcard host), under
 * the pattern's path up to its first `*`; `*://` patterns link with https.
 */
export function configuredTicketUrl(t: { helpdesk: HelpdeskId; account: string; ticketId: string }, list: readonly ConfiguredHelpdesk[]): string | undefined {
  if (!/^[\w-]{1,200}$/.test(t.ticketId)) return undefined;
  const adapter = adapterById(t.helpdesk);
  if (!adapter?.ticketUrlAt) return undefined;
  for (const h of list) {
    const m = h.kind === t.helpdesk ? h.pattern.match(PATTERN) : null;
    if (!m || m[2]!.startsWith('*') || `${m[2]}${m[3] ?? ''}`.toLowerCase() !== t.account.toLowerCase()) continue;
    const root = m[4]!.split('*')[0]!.replace(/\/+$/, '');
    return adapter.ticketUrlAt(`${m[1] === '*' ? 'https' : m[1]}://${m[2]}${m[3] ?? ''}${root}`, t.ticketId);
  }
  return undefined;
}

/** The origin pattern a host permission is asked for (`http://127.0.0.1:8080/*`). */
export function originPattern(pattern: string): string | undefined {
  const m = pattern.match(PATTERN);
  return m ? `${m[1]}://${m[2]}${m[3] ?? ''}/*` : undefined;
}

/** The configured helpdesk for the page at `url` (first match), if any. */
export function configuredFor(list: readonly ConfiguredHelpdesk[] | undefined, url: URL): ConfiguredHelpdesk | undefined {
  return Array.isArray(list) ? list.find((h) => h && typeof h.pattern === 'string' && patternMatches(h.pattern, url)) : undefined;
}

/** The adapter a configured helpdesk runs: a built-in one by id (any host), or one built from selectors. */
export function adapterOf(helpdesk: ConfiguredHelpdesk): HelpdeskAdapter | undefined {
  if (helpdesk.kind === 'custom') return helpdesk.selectors ? customAdapter(helpdesk.selectors) : undefined;
  return adapters.find((a) => a.id === helpdesk.kind);
}

const ID = /^[\w.-]{1,100}$/;

/** A custom adapter: every field is a CSS selector looked up through open shadow roots. */
export function customAdapter(selectors: CustomSelectors): HelpdeskAdapter {
  const sel = (field: CustomField) => selectors[field]?.trim() || undefined;
  const first = (root: ParentNode, field: CustomField) => {
    const s = sel(field);
    return s ? queryDeep(root, s) : null;
  };
  const idSource = sel('ticket-id') ?? '';
  const urlId = idSource.startsWith(URL_ID_PREFIX) ? attempt(() => new RegExp(idSource.slice(URL_ID_PREFIX.length))) : undefined;

  const activeTicketId = (url: URL, root: ParentNode): string | undefined => {
    if (idSource.startsWith(URL_ID_PREFIX)) {
      const id = urlId ? (url.pathname + url.search).match(urlId)?.[1] : undefined;
      return id && ID.test(id) ? id : undefined;
    }
    const el = attempt(() => first(root, 'ticket-id'));
    const id = (valueOf(el) ?? '').replace(/^#/, '');
    return ID.test(id) ? id : undefined;
  };

  const readMessages = (root: ParentNode): ConversationMessage[] => {
    const s = sel('message');
    if (!s) return [];
    const customer = sel('customer-message');
    const body = sel('message-body');
    return queryAllDeep(root, s).slice(-MAX.messages).map((el) => ({
      role: customer && attempt(() => el.matches(customer) || !!el.querySelector(customer)) ? 'customer' : 'agent',
      text: textOf((body && el.querySelector(body)) || el),
      public: true,
    }));
  };

  const readEmail = (root: ParentNode) => {
    const el = first(root, 'requester-email');
    return emailIn(el?.getAttribute('href')?.replace(/^mailto:/i, '')) ?? emailIn(valueOf(el) ?? el?.textContent);
  };

  return {
    id: 'custom',
    label: 'Custom helpdesk',
    // Runs only where the agent configured it; no built-in pages and no dashboard links.
    ticketPages: [],
    ticketUrl: () => undefined,
    selectors: Object.fromEntries(CUSTOM_FIELDS.filter((f) => sel(f) && !(f === 'ticket-id' && urlId)).map((f) => [f, sel(f)!])),
    matches: () => true,
    activeTicketId,
    read(root, ticketId, url): ReadResult {
      const subject = attempt(() => valueOf(first(root, 'subject')));
      const name = attempt(() => fieldOf(first(root, 'requester-name')));
      const email = attempt(() => readEmail(root));
      const messages = attempt(() => readMessages(root)) ?? [];
      if (!subject && !name && !email && !messages.length) return { ok: false, missing: ['pane'] };
      const missing: ReadableField[] = [];
      if (sel('subject') && !subject) missing.push('subject');
      if (!name) missing.push('requester-name');
      if (sel('requester-email') && !email) missing.push('requester-email');
      if (!messages.length) missing.push('conversation');
      if (sel('composer') && !attempt(() => first(root, 'composer'))) missing.push('composer');
      return {
        ok: true,
        missing,
        snapshot: prune({ helpdesk: 'custom', account: url.host, ticketId, url: pageUrl(url), subject, requester: prune({ name, email }), messages }),
      };
    },
    composer: (root) => (attempt(() => first(root, 'composer')) as HTMLElement | null) ?? null,
    sendButton: (root) => (attempt(() => first(root, 'send')) as HTMLElement | null) ?? null,
  };
}
