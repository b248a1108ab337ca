/**
 * Accessibility (issue #14): axe-core with the WCAG 2.x A/AA tags (2.0, 2.1, 2.2) on every surface
 * Rapport draws — the sidebar inside its extension frame (axe walks the frame's open shadow root),
 * open while typing and collapsed, the dashboard's views, the options page (also with a helpdesk's
 * sidebar preview, walked in its open shadow root), the popup and the
 * training page (library, practice, progress, standards) — in light and dark. Zero violations.
 * axe-core runs in the page under test (injected from node_modules, never fetched).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { inSidebar, sidebarFrame, startRapport, type Rapport } from './harness';
// @ts-expect-error plain ESM helpers shared with the FreeScout benchmark
import { grantHost } from '../../scripts/lib/browser.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: unknown[]; failureSummary: string }[];
}

/** The violations on a page or frame, each with where it is and why (so a failure says what to fix). */
async function violations(target: Page | Frame): Promise<string[]> {
  await target.evaluate(AXE);
  const found = await target.evaluate(
    (tags) => (globalThis as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    TAGS,
  );
  return found.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(n.target)} — ${n.failureSummary.replace(/\s+/g, ' ')}`));
}

let light: Rapport;
let dark: Rapport;
beforeAll(async () => {
  light = await startRapport();
  dark = await startRapport({ colorScheme: 'dark' });
});
afterAll(async () => {
  await light?.close();
  await dark?.close();
});

const extensionPage = async (r: Rapport, path: string, scheme: 'light' | 'dark') => {
  const page = await r.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`chrome-extension://${r.extensionId}/${path}`);
  await page.waitForLoadState('load');
  await page.waitForTimeout(300); // live queries answer after the first paint
  return page;
};

describe.each([
  ['light', () => light],
  ['dark', () => dark],
] as const)('no WCAG 2.2 AA violations (%s)', (scheme, rapport) => {
  it('the sidebar while typing, and collapsed', async () => {
    const page = await rapport().open('https://demo.zendesk.com/agent/tickets/101');
    await expect.poll(() => inSidebar(page, 'customer-name').textContent(), { timeout: 15_000 }).toBe('Dana Whitfield');
    await page.locator('[data-ticket-id="101"] [data-test-id="omnicomposer-rich-text-ckeditor"]').click();
    await page.keyboard.type('Hi Dana, sorry about the double charge. Could you send the invoice number?');
    await expect.poll(() => inSidebar(page, 'checklist').count()).toBe(1);
    // While the agent writes, the customer's panels fold behind one line under the checklist: open it.
    await inSidebar(page, 'composing-fold').click();
    // A note (so the dashboard has one too), then every folded section open: their forms count.
    await inSidebar(page, 'note-input').fill('Prefers email; accountant is Lee.');
    await inSidebar(page, 'note-save').click();
    await expect.poll(() => inSidebar(page, 'note').count()).toBeGreaterThan(0);
    await sidebarFrame(page)!.evaluate(() => {
      for (const d of document.getElementById('app')!.shadowRoot!.querySelectorAll('details')) d.open = true;
    });
    await page.waitForTimeout(400);
    expect(await violations(sidebarFrame(page)!)).toEqual([]);
    await page.keyboard.press('Alt+Shift+R');
    await page.waitForTimeout(300);
    expect(await violations(sidebarFrame(page)!)).toEqual([]);
    await page.keyboard.press('Alt+Shift+R');
    await page.close();
  });

  it.each(['customers', 'notes', 'follow-ups', 'quality', 'disagreements', 'data'])('the dashboard: %s', async (view) => {
    const page = await extensionPage(rapport(), `dashboard.html#${view}`, scheme);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('the dashboard: a customer’s page', async () => {
    const page = await extensionPage(rapport(), 'dashboard.html#customers', scheme);
    await page.locator('[data-testid="customer-row"]').first().click();
    await page.waitForURL(/#customers\/./);
    await page.waitForTimeout(300);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('the options page with a helpdesk’s sidebar preview', async () => {
    const r = rapport();
    await grantHost(r.context, r.extensionId, 'https://demo.zendesk.com');
    const ticket = await r.open('https://demo.zendesk.com/agent/tickets/101');
    await expect.poll(() => inSidebar(ticket, 'customer-name').textContent(), { timeout: 15_000 }).toBe('Dana Whitfield');
    const page = await extensionPage(r, 'options.html', scheme);
    await page.click('[data-testid="helpdesk-add"]');
    await page.fill('[data-testid="helpdesk-pattern"]', 'https://demo.zendesk.com/agent/*');
    await page.selectOption('[data-testid="helpdesk-kind"]', 'zendesk');
    await page.click('[data-testid="helpdesk-form-test"]');
    await expect.poll(() => page.locator('[data-testid="helpdesk-preview"] [data-testid="customer-name"]').textContent(), { timeout: 15_000 }).toBe('Dana Whitfield');
    expect(await violations(page)).toEqual([]);
    await page.close();
    await ticket.close();
  });

  it.each([
    ['options', 'options.html'],
    ['popup', 'popup.html'],
    ['training library', 'training.html#library'],
    ['training progress', 'training.html#progress'],
    ['training standards', 'training.html#standards'],
    ['training practice', 'training.html#practice/upset-repeat-customer'],
  ])('the %s page', async (_name, path) => {
    const page = await extensionPage(rapport(), path, scheme);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});
