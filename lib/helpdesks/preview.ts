/**
 * The options page's preview of a configured helpdesk (#13): what the sidebar would read on an open
 * tab, from the helpdesk's settings as typed. Runs IN the helpdesk page (entrypoints/helpdesk-preview.ts,
 * injected by the options page) through the adapter's own `activeTicketId`, `read`, `composer` and
 * `sendButton` — the sidebar's code path — and returns plain data: no elements, no HTML, and of the
 * customer's words only the latest message, shortened.
 */
import { unreadFields } from './outcome';
import type { HelpdeskAdapter, HelpdeskId, ReadableField } from './types';

/** The global the options page sets in the tab's isolated world before injecting the reader. */
export const PREVIEW_INPUT = '__rapportPreviewInput';

/** How much of the latest customer message the preview shows. */
export const EXCERPT_CHARS = 240;

export interface TicketPreview {
  /** Origin and path of the page read (never the query: it may hold a search). */
  page: string;
  helpdesk: HelpdeskId;
  /** Absent: the adapter sees no ticket on this page, so the sidebar would stay away. */
  ticketId?: string;
  /** The sidebar would show a customer (otherwise it says it couldn't read the page). */
  readable: boolean;
  subject?: string;
  name?: string;
  email?: string;
  customerMessages: number;
  agentMessages: number;
  /** Of them, internal notes (agents' messages the customer doesn't see). */
  internalNotes: number;
  latestCustomer?: string;
  /** What the sidebar would say it could not read. */
  missing: ReadableField[];
  composer: boolean;
  /** undefined: this adapter has no send button to find. */
  sendButton?: boolean;
  /** The sidebar also asks the helpdesk's API, which may fill in what the page doesn't show. */
  asksApi: boolean;
}

/** Reads `doc` the way the sidebar does with `adapter`. Never throws (the adapter's readers don't). */
export function previewTicket(adapter: HelpdeskAdapter, doc: Document, url: URL): TicketPreview {
  const base = { page: url.origin + url.pathname, helpdesk: adapter.id, asksApi: !!adapter.identityApi };
  const empty = { readable: false, customerMessages: 0, agentMessages: 0, internalNotes: 0, missing: [], composer: false };
  const ticketId = adapter.activeTicketId(url, doc);
  if (!ticketId) return { ...base, ...empty };
  const result = adapter.read(doc, ticketId, url);
  const composer = !!adapter.composer(doc, ticketId);
  const sendButton = adapter.sendButton ? !!adapter.sendButton(doc, ticketId) : undefined;
  const unread = unreadFields(result);
  if (unread || !result.ok) return { ...base, ...empty, ticketId, missing: unread ?? [], composer, sendButton };
  const { subject, requester, messages } = result.snapshot;
  const fromCustomer = messages.filter((m) => m.role === 'customer');
  const latest = fromCustomer.at(-1)?.text;
  return {
    ...base,
    ticketId,
    readable: true,
    subject,
    name: requester.name,
    email: requester.email,
    customerMessages: fromCustomer.length,
    agentMessages: messages.length - fromCustomer.length,
    internalNotes: messages.filter((m) => m.role === 'agent' && !m.public).length,
    latestCustomer: latest ? excerpt(latest, EXCERPT_CHARS) : undefined,
    missing: result.missing,
    composer,
    sendButton,
  };
}

/** `text` on one line, cut at a word boundary near `max` characters with an ellipsis. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = Array.from(flat).slice(0, max).join(''); // whole code points: no half emoji
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}

/** Whether what came back from the tab is a preview (checked before it is rendered). */
export function isTicketPreview(x: unknown): x is TicketPreview {
  const p = x as TicketPreview | null;
  return !!p && typeof p === 'object' && typeof p.page === 'string' && typeof p.readable === 'boolean' && Array.isArray(p.missing) && typeof p.customerMessages === 'number';
}
