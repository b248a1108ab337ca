/** `npm run evaluate -- --report FILE | --split dev|test [--json]`: the figures table, overall and per source. */
import { readFileSync } from 'node:fs';
import { readExchanges, type Exchange } from '../../lib/standards/judgement';
import { countExchange, figures, formatReport, warningsOf, warningTotals } from '../../lib/standards/report';
import { judgeExchange } from '../../lib/standards/judge';
import { loadSplits } from './judgement-data';

/** Each exchange judged by the shipped models and counted against its labels. */
export function countRows(rows: readonly Exchange[]) {
  return rows.map((row) => {
    const got = judgeExchange(row);
    return { source: row.source, counts: countExchange(row, got), warnings: warningsOf(row, got) };
  });
}

/** The figures tables, overall and per source, of counted exchanges. */
export function tables(counted: ReturnType<typeof countRows>, label: string) {
  const table = (title: string, mine: typeof counted) => ({ title, rows: figures(mine.map((c) => c.counts)), warnings: warningTotals(mine.map((c) => c.warnings)) });
  const sources = [...new Set(counted.map((c) => c.source))].sort();
  const out = [table(`${label}: all sources (${counted.length} exchanges)`, counted)];
  if (sources.length > 1) {
    for (const source of sources) {
      const mine = counted.filter((c) => c.source === source);
      out.push(table(`${label}: ${source} (${mine.length} exchanges)`, mine));
    }
  }
  return out;
}

/** The tables as text, each with its warnings line. */
export const formatTables = (result: ReturnType<typeof tables>) => `${result.map((t) => `${formatReport(t.title, t.rows)}\n${warningLine(t.warnings)}`).join('\n\n')}\n`;

/** "warnings an agent sees: not addressed 4 right / 16 wrong (20% right); …" */
const warningLine = (ws: ReturnType<typeof warningTotals>) =>
  `warnings an agent sees (right / wrong): ${ws.map((w) => `${w.warning} ${w.right} / ${w.wrong}${w.shareRight === null ? '' : ` (${Math.round(w.shareRight * 100)}% right)`}`).join('; ')}`;

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
  const result = tables(countRows(rows), label);
  process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : formatTables(result));
  return 0;
}
