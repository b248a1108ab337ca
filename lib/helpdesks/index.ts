/**
 * The registry of helpdesk adapters: the ONE list of helpdesks Rapport knows. Everything else that
 * depends on which helpdesks exist — the content script's match patterns, the context menu, the ids
 * requests and imports accept, labels, ticket links — is derived from it. Adding a helpdesk is one
 * adapter file and one line here (docs/architecture.md, "Adding a helpdesk").
 */
import { freescout } from './freescout';
import { freshdesk } from './freshdesk';
import type { HelpdeskAdapter, HelpdeskId, ReadableField } from './types';
import { zendesk } from './zendesk';

export const adapters: readonly HelpdeskAdapter[] = [zendesk, freshdesk, freescout];

/**
 * Every registered adapter's id, and `custom` (an adapter an agent builds from selectors on the
 * options page, lib/helpdesks/configured.ts): requests and imports are checked against these.
 */
export const helpdeskIds: [HelpdeskId, ...HelpdeskId[]] = ['custom', ...adapters.map((adapter) => adapter.id)];

/** Every ticket page pattern of every adapter: the content script's `matches` and the context menu's pages. */
export const ticketPagePatterns: string[] = adapters.flatMap((adapter) => adapter.ticketPages);

/** The adapter for the page at `url`, or undefined when Rapport does not handle that page. */
export function adapterFor(url: URL): HelpdeskAdapter | undefined {
  // Self-hosted helpdesks run only where the agent configured them (lib/helpdesks/configured.ts).
  return adapters.find((adapter) => !adapter.selfHosted && adapter.matches(url));
}

/**
 * The adapter whose own hosted domains include `host` (`acme.zendesk.com` → zendesk), read from the
 * host part of its `ticketPages` patterns (`https://*.zendesk.com/agent/*`).
 */
export function adapterOfHost(host: string): HelpdeskAdapter | undefined {
  const lower = host.toLowerCase();
  return adapters.find((adapter) =>
    adapter.ticketPages.some((pattern) => {
      const patternHost = pattern.match(/^[^:]+:\/\/([^/]+)\//)?.[1];
      if (!patternHost) return false;
      return patternHost.startsWith('*.') ? lower.endsWith(patternHost.slice(1)) && lower.length > patternHost.length - 1 : lower === patternHost;
    }),
  );
}

export function adapterById(id: HelpdeskId): HelpdeskAdapter | undefined {
  return adapters.find((adapter) => adapter.id === id);
}

/** The ticket's page in its helpdesk, or undefined when the account is not that helpdesk's own host. */
export function ticketUrl(t: { helpdesk: HelpdeskId; account: string; ticketId: string }): string | undefined {
  if (!/^[\w-]{1,200}$/.test(t.ticketId)) return undefined;
  return adapterById(t.helpdesk)?.ticketUrl(t.account, t.ticketId);
}

const MISSING: Record<ReadableField, string> = {
  pane: "couldn't find this ticket on the page yet",
  subject: "couldn't read the ticket's subject",
  status: "couldn't read the ticket's status",
  'requester-name': "couldn't read the requester's name",
  'requester-email': "couldn't read the requester's email",
  conversation: "couldn't read the conversation",
  'older-messages': 'older messages are collapsed behind “show more” and were not read',
  composer: "couldn't find the reply box (open a reply to check your draft)",
};

/** Plain words for the sidebar, e.g. "couldn't read the requester's email". */
export function describeMissing(field: ReadableField): string {
  return MISSING[field] ?? "couldn't read part of this ticket";
}
