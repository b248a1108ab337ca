/**
 * Fuzz: 1,200 generated malformed or hostile bundles. Each must be refused with a BundleError (never a
 * crash, never a hang) and leave the database exactly as it was (digest of every table).
 */
import { describe, expect, it } from 'vitest';
import { applyImport, BundleError, databaseDigest, dataChecksum, exportBundle, readBundle, type Bundle } from '@/lib/exchange';
import { freshDb, seed } from './seed';

/** Small deterministic PRNG (mulberry32) so a failure can be replayed by its index. */
function rng(seedValue: number) {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE: unknown[] = [
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil")',
  '\u0000\u202e\ud800',
  'x'.repeat(70_000),
  -1,
  1e309,
  Number.NaN,
  null,
  true,
  [],
  {},
  { __proto__: { polluted: true } },
  '2026-13-45',
  12.5,
  ['a'.repeat(600)],
];

type Json = Record<string, unknown> | unknown[];

function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const key = Array.isArray(value) ? Number(k) : k;
      out.push([...prefix, key]);
      paths(v, [...prefix, key], out);
    }
  }
  return out;
}

function setAt(root: Json, path: (string | number)[], mutate: (parent: Record<string | number, unknown>, key: string | number) => void) {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  mutate(node, path[path.length - 1]!);
}

describe('fuzz: malformed and hostile bundles change nothing', () => {
  it('refuses 1,200 generated bad bundles and the database digest never changes', async () => {
    const source = freshDb();
    await seed(source);
    const good = await (await exportBundle(source, { agent: 'Priya' })).blob.text();
    const target = freshDb();
    await seed(target);
    await target.customers.put({ ...(await target.customers.get('c-sam'))!, id: 'c-local', emails: ['local@example.com'], externalId: 'local' });
    const digest = await databaseDigest(target);
    const allPaths = paths(JSON.parse(good));
    const random = rng(5);
    const pick = <T,>(list: T[]) => list[Math.floor(random() * list.length)]!;
    const kinds = new Map<string, number>();

    for (let i = 0; i < 1200; i++) {
      let text: string;
      const strategy = i % 6;
      if (strategy === 0) {
        // Byte-level damage: truncate, splice junk, flip characters.
        const cut = Math.floor(random() * good.length);
        text = random() < 0.5 ? good.slice(0, cut) : good.slice(0, cut) + pick(['}', ']', '\u0000', 'ÿ', '{"a":', '\n']) + good.slice(cut + 1);
      } else if (strategy === 5) {
        // Junk of assorted shapes.
        text = pick(['', 'null', '42', '"rapport-bundle"', '[]', '{}', '{"format":"rapport-bundle"}', '\uFEFF{', 'x'.repeat(1000 + i)]);
      } else {
        const bundle = JSON.parse(good) as Bundle & Json;
        const path = pick(allPaths);
        setAt(bundle, path, (parent, key) => {
          const roll = random();
          if (roll < 0.35) parent[key] = pick(HOSTILE);
          else if (roll < 0.55) delete parent[key];
          else if (roll < 0.75 && typeof parent[key] === 'object' && parent[key] !== null) (parent[key] as Record<string, unknown>)[pick(['extra', '__proto__', 'constructor', 'id2'])] = pick(HOSTILE);
          else parent[key] = typeof parent[key] === 'string' ? 12345 : 'not what was expected';
        });
        // Half the time the attacker re-signs the data, so the schema (not the checksum) must catch it.
        if (strategy % 2 === 0 && bundle.data && typeof bundle.data === 'object') {
          try {
            bundle.checksum = await dataChecksum(bundle.data);
          } catch {
            /* data no longer iterable: leave the checksum as it was */
          }
        }
        text = JSON.stringify(bundle);
      }
      let refused: BundleError | undefined;
      try {
        const bundle = await readBundle(text);
        await applyImport(target, bundle);
      } catch (e) {
        if (!(e instanceof BundleError)) throw new Error(`case ${i}: crashed instead of naming the problem: ${String(e)}`);
        refused = e;
      }
      if (!refused) {
        // A mutation that happens to keep the bundle valid (e.g. deleting an optional field) must not
        // be counted as hostile; it was a legitimate import, so restore the database for the next case.
        kinds.set('valid', (kinds.get('valid') ?? 0) + 1);
        await Promise.all(target.tables.map((t) => t.clear()));
        await seed(target);
        await target.customers.put({ ...(await target.customers.get('c-sam'))!, id: 'c-local', emails: ['local@example.com'], externalId: 'local' });
      } else {
        kinds.set(refused.kind, (kinds.get(refused.kind) ?? 0) + 1);
        expect(refused.message.length).toBeGreaterThan(10);
      }
      expect(await databaseDigest(target), `case ${i}`).toBe(digest);
    }
    const refusedCount = [...kinds].filter(([k]) => k !== 'valid').reduce((s, [, n]) => s + n, 0);
    expect(refusedCount).toBeGreaterThanOrEqual(1000);
    expect(kinds.get('invalid')).toBeGreaterThan(100);
    expect(kinds.get('checksum')).toBeGreaterThan(20);
    expect(kinds.get('truncated')).toBeGreaterThan(20);
    console.info('fuzz outcomes', Object.fromEntries(kinds));
  }, 120_000);
});
