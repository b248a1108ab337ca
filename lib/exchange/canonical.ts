/**
 * The canonical text of a row: JSON with keys sorted at every level and `undefined` left out, so the
 * same data always gives the same bytes, whatever order a browser or an editor kept the keys in.
 * Checksums and "is this row unchanged?" both compare canonical text.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value ?? null);
  }
  // Plain loops and string concatenation (no intermediate arrays): export and import run this on
  // every row of the database.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out += (i ? ',' : '') + (item === undefined ? 'null' : canonicalJson(item));
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
    out += `${first ? '' : ','}${JSON.stringify(k)}:${canonicalJson(item)}`;
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
