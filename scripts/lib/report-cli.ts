/** `npm run evaluate -- --report FILE | --split dev|test [--json]`: the figures table, overall and per source. */
import { readFileSync } from 'node:fs';
import { readExchanges, type Exchange } from '../../lib/standards/judgement';
import { countExchange, figures, formatReport, type ItemFigures } from '../../lib/standards/report';
import { loadSplits } from './judgement-data';

function tables(rows: Exchange[], label: string) {
  const counted = rows.map((row) => ({ source: row.source, counts: countExchange(row) }));
  const sources = [...new Set(counted.map((c) => c.source))].sort();
  const out: { title: string; rows: ItemFigures[] }[] = [{ title: `${label}: all sources (${rows.length} exchanges)`, rows: figures(counted.map((c) => c.counts)) }];
  if (sources.length > 1) {
    for (const source of sources) {
      const mine = counted.filter((c) => c.source === source);
      out.push({ title: `${label}: ${source} (${mine.length} exchanges)`, rows: figures(mine.map((c) => c.counts)) });
    }
  }
  return out;
}

export function runReport({ file, split, json }: { file?: string; split?: string; json: boolean }): number {
  let rows: Exchange[];
  let label: string;
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      process.stderr.write(`Cannot read ${file}: ${(error as Error).message}\n`);
      return 2;
    }
    const read = readExchanges(text, file);
    for (const p of read.problems) process.stderr.write(`skipped: ${p}\n`);
    rows = read.rows;
    label = file;
  } else {
    if (split !== 'dev' && split !== 'test' && split !== 'train') {
      process.stderr.write('--split needs train, dev or test\n');
      return 2;
    }
    rows = loadSplits()[split];
    label = `${split} split`;
  }
  if (!rows.length) {
    process.stderr.write('No labelled exchanges to evaluate\n');
    return 1;
  }
  const result = tables(rows, label);
  process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : `${result.map((t) => formatReport(t.title, t.rows)).join('\n\n')}\n`);
  return 0;
}
