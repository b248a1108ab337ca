/**
 * The canonical text of a row: JSON with keys sorted at every level and `undefined` left out, so the
 * same data always gives the same bytes, whatever order a browser or an editor kept the keys in.
 * Checksums and "is this row unchanged?" both compare canonical text.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  // Fast path: the same bytes from the engine's native JSON.stringify, given objects whose keys
  // enumerate in sorted order (JSON.stringify already leaves out undefined properties and writes
  // undefined array items as null, like the definition below). Twice as fast on export and import.
  const sorted = sortedKeys(value);
  return sorted === undefined ? canonicalJsonReference(value) : JSON.stringify(sorted);
}

/**
 * Keys a plain copy cannot reproduce: array-index keys ("0", "17") always enumerate first, in numeric
 * order, whatever the insertion order; assigning "__proto__" sets the prototype instead.
 */
const ODD_KEY = /^(?:0|[1-9]\d*|__proto__)$/;

/**
 * `value` itself when every object in it already enumerates its keys in sorted order, else a copy
 * that does; undefined when that cannot be built (an array-index key, or a `toJSON` method that
 * JSON.stringify would call): the caller then takes the reference path.
 */
function sortedKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return undefined;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const next = item !== null && typeof item === 'object' ? sortedKeys(item) : item;
      if (next === undefined && item !== undefined) return undefined;
      if (next !== item) (copy ??= value.slice())[i] = next;
    }
    return copy ?? value;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  let inOrder = true;
  let changed = false;
  const items: unknown[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (ODD_KEY.test(k)) return undefined;
    if (i && k < keys[i - 1]!) inOrder = false;
    const item = obj[k];
    const next = item !== null && typeof item === 'object' ? sortedKeys(item) : item;
    if (next === undefined && item !== undefined) return undefined;
    if (next !== item) changed = true;
    items[i] = next;
  }
  if (inOrder && !changed) return value;
  const order = keys.map((_, i) => i);
  if (!inOrder) order.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  const out: Record<string, unknown> = {};
  for (const i of order) out[keys[i]!] = items[i];
  return out;
}

/** The definition, written out: the fast path must give exactly these bytes (tested). */
export function canonicalJsonReference(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out += (i ? ',' : '') + (item === undefined ? 'null' : canonicalJsonReference(item));
    }
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const item = obj[k];
    if (item === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(k)}:${canonicalJsonReference(item)}`;
    first = false;
  }
  return `${out}}`;
}

export function sameRow(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

const encoder = new TextEncoder();

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
