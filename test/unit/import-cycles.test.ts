/**
 * No import cycles in the product's code (lib/, components/, entrypoints/): a cycle makes the order
 * modules start in depend on which one is imported first, and hides which layer owns what. Type-only
 * imports count too — they are how the cycles in lib/db and lib/standards began. Read from the
 * sources with the same resolution as the build (`@/` is the project root).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

const ROOTS = ['lib', 'components', 'entrypoints'];
const IMPORT = /^(?:import|export)\s+(?:type\s+)?[^'";]*?\s*from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolve(from: string, spec: string): string | undefined {
  const base = spec.startsWith('@/') ? spec.slice(2) : spec.startsWith('.') ? normalize(join(dirname(from), spec)) : undefined;
  if (base === undefined) return undefined;
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((candidate) => existsSync(candidate));
}

/** Strongly connected groups of more than one file (Tarjan), each with its edges inside the group. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w);
      group.push(w);
      if (w === v) break;
    }
    if (group.length > 1) found.push(group.flatMap((a) => [...(graph.get(a) ?? [])].filter((b) => group.includes(b)).map((b) => `${a} -> ${b}`)));
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the code’s imports', () => {
  it('form no cycle in lib/, components/ or entrypoints/', () => {
    const graph = new Map<string, Set<string>>();
    for (const file of ROOTS.flatMap(sources)) {
      const targets = new Set<string>();
      for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const target = resolve(file, match[1] ?? match[2]!);
        if (target) targets.add(target);
      }
      graph.set(file, targets);
    }
    expect(graph.size).toBeGreaterThan(100); // the sources were found
    expect(cycles(graph)).toEqual([]);
  });

  it('are checked: a cycle is reported with its edges', () => {
    const graph = new Map([
      ['a.ts', new Set(['b.ts'])],
      ['b.ts', new Set(['a.ts', 'c.ts'])],
      ['c.ts', new Set<string>()],
    ]);
    expect(cycles(graph)).toEqual([['b.ts -> a.ts', 'a.ts -> b.ts']]);
  });
});
