/**
 * Presentation mode masks everything on screen (issue #16): in real Chromium on the demo Zendesk and
 * both demo Freshdesk layouts, with presentation mode on, neither the customer's full name nor their
 * email is readable anywhere — not in the helpdesk page (its light DOM and open shadow roots) and not
 * in Rapport's sidebar frame. Checked two ways: `innerText` of each frame's body, and a walk over
 * every text node of every frame, shadow roots included, that the browser says is rendered visibly
 * (`checkVisibility` with the visibility and opacity properties). Switching it off restores them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { inSidebar, sidebar, sidebarFrame, screenshotDir, startRapport, type Rapport } from './harness';

let rapport: Rapport;
const worker = (): Worker => rapport.context.serviceWorkers()[0]!;
type Storage = { chrome: { storage: { local: { set(v: object): Promise<void> } } } };
const setPresentation = (on: boolean) => worker().evaluate((on) => (globalThis as unknown as Storage).chrome.storage.local.set({ presentation: on }), on);

beforeAll(async () => {
  rapport = await startRapport();
  await mkdir(screenshotDir, { recursive: true });
});
afterAll(() => rapport?.close());

/** Every text a frame renders visibly (shadow roots included), and its body's innerText. */
async function visibleText(page: Page): Promise<{ walked: string; inner: string; helpdesk: string; sidebar: string }> {
  const parts = await Promise.all(
    page.frames().map((frame) =>
      frame
        .evaluate(() => {
          const out: string[] = [];
          const walk = (root: Node) => {
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
            for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
              if (n.nodeType === 3) {
                const parent = n.parentElement;
                if (parent && parent.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && !/^(SCRIPT|STYLE|TITLE|TEMPLATE)$/.test(parent.tagName)) out.push((n as Text).data);
              } else if ((n as Element).shadowRoot) walk((n as Element).shadowRoot!);
            }
          };
          walk(document.documentElement);
          return { walked: out.join(' '), inner: document.body?.innerText ?? '' };
        })
        .catch(() => ({ walked: '', inner: '' })),
    ),
  );
  const top = page.frames().indexOf(page.mainFrame());
  const side = page.frames().indexOf(sidebarFrame(page)!);
  return { walked: parts.map((p) => p.walked).join('\n'), inner: parts.map((p) => p.inner).join('\n'), helpdesk: parts[top]?.walked ?? '', sidebar: parts[side]?.walked ?? '' };
}

const FROALA = '.rich-editor .fr-element.fr-view[contenteditable="true"]';
const desks = [
  { name: 'Zendesk', url: 'https://acme.zendesk.com/agent/tickets/102', composer: '[data-ticket-id="102"] [data-test-id="omnicomposer-rich-text-ckeditor"]' },
  { name: 'Freshdesk 2026 layout', url: 'https://demo.freshdesk.com/a/tickets/41', composer: FROALA },
  { name: 'Freshdesk classic layout', url: 'https://classic.freshdesk.com/a/tickets/41', composer: FROALA },
];
const NAME = /sam rivera/i;
const EMAIL = /sam\.rivera@example\.com/i;

describe.each(desks)('presentation mode on the demo $name', ({ url, composer }) => {
  it('leaves neither the customer’s full name nor email readable on the page or in the sidebar; off restores them', async () => {
    await setPresentation(false);
    const page = await rapport.open(url);
    await expect.poll(() => inSidebar(page, 'customer-name').textContent()).toBe('Sam Rivera');
    const before = await visibleText(page);
    // The test can fail: with presentation off, both are on screen, in the page and in the sidebar.
    expect(before.inner).toMatch(NAME);
    expect(before.walked).toMatch(NAME);
    expect(before.walked).toMatch(EMAIL); // the sidebar's card at least (Zendesk's page may not show it)
    const host = new URL(url).host;
    await page.screenshot({ path: join(screenshotDir, `presentation-off-${host}.png`) });

    await setPresentation(true);
    await expect.poll(() => inSidebar(page, 'customer-name').textContent()).toBe('S. R.');
    await expect.poll(async () => (await visibleText(page)).inner).not.toMatch(NAME);
    const on = await visibleText(page);
    expect(on.inner).not.toMatch(EMAIL);
    expect(on.walked).not.toMatch(NAME);
    expect(on.walked).not.toMatch(EMAIL);
    expect(sidebarFrame(page)).toBeDefined();
    // The rest of the ticket is still there: the subject and the conversation.
    expect(on.inner).toMatch(/billing contact|CSV export/i);
    await page.screenshot({ path: join(screenshotDir, `presentation-on-${host}.png`) });

    // Rapport's own text names nobody either: the checklist's why-line and the greeting helper
    // say "Hi S.," — not even the first name is left in the sidebar.
    await page.locator(composer).click();
    await page.keyboard.type('Ok.');
    await expect.poll(() => sidebar(page, '[data-testid="checklist"] [data-rule="greets-by-name"] [data-testid="why"]').textContent()).toContain('Hi S.,');
    expect(await inSidebar(page, 'insert-greeting').textContent()).toContain('Hi S.,');
    const side = (await visibleText(page)).sidebar;
    expect(side).toContain('Reply checklist');
    expect(side).not.toMatch(/\bSam\b|Rivera|sam\.rivera@/i);
    await page.screenshot({ path: join(screenshotDir, `presentation-on-typing-${host}.png`) });

    await setPresentation(false);
    await expect.poll(() => inSidebar(page, 'customer-name').textContent()).toBe('Sam Rivera');
    const after = await visibleText(page);
    expect(after.inner).toMatch(NAME);
    expect(after.walked).toMatch(EMAIL);
    // The helpdesk page exactly as it was, but for what the test typed (and the editor's badge and placeholder).
    const typed = (text: string) => text.replace(/ ?(Ok\.|Powered by|Type your reply… \(the Rapport checklist reads this box\))/g, '');
    expect(typed(after.helpdesk)).toBe(typed(before.helpdesk));
    expect(await page.locator('[data-rapport-masked]').count()).toBe(0);
    await page.close();
  });
});

describe('presentation mode follows the agent between tickets', () => {
  it('masks the next ticket’s customer when the agent switches Zendesk tabs (single-page navigation)', async () => {
    await setPresentation(true);
    const page = await rapport.open('https://acme.zendesk.com/agent/tickets/102');
    await expect.poll(() => inSidebar(page, 'customer-name').textContent()).toBe('S. R.');
    await page.locator('[data-test-id="header-tab"][data-entity-id="101"]').click();
    await expect.poll(() => inSidebar(page, 'customer-name').textContent()).toBe('D. W.');
    const shown = await visibleText(page);
    expect(shown.inner).not.toMatch(/Dana Whitfield|dana\.whitfield@/i);
    expect(shown.walked).not.toMatch(/Dana Whitfield|dana\.whitfield@|Sam Rivera/i);
    expect(shown.inner).toMatch(/Charged twice for the March invoice/);
    await setPresentation(false);
    await expect.poll(async () => (await visibleText(page)).inner).toMatch(/Dana Whitfield/);
    await page.close();
  });
});

describe('presentation mode in the dashboard', () => {
  it('masks the customer’s first name inside a note, not only the name column', async () => {
    await setPresentation(false);
    const page = await rapport.open('https://acme.zendesk.com/agent/tickets/102');
    await expect.poll(() => inSidebar(page, 'customer-name').textContent()).toBe('Sam Rivera');
    const note = 'Sam prefers a call back; Rivera Design closes the month on Fridays.';
    await inSidebar(page, 'note-input').fill(note);
    await inSidebar(page, 'note-save').click();
    await expect.poll(() => inSidebar(page, 'note').first().textContent()).toContain('prefers a call back');
    await setPresentation(true);
    const dash = await rapport.context.newPage();
    await dash.goto(`chrome-extension://${rapport.extensionId}/dashboard.html#notes`);
    await dash.waitForSelector('.rd-app[data-ready="true"]');
    const row = dash.locator('[data-testid="note-row"]', { hasText: 'prefers a call back' });
    await expect.poll(() => row.count()).toBe(1);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('S. prefers a call back; R. Design closes');
    expect(text).not.toMatch(/\bSam\b|Rivera/);
    await dash.screenshot({ path: join(screenshotDir, 'presentation-dashboard-notes.png') });
    await setPresentation(false);
    await dash.close();
    await page.close();
  });
});
