/**
 * Workspaces (issue #15) in real Chromium: two Zendesk tenants are two hostnames of the demo
 * helpdesk. Tenant B must not see tenant A's notes in search, lookup or history until the agent says
 * they belong together. Also: a hostile bundle through the dashboard's import, and the popup reading
 * the helpdesk tab's URL without `activeTab`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { inSidebar, sidebar, screenshotDir, startRapport, type Rapport } from './harness';
import { dataChecksum } from '../../lib/exchange/format';

const TENANT_A = 'https://acme.zendesk.com/agent/tickets';
const TENANT_B = 'https://globex.zendesk.com/agent/tickets';
const SECRET = 'Tenant A only: refund approved by Maria';

let rapport: Rapport;
beforeAll(async () => {
  rapport = await startRapport();
  await mkdir(screenshotDir, { recursive: true });
});
afterAll(() => rapport?.close());

async function ticket(url: string, id: string): Promise<Page> {
  const page = await rapport.open(`${url}/${id}`);
  await expect.poll(() => inSidebar(page, 'ticket-id').textContent(), { timeout: 15_000 }).toBe(`#${id}`);
  await expect.poll(() => inSidebar(page, 'memory-timeline').count(), { timeout: 15_000 }).toBe(1);
  return page;
}

/** The sidebar's text (its shadow root). */
const sidebarText = (page: Page) => sidebar(page, 'aside').textContent().then((t) => t ?? '');

async function search(page: Page, query: string): Promise<string[]> {
  await sidebar(page, '[data-testid="memory-search"] summary').click();
  await inSidebar(page, 'note-search').fill(query);
  await page.waitForTimeout(500);
  return sidebar(page, '[data-testid="search-hit"]').allTextContents();
}

describe('two tenants of one helpdesk', () => {
  it('tenant B sees none of tenant A’s notes, history or customers until joined', async () => {
    const a = await ticket(TENANT_A, '102');
    await inSidebar(a, 'note-input').fill(SECRET);
    await inSidebar(a, 'note-save').click();
    await expect.poll(() => sidebarText(a)).toContain(SECRET);
    expect(await search(a, 'refund approved')).toEqual([expect.stringContaining(SECRET)]);
    await a.close();

    const b = await ticket(TENANT_B, '102');
    await expect.poll(() => inSidebar(b, 'workspace-prompt').count()).toBe(1);
    expect(await inSidebar(b, 'workspace-prompt').textContent()).toMatch(/globex\.zendesk\.com belong with acme\.zendesk\.com/);
    await b.screenshot({ path: join(screenshotDir, 'workspaces-sidebar-prompt.png') });
    const sidebarB = await sidebarText(b);
    expect(sidebarB).not.toContain('refund approved');
    expect(await search(b, 'refund approved')).toEqual([]);

    await inSidebar(b, 'workspace-apart').click();
    await expect.poll(() => inSidebar(b, 'workspace-answered').textContent()).toMatch(/keeps its own memory/);
    await b.reload();
    await expect.poll(() => inSidebar(b, 'ticket-id').textContent(), { timeout: 15_000 }).toBe('#102');
    await b.waitForTimeout(500);
    expect(await inSidebar(b, 'workspace-prompt').count()).toBe(0);
    expect(await sidebarText(b)).not.toContain('refund approved');
  });

  it('the options page lists both workspaces; joining them shares the memory', async () => {
    const options = await rapport.open(`chrome-extension://${rapport.extensionId}/options.html`);
    await expect.poll(() => options.locator('[data-testid="workspace-row"]').count()).toBe(2);
    await options.locator('[data-testid="workspaces"]').screenshot({ path: join(screenshotDir, 'workspaces-options.png') });
    await options.selectOption('[data-testid="workspace-join-from"]', 'globex.zendesk.com');
    await options.selectOption('[data-testid="workspace-join-into"]', 'default');
    await options.click('[data-testid="workspace-join"]');
    await expect.poll(() => options.locator('[data-testid="workspace-row"]').count()).toBe(1);

    // Joined: tenant A's notes are found from tenant B's sidebar. (The requester seen on each tenant
    // stays its own customer record until the agent merges them.)
    const b = await ticket(TENANT_B, '102');
    expect(await search(b, 'refund approved')).toEqual([expect.stringContaining(SECRET)]);
  });

  it('the dashboard shows each customer’s workspace', async () => {
    const dash = await rapport.open(`chrome-extension://${rapport.extensionId}/dashboard.html#customers`);
    await expect.poll(() => dash.locator('[data-testid="customer-workspace"]').allTextContents()).toContain('Default');
    await dash.screenshot({ path: join(screenshotDir, 'workspaces-dashboard-customers.png') });
  });

  it('the popup learns the helpdesk account of a tab without activeTab: the page’s content script tells it', async () => {
    const a = await rapport.open(`${TENANT_A}/101`);
    const popup = await rapport.open(`chrome-extension://${rapport.extensionId}/popup.html`);
    const answers = await popup.evaluate(async () => {
      type Chrome = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; sendMessage(id: number, m: object): Promise<unknown> } };
      const { tabs } = (globalThis as unknown as { chrome: Chrome }).chrome;
      const all = await tabs.query({});
      const hosts = await Promise.all(all.map((t) => (t.id === undefined ? undefined : tabs.sendMessage(t.id, { type: 'page.account' }).catch(() => undefined))));
      return { urls: all.map((t) => t.url ?? ''), hosts };
    });
    // Without `tabs`/`activeTab` the browser hides the tabs' URLs…
    expect(answers.urls.filter(Boolean)).not.toContain(`${TENANT_A}/101`);
    // …and the helpdesk page's content script names its account (other pages do not answer).
    expect(answers.hosts).toContain('acme.zendesk.com');
    await a.close();
  });
});

describe('a hostile bundle through the dashboard import', () => {
  it('is refused with the reason and changes nothing', async () => {
    const now = Date.now();
    const data = {
      customers: [{ id: 'c-evil', helpdesk: 'zendesk', account: 'acme.zendesk.com', emails: [], firstSeen: now, lastSeen: now, updatedAt: now }],
      visits: [],
      notes: [],
      facts: [],
      followUps: [],
      replies: [{ id: 'r-evil', helpdesk: 'zendesk', account: 'acme.zendesk.com', ticketId: '1', customerId: 'c-evil', sentAt: 8.64e15, states: { closing: 'pass' }, readiness: 1, packId: 'p', packVersion: 1 }],
    };
    const counts = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.length]));
    const text = JSON.stringify({ format: 'rapport-bundle', schemaVersion: 1, exportedAt: now, agent: 'Mallory', counts, checksum: await dataChecksum(data as never), data });
    const dir = await mkdtemp(join(tmpdir(), 'rapport-hostile-'));
    const path = join(dir, 'hostile.json');
    await writeFile(path, text);

    const dash = await rapport.open(`chrome-extension://${rapport.extensionId}/dashboard.html#data`);
    const statement = () => dash.textContent('[data-testid="data-statement"]');
    await expect.poll(statement).toMatch(/customers/);
    const before = await statement();
    await dash.setInputFiles('[data-testid="import-file"]', path);
    await dash.waitForSelector('[data-testid="import-preview"], [data-testid="import-error"]');
    expect(await dash.textContent('[data-testid="import-error"]')).toMatch(/data\.replies\[0\]\.sentAt: the date .* more than a year from now/);
    await dash.locator('[data-testid="import-error"]').screenshot({ path: join(screenshotDir, 'workspaces-hostile-import.png') });
    expect(await statement()).toBe(before);
  });
});
