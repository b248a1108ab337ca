/**
 * Saves the DOM of a running FreeScout (scripts/freescout.sh start) as test fixtures, after its
 * scripts ran (Summernote is built by JavaScript): the conversation page as loaded, with the reply
 * composer open, in note mode, the hostile customer's conversation and one the agent started; and a customer's profile
 * (their conversations) and the agent's own profile, as served. Session tokens (CSRF) are
 * replaced with "REDACTED"; nothing else is changed.
 *
 *   node scripts/freescout/save-fixtures.mjs http://127.0.0.1:8080 '{"carolRefund":1,"hostile":3,"outbound":19}'
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { findChromium } from '../lib/browser.mjs';

const [base = 'http://127.0.0.1:8080', seedJson = '{"carolRefund":1,"hostile":3}'] = process.argv.slice(2);
const seed = JSON.parse(seedJson);
const out = 'test/fixtures/freescout';
mkdirSync(out, { recursive: true });

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await login(page, base);

const redact = (html) =>
  html
    .replace(/(<meta name="csrf-token" content=")[^"]*"/g, '$1REDACTED"')
    .replace(/(name="_token"[^>]*value=")[^"]*"/g, '$1REDACTED"')
    .replace(/(value=")[^"]*("[^>]*name="_token")/g, '$1REDACTED$2')
    .replace(/("csrf_token"\s*:\s*")[^"]*"/g, '$1REDACTED"');
// The marker browsers write on "Save page as": tests read the page with this URL.
const save = async (name) => {
  const url = page.url().replace(/[?#].*$/, '');
  const marker = `<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->`;
  writeFileSync(`${out}/${name}`, `${redact(await page.content()).replace(/^<!DOCTYPE html>/i, `<!DOCTYPE html>\n${marker}`)}\n`);
};

await page.goto(`${base}/conversation/${seed.carolRefund}`);
await page.waitForSelector('.note-editable', { state: 'attached' });
await save('conversation-1.8.145.html');
await page.click('.conv-reply');
await page.waitForSelector('.conv-reply-block:not(.hidden) .note-editable');
await save('conversation-reply-open-1.8.145.html');
await page.goto(`${base}/conversation/${seed.carolRefund}`);
await page.click('.conv-add-note');
await page.waitForSelector('.conv-reply-block.conv-note-block:not(.hidden) .note-editable');
await save('conversation-note-open-1.8.145.html');
await page.goto(`${base}/conversation/${seed.hostile}`);
await page.waitForSelector('.note-editable', { state: 'attached' });
await save('conversation-hostile-customer-1.8.145.html');
// A conversation the agent started (its oldest thread is the agent's message), which the customer answered.
if (seed.outbound) {
  await page.goto(`${base}/conversation/${seed.outbound}`);
  await page.waitForSelector('.note-editable', { state: 'attached' });
  await save('conversation-agent-first-1.8.145.html');
}
// Carol's profile as the content script fetches it (lib/helpdesks/freescout.ts freescoutHistory):
// the HTML as served, before any script ran.
await page.goto(`${base}/conversation/${seed.carolRefund}`);
const profile = (await page.getAttribute('#conv-layout-customer a.customer-name', 'href')).replace(/\/edit$/, '/');
const saveServed = async (url, name) => {
  const html = await page.evaluate(async (u) => (await fetch(u, { credentials: 'same-origin' })).text(), url);
  writeFileSync(`${out}/${name}`, `<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->\n${redact(html)}\n`);
};
await saveServed(profile, 'customer-conversations-1.8.145.html');
// The agent's own profile, with the time zone FreeScout writes their times in (freescout.ts shownTimeZone).
await saveServed(`${base}/users/profile/${await page.getAttribute('body', 'data-auth_user_id')}`, 'agent-profile-1.8.145.html');
await browser.close();

/** Signs in as the seeded agent through FreeScout's own login form. */
export async function login(p, url) {
  await p.goto(`${url}/login`);
  await p.fill('input[name=email]', 'agent@example.test');
  await p.fill('input[name=password]', 'agent-pass-123');
  await Promise.all([p.waitForURL((u) => !u.pathname.startsWith('/login')), p.click('button[type=submit]')]);
}
