/**
 * Rapport on a REAL helpdesk (#13): FreeScout 1.8.145 (PHP + MariaDB) started by scripts/freescout.sh
 * on 127.0.0.1, added by the agent on the options page (kind FreeScout, pattern http://127.0.0.1:PORT/*).
 * Also a custom helpdesk built from selectors on the options page only, on a page Rapport has
 * never seen.
 *
 * Granting the host: the permission prompt cannot be answered headless, so the test grants the host
 * the way the browser's own extensions page does (chrome://extensions, developerPrivate.addHostPermission),
 * then clicks Save: the extension's permissions.request then resolves at once (see docs/testing note
 * in README, "Configured helpdesks").
 *
 * Needs PHP 8.2 + MariaDB (installed by the script when missing, as root or with sudo). Without them
 * this file is skipped with a message, except under CI=1 where it fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { inSidebar, sidebar, screenshotDir, startRapport, type Rapport } from './harness';
import { clearTable, readTable } from './db';
// @ts-expect-error plain ESM helpers shared with the FreeScout benchmark
import { addHelpdeskOnOptions, grantHost as grantHostFor, signInToFreescout } from '../../scripts/lib/browser.mjs';
import { clickPrompt, promptText } from './send-prompt';
import { DEFAULT_PACK } from '../../lib/standards/pack';
import { evaluateReply } from '../../lib/standards/engine';
import realCustomers from '../../scripts/freescout/real-customers.json';

const SCRIPT = resolve('scripts/freescout.sh');
const check = spawnSync('bash', [SCRIPT, 'check'], { encoding: 'utf8' });
const available = check.status === 0;
if (!available) {
  const why = `FreeScout e2e skipped: ${check.stdout.trim() || check.stderr.trim()}`;
  if (process.env.CI) throw new Error(`${why} (CI must run it)`);
  console.warn(why);
}

const FS_PORT = 18_000 + (process.pid % 1000);
const DB_PORT = FS_PORT + 1000;
const env = { ...process.env, FS_PORT: String(FS_PORT), DB_PORT: String(DB_PORT) };
const BASE = `http://127.0.0.1:${FS_PORT}`;
const HOSTILE = '<img src=x onerror=alert(1)> Mallory';

let rapport: Rapport;
let seed: { carolRefund: number; carolEarlier: number; hostile: number; dan: number; sam: number; quoted: number; subject: number; business: number; bounce: number; redo: number; chased: number; otherLanguage: number; hugoEarlier: number; outbound: number; copied: number; jonasOwn: number; jonasOutbound: number; jonasCustomer: number; live: number } & Record<RealKey, number>;

/** Real customers seeded from the labelled data's dev split (scripts/freescout/seed.php), with the row each came from. */
const REAL = realCustomers;
type RealKey = keyof typeof REAL;
const realName = (key: RealKey) => `${REAL[key].first} ${REAL[key].last}`;
/** The labelled row a real customer came from: their message and the real reply staff sent. */
function realRow(key: RealKey): { customer: string; reply: string } {
  const entry: { source?: string; file?: string; row: string; reply?: string } = REAL[key];
  const rows = readFileSync(entry.file ?? `data/judgement/${entry.source}/labelled.jsonl`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; customer?: string; reply?: string; text?: string });
  const row = (id: string) => rows.find((r) => r.id === id)!;
  // data/language/ keeps one message a row: the customer's and the staff reply to it are two rows.
  return entry.reply ? { customer: row(entry.row).text!, reply: row(entry.reply).text! } : (row(entry.row) as { customer: string; reply: string });
}

/** Every checklist item's state for the row's text, from the engine run here (response time depends on the clock). */
function offlineStates(key: RealKey): Record<string, string> {
  const { customer, reply } = realRow(key);
  const r = evaluateReply({ draft: reply, customerMessages: [customer], customer: { name: realName(key) }, standards: DEFAULT_PACK, now: Date.now() });
  return Object.fromEntries(r.results.filter((x) => x.rule !== 'response-time').map((x) => [x.rule, x.state]));
}
let custom: { server: Server; port: number };

const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshotDir, `${name}.png`) });
const worker = (): Worker => rapport.context.serviceWorkers()[0]!;

beforeAll(async () => {
  if (!available) return;
  const out = execFileSync('bash', [SCRIPT, 'start'], { env, encoding: 'utf8', timeout: 240_000, stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = out.trim().split('\n').at(-1)!.match(/^ready (\S+) (.*)$/);
  if (!ready) throw new Error(`scripts/freescout.sh start said: ${out}`);
  seed = JSON.parse(ready[2]!);
  custom = await serveCustomDesk();
  rapport = await startRapport();
  await mkdir(screenshotDir, { recursive: true });
}, 300_000);

afterAll(async () => {
  await rapport?.close();
  custom?.server.close();
  if (available) execFileSync('bash', [SCRIPT, 'stop'], { env, stdio: 'ignore' });
}, 60_000);

/** What a person does on the browser's extensions page: allow the extension on this site. */
const grantHost = (origin: string) => grantHostFor(rapport.context, rapport.extensionId, origin);

async function openOptions(): Promise<Page> {
  const page = await rapport.context.newPage();
  await page.goto(`chrome-extension://${rapport.extensionId}/options.html`);
  await page.locator('[data-testid="helpdesk-add"]').waitFor();
  return page;
}

const addHelpdesk = (pattern: string, kind: string, selectors: Record<string, string> = {}): Promise<Page> =>
  addHelpdeskOnOptions(rapport.context, rapport.extensionId, pattern, kind, selectors);

const sidebarFor = async (page: Page, ticket: number | string, name: string) => {
  await expect.poll(() => inSidebar(page, 'ticket-id').textContent(), { timeout: 15_000 }).toBe(`#${ticket}`);
  await expect.poll(() => inSidebar(page, 'customer-name').textContent()).toBe(name);
};

/** Opens a conversation and its reply box, as an agent does. */
/** Types a reply in ticket `ticket`, waits until the checklist has read it, sends it, and waits for FreeScout to leave the conversation (its default after send). */
async function sendAndLeave(page: Page, ticket: number, name: string, reply: string) {
  await openReplyBox(page, ticket, name);
  await page.keyboard.type(reply);
  await expect.poll(() => itemState(page, 'greets-by-name'), { timeout: 15_000 }).toBe('pass');
  await page.click('.conv-reply-block:not(.hidden) .note-statusbar .btn-send-text');
  await page.waitForURL((u) => !u.pathname.endsWith(`/conversation/${ticket}`), { timeout: 15_000 });
}

async function openReplyBox(page: Page, ticket: number, name: string) {
  await page.goto(`${BASE}/conversation/${ticket}`);
  await sidebarFor(page, ticket, name);
  await page.click('.conv-reply');
  await page.locator('.conv-reply-block:not(.hidden) .note-editable').click();
}
/** A checklist item's state in the sidebar. */
const itemState = (page: Page, rule: string) => inSidebar(page, 'checklist').locator(`[data-rule="${rule}"]`).getAttribute('data-state');

interface StoredReply {
  account: string;
  ticketId: string;
  states: Record<string, string>;
  readiness: number;
  partlyChecked?: true;
  responseMs?: number;
}
/** A stored ticket row, as far as these tests read it. */
interface StoredVisit {
  ticketId: string;
  source?: 'visit' | 'api';
  startedBy?: string;
}
/** Sets the language FreeScout writes its pages in for the agent (their profile's "locale"). */
async function agentLanguage(page: Page, locale: string) {
  await page.goto(`${BASE}/users/profile/1`);
  await page.selectOption('select#locale', locale, { force: true });
  await Promise.all([page.waitForNavigation(), page.click('select#timezone >> xpath=ancestor::form//button[@type="submit"]')]);
}

const repliesOf = async (account: string) => (await readTable<StoredReply>(worker(), 'replies')).filter((r) => r.account === account);

describe.skipIf(!available)('on a real FreeScout', () => {
  it('is added on the options page; the manifest asked for nothing at install', async () => {
    const page = await rapport.context.newPage();
    await page.goto(`${BASE}/login`);
    await page.waitForTimeout(300);
    expect(await page.locator('rapport-sidebar').count()).toBe(0); // nothing runs before it is added
    await page.close();

    await grantHost(BASE);
    const options = await addHelpdesk(`${BASE}/*`, 'freescout');
    expect(await options.locator('[data-testid="helpdesk"]').count()).toBe(1);
    await shot(options, 'options-helpdesks');
    await options.close();
  });

  it('shows the right customer, their other conversation and a hostile name as text', async () => {
    const page = await rapport.context.newPage();
    await signInToFreescout(page, BASE);
    // An agent in New York: FreeScout now writes every time in New York time, the browser's zone here
    // being UTC (FreeScout's default profile zone is UTC whatever the browser's).
    await page.goto(`${BASE}/users/profile/1`);
    await page.selectOption('select#timezone', 'America/New_York', { force: true });
    await Promise.all([page.waitForNavigation(), page.click('select#timezone >> xpath=ancestor::form//button[@type="submit"]')]);

    // Straight to the refund: her earlier conversation, never opened here, comes from FreeScout's own
    // list of her conversations (her profile page), with its date.
    await page.goto(`${BASE}/conversation/${seed.carolRefund}`);
    await sidebarFor(page, seed.carolRefund, 'Carol Customer');
    expect(await inSidebar(page, 'helpdesk').textContent()).toBe('FreeScout');
    expect(await inSidebar(page, 'customer-email').textContent()).toBe('carol@example.test');
    const earlier = inSidebar(page, 'timeline-ticket').filter({ hasText: 'Where is my parcel?' });
    await expect.poll(() => earlier.count(), { timeout: 15_000 }).toBe(1);
    // Her last contact there is the agent's reply, seeded 9 days less 45 minutes before the seed ran
    // (scripts/freescout/seed.php), minutes before this: its date, either side of a midnight.
    const day = (ms: number) => new Date(ms).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
    const lastReply = Date.now() - 9 * 86_400_000 + 45 * 60_000;
    const lastOn = [...new Set([day(lastReply - 15 * 60_000), day(lastReply)])].map((d) => `Seen once, last on ${d}`);
    await expect.poll(() => inSidebar(page, 'visit-summary').textContent()).toBeOneOf(lastOn);
    expect(await sidebar(page, '[data-testid="cue"][data-cue="first-contact"]').count()).toBe(0);
    await shot(page, 'freescout-conversation');
    const stale = () => sidebar(page, '[data-testid="cue"][data-cue="unresolved-last-time"]');
    expect(await stale().textContent()).toMatch(/^Last ticket #\d+ “Where is my parcel\?” \(\d+ days ago\) wasn't solved/);

    // Closed in FreeScout's status menu, which saves it and opens the next conversation: no page
    // shows the new status, so before, the refund went on saying "wasn't solved".
    await page.goto(`${BASE}/conversation/${seed.carolEarlier}`);
    await sidebarFor(page, seed.carolEarlier, 'Carol Customer');
    await page.click('#conv-status .conv-info-val');
    await page.click('#conv-status .conv-status a[data-status="3"]');
    await page.waitForURL((u) => !u.pathname.endsWith(`/conversation/${seed.carolEarlier}`), { timeout: 15_000 });
    await page.goto(`${BASE}/conversation/${seed.carolRefund}`);
    await sidebarFor(page, seed.carolRefund, 'Carol Customer');
    await expect.poll(() => inSidebar(page, 'last-time').textContent(), { timeout: 15_000 }).toMatch(/“Where is my parcel\?”.*closed/);
    expect(await stale().count()).toBe(0);

    // The team lead's page for Carol links both conversations to FreeScout, under the pattern the
    // agent configured (FreeScout has no host of its own to link to).
    const dash = await rapport.context.newPage();
    await dash.goto(`chrome-extension://${rapport.extensionId}/dashboard.html#customers`);
    await dash.locator('[data-testid="customer-row"]').filter({ hasText: 'Carol Customer' }).click();
    const links = dash.locator('[data-testid="customer-history"] a');
    await expect.poll(() => links.evaluateAll((all) => all.map((a) => a.getAttribute('href')).sort())).toEqual([`${BASE}/conversation/${seed.carolRefund}`, `${BASE}/conversation/${seed.carolEarlier}`].sort());
    await dash.setViewportSize({ width: 1440, height: 900 });
    await shot(dash, 'freescout-dashboard-customer');
    await dash.close();

    await page.goto(`${BASE}/conversation/${seed.hostile}`);
    await sidebarFor(page, seed.hostile, HOSTILE);
    expect(await sidebar(page, 'img').count()).toBe(0);
    expect(rapport.dialogs).toEqual([]);
    await shot(page, 'freescout-hostile-name');
    await page.close();
  });

  it('checks the reply live in Summernote, records the sent reply and not a note', async () => {
    const page = await rapport.context.newPage();
    await page.goto(`${BASE}/conversation/${seed.carolRefund}`);
    await sidebarFor(page, seed.carolRefund, 'Carol Customer');
    expect(await repliesOf(`127.0.0.1:${FS_PORT}`)).toEqual([]);

    // A note first: "Add Note" saves an internal note, which is not a reply.
    await page.click('.conv-add-note');
    const editor = page.locator('.conv-reply-block:not(.hidden) .note-editable');
    await editor.click();
    await page.keyboard.type('Refund approved by the warehouse.');
    // Not checked as a reply to Carol (before: "Insert “Hi Carol,”", "No next step").
    await expect.poll(() => sidebar(page, '[data-testid="checklist"][data-writing="note"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await sidebar(page, '[data-testid="checklist"] [data-rule]').count()).toBe(0);
    await shot(page, 'freescout-note');
    // FreeScout saves through /conversation/ajax, then leaves for the folder (its default after send).
    await page.click('.conv-reply-block:not(.hidden) .note-statusbar .btn-add-note-text');
    await page.waitForURL((u) => !u.pathname.endsWith(`/conversation/${seed.carolRefund}`), { timeout: 15_000 });
    await page.goto(`${BASE}/conversation/${seed.carolRefund}`);
    expect(await page.locator('#conv-layout-main .thread-type-note').count()).toBe(2);
    expect(await repliesOf(`127.0.0.1:${FS_PORT}`)).toEqual([]);

    await sidebarFor(page, seed.carolRefund, 'Carol Customer');
    await page.click('.conv-reply');
    await editor.click();
    await page.keyboard.type('Hi Carol, I have refunded order #1042 today. Best regards, Alice');
    await expect.poll(() => inSidebar(page, 'checklist').count()).toBe(1);
    const greets = inSidebar(page, 'checklist').locator('[data-rule="greets-by-name"]');
    await expect.poll(() => greets.getAttribute('data-state')).toBe('pass');
    await shot(page, 'freescout-checklist');
    // Sent as Closed (the Status select beside Send): FreeScout closes it and opens the next conversation.
    await page.selectOption('.conv-reply-block:not(.hidden) .note-statusbar select[name="status"]', '3');
    await page.click('.conv-reply-block:not(.hidden) .note-statusbar .btn-send-text');
    await expect.poll(() => repliesOf(`127.0.0.1:${FS_PORT}`).then((r) => r.length), { timeout: 15_000 }).toBe(1);
    const [reply] = await repliesOf(`127.0.0.1:${FS_PORT}`);
    expect(reply).toMatchObject({ ticketId: String(seed.carolRefund), states: { 'greets-by-name': 'pass' } });
    // Carol wrote 30 minutes before the seed. Read in the browser's zone, FreeScout's New York
    // "09:25" was 09:25 UTC: five and a half hours to answer.
    expect(reply!.responseMs! / 60_000).toBeGreaterThan(29);
    expect(reply!.responseMs! / 60_000).toBeLessThan(45);
    await page.waitForURL((u) => !u.pathname.endsWith(`/conversation/${seed.carolRefund}`), { timeout: 15_000 });
    // No page showed the refund closed; her other conversation's "Last time" says it is.
    await page.goto(`${BASE}/conversation/${seed.carolEarlier}`);
    await sidebarFor(page, seed.carolEarlier, 'Carol Customer');
    await expect.poll(() => inSidebar(page, 'last-time').textContent(), { timeout: 15_000 }).toMatch(/“Refund for order #1042”.*closed/);
    await page.goto(`${BASE}/conversation/${seed.carolRefund}`);
    expect(await page.locator('#conv-layout-main .thread-type-message').count()).toBe(2); // FreeScout has it too
    await page.close();
  });

  // Seen in a review on this FreeScout with these real messages: "upset — “Welcome”" (a quoted
  // in-app message), "— “false”, “false”" (a bug template's settings), "… “good”" behind upset, a
  // critical "condescending: “Obviously”" on an agent owning a fault, "No next step" for a goodbye.
  it('reads real customers and the real replies they got as the engine does offline, without naming the wrong words', async () => {
    const page = await rapport.context.newPage();
    const replyTo = async (key: RealKey) => {
      await openReplyBox(page, seed[key], realName(key));
      await page.keyboard.insertText(realRow(key).reply);
      // Read off the real page, the verdicts are the engine's on the row's own text: nothing lost or added in the reading.
      const pageStates = () =>
        inSidebar(page, 'checklist')
          .locator('[data-rule]')
          .evaluateAll((items) => Object.fromEntries(items.map((i) => [i.getAttribute('data-rule'), i.getAttribute('data-state')]).filter(([rule]) => rule !== 'response-time')));
      await expect.poll(pageStates, { timeout: 15_000 }).toEqual(offlineStates(key));
    };
    const mood = () => inSidebar(page, 'mood').textContent();
    // Issue #12's "upset" takes in worry and loss; the sidebar says which ("worried" when loss words lead).
    // A reading the model barely leans to says "may be" (and is never critical).
    const UPSET = /^Customer (?:sounds|may be) (?:upset|worried)/;
    const state = (rule: string) => itemState(page, rule);

    await replyTo('realLostNotes');
    await expect.poll(mood).toMatch(UPSET);
    expect(await mood()).not.toMatch(/welcome/i);
    await shot(page, 'freescout-real-lost-notes');

    await replyTo('realRefundForm');
    await expect.poll(mood).toMatch(UPSET);
    expect(await mood()).not.toContain('“false”');

    await replyTo('realLostProgress');
    await expect.poll(() => state('respectful-language')).toBe('pass');
    // FreeScout's customer is Mei Lin; the mail is signed "Much thanks, David": David is greeted.
    await expect.poll(() => inSidebar(page, 'insert-greeting').textContent()).toBe('Insert “Hi David,”');
    expect(await inSidebar(page, 'greeting-why').textContent()).toBe('The latest message is signed “David”');
    expect(await inSidebar(page, 'checklist').locator('[data-rule="greets-by-name"]').textContent()).toContain('open with “Hi David,”');
    await expect.poll(mood).toMatch(UPSET);
    expect(await mood()).not.toContain('“good”');

    await replyTo('realThanks');
    await expect.poll(() => state('next-step')).toBe('na');
    await page.close();
  });

  // Before, every check read English: this real Italian reply was told "No warm close" ("Cordiali
  // Saluti") and "No next step" ("Potreste riprovare?"), and a German "das dritte Mal" read as calm.
  it('says a real ticket is not in English and gives no verdict on its wording rather than a wrong one', async () => {
    const page = await rapport.context.newPage();
    await openReplyBox(page, seed.realItalian, realName('realItalian'));
    await page.keyboard.insertText(realRow('realItalian').reply);
    const note = inSidebar(page, 'language-note');
    await expect.poll(() => note.textContent(), { timeout: 15_000 }).toBe('This ticket is not in English. Rapport reads English, so it checks only the greeting, placeholders and reply time.');
    const state = (rule: string) => itemState(page, rule);
    for (const rule of ['closing', 'next-step', 'acknowledges-feelings', 'answers-questions', 'confident-wording']) expect(await state(rule), rule).toBe('na');
    // "Salve @biadanpad": no name of this customer, which reads the same in any language.
    expect(await state('greets-by-name')).toBe('fail');
    expect(await inSidebar(page, 'readiness').textContent()).toBe('Almost: 1 to improve');
    expect(await inSidebar(page, 'mood').count()).toBe(0);
    expect(await inSidebar(page, 'question').count()).toBe(0);
    await sidebar(page, '[data-testid="checklist-passed"] summary').click();
    expect(await inSidebar(page, 'checklist-passed').locator('summary').textContent()).toContain('not checked');
    expect(await inSidebar(page, 'checklist').locator('[data-rule="closing"] [data-testid="why"]').textContent()).toBe('Not checked: your reply is not in English');
    await shot(page, 'freescout-not-english');

    // Sent, it is recorded as checked only in part, and the team lead's readiness average leaves it
    // out: its score came from the greeting and placeholders alone.
    const before = (await repliesOf(`127.0.0.1:${FS_PORT}`)).length;
    await page.click('.conv-reply-block:not(.hidden) .note-statusbar .btn-send-text');
    await expect.poll(() => repliesOf(`127.0.0.1:${FS_PORT}`).then((r) => r.length), { timeout: 15_000 }).toBe(before + 1);
    const sent = (await repliesOf(`127.0.0.1:${FS_PORT}`)).find((r) => r.ticketId === String(seed.realItalian));
    expect(sent).toMatchObject({ partlyChecked: true, states: { closing: 'na', 'greets-by-name': 'fail' } });
    const dash = await rapport.open(`chrome-extension://${rapport.extensionId}/dashboard.html#quality`);
    await expect.poll(() => dash.locator('[data-testid="partly-checked"]').textContent(), { timeout: 15_000 }).toBe(
      'Readiness leaves out 1 reply checked only in part: the reply or the customer’s message was not in English.',
    );
    await expect.poll(() => dash.getByText('Finding recent examples').count()).toBe(0);
    await dash.screenshot({ path: join(screenshotDir, 'dashboard-quality-partly-checked.png') });
    await dash.close();
    await page.close();
  });

  // Before, "Thanks, that worked!" above the agent's own quoted answer read "Customer sounds upset —
  // “again”, “still fails”, “trouble”, “frustrating”": the agent's words.
  it('reads the customer’s own words, not the earlier mail quoted under their reply', async () => {
    const page = await rapport.context.newPage();
    await openReplyBox(page, seed.quoted, 'Quinn Park');
    // The page shows the quoted mail; the sidebar's readings leave it out.
    expect(await page.locator('#conv-layout-main .thread-type-customer').first().innerText()).toContain('this must be frustrating');
    await page.keyboard.type('Hi Quinn, great to hear it works now. Let me know if anything else comes up.');
    const state = (rule: string) => itemState(page, rule);
    // The whole draft read (mid-typing drafts may differ): it closes warmly.
    await expect.poll(() => state('closing'), { timeout: 15_000 }).toBe('pass');
    expect(await state('greets-by-name')).toBe('pass');
    expect(await state('acknowledges-feelings')).toBe('na');
    // "Thanks, that worked!" wraps up: no next step needed.
    expect(await state('next-step')).toBe('na');
    expect(await inSidebar(page, 'readiness').textContent()).toMatch(/^Ready to send/);
    expect(await inSidebar(page, 'mood').count()).toBe(0);
    expect(await inSidebar(page, 'question').count()).toBe(0);
    await shot(page, 'freescout-quoted-mail');
    await page.close();
  });

  // Before, the footer's "please notify the sender immediately" was listed as a question and its
  // "CONFIDENTIALITY NOTICE", "error" and "prohibited" read as an upset customer.
  it('reads a business mail without its signature, legal footer and the earlier mail under it', async () => {
    const page = await rapport.context.newPage();
    await openReplyBox(page, seed.business, 'Anna Berg');
    expect(await page.locator('#conv-layout-main .thread-type-customer').first().innerText()).toContain('CONFIDENTIALITY NOTICE');
    await page.keyboard.type('Hi Anna, I have corrected the VAT number and sent the invoice again today. Let me know if anything else comes up.');
    // The whole draft read (mid-typing drafts may differ): it closes warmly.
    await expect.poll(() => itemState(page, 'closing'), { timeout: 15_000 }).toBe('pass');
    await expect.poll(() => inSidebar(page, 'question').allTextContents()).toEqual([expect.stringMatching(/Can you correct it and send it again\? — addressed/)]);
    await expect.poll(() => itemState(page, 'answers-questions')).toBe('pass');
    expect(await itemState(page, 'acknowledges-feelings')).toBe('na');
    expect(await inSidebar(page, 'mood').count()).toBe(0);
    await shot(page, 'freescout-business-mail');
    await page.close();
  });

  // FreeScout opens the next conversation the moment a reply is sent (its default after send), so
  // the follow-up suggestion for a promise in it used to be drawn on a page already gone: the
  // promise tracker never offered one here. The suggestion now waits on the next page, says whose
  // it is, and Add files the follow-up under the reply's customer and ticket.
  it('offers the follow-up for a promise in a sent reply on the page FreeScout opens next', async () => {
    const page = await rapport.context.newPage();
    await sendAndLeave(page, seed.dan, 'Dan Buyer', "Hi Dan, I'll send you the copy of invoice 77 by Friday. Best regards, Alice");
    const suggestion = inSidebar(page, 'follow-up-suggestion');
    await expect.poll(() => suggestion.textContent(), { timeout: 15_000 }).toMatch(/Add follow-up: .*‘(by )?Friday’/);
    expect(await inSidebar(page, 'suggestion-from').textContent()).toBe(`To Dan Buyer · #${seed.dan}`);
    expect(await inSidebar(page, 'customer-name').textContent()).not.toBe('Dan Buyer'); // another conversation's page
    await shot(page, 'freescout-follow-up-after-send');
    await suggestion.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => inSidebar(page, 'follow-up-suggestion').count()).toBe(0);
    // Filed under Dan: his conversation's sidebar has it, and the page it was added on does not.
    expect(await inSidebar(page, 'follow-up').count()).toBe(0);
    await page.goto(`${BASE}/conversation/${seed.dan}`);
    await sidebarFor(page, seed.dan, 'Dan Buyer');
    await expect.poll(() => inSidebar(page, 'follow-up').first().textContent(), { timeout: 15_000 }).toContain("I'll send you the copy of invoice 77 by Friday");
    expect(await inSidebar(page, 'follow-up-suggestion').count()).toBe(0); // added once, offered no more
    await page.close();
  });

  // "Email Sent … Undo" turns the reply back into a draft (FreeScout's undoReply()): it was not sent,
  // so it must not count on the dashboard, nor leave a follow-up to offer.
  it('takes back a reply the agent undid in FreeScout’s notice, and the follow-up it suggested', async () => {
    const page = await rapport.context.newPage();
    const host = `127.0.0.1:${FS_PORT}`;
    const before = (await repliesOf(host)).length;
    await sendAndLeave(page, seed.quoted, 'Quinn Park', "Hi Quinn, I'll check the sync logs tomorrow and write back. Best regards, Alice");
    await expect.poll(() => repliesOf(host).then((r) => r.length), { timeout: 15_000 }).toBe(before + 1);
    await expect.poll(() => inSidebar(page, 'follow-up-suggestion').count(), { timeout: 15_000 }).toBe(1);
    await page.click('a[href*="/conversation/undo-reply/"]');
    await expect.poll(() => repliesOf(host).then((r) => r.length), { timeout: 15_000 }).toBe(before);
    // FreeScout is back on Quinn's conversation with the reply as a draft; nothing offers the follow-up.
    await page.waitForURL((u) => u.pathname.endsWith(`/conversation/${seed.quoted}`), { timeout: 15_000 });
    await sidebarFor(page, seed.quoted, 'Quinn Park');
    await page.waitForTimeout(500);
    expect(await inSidebar(page, 'follow-up-suggestion').count()).toBe(0);
    await page.close();
  });

  // What the customer says about having written before (GUIDELINE §7; measured in docs/memory.md).
  // Before, Rosa's "logged in again" read "They say they've been here before" and Omar's unanswered
  // mail from last Tuesday read nothing, so he was welcomed as a first-time customer.
  it('reads a claim to have written before from what the customer says, not from every "again"', async () => {
    const cue = (page: Page, id: string) => sidebar(page, `[data-testid="cue"][data-cue="${id}"]`);
    const page = await rapport.context.newPage();
    await page.goto(`${BASE}/conversation/${seed.chased}`);
    await sidebarFor(page, seed.chased, 'Omar Haddad');
    await expect.poll(() => cue(page, 'repeat-contact').textContent(), { timeout: 15_000 }).toMatch(/They say it's not the first time \(“I emailed you last Tuesday about the double charge/);
    expect(await cue(page, 'first-contact').count()).toBe(0);
    expect(await inSidebar(page, 'visit-summary').textContent()).not.toMatch(/First time/);
    await shot(page, 'freescout-repeat-claim');

    await page.goto(`${BASE}/conversation/${seed.redo}`);
    await sidebarFor(page, seed.redo, 'Rosa Lind');
    await expect.poll(() => inSidebar(page, 'visit-summary').textContent(), { timeout: 15_000 }).toMatch(/^(?:First time we see this customer|Seen once, last on .*\(today\))$/);
    // Her profile in FreeScout lists this conversation alone: the welcome, which FreeScout pages
    // never showed before Rapport read that list.
    await expect.poll(() => cue(page, 'first-contact').textContent(), { timeout: 15_000 }).toMatch(/^First ticket from them — welcome them/);
    expect(await cue(page, 'repeat-contact').count()).toBe(0);
    expect(await sidebar(page, 'aside').textContent()).not.toMatch(/they say/i);
    await shot(page, 'freescout-no-repeat-claim');
    await page.close();
  });

  // Before, a one-line closing in a real 22-turn chat failed "Greets by name": nobody opens each line
  // of a conversation under way with "Hi Lea,". The message times come from FreeScout's page.
  it('asks for no new greeting while the customer is answering within minutes', async () => {
    const page = await rapport.context.newPage();
    await openReplyBox(page, seed.live, 'Lea Novak');
    await page.keyboard.type('Thanks! Please clear the cache and sign in again.');
    const why = () => inSidebar(page, 'checklist').locator('[data-rule="greets-by-name"] [data-testid="why"]').textContent();
    await expect.poll(() => itemState(page, 'greets-by-name'), { timeout: 15_000 }).toBe('na');
    expect(await why()).toBe('Mid-conversation: they answered your last reply within 3 minutes — no new greeting needed');
    await shot(page, 'freescout-live-exchange');
    // A greeting written all the same is still checked: another customer's name is still wrong.
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Hi Dana, ');
    await expect.poll(() => itemState(page, 'greets-by-name'), { timeout: 15_000 }).toBe('fail');
    await page.close();
  });

  // Before, the mail server's "Your message wasn't delivered … unable to receive mail" read
  // "Customer sounds upset — “unable”, “LEARN MORE”".
  it('reads nothing from a delivery failure filed as the customer’s message', async () => {
    const page = await rapport.context.newPage();
    await openReplyBox(page, seed.bounce, 'Carl Moss');
    expect(await page.locator('#conv-layout-main .thread-type-customer').first().innerText()).toContain('This is a bounce message.');
    await page.keyboard.type('Hi Carl, could you give me an address that works? Then I will send the invoice again.');
    await expect.poll(() => itemState(page, 'greets-by-name'), { timeout: 15_000 }).toBe('pass');
    expect(await inSidebar(page, 'mood').count()).toBe(0);
    expect(await inSidebar(page, 'question').count()).toBe(0);
    expect(await itemState(page, 'acknowledges-feelings')).toBe('na');
    await shot(page, 'freescout-bounce');
    await page.close();
  });

  // Seen on this FreeScout: the agent sent a customer who had written once today a new conversation,
  // and its sidebar said "2nd ticket today — acknowledge the hassle".
  it('a conversation the agent started is no second contact of the customer’s, here or on his own', async () => {
    const page = await rapport.context.newPage();
    const cue = (id: string) => sidebar(page, `[data-testid="cue"][data-cue="${id}"]`);
    await page.goto(`${BASE}/conversation/${seed.outbound}`);
    await sidebarFor(page, seed.outbound, 'Hugo Reyes');
    // His own conversation this morning is known from his profile page (still open: "wasn't solved").
    await expect.poll(() => cue('unresolved-last-time').count(), { timeout: 15_000 }).toBe(1);
    expect(await cue('repeat-contact').count()).toBe(0);
    expect(await cue('first-contact').count()).toBe(0);
    await shot(page, 'freescout-agent-started');
    // And his own conversation does not count the agent's as a second one either.
    await page.goto(`${BASE}/conversation/${seed.hugoEarlier}`);
    await sidebarFor(page, seed.hugoEarlier, 'Hugo Reyes');
    await expect.poll(() => cue('unresolved-last-time').count(), { timeout: 15_000 }).toBe(1);
    expect(await cue('repeat-contact').count()).toBe(0);
    await page.close();
  });

  // Before, every FreeScout account was "not a helpdesk account Rapport works with": a team lead
  // could not merge a single bundle from an agent on FreeScout.
  it('a team lead imports an agent’s bundle of real FreeScout customers into a fresh profile', async () => {
    const dash = await rapport.context.newPage();
    await dash.goto(`chrome-extension://${rapport.extensionId}/dashboard.html#data`);
    await dash.waitForSelector('.rd-app[data-ready="true"]');
    const statement = () => dash.textContent('[data-testid="data-statement"]');
    const exported = (await statement())!.match(/([\d,]+) customers?, ([\d,]+) tickets?/)!;
    const [download] = await Promise.all([dash.waitForEvent('download', { timeout: 15_000 }), dash.click('[data-testid="export"]')]);
    const path = join(await mkdtemp(join(tmpdir(), 'rapport-fs-bundle-')), 'bundle.json');
    await download.saveAs(path);
    expect(await readFile(path, 'utf8')).toContain(`"account":"127.0.0.1:${FS_PORT}"`);
    await dash.close();

    const lead = await startRapport();
    try {
      const page = await lead.context.newPage();
      await page.goto(`chrome-extension://${lead.extensionId}/dashboard.html#data`);
      await page.waitForSelector('.rd-app[data-ready="true"]');
      await page.setInputFiles('[data-testid="import-file"]', path);
      await page.waitForSelector('[data-testid="import-preview"], [data-testid="import-error"]');
      expect(await page.locator('[data-testid="import-error"]').count()).toBe(0);
      await page.click('[data-testid="import-confirm"]');
      await page.waitForSelector('[data-testid="import-done"]');
      await expect.poll(() => page.textContent('[data-testid="data-statement"]'), { timeout: 5_000 }).toContain(`${exported[1]} customer`);
      expect(await page.textContent('[data-testid="data-statement"]')).toContain(`${exported[2]} ticket`);
    } finally {
      await lead.close();
    }
  });

  it('the colleague on copy who wrote the latest message is offered and greeted by name', async () => {
    const page = await rapport.context.newPage();
    await openReplyBox(page, seed.copied, 'Ines Ortega');
    expect(await page.locator('.thread-type-customer .thread-person strong').first().textContent()).toContain('Bob Marsh');
    // The helper offers Bob's name, not Ines's: he wrote the message being answered.
    await expect.poll(() => inSidebar(page, 'insert-greeting').textContent(), { timeout: 15_000 }).toBe('Insert “Hi Bob,”');
    expect(await inSidebar(page, 'greeting-why').textContent()).toBe('Bob Marsh wrote the latest message');
    await page.keyboard.type("Hi Bob, thanks: I've corrected the VAT number on all three invoices and sent them again.");
    await expect.poll(() => itemState(page, 'greets-by-name'), { timeout: 15_000 }).toBe('pass');
    expect(await inSidebar(page, 'checklist').locator('[data-rule="greets-by-name"]').textContent()).not.toMatch(/but this is/);
    await page.close();
  });

  it('reads the subject of a mail whose body only says "see subject"', async () => {
    const page = await rapport.context.newPage();
    await openReplyBox(page, seed.subject, 'Uma Das');
    await page.keyboard.type('Hi Uma, I have refunded order 1042 today; you will see it within 5 days.');
    await expect.poll(() => inSidebar(page, 'question').allTextContents(), { timeout: 15_000 }).toEqual([expect.stringMatching(/Refund for order 1042 please — addressed/)]);
    await expect.poll(() => itemState(page, 'answers-questions')).toBe('pass');
    await page.close();
  });

  it('a note follows Sam by email from Zendesk to Freshdesk to FreeScout', async () => {
    // One workspace: this profile's Zendesk, Freshdesk and FreeScout accounts are three different
    // products, which join the same memory by default (#15).
    const zd = await rapport.open('https://demo.zendesk.com/agent/tickets/102');
    await expect.poll(() => inSidebar(zd, 'customer-email').textContent(), { timeout: 15_000 }).toBe('sam.rivera@example.com');
    const fromZendesk = `Written on Zendesk ${Date.now()}`;
    await inSidebar(zd, 'note-input').fill(fromZendesk);
    await inSidebar(zd, 'note-save').click();
    await expect.poll(() => inSidebar(zd, 'note').first().textContent()).toContain(fromZendesk);
    await zd.close();

    const fd = await rapport.open('https://demo.freshdesk.com/a/tickets/41');
    await expect.poll(() => inSidebar(fd, 'note').allTextContents(), { timeout: 15_000 }).toEqual(expect.arrayContaining([expect.stringContaining(fromZendesk)]));
    const fromFreshdesk = `Written on Freshdesk ${Date.now()}`;
    await inSidebar(fd, 'note-input').fill(fromFreshdesk);
    await inSidebar(fd, 'note-save').click();
    await expect.poll(() => inSidebar(fd, 'note').first().textContent()).toContain(fromFreshdesk);
    await fd.close();

    const page = await rapport.context.newPage();
    await page.goto(`${BASE}/conversation/${seed.sam}`);
    await sidebarFor(page, seed.sam, 'Sam Rivera');
    expect(await inSidebar(page, 'customer-email').textContent()).toBe('sam.rivera@example.com');
    await expect.poll(() => inSidebar(page, 'note').allTextContents(), { timeout: 15_000 }).toEqual(
      expect.arrayContaining([expect.stringContaining(fromZendesk), expect.stringContaining(fromFreshdesk)]),
    );
    await shot(page, 'freescout-note-follows');
    await page.close();
  });

  it('tests the adapter’s selectors on the open tab from the options page', async () => {
    const page = await rapport.context.newPage();
    await page.goto(`${BASE}/conversation/${seed.carolRefund}`);
    await sidebarFor(page, seed.carolRefund, 'Carol Customer');
    const options = await openOptions();
    await options.click('[data-testid="helpdesk-test"]');
    const row = (field: string) => options.locator(`[data-testid="helpdesk-test-result"] tr[data-field="${field}"] [data-testid="match-count"]`);
    await expect.poll(() => row('customerName').textContent()).toBe('1');
    expect(Number(await row('thread').textContent())).toBeGreaterThanOrEqual(4);
    expect(await page.locator('[data-rapport-tested]').count()).toBeGreaterThan(4); // outlined on the page
    // The built-in FreeScout adapter on this host, read the way the sidebar reads it.
    const inPreview = (id: string) => options.locator(`[data-testid="helpdesk-preview"] [data-testid="${id}"]`);
    await expect.poll(() => inPreview('customer-name').textContent()).toBe('Carol Customer');
    expect(await inPreview('ticket-id').textContent()).toBe(`#${seed.carolRefund}`);
    expect(await inPreview('customer-email').textContent()).toBe('carol@example.test');
    expect(Number(await inPreview('preview-customer-messages').textContent())).toBeGreaterThanOrEqual(1);
    expect(await inPreview('preview-latest').textContent()).not.toBe('');
    await shot(options, 'options-helpdesk-tester');
    await options.close();
    await page.close();
  });
});

describe.skipIf(!available)('a custom helpdesk, configured on the options page only', () => {
  it('previews the sidebar from the settings as typed, then reads a page Rapport has never seen, and says what it cannot read', async () => {
    const origin = `http://127.0.0.1:${custom.port}`;
    await grantHost(origin);
    const selectors = {
      'ticket-id': 'url:/desk/case/(\\d+)',
      subject: 'h1.case-title',
      'requester-name': '.who .name',
      'requester-email': '.who a.email', // a typo: matches nothing on the page
      message: 'ol.posts > li',
      'message-body': '.post-text',
      'customer-message': '.from-client',
      composer: '#answer',
      send: 'button.post-answer',
    };
    const page = await rapport.context.newPage();
    await page.goto(`${origin}/desk/case/77`);
    const options = await openOptions();
    await options.click('[data-testid="helpdesk-add"]');
    await options.fill('[data-testid="helpdesk-pattern"]', `${origin}/desk/*`);
    await options.selectOption('[data-testid="helpdesk-kind"]', 'custom');
    for (const [field, selector] of Object.entries(selectors)) await options.fill(`[data-testid="sel-${field}"]`, selector);

    // Before saving: the tester reads the open tab with the settings as typed, as the sidebar would.
    await options.click('[data-testid="helpdesk-form-test"]');
    const inPreview = (id: string) => options.locator(`[data-testid="helpdesk-preview"] [data-testid="${id}"]`);
    await expect.poll(() => inPreview('customer-name').textContent(), { timeout: 15_000 }).toBe('Priya Raman');
    expect(await inPreview('ticket-id').textContent()).toBe('#77');
    expect(await inPreview('helpdesk').textContent()).toBe('Custom helpdesk');
    expect(await inPreview('preview-customer-messages').textContent()).toBe('2');
    expect(await inPreview('preview-agent-messages').textContent()).toBe('1');
    expect(await inPreview('preview-latest').textContent()).toBe('Any news? I need them for my accountant. <img src=x onerror=alert(1)>');
    expect(await options.locator('[data-testid="helpdesk-preview"] img').count()).toBe(0); // customer text stays text
    expect(await inPreview('customer-email').textContent()).toBe('Email not shown on this page');
    expect(await inPreview('read-problem').textContent()).toContain("the requester's email");
    expect(await inPreview('preview-composer').getAttribute('data-found')).toBe('true');
    expect(await inPreview('preview-send').getAttribute('data-found')).toBe('true');
    expect(await options.locator('[data-testid="helpdesk-test-result"] tr[data-field="requester-email"] [data-testid="match-count"]').textContent()).toBe('0');
    expect(await page.locator('rapport-sidebar').count()).toBe(0); // nothing runs there yet
    expect(await page.evaluate(() => Object.keys(window).filter((k) => /rapport/i.test(k)))).toEqual([]); // the page saw nothing
    await shot(options, 'options-helpdesk-preview-missing');

    await options.fill('[data-testid="sel-requester-email"]', '.who a.mail');
    await expect.poll(() => options.getByText('Settings changed since this test').count()).toBe(1);
    await options.click('[data-testid="helpdesk-form-test"]');
    await expect.poll(() => inPreview('customer-email').textContent()).toBe('priya@example.org');
    expect(await inPreview('read-problem').count()).toBe(0);
    await shot(options, 'options-helpdesk-preview');
    await options.click('[data-testid="helpdesk-save"]');
    await options.locator('[data-testid="helpdesk"]', { hasText: `${origin}/desk/*` }).filter({ hasText: 'Rapport runs here' }).waitFor({ timeout: 15_000 });
    await options.close();

    await page.reload();
    await sidebarFor(page, 77, 'Priya Raman');
    expect(await inSidebar(page, 'customer-email').textContent()).toBe('priya@example.org');
    expect(await inSidebar(page, 'helpdesk').textContent()).toBe('Custom helpdesk');
    await page.click('#answer');
    await page.keyboard.type('Hi Priya, thanks for the details.');
    await expect.poll(() => inSidebar(page, 'checklist').count()).toBe(1);
    await shot(page, 'custom-helpdesk');

    // A layout change: the name's element is gone. The sidebar says so and offers diagnostics.
    await page.goto(`${origin}/desk/case/78`);
    await expect.poll(() => inSidebar(page, 'copy-diagnostics').count(), { timeout: 15_000 }).toBe(1);
    await inSidebar(page, 'copy-diagnostics').click(); // the report is counted on demand
    await expect.poll(() => inSidebar(page, 'diagnostics').count()).toBe(1);
    const report = (await inSidebar(page, 'diagnostics').textContent()) ?? '';
    expect(report).toContain(`URL pattern: ${origin}/desk/*`);
    expect(report).toMatch(/requester-name: 0 {2}\.who \.name/);
    expect(report).not.toMatch(/Priya|Hannes|printer/i); // no customer text
    await shot(page, 'custom-helpdesk-broken');
    await page.close();
  });

  it('asks before sending a reply that misses a must-have (Summernote): keep editing sends nothing, send anyway sends once (#16)', async () => {
    const setLocal = (items: object) => worker().evaluate((i) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set(i), items);
    await setLocal({ 'standards.pack': { ...DEFAULT_PACK, version: 2, askBeforeSending: true } });
    const page = await rapport.context.newPage();
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`${BASE}/conversation/${seed.carolRefund}`);
    await sidebarFor(page, seed.carolRefund, 'Carol Customer');
    const sent = () => page.locator('#conv-layout-main .thread-type-message').count();
    const before = await sent();
    await page.click('.conv-reply');
    const editor = page.locator('.conv-reply-block:not(.hidden) .note-editable');
    await editor.click();
    // A placeholder left in (a critical item of the default pack, whatever Carol wrote).
    await page.keyboard.type('Hi Carol, your refund for order [ORDER NUMBER] is on its way.');
    const failing = '[data-testid="checklist"] [data-rule="placeholders"][data-state="fail"]';
    await expect.poll(() => sidebar(page, failing).count()).toBeGreaterThan(0);
    const send = '.conv-reply-block:not(.hidden) .note-statusbar .btn-send-text';

    await page.click(send);
    await expect.poll(() => promptText(cdp)).toMatch(/^Before you send: .*No placeholders left.* Send anyway Keep editing$/);
    await shot(page, 'freescout-ask-before-sending');
    await clickPrompt(page, cdp, 'send-check-keep');
    await expect.poll(() => promptText(cdp)).toBeUndefined();
    expect(await page.evaluate(() => !!document.activeElement?.closest('.note-editable'))).toBe(true);
    await page.waitForTimeout(500);
    expect(new URL(page.url()).pathname).toBe(`/conversation/${seed.carolRefund}`); // still here: nothing sent
    expect(await sent()).toBe(before);

    await page.click(send);
    await expect.poll(() => promptText(cdp)).toBeDefined();
    await clickPrompt(page, cdp, 'send-check-send');
    // FreeScout sends, then leaves for the folder (its default after send).
    await page.waitForURL((u) => !u.pathname.endsWith(`/conversation/${seed.carolRefund}`), { timeout: 15_000 });
    await page.goto(`${BASE}/conversation/${seed.carolRefund}`);
    expect(await sent()).toBe(before + 1);

    // A forward to the warehouse (the "…" menu's Forward) goes to someone else: never held for
    // Carol's must-haves, nor recorded as a reply to her.
    await sidebarFor(page, seed.carolRefund, 'Carol Customer');
    const recorded = (await repliesOf(`127.0.0.1:${FS_PORT}`)).length;
    await page.click('.conv-action.dropdown-toggle');
    await page.click('.conv-forward');
    await page.evaluate(() => {
      const $ = (window as unknown as { jQuery: (s: string) => { append(o: HTMLOptionElement): { trigger(e: string): void } } }).jQuery;
      $('#to_email').append(new Option('warehouse@example.test', 'warehouse@example.test', true, true)).trigger('change');
    });
    await editor.click();
    await page.keyboard.type('Please check order [ORDER NUMBER] from batch 7.');
    await expect.poll(() => sidebar(page, '[data-testid="checklist"][data-writing="forward"]').count(), { timeout: 10_000 }).toBe(1);
    await page.click('.conv-reply-block:not(.hidden) .note-statusbar .btn-send-forward');
    await page.waitForURL((u) => !u.pathname.endsWith(`/conversation/${seed.carolRefund}`), { timeout: 15_000 });
    expect(await promptText(cdp)).toBeUndefined();
    await page.waitForTimeout(500);
    expect(await repliesOf(`127.0.0.1:${FS_PORT}`)).toHaveLength(recorded);
    await setLocal({ 'standards.pack': { ...DEFAULT_PACK, version: 3 } });
    await page.close();
  });

  it('masks the customer’s name and email on the FreeScout page in presentation mode (#16)', async () => {
    const setLocal = (items: object) => worker().evaluate((i) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set(i), items);
    const page = await rapport.context.newPage();
    await page.goto(`${BASE}/conversation/${seed.carolRefund}`);
    await sidebarFor(page, seed.carolRefund, 'Carol Customer');
    const shown = () => page.evaluate(() => document.body.innerText);
    expect(await shown()).toContain('Carol Customer');
    expect(await shown()).toContain('carol@example.test');
    await setLocal({ presentation: true });
    await expect.poll(() => inSidebar(page, 'customer-name').textContent()).toBe('C. C.');
    await expect.poll(shown).not.toContain('Carol Customer');
    expect(await shown()).not.toContain('carol@example.test');
    await shot(page, 'freescout-presentation');
    await setLocal({ presentation: false });
    await expect.poll(shown).toContain('Carol Customer');
    expect(await page.locator('[data-rapport-masked]').count()).toBe(0);
    await page.close();
  });

  // FreeScout writes month names in the agent's language ("Dez 7", "Дек 7"): before, only English
  // ones were read, so in another language no message had a time and no history could be read (no
  // first-ticket welcome, "Local history only"). Russian: no month reads as an English one, in any month.
  it('reads FreeScout in the agent’s own language: a first-time customer’s history and her mail’s time', async () => {
    const page = await rapport.context.newPage();
    await agentLanguage(page, 'ru');
    // A new day: every customer's history is due again (FreeScout may have opened Greta's conversation
    // after an earlier send, and her history was read then, in English).
    await clearTable(worker(), 'apiFetches');
    try {
      await page.goto(`${BASE}/conversation/${seed.otherLanguage}`);
      expect(await page.getAttribute('.thread-info .thread-date', 'data-original-title')).toMatch(/^[\u0400-\u04FF]+ \d{1,2}, \d{4} \d\d:\d\d$/u);
      await sidebarFor(page, seed.otherLanguage, 'Greta Vogel');
      await expect.poll(() => sidebar(page, '[data-testid="cue"][data-cue="first-contact"]').count(), { timeout: 15_000 }).toBe(1);
      expect(await inSidebar(page, 'api-problem').count()).toBe(0); // her history was read, in Russian
      await shot(page, 'freescout-russian');
      await sendAndLeave(page, seed.otherLanguage, 'Greta Vogel', 'Hi Greta, here is the invoice for order 5512. Best regards, Alice');
      const sent = (await repliesOf(`127.0.0.1:${FS_PORT}`)).find((r) => r.ticketId === String(seed.otherLanguage));
      // Greta wrote 40 minutes before the seed (New York time on this agent's profile, as set above).
      const minutes = (sent?.responseMs ?? NaN) / 60_000;
      expect(minutes).toBeGreaterThan(39);
      expect(minutes).toBeLessThan(60);
    } finally {
      await agentLanguage(page, 'en');
      await page.close();
    }
  });

  // Before, only FreeScout's English "Created by User" was read: in German the agent's new conversation
  // with Jonas counted as his second contact today ("2nd ticket today — acknowledge the hassle").
  it('a conversation the agent started is read from the history in the agent’s language, and is no contact of his', async () => {
    const page = await rapport.context.newPage();
    await agentLanguage(page, 'de');
    await clearTable(worker(), 'apiFetches');
    try {
      await page.goto(`${BASE}/customers/${seed.jonasCustomer}/`);
      // The title as served (Bootstrap's tooltip moves it to data-original-title once the page runs).
      const title = page.locator(`tr[data-conversation_id="${seed.jonasOutbound}"] .conv-date a`).evaluate((a) => a.getAttribute('data-original-title') || a.getAttribute('title'));
      expect(await title).toMatch(/^Erstellt von Benutzer<br\s*\/?>/);
      await page.goto(`${BASE}/conversation/${seed.jonasOwn}`);
      await sidebarFor(page, seed.jonasOwn, 'Jonas Berg');
      // His history was read, the agent's conversation in it.
      const outbound = inSidebar(page, 'timeline-ticket').filter({ hasText: 'Ihre Rückerstattung' });
      await expect.poll(() => outbound.count(), { timeout: 15_000 }).toBe(1);
      expect(await inSidebar(page, 'api-problem').count()).toBe(0);
      // Stored from his profile's list as the agent's.
      const stored = async () => (await readTable<StoredVisit>(worker(), 'visits')).find((v) => v.ticketId === String(seed.jonasOutbound));
      await expect.poll(async () => (await stored())?.source, { timeout: 15_000 }).toBe('api');
      expect((await stored())!.startedBy).toBe('agent');
      // The cues read the history too once it is stored: the agent's conversation, still open, waits on
      // him, not he on us. It was "Last ticket … wasn't solved — check it's sorted first", of the mail
      // that had answered this very ticket.
      const cue = (id: string) => sidebar(page, `[data-testid="cue"][data-cue="${id}"]`);
      await expect.poll(() => cue('unresolved-last-time').count(), { timeout: 15_000 }).toBe(1);
      expect(await cue('unresolved-last-time').textContent()).toMatch(/We wrote to them on #\d+ “Ihre Rückerstattung für Bestellung 7781” \((today|yesterday)\) — read it before you reply/);
      expect(await cue('repeat-contact').count()).toBe(0);
      await shot(page, 'freescout-german-outbound');
    } finally {
      await agentLanguage(page, 'en');
      await page.close();
    }
  });

  it('removing the helpdesk removes its script and its permission', async () => {
    const origin = `http://127.0.0.1:${custom.port}`;
    const options = await openOptions();
    const row = options.locator('[data-testid="helpdesk"]', { hasText: `${origin}/desk/*` });
    await row.locator('[data-testid="helpdesk-remove"]').click();
    await expect.poll(() => row.count()).toBe(0);
    const granted = await options.evaluate(
      (o) => (globalThis as unknown as { chrome: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } } }).chrome.permissions.contains({ origins: [`${o}/*`] }),
      origin,
    );
    expect(granted).toBe(false);
    await options.close();
    const page = await rapport.context.newPage();
    await page.goto(`${origin}/desk/case/77`);
    await page.waitForTimeout(500);
    expect(await page.locator('rapport-sidebar').count()).toBe(0);
    await page.close();
  });
});

/** A small helpdesk of our own making, with markup no adapter knows. */
function serveCustomDesk(): Promise<{ server: Server; port: number }> {
  const page = (id: string, broken: boolean) => `<!doctype html><html><head><meta charset="utf-8"><title>Case ${id}</title>
<style>body{font:15px system-ui;margin:24px} li{margin:8px 0;padding:8px;border:1px solid #ccc} .from-client{background:#f3f7ff}</style></head>
<body><header class="who">${broken ? '<span class="person">Hannes Berg</span>' : '<span class="name">Priya Raman</span>'} · <a class="mail" href="mailto:${broken ? 'hannes' : 'priya'}@example.org">write</a></header>
<h1 class="case-title">${broken ? 'Printer jams' : 'Cannot export my invoices'}</h1>
<ol class="posts"><li class="from-client"><div class="post-text">Hello, the export button does nothing since Monday.</div></li>
<li><div class="post-text">Thanks, we are looking into it.</div></li>
<li class="from-client"><div class="post-text">Any news? I need them for my accountant. &lt;img src=x onerror=alert(1)&gt;</div></li></ol>
<div id="answer" contenteditable="true" style="min-height:80px;border:1px solid #888"></div><button class="post-answer">Post answer</button></body></html>`;
  const server = createServer((req, res) => {
    const id = req.url?.match(/^\/desk\/case\/(\d+)$/)?.[1];
    res.writeHead(id ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(id ? page(id, id === '78') : 'not found');
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, port: (server.address() as { port: number }).port })));
}
