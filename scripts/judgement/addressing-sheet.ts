/**
 * Addressing ranges (GUIDELINE §2b): which part of a real reply addresses each addressed ask.
 *   npx vite-node scripts/judgement/addressing-sheet.ts sheet DIR [--parts 4] [--split test]
 *     writes DIR/sheet-K.md (one item per addressed ask of train + dev, or of the test split: the
 *     customer's message, the ask, the reply in numbered units) and DIR/keys.json (each unit's range);
 *   npx vite-node scripts/judgement/addressing-sheet.ts record DIR
 *     reads DIR/out-K.jsonl ({"key", "units": [...]}) and writes data/judgement/<source>/addressing.jsonl.
 * The labeller sees no label but "addressed" and no engine output, so the test split can be labelled
 * too (its drafts are then measured, never trained on: loadSplits keeps the splits apart).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA, loadSplits } from '../lib/judgement-data';
import { parse } from '../../lib/standards/nlp';

interface Key {
  key: string;
  id: string;
  source: string;
  ask: number;
  text: string;
  units: [number, number][];
}

function sheet(dir: string, parts: number, test: boolean) {
  const { train, dev, test: held } = loadSplits();
  const items: string[] = [];
  const keys: Key[] = [];
  for (const r of test ? held : [...train, ...dev]) {
    if (!r.reply) continue;
    const units = parse(r.reply).sentences;
    r.labels.asks.forEach((a, i) => {
      if (a.addressed !== true) return;
      const key = `${r.id}#${i}`;
      keys.push({ key, id: r.id, source: r.source, ask: i, text: a.text, units: units.map((u) => [u.start, u.end]) });
      const all = r.labels.asks.length > 1 ? [`ALL ASKS: ${r.labels.asks.map((x, k) => `(${k}) "${x.text}"`).join(' · ')}`] : [];
      items.push(
        [`## ${key}`, `CUSTOMER (latest message, ${r.customer.length} chars${r.customer.length > 1800 ? ', cut' : ''}):`, '<<<', r.customer.slice(0, 1800), '>>>', ...all, `ASK TO MAP: (${i}) "${a.text}"`, 'REPLY UNITS:', ...units.map((u, k) => `[${k}] ${u.text.replace(/\n/g, ' ⏎ ')}`)].join('\n'),
      );
    });
  }
  const per = Math.ceil(items.length / parts);
  for (let k = 0; k < parts; k++) writeFileSync(join(dir, `sheet-${k + 1}.md`), `${items.slice(k * per, (k + 1) * per).join('\n\n')}\n`);
  writeFileSync(join(dir, 'keys.json'), JSON.stringify(keys));
  console.log(`${items.length} asks in ${parts} sheets of up to ${per}`);
}

/** Appends to (or replaces the lines of the same asks in) each source's addressing.jsonl. */
function record(dir: string) {
  const keys = new Map((JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8')) as Key[]).map((k) => [k.key, k]));
  const bySource = new Map<string, string[]>();
  let mapped = 0;
  for (const file of readdirSync(dir).filter((f) => /^out-\d+\.jsonl$/.test(f)).sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => l.trim())) {
      const out = JSON.parse(line) as { key: string; units: number[] };
      const key = keys.get(out.key);
      if (!key) throw new Error(`${file}: unknown key ${out.key}`);
      keys.delete(out.key);
      const spans = [...new Set(out.units)].sort((a, b) => a - b).map((u) => key.units[u] ?? (() => { throw new Error(`${out.key}: no unit ${u}`); })());
      if (!spans.length) continue;
      mapped++;
      bySource.set(key.source, [...(bySource.get(key.source) ?? []), JSON.stringify({ id: key.id, ask: key.ask, text: key.text, spans })]);
    }
  }
  if (keys.size) throw new Error(`${keys.size} asks without an answer, e.g. ${[...keys.keys()][0]}`);
  for (const [source, lines] of bySource) {
    const file = join(DATA, source, 'addressing.jsonl');
    const keyOf = (line: string) => { const a = JSON.parse(line) as { id: string; ask: number }; return `${a.id}#${a.ask}`; };
    const fresh = new Set(lines.map(keyOf));
    const kept = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() && !fresh.has(keyOf(l))) : [];
    writeFileSync(file, `${[...kept, ...lines].sort().join('\n')}\n`);
  }
  console.log(`${mapped} asks mapped in ${bySource.size} sources`);
}

const [mode, dir] = process.argv.slice(2);
if (mode === 'sheet' && dir) sheet(dir, Number(process.argv[process.argv.indexOf('--parts') + 1]) || 4, process.argv.includes('--split') && process.argv[process.argv.indexOf('--split') + 1] === 'test');
else if (mode === 'record' && dir) record(dir);
else throw new Error('usage: addressing-sheet.ts sheet DIR [--parts 4] [--split test] | record DIR');
