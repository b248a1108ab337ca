/**
 * A scenario as the sidebar sees a ticket (issue #16): the customer, their tickets, facts and open
 * promises dated relative to the moment of practice, and the cues the memory capability computes from
 * them (`cuesFor`, the same function the sidebar's answer comes from). Pure: no database.
 */
import type { Customer, Fact, FollowUp, TicketVisit } from '../db/types';
import { cuesFor, localTime } from '../memory/cues';
import type { LastTime, MemoryContext, TimelineEntry } from '../memory/messages';
import type { SidebarState } from '../../components/model';
import type { Scenario } from './types';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Scenario tickets live in an account of their own: nothing here is a real customer's. */
export const TRAINING_ACCOUNT = 'training.rapport.local';
export const CURRENT_TICKET = '1001';

export interface ScenarioTicket {
  now: number;
  customer: Customer;
  memory: MemoryContext;
  state: Extract<SidebarState, { kind: 'ticket' }>;
  /** The customer's latest messages (after our last reply): what the reply answers. */
  latest: string[];
  openPromises: { text: string; dueAt: number }[];
}

/** "Now" for the scenario: the real time, moved within the day so their clock shows `localClock`. */
export function scenarioNow(scenario: Scenario, realNow: number): number {
  const zone = scenario.customer.timeZone;
  const want = /^(\d{1,2}):(\d{2})$/.exec(scenario.localClock ?? '');
  if (!zone || !want) return realNow;
  const theirs = localTime(zone, realNow);
  if (!theirs) return realNow;
  const [h, m] = theirs.label.split(':').map(Number) as [number, number];
  const shift = (Number(want[1]) * 60 + Number(want[2]) - (h * 60 + m)) * MINUTE;
  const moved = realNow + shift - (new Date(realNow).getSeconds() * 1000 + new Date(realNow).getMilliseconds());
  return moved;
}

const visitId = (ticketId: string) => `zendesk:${TRAINING_ACCOUNT}:${ticketId}`;

export function scenarioTicket(scenario: Scenario, realNow: number): ScenarioTicket {
  const now = scenarioNow(scenario, realNow);
  const c = scenario.customer;
  const customer = scenarioCustomer(scenario, now);
  const { current, past } = scenarioVisits(scenario, customer.id, now);
  const facts: Fact[] = scenario.facts.map((f, i) => ({ id: `${customer.id}:fact:${i}`, customerId: customer.id, text: f.text, createdAt: now - f.daysAgo * DAY, mentionNext: f.mentionNext }));
  const followUps = scenarioPromises(scenario, customer.id, now);
  const visits = [current, ...past];
  const cues = cuesFor({ customer, currentTicket: current.id, visits, facts, followUps, now });
  const previous = [...past].sort((a, b) => b.lastSeen - a.lastSeen)[0];
  const lastTime: LastTime | undefined = previous && {
    ticket: { helpdesk: 'zendesk', account: TRAINING_ACCOUNT, ticketId: previous.ticketId },
    subject: previous.subject,
    at: previous.lastSeen,
    outcome: previous.outcome ?? previous.status,
  };
  const timeline: TimelineEntry[] = visits.map((visit) => ({ kind: 'ticket' as const, at: visit.lastSeen, visit, current: visit.id === current.id })).sort((a, b) => b.at - a.at);
  const memory: MemoryContext = { customer, cues, facts, followUps, timeline, merges: [], ...(lastTime ? { lastTime } : {}) };
  const state: ScenarioTicket['state'] = {
    kind: 'ticket',
    helpdesk: 'zendesk',
    ticketId: CURRENT_TICKET,
    subject: scenario.subject,
    customer: { name: c.name, email: c.email },
    missing: [],
    history: { ticketsSeen: past.length, ...(previous ? { lastSeen: previous.lastSeen } : {}) },
    notes: [],
  };
  return { now, customer, memory, state, latest: latestCustomerMessages(scenario), openPromises: followUps.map((f) => ({ text: f.text, dueAt: f.dueAt })) };
}

/** The scenario's customer as Rapport stores one, on the training account. */
function scenarioCustomer(scenario: Scenario, now: number): Customer {
  const c = scenario.customer;
  return {
    id: `training:${scenario.id}`,
    helpdesk: 'zendesk',
    account: TRAINING_ACCOUNT,
    name: c.name,
    emails: [c.email.toLowerCase()],
    firstSeen: now - c.customerForDays * DAY,
    lastSeen: now,
    updatedAt: now,
    ...(c.preferredName ? { preferredName: c.preferredName } : {}),
    ...(c.pronunciation ? { pronunciation: c.pronunciation } : {}),
    ...(c.timeZone ? { timeZone: c.timeZone } : {}),
    ...(c.organization ? { organization: c.organization } : {}),
    ...(c.tier ? { tier: c.tier } : {}),
    ...(c.vip ? { vip: true } : {}),
    ...(c.importantDates?.length ? { importantDates: c.importantDates.map((d) => ({ label: d.label, date: isoDay(now + d.inDays * DAY) })) } : {}),
  };
}

/** The ticket being practised on and the customer's past ones. */
function scenarioVisits(scenario: Scenario, customerId: string, now: number): { current: TicketVisit; past: TicketVisit[] } {
  const firstMessage = Math.max(...scenario.thread.map((m) => m.minutesAgo), 0);
  const current: TicketVisit = {
    id: visitId(CURRENT_TICKET),
    helpdesk: 'zendesk',
    account: TRAINING_ACCOUNT,
    ticketId: CURRENT_TICKET,
    subject: scenario.subject,
    status: 'open',
    customerId,
    firstSeen: now - firstMessage * MINUTE,
    lastSeen: now,
    source: 'visit',
  };
  const past: TicketVisit[] = scenario.history.map((t) => ({
    id: visitId(t.ticketId),
    helpdesk: 'zendesk',
    account: TRAINING_ACCOUNT,
    ticketId: t.ticketId,
    subject: t.subject,
    status: t.solved ? 'solved' : 'open',
    customerId,
    firstSeen: now - t.daysAgo * DAY - DAY,
    lastSeen: now - t.daysAgo * DAY,
    source: 'visit',
    ...(t.solved ? { outcome: 'solved' } : {}),
    ...(t.mood !== undefined ? { mood: t.mood } : {}),
    ...(t.tags ? { tags: [...t.tags] } : {}),
  }));
  if (past.length) current.tags = scenario.history.find((t) => !t.solved)?.tags;
  return { current, past };
}

/** The promises the scenario says were made to the customer, as open follow-ups. */
function scenarioPromises(scenario: Scenario, customerId: string, now: number): FollowUp[] {
  return scenario.promises.map((p, i) => ({
    id: `${customerId}:promise:${i}`,
    customerId,
    text: p.text,
    dueAt: now + p.dueInMinutes * MINUTE,
    createdAt: now - Math.max(60, -p.dueInMinutes + 60) * MINUTE,
    status: 'open',
    origin: 'manual',
  }));
}

/** The customer's messages after our last reply in the thread. */
export function latestCustomerMessages(scenario: Scenario): string[] {
  const lastAgent = scenario.thread.map((m) => m.from).lastIndexOf('agent');
  return scenario.thread.slice(lastAgent + 1).filter((m) => m.from === 'customer').map((m) => m.text);
}

const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);
