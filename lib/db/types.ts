import type { AuthorRole, HelpdeskId } from '../helpdesks/types';

/** Milliseconds since the epoch. Stored as numbers so they index and compare cheaply. */
export type Millis = number;

/** How the agent's team knows this person beyond what the helpdesk shows (issue #3). */
export interface CustomerProfile {
  /** How they sign / want to be addressed in full, when it differs from the helpdesk's name. */
  displayName?: string;
  /** What to call them: "Sam" for Samantha Rivera. The greeting rule uses it. */
  preferredName?: string;
  /** How to say their name, e.g. "SHOH-na". */
  pronunciation?: string;
  pronouns?: string;
  /** BCP 47 tag, e.g. "pt-BR". */
  language?: string;
  /** IANA time zone, e.g. "Europe/Oslo": drives "it's 23:40 for them now". */
  timeZone?: string;
  organization?: string;
  /** e.g. "Enterprise". */
  tier?: string;
  vip?: boolean;
  preferences?: { channel?: string; tone?: string; contactHours?: string };
  /** Birthdays, renewals, launches: `date` is YYYY-MM-DD, or --MM-DD for a yearly date. */
  importantDates?: { label: string; date: string }[];
}

/** One person who writes to support, as one helpdesk account knows them. */
export interface Customer extends CustomerProfile {
  /** Random UUID: stable across devices, so exported bundles can be merged later. */
  id: string;
  helpdesk: HelpdeskId;
  /** The helpdesk account host, e.g. `acme.zendesk.com`. */
  account: string;
  /** The helpdesk's own requester/contact id, when the page showed it. */
  externalId?: string;
  name?: string;
  /** Lower-cased email addresses; the first is the one seen most recently. */
  emails: string[];
  firstSeen: Millis;
  lastSeen: Millis;
  updatedAt: Millis;
  /** Bumped on every profile save: a save made against an older version is a conflict (v2). */
  version?: number;
  /** Set when this record was merged into another customer (v2); undo clears it. */
  mergedInto?: string;
  /**
   * v6 (#15): the workspace this customer's memory belongs to (lib/workspaces/rule.ts). Every row of
   * the customer (tickets, notes, facts, follow-ups, replies) is in the same workspace.
   */
  workspace?: string;
}

/**
 * A helpdesk account Rapport has seen (v6, #15): its host and the workspace it belongs to. A workspace
 * is the set of accounts whose memory is shared.
 */
export interface HelpdeskAccount {
  /** `acme.zendesk.com` */
  host: string;
  helpdesk: HelpdeskId;
  workspace: string;
  addedAt: Millis;
  /**
   * The workspace to offer joining ("tenant-b.zendesk.com belongs with acme?"): set when a second
   * account of the same helpdesk product got its own workspace; cleared once the agent answered.
   */
  suggest?: string;
}

/**
 * A ticket of a customer: opened by the agent with Rapport running (`source: 'visit'`), or learned
 * from the helpdesk's API history (`source: 'api'`, v2). One row per ticket.
 */
export interface TicketVisit {
  /** `${helpdesk}:${account}:${ticketId}` (see ticketKey). */
  id: string;
  helpdesk: HelpdeskId;
  account: string;
  ticketId: string;
  subject?: string;
  status?: string;
  customerId: string;
  /** When the ticket was first/last open in Rapport; for API-only tickets, created/updated times. */
  firstSeen: Millis;
  lastSeen: Millis;
  /** v2 */
  source?: 'visit' | 'api';
  /** v2: time of the customer's latest message seen on the ticket. */
  lastCustomerMessageAt?: Millis;
  /** v2: 'solved' | 'closed' once the ticket ended that way, with when it was first seen so. */
  outcome?: string;
  closedAt?: Millis;
  /** v2: the customer's mood on their latest message, -5..5 (negative: upset). */
  mood?: number;
  /** v2: the ticket's tags, used to tell "the same topic again". */
  tags?: string[];
  /**
   * What the customer says on this ticket about having written before ("this is the THIRD time"),
   * found by lib/memory/repeat-contact.ts: a count when they give one and the words (≤ 80 chars).
   * Optional and unindexed: no schema version.
   */
  repeatClaim?: { times?: number; phrase: string; counted?: true };
  /**
   * Who opened the ticket, where the page or the helpdesk's API said (`TicketSnapshot.startedBy`):
   * a ticket an agent opened to write to the customer is no contact of theirs (lib/memory/tickets.ts).
   * Optional and unindexed: no schema version.
   */
  startedBy?: AuthorRole;
}

export interface TicketRef {
  helpdesk: HelpdeskId;
  account: string;
  ticketId: string;
}

/** Something an agent wrote down about a customer, optionally tied to the ticket it came from. */
export interface Note {
  id: string;
  customerId: string;
  ticket?: TicketRef;
  /** ticketKey(ticket) when `ticket` is set; indexed so a ticket's notes are one lookup. */
  ticketKey?: string;
  /** Plain text, shown as text. */
  text: string;
  tags: string[];
  createdAt: Millis;
  updatedAt: Millis;
  /** v2. Pinned notes are also indexed (v4: `[customerId+pinnedCreatedAt]`, a stored field derived
   * from this one and hidden from reads — see lib/db/pinned.ts). */
  pinned?: boolean;
  /** v2: earlier texts, oldest first; an edit never destroys the previous text. */
  edits?: { text: string; at: Millis }[];
  /** v2: bumped on every edit (conflict detection across tabs). */
  version?: number;
  /** v2: who wrote it, when it came from another agent's bundle ("Priya"). Absent: this agent. */
  author?: string;
}

/** A dated thing the customer shared ("launching their store in May"), v2. */
export interface Fact {
  id: string;
  customerId: string;
  text: string;
  source?: TicketRef;
  createdAt: Millis;
  /** Raise it next time we talk to them. */
  mentionNext: boolean;
  mentionedAt?: Millis;
  author?: string;
}

/** A promise to a customer with a due time, v2. */
export interface FollowUp {
  id: string;
  customerId: string;
  ticket?: TicketRef;
  text: string;
  dueAt: Millis;
  createdAt: Millis;
  status: 'open' | 'done';
  doneAt?: Millis;
  /** 'reply' when suggested from a sent reply's commitment ("I'll get back to you by Friday"). */
  origin: 'manual' | 'reply';
  notifiedAt?: Millis;
  author?: string;
}

/** An identity merge, kept so it can be undone exactly (v2). */
export interface Merge {
  id: string;
  survivorId: string;
  mergedId: string;
  at: Millis;
  /** Ids of the rows re-pointed from mergedId to survivorId, per table. */
  moved: { visits: string[]; notes: string[]; facts: string[]; followUps: string[]; replies: string[] };
  /** The survivor's fields before the merge, restored on undo. */
  survivorBefore: Customer;
  undoneAt?: Millis;
}

export type RuleState = 'pass' | 'fail' | 'na';

/** A sent reply and how it measured against the standards when it was sent (v2, issue #4). */
export interface ReplyRecord {
  id: string;
  helpdesk: HelpdeskId;
  account: string;
  ticketId: string;
  customerId?: string;
  sentAt: Millis;
  /** Time from the customer's last message to sending, when known. */
  responseMs?: number;
  /** Rule id → state. */
  states: Record<string, RuleState>;
  /** 0..1 weighted share of applicable rules passed. */
  readiness: number;
  packId: string;
  packVersion: number;
  channel?: string;
  /** The agent label of whoever sent it; absent for this device's agent. */
  agent?: string;
  /**
   * Checked only in part: the reply or the customer's message was not in English, so the rules that
   * read wording gave no verdict (issue #12). Its readiness is left out of the averages.
   */
  partlyChecked?: true;
}

/** Helpdesk API history fetches per customer, to fetch at most once per few minutes (v2). */
export interface ApiFetch {
  /** `${helpdesk}:${account}:${externalId}` */
  key: string;
  fetchedAt: Millis;
  /** Set after HTTP 429: don't ask again before this time. */
  retryAfter?: Millis;
  ok: boolean;
  error?: string;
}

export function ticketKey(t: TicketRef): string {
  return `${t.helpdesk}:${t.account}:${t.ticketId}`;
}

/** Time and ids for the repositories (tests give their own). */
export interface Clock {
  now(): number;
  uuid(): string;
}

/** "Not right" (issue #12): see lib/db/disputes.ts. */
export type DisputeKind = 'rule' | 'cue';

export interface DisputeEvidence {
  start: number;
  end: number;
  text: string;
}

export interface Dispute {
  id: string;
  kind: DisputeKind;
  /** Checklist rule id (`next-step`) or cue id (`first-contact`). */
  rule: string;
  /** What Rapport said: 'pass' | 'fail' | 'na' for a rule, 'shown' for a cue. */
  verdict: string;
  /** The line shown beside it ("No next step for the customer"), as shown. */
  why: string;
  /** The span(s) that decided it, as offsets into the draft with their words. */
  evidence: DisputeEvidence[];
  at: Millis;
  customerId?: string;
  ticket?: TicketRef;
  /** Standards pack the verdict came from (rules only). */
  packId?: string;
  packVersion?: number;
  /** Only with "include the text": the draft and the customer's latest messages. */
  draft?: string;
  customerMessages?: string[];
}

export type DisputeInput = Omit<Dispute, 'id' | 'at'>;
