/**
 * Bundle format v1: what one agent's Rapport exports and another's imports (issue #5).
 *
 * ```json
 * { "format": "rapport-bundle", "schemaVersion": 1, "exportedAt": 1764000000000, "agent": "Priya",
 *   "counts": { "customers": 2, ... }, "checksum": "sha256:…",
 *   "data": { "customers": [...], "visits": [...], "notes": [...], "facts": [...], "followUps": [...], "replies": [...] } }
 * ```
 *
 * Row shapes are those of lib/db/types.ts. Identity merges and API fetch bookkeeping stay on the
 * device. The checksum is SHA-256 over the canonical data (see `dataChecksum`).
 */
import * as v from 'valibot';
import { AuthorRoleSchema, helpdeskId, id, millis, text, TicketRefSchema } from '../schema';
import type { Customer, Fact, FollowUp, Note, ReplyRecord, TicketVisit } from '../db/types';
import { canonicalJson, sha256Hex } from './canonical';

export const BUNDLE_FORMAT = 'rapport-bundle';
export const SCHEMA_VERSION = 1;
/** Files above this are refused before they are read: a real bundle of 500,000 records is ~150 MB. */
export const MAX_BUNDLE_BYTES = 200 * 1024 * 1024;
/** Rows per checksum chunk (part of the format: changing it changes every checksum). */
export const HASH_CHUNK = 1000;

export const TABLES = ['customers', 'visits', 'notes', 'facts', 'followUps', 'replies'] as const;
export type TableName = (typeof TABLES)[number];

export interface BundleData {
  customers: Customer[];
  visits: TicketVisit[];
  notes: Note[];
  facts: Fact[];
  followUps: FollowUp[];
  replies: ReplyRecord[];
}

export type Counts = Record<TableName, number>;

export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  schemaVersion: number;
  exportedAt: number;
  agent: string;
  counts: Counts;
  checksum: string;
  data: BundleData;
}

const MAX_ROWS = 2_000_000;
const short = text(500);
const long = text(20_000);
const strings = (maxItems: number, max = 500) => v.pipe(v.array(text(max)), v.maxLength(maxItems));

export const CustomerRow = v.strictObject({
  id,
  helpdesk: helpdeskId,
  account: id,
  externalId: v.optional(id),
  name: v.optional(short),
  emails: strings(50),
  firstSeen: millis,
  lastSeen: millis,
  updatedAt: millis,
  version: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  mergedInto: v.optional(id),
  displayName: v.optional(short),
  preferredName: v.optional(short),
  pronunciation: v.optional(short),
  pronouns: v.optional(short),
  language: v.optional(text(64)),
  timeZone: v.optional(text(64)),
  organization: v.optional(short),
  tier: v.optional(short),
  vip: v.optional(v.boolean()),
  preferences: v.optional(
    v.strictObject({ channel: v.optional(short), tone: v.optional(short), contactHours: v.optional(short) }),
  ),
  importantDates: v.optional(v.pipe(v.array(v.strictObject({ label: short, date: text(10) })), v.maxLength(100))),
});

export const VisitRow = v.strictObject({
  id,
  helpdesk: helpdeskId,
  account: id,
  ticketId: id,
  subject: v.optional(short),
  status: v.optional(short),
  customerId: id,
  firstSeen: millis,
  lastSeen: millis,
  source: v.optional(v.picklist(['visit', 'api'])),
  lastCustomerMessageAt: v.optional(millis),
  outcome: v.optional(short),
  closedAt: v.optional(millis),
  mood: v.optional(v.pipe(v.number(), v.minValue(-5), v.maxValue(5))),
  tags: v.optional(strings(100)),
  repeatClaim: v.optional(
    v.strictObject({ times: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000))), phrase: text(200), counted: v.optional(v.literal(true)) }),
  ),
  startedBy: v.optional(AuthorRoleSchema),
});

export const NoteRow = v.strictObject({
  id,
  customerId: id,
  ticket: v.optional(TicketRefSchema),
  ticketKey: v.optional(text(700)),
  text: long,
  tags: strings(50, 100),
  createdAt: millis,
  updatedAt: millis,
  pinned: v.optional(v.boolean()),
  edits: v.optional(v.pipe(v.array(v.strictObject({ text: long, at: millis })), v.maxLength(500))),
  version: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  author: v.optional(text(100)),
});

export const FactRow = v.strictObject({
  id,
  customerId: id,
  text: long,
  source: v.optional(TicketRefSchema),
  createdAt: millis,
  mentionNext: v.boolean(),
  mentionedAt: v.optional(millis),
  author: v.optional(text(100)),
});

export const FollowUpRow = v.strictObject({
  id,
  customerId: id,
  ticket: v.optional(TicketRefSchema),
  text: long,
  dueAt: millis,
  createdAt: millis,
  status: v.picklist(['open', 'done']),
  doneAt: v.optional(millis),
  origin: v.picklist(['manual', 'reply']),
  notifiedAt: v.optional(millis),
  author: v.optional(text(100)),
});

export const ReplyRow = v.strictObject({
  id,
  helpdesk: helpdeskId,
  account: id,
  ticketId: id,
  customerId: v.optional(id),
  sentAt: millis,
  responseMs: v.optional(v.pipe(v.number(), v.minValue(0))),
  states: v.pipe(v.record(text(100), v.picklist(['pass', 'fail', 'na'])), v.check((r) => Object.keys(r).length <= 200, 'too many rules')),
  readiness: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  packId: text(200),
  packVersion: v.pipe(v.number(), v.integer(), v.minValue(0)),
  channel: v.optional(text(100)),
  agent: v.optional(text(100)),
  partlyChecked: v.optional(v.literal(true)),
});

const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_ROWS));

/** The rows of each table; validated row by row so no validated copy of the whole data is built. */
export const ROW_SCHEMAS = {
  customers: CustomerRow,
  visits: VisitRow,
  notes: NoteRow,
  facts: FactRow,
  followUps: FollowUpRow,
  replies: ReplyRow,
} as const;

const anyRows = v.pipe(v.array(v.unknown()), v.maxLength(MAX_ROWS));

/** Everything but the rows' shapes (see ROW_SCHEMAS). */
export const BundleHeaderSchema = v.strictObject({
  format: v.literal(BUNDLE_FORMAT),
  schemaVersion: v.literal(SCHEMA_VERSION),
  exportedAt: millis,
  agent: v.pipe(v.string(), v.trim(), v.minLength(1, 'the exporting agent has no label'), v.maxLength(100)),
  counts: v.strictObject({
    customers: count,
    visits: count,
    notes: count,
    facts: count,
    followUps: count,
    replies: count,
  }),
  checksum: v.pipe(v.string(), v.regex(/^sha256:[0-9a-f]{64}$/, 'expected "sha256:" and 64 hex digits')),
  data: v.strictObject({
    customers: anyRows,
    visits: anyRows,
    notes: anyRows,
    facts: anyRows,
    followUps: anyRows,
    replies: anyRows,
  }),
});


/**
 * Incremental checksum: each table's rows, in file order, are cut into chunks of HASH_CHUNK rows;
 * each chunk's canonical rows joined by "\n" are hashed; the checksum is SHA-256 over the lines
 * "table:chunk:hash". Chunked so a large export never builds one string of all its data.
 */
export class ChecksumBuilder {
  private lines: Promise<string>[] = [];

  /**
   * Starts hashing a chunk and returns at once: the browser digests on its own threads while the
   * caller reads and serialises the next rows. `finish` waits for them all, in order.
   */
  addChunk(table: TableName, index: number, canonicalRows: string[]): void {
    this.lines.push(sha256Hex(canonicalRows.join('\n')).then((hex) => `${table}:${index}:${hex}`));
  }

  async finish(): Promise<string> {
    return `sha256:${await sha256Hex((await Promise.all(this.lines)).join('\n'))}`;
  }
}

export async function dataChecksum(data: BundleData): Promise<string> {
  const builder = new ChecksumBuilder();
  for (const table of TABLES) {
    const list: unknown[] = data[table];
    for (let i = 0, chunk = 0; i < list.length; i += HASH_CHUNK, chunk++) {
      builder.addChunk(table, chunk, list.slice(i, i + HASH_CHUNK).map(canonicalJson));
    }
  }
  return builder.finish();
}
