/**
 * Links to a ticket's page from the dashboard and the popup. A self-hosted helpdesk (FreeScout) has no
 * host of its own to link to: its tickets link only under the URL patterns the agent configured on the
 * options page, which the page provides once (`TicketLinks`).
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { TicketRef } from '@/lib/db/types';
import type { ConfiguredHelpdesk } from '@/lib/helpdesks/configured';
import { ticketUrl } from '@/lib/dashboard/queries';

export const TicketLinks = createContext<readonly ConfiguredHelpdesk[]>([]);

/** `(ticket) => its page, or undefined` for the helpdesks this page knows. */
export function useTicketUrl(): (t: TicketRef) => string | undefined {
  const configured = useContext(TicketLinks);
  return (t) => ticketUrl(t, configured);
}
