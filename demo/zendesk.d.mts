/** Types for zendesk.mjs (plain ESM so Node and the browser run it without a build step). */
import type { DemoData, DemoMessage, DemoTicket } from './data.mjs';
import type { ViewElement } from './h.mjs';

export const STATUS: Record<string, { label: string; letter: string }>;
export function macroText(ticket: DemoTicket, data: DemoData): string;
export function headerTab(ticket: DemoTicket, active: boolean): ViewElement;
export function logItem(message: DemoMessage, now: string | Date): ViewElement;
export function emptyComposerParagraph(): ViewElement;
export function ticketPane(ticket: DemoTicket, options: { data: DemoData; active: boolean; now?: string | Date }): ViewElement;
export function dashboard(options: { data: DemoData; active: boolean; now?: string | Date }): ViewElement;
export function notFound(ticketId: number | null, active: boolean): ViewElement;
export function pageTitle(route: 'ticket' | 'dashboard' | 'not-found', ticket?: DemoTicket): string;
export function renderZendeskWorkspace(options: {
  account: string;
  /** null/undefined: the dashboard. */
  activeTicketId?: number | string | null;
  openTicketIds?: Array<number | string>;
  data: DemoData;
}): string;
