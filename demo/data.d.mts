/** Types for data.mjs (plain ESM so Node runs it without a build step). */
export type DemoHelpdesk = 'zendesk' | 'freshdesk';

export interface DemoCustomer {
  key: string;
  name: string;
  email: string;
  company: string;
  phone: string;
  location: string;
  timeZone: string;
  zendeskUserId: number | null;
  freshdeskContactId: number | null;
}

export interface DemoAgent {
  key: string;
  name: string;
  zendeskUserId: number;
  freshdeskAgentId: number;
}

/** Same fields as ConversationMessage in lib/helpdesks/types.ts, plus an id. */
export interface DemoMessage {
  id: number;
  role: 'customer' | 'agent';
  author: string;
  /** ISO 8601 */
  at: string;
  text: string;
  public: boolean;
}

export interface DemoTicket {
  id: number;
  helpdesk: DemoHelpdesk;
  subject: string;
  /** Customer key. */
  requester: string;
  /** Agent key. */
  assignee: string | null;
  status: string;
  priority: string;
  type: string;
  /** Freshdesk only. */
  group?: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  messages: DemoMessage[];
}

export interface DemoData {
  now: string;
  agents: Record<string, DemoAgent>;
  customers: DemoCustomer[];
  zendesk: { accountName: string; currentAgent: string; openTabs: number[]; tickets: DemoTicket[] };
  freshdesk: { accountName: string; currentAgent: string; tickets: DemoTicket[] };
}

export const HOSTILE_NAME: string;
export const HOSTILE_SCRIPT: string;
export const HOSTILE_SUBJECT: string;
export const DEMO_ZENDESK_ACCOUNT: string;
export const DEMO_FRESHDESK_ACCOUNT: string;
export const CLASSIC_FRESHDESK_ACCOUNT: string;
export const ZENDESK_OPEN_TABS: number[];

export function createDemoData(now?: Date | string | number): DemoData;
export function findCustomer(data: DemoData, key: string): DemoCustomer | undefined;
export function findTicket(data: DemoData, helpdesk: DemoHelpdesk, id: number | string | null | undefined): DemoTicket | undefined;
export function ticketsOf(data: DemoData, helpdesk: DemoHelpdesk, customerKey: string): DemoTicket[];
