export * from './format';
export { canonicalJson, sameRow, sha256Hex } from './canonical';
export { exportBundle, type ExportProgress, type ExportResult } from './export';
export { readBundle, parseBundle, BundleError } from './read';
export { planImport, applyImport, type ImportPlan, type ImportProgress } from './import';
// Retention and erasing write tables: they live with the other writes, in lib/db.
export * from '../db/privacy';
export { exportCsv, toCsv, safeCell, CSV_TABLES, type CsvTable } from './csv';
