/** The helpdesks Rapport reads, and plain words for what a reader could not find. */
import { freescout } from './freescout';
import { freshdesk } from './freshdesk';
import type { HelpdeskAdapter, ReadableField } from './types';
import { zendesk } from './zendesk';

export const adapters: HelpdeskAdapter[] = [zendesk, freshdesk, freescout];

/** The adapter for the page at `url`, or undefined when Rapport does not handle that page. */
export function adapterFor(url: URL): HelpdeskAdapter | undefined {
  // Self-hosted helpdesks run only where the agent configured them (lib/helpdesks/configured.ts).
  return adapters.find((adapter) => !adapter.selfHosted && adapter.matches(url));
}

const MISSING: Record<ReadableField, string> = {
  pane: "couldn't find this ticket on the page yet",
  subject: "couldn't read the ticket's subject",
  status: "couldn't read the ticket's status",
  'requester-name': "couldn't read the requester's name",
  'requester-email': "couldn't read the requester's email",
  conversation: "couldn't read the conversation",
  composer: "couldn't find the reply box (open a reply to check your draft)",
};

/** Plain words for the sidebar, e.g. "couldn't read the requester's email". */
export function describeMissing(field: ReadableField): string {
  return MISSING[field] ?? "couldn't read part of this ticket";
}
