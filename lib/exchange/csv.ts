/**
 * CSV per table for spreadsheets. Cells a spreadsheet would run as a formula (starting with = + - @,
 * tab or carriage return: `=HYPERLINK(...)`, also after leading whitespace: `  =cmd`, which spreadsheets
 * trim before parsing) get a leading apostrophe, and every cell is quoted.
 */
import Papa from 'papaparse';
import type { RapportDB } from '../db/db';
import type { Customer, FollowUp, Note, ReplyRecord, TicketVisit } from '../db/types';

export function safeCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text =
    typeof value === 'string'
      ? value
      : Array.isArray(value)
        ? value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('; ')
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  return /^\s*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(text) ? `'${text}` : text;
}

const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());

export const CSV_TABLES = {
  customers: (c: Customer) => ({
    id: c.id,
    name: c.name,
    emails: c.emails,
    helpdesk: c.helpdesk,
    account: c.account,
    externalId: c.externalId,
    preferredName: c.preferredName,
    organization: c.organization,
    tier: c.tier,
    vip: c.vip ? 'yes' : '',
    firstSeen: iso(c.firstSeen),
    lastSeen: iso(c.lastSeen),
  }),
  visits: (v: TicketVisit) => ({
    id: v.id,
    customerId: v.customerId,
    helpdesk: v.helpdesk,
    account: v.account,
    ticketId: v.ticketId,
    subject: v.subject,
    status: v.status,
    firstSeen: iso(v.firstSeen),
    lastSeen: iso(v.lastSeen),
  }),
  notes: (n: Note) => ({
    id: n.id,
    customerId: n.customerId,
    ticket: n.ticketKey,
    text: n.text,
    tags: n.tags,
    author: n.author,
    createdAt: iso(n.createdAt),
    updatedAt: iso(n.updatedAt),
  }),
  followUps: (f: FollowUp) => ({
    id: f.id,
    customerId: f.customerId,
    ticket: f.ticket ? `${f.ticket.helpdesk}:${f.ticket.account}:${f.ticket.ticketId}` : '',
    text: f.text,
    dueAt: iso(f.dueAt),
    status: f.status,
    doneAt: iso(f.doneAt),
    author: f.author,
  }),
  replies: (r: ReplyRecord) => ({
    id: r.id,
    ticket: `${r.helpdesk}:${r.account}:${r.ticketId}`,
    customerId: r.customerId,
    sentAt: iso(r.sentAt),
    responseMinutes: r.responseMs === undefined ? '' : Math.round(r.responseMs / 60000),
    readiness: Math.round(r.readiness * 100),
    failed: Object.entries(r.states)
      .filter(([, s]) => s === 'fail')
      .map(([k]) => k),
    agent: r.agent,
    partlyChecked: r.partlyChecked ? 'yes' : '',
  }),
} as const;

export type CsvTable = keyof typeof CSV_TABLES;

/** CSV text of rows, every cell neutralised and quoted. */
export function toCsv<T>(rows: T[], shape: (row: T) => Record<string, unknown>, columns?: string[]): string {
  const shaped = rows.map((r) => Object.fromEntries(Object.entries(shape(r)).map(([k, v]) => [k, safeCell(v)])));
  return Papa.unparse(shaped, { quotes: true, header: true, newline: '\r\n', columns });
}

/** One table as a CSV Blob, written in chunks. */
export async function exportCsv(database: RapportDB, table: CsvTable): Promise<Blob> {
  const shape = CSV_TABLES[table] as (row: unknown) => Record<string, unknown>;
  const t = database.table(table);
  const parts: BlobPart[] = [];
  let last: string | undefined;
  let columns: string[] | undefined;
  for (;;) {
    const page: { id: string }[] = await (last === undefined ? t.orderBy(':id') : t.where(':id').above(last)).limit(2000).toArray();
    if (!page.length && columns) break;
    if (!columns) {
      columns = Object.keys(shape(page[0] ?? { states: {}, emails: [], tags: [] }));
      parts.push('\uFEFF' + Papa.unparse({ fields: columns, data: [] }, { quotes: true, newline: '\r\n' }).trimEnd() + '\r\n');
      if (!page.length) break;
    }
    const text = Papa.unparse(
      page.map((r) => columns!.map((c) => safeCell(shape(r)[c]))),
      { quotes: true, header: false, newline: '\r\n' },
    );
    parts.push(new Blob([text + '\r\n']));
    last = page[page.length - 1]!.id;
    if (page.length < 2000) break;
  }
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}
