/**
 * Real text on a real helpdesk (issue #12): puts labelled exchanges (dev split by default, never
 * test) into a local FreeScout as conversations, earlier turns included, types each row's real
 * staff reply into Summernote with the built extension, and compares every checklist item's state
 * on the page with the engine run here on the row's own text. Prints one line per conversation and
 * a summary; `--shots DIR` saves what the agent saw.
 *
 *   npx vite-node scripts/freescout/read-real.ts [--count 16] [--offset 0] [--split dev|train] [--file FILE.jsonl] [--shots DIR] [--no-build]
 * `--offset K` takes the K-th exchange of each step instead of the first (another sample, same spread).
 * `--file` reads labelled rows from a file instead (the fresh dev set, docs/fresh-evaluation.md); never a test file.
 *
 * Needs what scripts/freescout.sh needs (PHP 8.2, MariaDB) and the system Chromium.
 */
import { execFileSync, execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
// @ts-expect-error plain ESM helpers shared with the e2e tests and the benchmark
import { addHelpdeskOnOptions, extensionId, grantHost, launchWithExtension, signInToFreescout } from '../lib/browser.mjs';
import { loadSplits } from '../lib/judgement-data';
import { readExchanges, type Exchange } from '../../lib/standards/judgement';
import { evaluateReply } from '../../lib/standards/engine';
import { DEFAULT_PACK } from '../../lib/standards/pack';

const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const count = Number(arg('--count') ?? 16);
const offset = Number(arg('--offset') ?? 0);
const split = arg('--split') ?? 'dev';
const shots = arg('--shots');
if (split !== 'dev' && split !== 'train') throw new Error('--split is dev or train: the test split is never read while developing');
const rowsFile = arg('--file');
if (rowsFile && /test/i.test(basename(rowsFile))) throw new Error('--file: a test file is never read while developing');

const FIRST = ['Noor', 'Tomás', 'Mei', 'Jonas', 'Amara', 'Luca', 'Priya', 'Sven', 'Yuki', 'Zeynep', 'Kofi', 'Elena'];
const LAST = ['Haddad', 'Ruiz', 'Lin', 'Berg', 'Okafor', 'Rossi', 'Raman', 'Olsen', 'Sato', 'Kaya', 'Mensah', 'Novak'];

interface Seeded {
  row: Exchange;
  key: string;
  name: string;
  /** Customer turns since the last agent turn: what the reply answers. */
  latest: string[];
  turns: [string, string][];
}

/** Every k-th exchange with a reply, short enough to read on one screen, with its earlier turns. */
function pick(rows: Exchange[]): Seeded[] {
  const usable = rows.filter((r) => r.reply && r.customer.length < 1500 && r.reply.length < 1500 && (r.thread ?? []).join('').length < 3000);
  const step = Math.max(1, Math.floor(usable.length / count));
  return usable
    .filter((_, i) => i % step === offset % step)
    .slice(0, count)
    .map((row, i) => {
      const turns: [string, string][] = [...(row.thread ?? []), `Customer: ${row.customer}`].map((t) => [/^customer/i.test(t) ? 'customer' : 'agent', t.replace(/^[^:]+:\s*/, '')]);
      while (turns[0]?.[0] === 'agent') turns.shift();
      const lastAgent = turns.map(([who]) => who).lastIndexOf('agent');
      return { row, key: `read${i}`, name: `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]}`, latest: turns.slice(lastAgent + 1).map(([, text]) => text), turns };
    });
}

/** Item states on the page once they hold still (two equal reads 400 ms apart), response time left out. */
async function settledStates(page: Page): Promise<{ states: Record<string, string>; mood: string }> {
  const frame = () => page.frames().find((f) => /^chrome-extension:\/\/[^/]+\/sidebar\.html/.test(f.url()));
  const read = async () => {
    const f = frame();
    if (!f) return { states: {}, mood: '' };
    const states = await f.locator('[data-testid="checklist"] [data-rule]').evaluateAll((items) => Object.fromEntries(items.map((i) => [i.getAttribute('data-rule')!, i.getAttribute('data-state')!]).filter(([rule]) => rule !== 'response-time')));
    const mood = (await f.locator('[data-testid="mood"]').count()) ? ((await f.locator('[data-testid="mood"]').textContent()) ?? '') : '';
    return { states, mood };
  };
  let last = await read();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(400);
    const now = await read();
    if (Object.keys(now.states).length && JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
  return last;
}

/** The engine on the row, with the message times the seed gives it (scripts/freescout/seed.php: turn i of n `30 + 2 (n − i)` minutes before `seededAt`). */
function offlineStates(s: Seeded, seededAt: number): Record<string, string> {
  const n = s.turns.length;
  const minutesBefore = (i: number) => seededAt - (30 + 2 * (n - i)) * 60_000;
  const lastAgent = s.turns.map(([who]) => who).lastIndexOf('agent');
  const times = lastAgent < 0 ? {} : { lastReplyAt: minutesBefore(lastAgent), receivedAt: minutesBefore(n - 1) };
  const r = evaluateReply({ draft: s.row.reply!, customerMessages: s.latest, customer: { name: s.name }, standards: DEFAULT_PACK, now: Date.now(), ...times });
  return Object.fromEntries(r.results.filter((x) => x.rule !== 'response-time').map((x) => [x.rule, x.state]));
}

/** A labelled file's rows, checked as `npm run evaluate` checks them; a bad line stops the run. */
function fileRows(path: string): Exchange[] {
  const { rows, problems } = readExchanges(readFileSync(path, 'utf8'), path);
  if (problems.length) throw new Error(problems.join('\n'));
  return rows;
}

async function main() {
  const rows = rowsFile ? fileRows(rowsFile) : loadSplits()[split as 'dev' | 'train'];
  const seeded = pick(rows);
  const file = join(mkdtempSync(join(tmpdir(), 'rapport-read-real-')), 'rows.json');
  writeFileSync(file, JSON.stringify(seeded.map((s) => ({ key: s.key, first: s.name.split(' ')[0], last: s.name.split(' ')[1], subject: `Real text: ${s.row.id}`, turns: s.turns }))));
  if (!args.includes('--no-build')) execSync('npx wxt build', { stdio: ['ignore', 'ignore', 'inherit'] });
  const script = resolve('scripts/freescout.sh');
  const env = { ...process.env, FS_PORT: '18970', DB_PORT: '19970', FREESCOUT_EXTRA_ROWS: file };
  const seededAt = Date.now();
  const ready = execFileSync('bash', [script, 'start'], { env, encoding: 'utf8', timeout: 240_000, stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').at(-1)!.match(/^ready (\S+) (.*)$/);
  if (!ready) throw new Error('scripts/freescout.sh start did not say ready');
  const [base, ids] = [ready[1]!, JSON.parse(ready[2]!) as Record<string, number>];
  const context = await launchWithExtension({ extensionPath: '.output/chrome-mv3', port: 1, headless: true, userDataDir: mkdtempSync(join(tmpdir(), 'rapport-read-real-profile-')) });
  let same = 0;
  try {
    const id = await extensionId(context);
    await grantHost(context, id, base);
    await (await addHelpdeskOnOptions(context, id, `${base}/*`, 'freescout')).close();
    const page: Page = await context.newPage();
    await signInToFreescout(page, base);
    if (shots) mkdirSync(shots, { recursive: true });
    for (const s of seeded) {
      await page.goto(`${base}/conversation/${ids[s.key]}`);
      await page.click('.conv-reply');
      await page.locator('.conv-reply-block:not(.hidden) .note-editable').click();
      await page.keyboard.insertText(s.row.reply!);
      const shown = await settledStates(page);
      const offline = offlineStates(s, seededAt);
      const diffs = Object.keys(offline).filter((rule) => shown.states[rule] !== offline[rule]).map((rule) => `${rule}: page ${shown.states[rule] ?? 'absent'}, engine ${offline[rule]}`);
      if (!diffs.length) same++;
      console.log(`${s.row.id} (${s.turns.length} turns): ${diffs.length ? diffs.join('; ') : 'same'}${shown.mood ? ` | ${shown.mood}` : ''}`);
      if (shots) await page.screenshot({ path: join(shots, `${s.row.id}.png`) });
    }
  } finally {
    await context.close();
    execFileSync('bash', [script, 'stop'], { env, stdio: 'ignore' });
  }
  console.log(`${same} of ${seeded.length} real ${split}-split conversations on FreeScout: every checklist item's state on the page equals the engine's on the row's text`);
  process.exitCode = same === seeded.length ? 0 : 1;
}

await main();
