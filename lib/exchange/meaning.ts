/**
 * What a bundle means, checked after its shape (issue #15): a signed bundle is still a file anyone can
 * write, and everything derived from its rows (weekly sums, charts, cues) must stay bounded. Each check
 * names the first offending path; nothing here touches the database (see `checkOwners` in import.ts
 * for the references that need it).
 */
import { ticketKey, type Customer, type TicketRef } from '../db/types';
import { RULE_IDS } from '../standards/types';
import { accountProblem } from '../workspaces/rule';
import type { Bundle, BundleData, TableName } from './format';
import { TABLES } from './format';

/** 2000-01-01: Rapport did not exist before; an older date is a mistake or an attack. */
export const EARLIEST_DATE = Date.UTC(2000, 0, 1);
const YEAR = 365 * 86_400_000;
/** A response time above this is not a response time (and would skew the averages). */
const MAX_RESPONSE_MS = 5 * YEAR;

/** Keys that would reach `Object.prototype` through a plain object write. */
const POISONED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const KNOWN_RULES: ReadonlySet<string> = new Set(RULE_IDS);

export class MeaningError extends Error {
  override name = 'MeaningError';
}

const fail = (path: string, why: string): never => {
  throw new MeaningError(`${path}: ${why}`);
};

/**
 * Refuses `__proto__`, `constructor` and `prototype` keys anywhere in the parsed file, with their path.
 * Runs on the raw parse before any schema (a record schema skips such keys without a word).
 */
export function refusePoisonedKeys(value: unknown, path = ''): void {
  // Iterative: a deeply nested hostile file must not overflow the stack.
  const stack: [unknown, string][] = [[value, path]];
  while (stack.length) {
    const [node, at] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], `${at}[${i}]`]);
      continue;
    }
    for (const key of Object.keys(node)) {
      const next = at ? `${at}.${key}` : key;
      if (POISONED_KEYS.has(key)) fail(next, 'this key is not allowed in a Rapport bundle');
      stack.push([(node as Record<string, unknown>)[key], next]);
    }
  }
}

/** Every meaning check that needs only the bundle. Throws MeaningError naming the path. */
export function checkMeaning(bundle: Bundle, now: number): void {
  const latest = now + YEAR;
  const date = (path: string, value: number | undefined) => {
    if (value === undefined) return;
    if (value < EARLIEST_DATE) fail(path, `the date ${iso(value)} is before 2000`);
    if (value > latest) fail(path, `the date ${iso(value)} is more than a year from now`);
  };
  if (bundle.exportedAt > latest) fail('exportedAt', `the date ${iso(bundle.exportedAt)} is more than a year from now`);
  checkDuplicates(bundle.data);
  const { customers, visits, notes, facts, followUps, replies } = bundle.data;
  customers.forEach((c, i) => {
    const at = `data.customers[${i}]`;
    host(`${at}.account`, c.helpdesk, c.account);
    if (c.mergedInto === c.id) fail(`${at}.mergedInto`, 'a customer cannot be merged into itself');
    for (const key of ['firstSeen', 'lastSeen', 'updatedAt'] as const) date(`${at}.${key}`, c[key]);
  });
  visits.forEach((v, i) => {
    const at = `data.visits[${i}]`;
    host(`${at}.account`, v.helpdesk, v.account);
    if (v.id !== ticketKey(v)) fail(`${at}.id`, `a ticket's id is "helpdesk:account:ticket" (${ticketKey(v)})`);
    for (const key of ['firstSeen', 'lastSeen', 'lastCustomerMessageAt', 'closedAt'] as const) date(`${at}.${key}`, v[key]);
  });
  notes.forEach((n, i) => {
    const at = `data.notes[${i}]`;
    ticket(`${at}.ticket`, n.ticket);
    if (n.ticket && n.ticketKey !== undefined && n.ticketKey !== ticketKey(n.ticket)) fail(`${at}.ticketKey`, 'does not name the note’s ticket');
    date(`${at}.createdAt`, n.createdAt);
    date(`${at}.updatedAt`, n.updatedAt);
    n.edits?.forEach((e, k) => date(`${at}.edits[${k}].at`, e.at));
  });
  facts.forEach((f, i) => {
    const at = `data.facts[${i}]`;
    ticket(`${at}.source`, f.source);
    date(`${at}.createdAt`, f.createdAt);
    date(`${at}.mentionedAt`, f.mentionedAt);
  });
  followUps.forEach((f, i) => {
    const at = `data.followUps[${i}]`;
    ticket(`${at}.ticket`, f.ticket);
    for (const key of ['dueAt', 'createdAt', 'doneAt', 'notifiedAt'] as const) date(`${at}.${key}`, f[key]);
  });
  replies.forEach((r, i) => {
    const at = `data.replies[${i}]`;
    host(`${at}.account`, r.helpdesk, r.account);
    date(`${at}.sentAt`, r.sentAt);
    if (r.responseMs !== undefined && r.responseMs > MAX_RESPONSE_MS) fail(`${at}.responseMs`, 'a response time of more than five years');
    for (const rule of Object.keys(r.states)) if (!KNOWN_RULES.has(rule)) fail(`${at}.states.${rule}`, 'not a rule Rapport knows');
  });
}

/** The same id twice in one table: counted twice or silently replaced, so refused. */
function checkDuplicates(data: BundleData): void {
  for (const table of TABLES) {
    const first = new Map<string, number>();
    (data[table] as { id: string }[]).forEach((row, i) => {
      const earlier = first.get(row.id);
      if (earlier !== undefined) fail(`data.${table}[${i}].id`, `the same id as data.${table}[${earlier}]`);
      first.set(row.id, i);
    });
  }
}

function host(path: string, helpdesk: Customer['helpdesk'], account: string): void {
  const problem = accountProblem(helpdesk, account);
  if (problem) fail(path, problem);
}

function ticket(path: string, ref: TicketRef | undefined): void {
  if (ref) host(`${path}.account`, ref.helpdesk, ref.account);
}

const iso = (ms: number) => {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString().slice(0, 10);
};

/** Rows of the bundle that name a customer, for the reference check against bundle and database. */
export function ownerReferences(data: BundleData): { table: TableName; index: number; customerId: string }[] {
  const out: { table: TableName; index: number; customerId: string }[] = [];
  for (const table of ['visits', 'notes', 'facts', 'followUps', 'replies'] as const) {
    (data[table] as { customerId?: string }[]).forEach((row, index) => {
      if (row.customerId) out.push({ table, index, customerId: row.customerId });
    });
  }
  return out;
}
