export * from './format';
export { canonicalJson, sameRow, sha256Hex } from './canonical';
export { exportBundle, type ExportProgress, type ExportResult } from './export';
export { readBundle, parseBundle, BundleError } from './read';
export { planImport, applyImport, type ImportPlan, type ImportProgress } from './import';
export * from './privacy';
export { exportCsv, toCsv, safeCell, CSV_TABLES, type CsvTable } from './csv';
