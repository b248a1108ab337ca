/**
 * Identity from the helpdesk's own API (issue #13), in real Chromium with the built extension on the
 * demo helpdesk. real.zendesk.com shows a ticket page as the real Zendesk is known to: the customer's
 * name, but no email or user id anywhere on it; the identity comes from /api/v2/tickets/N.json.
 * One browser profile for the whole file: later tests build on what earlier ones stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { inSidebar, sidebar, screenshotDir, startRapport, type Rapport } from './harness';

const REAL_ZENDESK = 'https://real.zendesk.com/agent/tickets';
const CLASSIC_FRESHDESK = 'https://classic.freshdesk.com/a/tickets';

let rapport: Rapport;

beforeAll(async () => {
  rapport = await startRapport();
  await mkdir(screenshotDir, { recursive: true });
});
afterAll(() => rapport?.close());

/** The helpdesk API calls a page makes, by path. */
function apiCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/v2/')) calls.push(url.pathname + url.search);
  });
  return calls;
}

async function open(url: string, before?: (page: Page) => Promise<unknown>): Promise<{ page: Page; calls: string[] }> {
  const page = await rapport.context.newPage();
  const calls = apiCalls(page);
  await before?.(page);
  await page.goto(url);
  return { page, calls };
}

describe('identity from the helpdesk API', () => {
  it('Zendesk: a page with no email gets the customer’s email, id and history from the API', async () => {
    const { page, calls } = await open(`${REAL_ZENDESK}/102`);
    await expect.poll(() => inSidebar(page, 'customer-name').textContent()).toBe('Sam Rivera');
    // Nothing on the helpdesk's own page carries the email or the user id.
    const pageText = await page.evaluate(() => {
      const app = document.querySelector('#zd-app');
      const links = [...(app?.querySelectorAll('[href]') ?? [])].map((a) => a.getAttribute('href'));
      return `${app?.textContent ?? ''} ${links.join(' ')}`;
    });
    expect(pageText).not.toMatch(/sam\.rivera@|mailto:|\/agent\/users\/361002/);
    // The API answers: the sidebar shows the email, and the history API is asked with the user id.
    await expect.poll(() => inSidebar(page, 'customer-email').textContent(), { timeout: 15_000 }).toBe('sam.rivera@example.com');
    const apiTickets = sidebar(page, '[data-testid="timeline-ticket"][data-source="api"]');
    await expect.poll(() => apiTickets.allTextContents(), { timeout: 15_000 }).toEqual(
      expect.arrayContaining([expect.stringContaining('#98 Invoice PDF still shows our old address'), expect.stringContaining("#87 Can't log in")]),
    );
    expect(calls.filter((c) => c.startsWith('/api/v2/tickets/102.json'))).toHaveLength(1);
    expect(calls.filter((c) => c === '/api/v2/users/361002/tickets/requested.json?include=users')).toHaveLength(1);
    // The record first made from the name alone was merged into the identified one (undoable).
    await expect.poll(() => inSidebar(page, 'memory-merge').textContent()).toMatch(/Merged .*records moved/);
    await page.screenshot({ path: join(screenshotDir, 'identity-zendesk-api.png') });

    // Reloaded within 5 minutes: the ticket API is not asked again, the customer is still known by email.
    const again = await open(`${REAL_ZENDESK}/102`);
    await expect.poll(() => inSidebar(again.page, 'customer-email').textContent(), { timeout: 15_000 }).toBe('sam.rivera@example.com');
    await again.page.waitForTimeout(500);
    expect(again.calls.filter((c) => c.startsWith('/api/v2/tickets/'))).toEqual([]);
    await again.page.close();
    await page.close();
  });

  it('Freshdesk classic: the contact widget’s email is read from the page, with the API refused (403)', async () => {
    const { page, calls } = await open(`${CLASSIC_FRESHDESK}/42`, (p) =>
      p.route('**/api/v2/**', (route) => route.fulfill({ status: 403, contentType: 'application/json', body: '{"code":"access_denied"}' })),
    );
    await expect.poll(() => inSidebar(page, 'customer-name').textContent()).toBe('Zoë Þórsdóttir');
    await expect.poll(() => inSidebar(page, 'customer-email').textContent()).toBe('zoe.thorsdottir@example.is');
    await expect.poll(() => calls.some((c) => c.startsWith('/api/v2/tickets/42'))).toBe(true);
    // The sidebar carries on without the API: no error, the customer stays.
    await page.waitForTimeout(500);
    expect(await inSidebar(page, 'customer-email').textContent()).toBe('zoe.thorsdottir@example.is');
    expect(await inSidebar(page, 'storage-error').count()).toBe(0);
    await page.screenshot({ path: join(screenshotDir, 'identity-freshdesk-classic-widget.png') });
    await page.close();
  });

  it('a note written on Zendesk (email from the API only) follows the customer to Freshdesk by email', async () => {
    const { page } = await open(`${REAL_ZENDESK}/102`);
    await expect.poll(() => inSidebar(page, 'customer-email').textContent(), { timeout: 15_000 }).toBe('sam.rivera@example.com');
    const note = `Call before 10am their time ${Date.now()}`;
    await inSidebar(page, 'note-input').fill(note);
    await inSidebar(page, 'note-save').click();
    await expect.poll(() => inSidebar(page, 'note').first().textContent()).toContain('Call before 10am');
    await page.close();

    // The company's Freshdesk is the account this profile already met (classic.freshdesk.com, the
    // test above): a second Freshdesk account would be a workspace of its own (#15).
    const fd = await open(`${CLASSIC_FRESHDESK}/41`);
    await expect.poll(() => inSidebar(fd.page, 'customer-name').textContent()).toBe('Sam Rivera');
    await expect.poll(() => sidebar(fd.page, '[data-testid="timeline-note"]').allTextContents(), { timeout: 15_000 }).toEqual(
      expect.arrayContaining([expect.stringContaining(note)]),
    );
    await fd.page.screenshot({ path: join(screenshotDir, 'identity-note-follows-to-freshdesk.png') });
    await fd.page.close();
  });
});
