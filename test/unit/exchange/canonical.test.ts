import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonReference } from '@/lib/exchange/canonical';
import { note, reply, sam, visit } from './seed';

/** Deterministic pseudo-random values: nested objects and arrays, odd keys, odd numbers, undefined. */
function generator(seedValue: number) {
  let x = seedValue;
  const rnd = () => ((x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const KEYS = ['id', 'b', 'a', 'Z', 'é', 'émoji😀', '10', '2', '0', '01', '-1', '1.5', '', ' ', '__proto__', 'constructor', 'toString', 'aa', 'a\u0000'];
  const PRIMS: unknown[] = [0, -0, 1.5, -7, 1e21, NaN, Infinity, true, false, null, undefined, '', 'x', '"quote"', '\u2028', '<img src=x onerror=alert(1)>', '=HYPERLINK("x")'];
  const value = (depth: number): unknown => {
    const r = rnd();
    if (depth > 3 || r < 0.45) return pick(PRIMS);
    if (r < 0.7) return Array.from({ length: Math.floor(rnd() * 4) }, () => value(depth + 1));
    // Through JSON.parse, so "__proto__" is an own key as in a parsed bundle.
    const entries = Array.from({ length: Math.floor(rnd() * 6) }, () => [pick(KEYS), value(depth + 1)] as const);
    const text = `{${entries.filter(([, v]) => v !== undefined && !(typeof v === 'number' && !Number.isFinite(v))).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`;
    const parsed = JSON.parse(text) as Record<string, unknown>;
    // …and some keys set directly, with undefined and non-finite values JSON cannot carry.
    for (const [k, v] of entries) if (rnd() < 0.3 && k !== '__proto__') parsed[k] = v;
    return parsed;
  };
  return value;
}

describe('canonical JSON', () => {
  it('the fast path gives exactly the bytes of the definition, for 20,000 generated values', () => {
    const value = generator(42);
    for (let i = 0; i < 20_000; i++) {
      const v = value(0);
      expect(canonicalJson(v), JSON.stringify(v)).toBe(canonicalJsonReference(v));
    }
  });

  it('sorts keys at every level and leaves out undefined, whatever order the keys were written in', () => {
    const rows = [sam(), visit(), note({ edits: [{ text: 'before', at: 1 }] }), reply()];
    for (const row of rows) {
      const shuffled = Object.fromEntries(Object.entries(row).reverse());
      expect(canonicalJson(shuffled)).toBe(canonicalJsonReference(row));
    }
    expect(canonicalJson({ b: 1, a: { d: [1, undefined, { y: 2, x: undefined }], c: 'é' } })).toBe('{"a":{"c":"é","d":[1,null,{"y":2}]},"b":1}');
    expect(canonicalJson({ 10: 'x', 2: 'y', b: 1 })).toBe('{"10":"x","2":"y","b":1}');
  });
});
