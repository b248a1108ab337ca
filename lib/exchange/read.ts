/**
 * Reading a bundle file: every way a file can be wrong gets one plain sentence naming the problem,
 * and nothing here touches the database.
 */
import * as v from 'valibot';
import { checkMeaning, MeaningError, refusePoisonedKeys } from './meaning';
import { BUNDLE_FORMAT, BundleHeaderSchema, dataChecksum, MAX_BUNDLE_BYTES, ROW_SCHEMAS, SCHEMA_VERSION, TABLES, type Bundle } from './format';

export class BundleError extends Error {
  constructor(
    readonly kind: 'too-large' | 'not-json' | 'truncated' | 'not-bundle' | 'newer-version' | 'invalid' | 'checksum' | 'counts' | 'meaning',
    message: string,
  ) {
    super(message);
    this.name = 'BundleError';
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** "data.notes[3].text: …" */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    path += typeof key === 'number' ? `[${key}]` : `${path ? '.' : ''}${String(key)}`;
  }
  return path;
}

function describe(issue: v.BaseIssue<unknown>): string {
  const path = issuePath(issue);
  let message = issue.message;
  if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.input !== undefined && issue.path?.length) {
    message = 'this field is not part of a Rapport bundle';
  }
  return path ? `${path}: ${message}` : message;
}

export interface ReadOptions {
  maxBytes?: number;
  /** The clock dates are judged against ("not more than a year ahead"); tests pass a fixed one. */
  now?: number;
}

/** Parses and checks a bundle. Throws BundleError with a message for the agent. */
export async function readBundle(file: Blob | string, options: ReadOptions = {}): Promise<Bundle> {
  const max = options.maxBytes ?? MAX_BUNDLE_BYTES;
  const size = typeof file === 'string' ? file.length : file.size;
  if (size > max) {
    throw new BundleError('too-large', `This file is ${mb(size)}; Rapport imports bundles up to ${mb(max)}. Is it really a Rapport bundle?`);
  }
  // The text is never kept in a variable: once parsed it can be collected (a large bundle's text is
  // as big as the file).
  return checkBundle(parseJson(typeof file === 'string' ? file : await file.text()), options.now);
}

export async function parseBundle(textContent: string, now?: number): Promise<Bundle> {
  return checkBundle(parseJson(textContent), now);
}

/**
 * JSON.parse with the agent's messages for empty, cut-off and non-JSON files. The text is parsed as it
 * is (JSON allows whitespace around); a trimmed copy is made only when that fails.
 */
function parseJson(textContent: string): unknown {
  if (!/\S/.test(textContent)) throw new BundleError('not-json', 'The file is empty.');
  try {
    return JSON.parse(textContent);
  } catch {
    const trimmed = textContent.trim();
    if (trimmed.length !== textContent.length) {
      try {
        return JSON.parse(trimmed);
      } catch {
        // Reported below.
      }
    }
    if (trimmed.startsWith('{') && trimmed.includes(`"${BUNDLE_FORMAT}"`) && !trimmed.endsWith('}')) {
      throw new BundleError('truncated', 'The file ends too early: it was cut off while saving or copying. Export it again.');
    }
    throw new BundleError('not-json', 'This file is not a Rapport bundle: it is not valid JSON.');
  }
}

async function checkBundle(raw: unknown, now = Date.now()): Promise<Bundle> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { format?: unknown }).format !== BUNDLE_FORMAT) {
    throw new BundleError('not-bundle', 'This file is JSON but not a Rapport bundle (no "format": "rapport-bundle").');
  }
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > SCHEMA_VERSION) {
    throw new BundleError(
      'newer-version',
      `This bundle was made by a newer Rapport (format version ${version}; this one reads version ${SCHEMA_VERSION}). Update Rapport, then import it.`,
    );
  }
  refused(() => refusePoisonedKeys(raw));
  const parsed = v.safeParse(BundleHeaderSchema, raw, { abortEarly: true });
  if (!parsed.success) throw new BundleError('invalid', `This bundle has a problem: ${describe(parsed.issues[0])}`);
  // Rows are checked one by one and the parsed input kept as is (the schemas have no transforms), so
  // a large bundle is not held twice.
  for (const table of TABLES) {
    const rows = parsed.output.data[table];
    const schema = ROW_SCHEMAS[table];
    for (let i = 0; i < rows.length; i++) {
      const row = v.safeParse(schema, rows[i], { abortEarly: true });
      if (!row.success) {
        const path = issuePath(row.issues[0]);
        const joiner = path ? (path.startsWith('[') ? '' : '.') : ': ';
        throw new BundleError('invalid', `This bundle has a problem: data.${table}[${i}]${joiner}${describe(row.issues[0])}`);
      }
    }
  }
  const bundle = parsed.output as unknown as Bundle;
  for (const table of TABLES) {
    const expected = bundle.counts[table];
    const actual = bundle.data[table].length;
    if (expected !== actual) {
      throw new BundleError(
        actual < expected ? 'truncated' : 'counts',
        `The bundle says it holds ${expected} ${table} but has ${actual}: ${actual < expected ? 'it is incomplete' : 'it was edited'}. Export it again.`,
      );
    }
  }
  const sum = await dataChecksum(bundle.data);
  if (sum !== bundle.checksum) {
    throw new BundleError('checksum', 'The checksum does not match the data: the file was changed or damaged after it was exported.');
  }
  refused(() => checkMeaning(bundle, now));
  return bundle;
}

/** A meaning check's refusal, told like every other problem of the file. */
function refused(check: () => void): void {
  try {
    check();
  } catch (error) {
    if (error instanceof MeaningError) throw new BundleError('meaning', `This bundle has a problem: ${error.message}`);
    throw error;
  }
}
