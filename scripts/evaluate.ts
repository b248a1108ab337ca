/**
 * Offline evaluation of replies with the checklist engine (issue #4):
 *   npm run --silent evaluate < in.jsonl > out.jsonl
 * In:  { "id", "draft", "customerMessage" | "customerMessages": [..], "customer": { "name"?, "preferredName"? }, "receivedAt"?, "now"? }
 * Out: { "id", "results": [{ "rule", "state", "why", "evidence" }], "questions": [...], "mood": {...} }
 * A malformed line gets `{ "id", "error" }` and the run goes on. `--pack file.json` evaluates against a team's pack.
 *
 * Figures against hand labels (issue #12; format in data/judgement/GUIDELINE.md):
 *   npm run evaluate -- --report labelled.jsonl        precision / recall / F1 / accuracy per item, 95% bootstrap intervals
 *   npm run evaluate -- --split dev                    the same over data/judgement/<source>/ (dev or test split), overall and per source
 *   add --json for the figures as JSON.
 */
import { createInterface } from 'node:readline';
import { readFileSync } from 'node:fs';
import { evaluateLine } from '../lib/standards/cli';
import { DEFAULT_PACK, parsePack } from '../lib/standards/pack';

const packArg = process.argv.indexOf('--pack');
let standards = DEFAULT_PACK;
if (packArg > 0) {
  const parsed = parsePack(readFileSync(process.argv[packArg + 1] ?? '', 'utf8'));
  if (!parsed.ok) {
    process.stderr.write(`Bad standards pack: ${parsed.error}\n`);
    process.exit(2);
  }
  standards = parsed.pack;
}

const reportArg = process.argv.indexOf('--report');
const splitArg = process.argv.indexOf('--split');
if (reportArg > 0 || splitArg > 0) {
  const { runReport } = await import('./lib/report-cli');
  process.exit(runReport({ file: reportArg > 0 ? process.argv[reportArg + 1] : undefined, split: splitArg > 0 ? process.argv[splitArg + 1] : undefined, json: process.argv.includes('--json') }));
}

let lineNo = 0;
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  lineNo++;
  const out = evaluateLine(line, lineNo, standards);
  if (out) process.stdout.write(`${JSON.stringify(out)}\n`);
}
