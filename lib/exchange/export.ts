/**
 * Streaming export: table by table, in chunks read by primary key, each chunk turned into text, hashed
 * and wrapped in a Blob right away. The file is one Blob made of those chunk Blobs, so the whole
 * export is never one string in memory (let alone two).
 */
import type { Table } from 'dexie';
import type { RapportDB } from '../db/db';
import { canonicalJson } from './canonical';
import { BUNDLE_FORMAT, ChecksumBuilder, HASH_CHUNK, SCHEMA_VERSION, TABLES, type Counts, type TableName } from './format';

export interface ExportProgress {
  table: TableName;
  done: number;
  total: number;
}

export interface ExportOptions {
  agent: string;
  now?: number;
  /** Only these customers and what belongs to them; all data when absent. */
  customerIds?: string[];
  onProgress?: (p: ExportProgress) => void;
}

export interface ExportResult {
  blob: Blob;
  counts: Counts;
  checksum: string;
  filename: string;
}

type Row = { id: string; customerId?: string };

const BLOB_PART_CHARS = 4 * 1024 * 1024;

/** Reads a table in primary-key order, HASH_CHUNK rows at a time. */
async function* chunks(table: Table<Row, string>, customerIds?: Set<string>, isCustomers = false): AsyncGenerator<Row[]> {
  if (customerIds) {
    const ids = [...customerIds];
    const all = isCustomers
      ? (await table.bulkGet(ids)).filter((r): r is Row => Boolean(r))
      : await table.where('customerId').anyOf(ids).toArray();
    all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (let i = 0; i < all.length; i += HASH_CHUNK) yield all.slice(i, i + HASH_CHUNK);
    return;
  }
  // Read several checksum chunks per database round trip; yield them one checksum chunk at a time.
  const READ = HASH_CHUNK * 5;
  // The next page is already being read while this one is turned into text and hashed.
  const read = (after?: string) => (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(READ).toArray();
  let next = read();
  for (;;) {
    const page = await next;
    if (!page.length) return;
    const full = page.length === READ;
    if (full) next = read(page[page.length - 1]!.id);
    for (let i = 0; i < page.length; i += HASH_CHUNK) yield page.slice(i, i + HASH_CHUNK);
    if (!full) return;
  }
}

/**
 * A customer as a bundle carries it: without the workspace (#15), which is this device's grouping of
 * helpdesk accounts; the importing device puts the customer in its own workspace of that account.
 */
function withoutWorkspace(row: Row): Row {
  const { workspace: _local, ...rest } = row as Row & { workspace?: string };
  return rest;
}

export async function exportBundle(database: RapportDB, options: ExportOptions): Promise<ExportResult> {
  const now = options.now ?? Date.now();
  const selection = options.customerIds ? new Set(options.customerIds) : undefined;
  const checksum = new ChecksumBuilder();
  const counts = Object.fromEntries(TABLES.map((t) => [t, 0])) as Counts;
  const totals = Object.fromEntries(
    await Promise.all(TABLES.map(async (t) => [t, selection ? 0 : await database.table(t).count()] as const)),
  ) as Counts;
  const parts: BlobPart[] = [];
  // Text waiting to become a Blob: a Blob per ~4 MB rather than per checksum chunk (each Blob is a
  // round trip to the browser's blob storage), and still never the whole file as one string.
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = () => {
    if (pending.length) parts.push(new Blob(pending));
    pending = [];
    pendingLength = 0;
  };
  const write = (text: string) => {
    pending.push(text);
    pendingLength += text.length;
    if (pendingLength >= BLOB_PART_CHARS) flush();
  };
  for (const [index, name] of TABLES.entries()) {
    write(`${index ? '],\n' : ''}${JSON.stringify(name)}:[\n`);
    let chunk = 0;
    for await (const page of chunks(database.table(name) as Table<Row, string>, selection, name === 'customers')) {
      const texts = name === 'customers' ? page.map((row) => canonicalJson(withoutWorkspace(row))) : page.map(canonicalJson);
      checksum.addChunk(name, chunk, texts);
      write((counts[name] ? ',\n' : '') + texts.join(',\n'));
      counts[name] += texts.length;
      chunk++;
      options.onProgress?.({ table: name, done: counts[name], total: Math.max(totals[name], counts[name]) });
    }
    options.onProgress?.({ table: name, done: counts[name], total: counts[name] });
  }
  flush();
  const sum = await checksum.finish();
  const header = `{"format":${JSON.stringify(BUNDLE_FORMAT)},"schemaVersion":${SCHEMA_VERSION},"exportedAt":${now},"agent":${JSON.stringify(options.agent)},"counts":${JSON.stringify(counts)},"checksum":"${sum}",\n"data":{`;
  const blob = new Blob([header, ...parts, ']}}\n'], { type: 'application/json' });
  const stamp = new Date(now).toISOString().slice(0, 10);
  const who = options.agent.replace(/[^\p{L}\p{N}_-]+/gu, '-').slice(0, 40) || 'agent';
  return { blob, counts, checksum: sum, filename: `rapport-${who}-${stamp}.json` };
}
