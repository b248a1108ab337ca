/** Types for freshdesk.mjs (plain ESM so Node and the browser run it without a build step). */
import type { DemoCustomer, DemoData, DemoMessage, DemoTicket } from './data.mjs';
import type { ViewElement } from './h.mjs';

export type FreshdeskLayout = 'classic' | '2026';
export type FreshdeskRoute = { kind: 'ticket'; id: number } | { kind: 'list' };
interface Ctx {
  data: DemoData;
  now: string | Date;
}

export const CONTACT_INFO_APP_ID: string;
export function layoutForHost(host: string): FreshdeskLayout;
export function routeFor(pathname: string): FreshdeskRoute | null;
export function pageTitle(route: FreshdeskRoute, data: DemoData): string;
export function cannedText(ticket: DemoTicket, data: DemoData): string;
export function conversationItem(message: DemoMessage, options: Ctx & { ticket: DemoTicket; description?: boolean }): ViewElement;
export function emptyEditorParagraph(): ViewElement;
export function ticketDetailsShadow(ticket: DemoTicket, ctx: Ctx): ViewElement[];
export function contactInfoShadow(customer: DemoCustomer, ctx: Ctx & { ticket?: DemoTicket }): ViewElement[];
export function mountTicketDetails(host: Element, ticket: DemoTicket, ctx: Ctx): ShadowRoot;
export function mountContactInfo(host: Element, customer: DemoCustomer, ctx: Ctx & { ticket?: DemoTicket }): ShadowRoot;
/** What the page's custom elements do on connect; for environments that do not run the page script. */
export function mountShadowHosts(root: ParentNode, data: DemoData, now?: string | Date): void;
export function ticketView(ticket: DemoTicket, options: Ctx & { layout: FreshdeskLayout }): ViewElement;
export function ticketList(options: Ctx): ViewElement;
export function mainContent(route: FreshdeskRoute, options: Ctx & { layout: FreshdeskLayout }): ViewElement;
export function renderFreshdeskPage(options: { account: string; route: FreshdeskRoute; layout?: FreshdeskLayout; data: DemoData }): string;
export function renderFreshdeskTicket(options: { account: string; ticketId: number | string; layout?: FreshdeskLayout; data: DemoData }): string;
export function renderFreshdeskTicketList(options: { account: string; layout?: FreshdeskLayout; data: DemoData }): string;
