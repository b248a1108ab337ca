/**
 * Ask before sending (issue #16), in real Chromium on the demo Zendesk (CKEditor 5) and both demo
 * Freshdesk layouts (Froala-like): with the pack option on, a reply whose critical item fails is
 * held once at the helpdesk's own send button; "Keep editing" sends nothing and returns to the
 * composer; "Send anyway" sends it exactly once. With the option off (the default) nothing is held.
 *
 * The prompt lives in a CLOSED shadow root on the helpdesk page (lib/page/send-prompt.ts), where
 * neither page scripts nor Playwright's selectors reach: the test reads it through the DevTools
 * protocol (which pierces closed roots) and clicks its buttons with the real mouse at their boxes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CDPSession, Page, Worker } from 'playwright-core';
import { DEFAULT_PACK } from '../../lib/standards/pack';
import { inSidebar, sidebar, screenshotDir, startRapport, type Rapport } from './harness';

let rapport: Rapport;
const worker = (): Worker => rapport.context.serviceWorkers()[0]!;
type Storage = { chrome: { storage: { local: { set(v: object): Promise<void> } } } };
const setAsk = (on: boolean) =>
  worker().evaluate((pack) => (globalThis as unknown as Storage).chrome.storage.local.set({ 'standards.pack': pack }), { ...DEFAULT_PACK, version: 2, askBeforeSending: on });

beforeAll(async () => {
  rapport = await startRapport();
  await mkdir(screenshotDir, { recursive: true });
});
afterAll(() => rapport?.close());

interface Node {
  nodeId: number;
  nodeName: string;
  nodeType: number;
  nodeValue?: string;
  attributes?: string[];
  children?: Node[];
  shadowRoots?: Node[];
}

/** The prompt's host, and its closed shadow root's tree (DevTools pierces closed roots). */
async function promptTree(cdp: CDPSession): Promise<Node | undefined> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
  const find = (n: Node): Node | undefined => {
    if (n.nodeName === 'RAPPORT-SEND-CHECK') return n.shadowRoots?.[0];
    for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
      const hit = find(c);
      if (hit) return hit;
    }
    return undefined;
  };
  return find(root);
}
const textOf = (n: Node): string => (n.nodeType === 3 ? (n.nodeValue ?? '') : (n.children ?? []).filter((c) => c.nodeName !== 'STYLE').map(textOf).join(' '));
const byTestId = (n: Node, id: string): Node | undefined => {
  const attrs = n.attributes ?? [];
  if (attrs.some((a, i) => i % 2 === 1 && a === id && attrs[i - 1] === 'data-testid')) return n;
  for (const c of n.children ?? []) {
    const hit = byTestId(c, id);
    if (hit) return hit;
  }
  return undefined;
};

async function promptText(cdp: CDPSession): Promise<string | undefined> {
  const tree = await promptTree(cdp);
  return tree && textOf(tree).replace(/\s+/g, ' ').trim();
}

/** Clicks a button of the prompt with the mouse, at the centre of its box. */
async function clickPrompt(page: Page, cdp: CDPSession, testId: string) {
  const tree = await promptTree(cdp);
  const button = tree && byTestId(tree, testId);
  if (!button) throw new Error(`no ${testId} in the prompt`);
  const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: button.nodeId })) as { model: { content: number[] } };
  const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}

const desks = [
  {
    name: 'Zendesk (CKEditor 5)',
    url: 'https://acme.zendesk.com/agent/tickets/101',
    customer: 'Dana Whitfield',
    composer: '[data-ticket-id="101"] [data-test-id="omnicomposer-rich-text-ckeditor"]',
    send: '[data-ticket-id="101"] [data-test-id="submit_button-button"]',
    sent: '[data-ticket-id="101"] [data-test-id="omni-log-comment-item"]',
  },
  ...(['demo', 'classic'] as const).map((layout) => ({
    name: `Freshdesk ${layout} layout (Froala)`,
    url: `https://${layout}.freshdesk.com/a/tickets/41`,
    customer: 'Sam Rivera',
    composer: '.rich-editor .fr-element.fr-view[contenteditable="true"]',
    send: '.rich-editor [data-demo-action="send"]',
    sent: '.ticket-details__item:not(.rich-editor)',
  })),
];

describe.each(desks)('ask before sending on $name', (desk) => {
  it('holds a reply with a failing critical item once: keep editing sends nothing, send anyway sends once', async () => {
    await setAsk(true);
    const page = await rapport.open(desk.url);
    const cdp = await page.context().newCDPSession(page);
    await expect.poll(() => inSidebar(page, 'customer-name').textContent()).toBe(desk.customer);
    const before = await page.locator(desk.sent).count();

    const draft = 'Ok.';
    await page.locator(desk.composer).click();
    await page.keyboard.type(draft);
    // The checklist shows a failing critical item (acknowledges feelings or answers every question).
    const criticalFails = '[data-testid="checklist"] :is([data-rule="acknowledges-feelings"], [data-rule="answers-questions"])[data-state="fail"]';
    await expect.poll(() => sidebar(page, criticalFails).count()).toBeGreaterThan(0);

    // 1. Send: held, the prompt names what fails; nothing was sent.
    await page.locator(desk.send).click();
    await expect.poll(() => promptText(cdp)).toMatch(/^Before you send: (a must-have is|\d must-haves are) missing .+ Send anyway Keep editing$/);
    const asked = (await promptText(cdp))!;
    expect(asked).not.toContain(desk.customer.split(' ')[0]); // no customer data in the page's prompt
    await page.screenshot({ path: join(screenshotDir, `ask-before-sending-${desk.url.split('/')[2]}.png`) });
    expect(await page.locator(desk.sent).count()).toBe(before);

    // 2. Keep editing: the prompt goes, the focus is back in the composer, the text unchanged, nothing sent.
    await clickPrompt(page, cdp, 'send-check-keep');
    await expect.poll(() => promptText(cdp)).toBeUndefined();
    expect(await page.evaluate((sel) => !!document.activeElement?.closest(sel), desk.composer)).toBe(true);
    expect((await page.locator(desk.composer).textContent())?.trim()).toBe(draft);
    await page.waitForTimeout(300);
    expect(await page.locator(desk.sent).count()).toBe(before);

    // 3. Send again: asked again; Send anyway sends it exactly once.
    await page.locator(desk.send).click();
    await expect.poll(() => promptText(cdp)).toBeDefined();
    await clickPrompt(page, cdp, 'send-check-send');
    await expect.poll(() => page.locator(desk.sent).count()).toBe(before + 1);
    await expect.poll(() => promptText(cdp)).toBeUndefined();
    await page.waitForTimeout(300);
    expect(await page.locator(desk.sent).count()).toBe(before + 1);
    await page.close();
  });

  it('holds nothing when the pack leaves the option off (the default)', async () => {
    await setAsk(false);
    const page = await rapport.open(desk.url);
    const cdp = await page.context().newCDPSession(page);
    await expect.poll(() => inSidebar(page, 'customer-name').textContent()).toBe(desk.customer);
    const before = await page.locator(desk.sent).count();
    await page.locator(desk.composer).click();
    await page.keyboard.type('Ok.');
    await expect.poll(() => sidebar(page, '[data-testid="checklist"] [data-state="fail"]').count()).toBeGreaterThan(0);
    await page.locator(desk.send).click();
    await expect.poll(() => page.locator(desk.sent).count()).toBe(before + 1);
    expect(await promptText(cdp)).toBeUndefined();
    await page.close();
  });
});
