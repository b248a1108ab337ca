/**
 * "Your data" actions for the dashboard (export, import, retention, erasing): the views call these,
 * never the database. The writes themselves live in lib/db (privacy.ts, bulk.ts) and lib/exchange.
 */
import { request } from '../client';
import { db } from '../db/db';
import {
  applyImport,
  applyRetention,
  eraseCustomer,
  eraseReplies,
  exportBundle,
  exportCsv,
  planImport,
  readBundle,
  TABLES,
  type Bundle,
  type CsvTable,
  type ExportResult,
  type ImportPlan,
  type ImportProgress,
  type ReplyEraseFilter,
  type RetentionCounts,
} from '../exchange';

/** Exports every table; `onProgress` counts rows across all tables. */
export async function exportAll(agent: string, onProgress: (p: { done: number; total: number; table: string }) => void): Promise<ExportResult> {
  const d = db();
  const total = (await Promise.all(TABLES.map((t) => d.table(t).count()))).reduce((a, b) => a + b, 0);
  let before = 0;
  let current = '';
  let base = 0;
  return exportBundle(d, {
    agent,
    onProgress: (p) => {
      if (p.table !== current) {
        base = before;
        current = p.table;
      }
      before = base + p.done;
      onProgress({ done: before, total: Math.max(total, 1), table: p.table });
    },
  });
}

export const csvOf = (table: CsvTable): Promise<Blob> => exportCsv(db(), table);

export interface CheckedBundle {
  bundle: Bundle;
  plan: ImportPlan;
  readMs: number;
  planMs: number;
}

/** Reads a bundle and plans its import (counts only: the rows are planned again on confirm). */
export async function checkBundle(file: File): Promise<CheckedBundle> {
  const t0 = performance.now();
  const bundle = await readBundle(file);
  const t1 = performance.now();
  const planned = await planImport(db(), bundle);
  // The preview shows counts only; the rows to write are computed again on confirm (inside the
  // import's transaction), so they are not kept meanwhile: a large bundle is not held twice.
  const plan = { ...planned, writes: Object.fromEntries(TABLES.map((t) => [t, []])) as unknown as ImportPlan['writes'] };
  return { bundle, plan, readMs: Math.round(t1 - t0), planMs: Math.round(performance.now() - t1) };
}

/**
 * After a bulk write the background recounts the toolbar badge and re-arms the due alarm, as it does
 * after the sidebar's own writes (its side effects stay in one place: lib/memory/background.ts).
 */
async function followUpsChanged<T>(written: T): Promise<T> {
  const answer = await request({ type: 'memory.followups.changed' });
  if (!answer.ok) console.warn('Rapport: the badge could not be recounted', answer.error);
  return written;
}

export const importBundle = async (bundle: Bundle, onProgress: (p: ImportProgress) => void): Promise<ImportPlan> => followUpsChanged(await applyImport(db(), bundle, onProgress));
export const deleteOlderThan = (months: number): Promise<RetentionCounts> => applyRetention(db(), months);
export const eraseOne = async (customerId: string) => followUpsChanged(await eraseCustomer(db(), customerId));
export const eraseReplyRecords = (filter: ReplyEraseFilter): Promise<number> => eraseReplies(db(), filter);
