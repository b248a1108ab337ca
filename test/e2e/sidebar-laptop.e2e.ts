/**
 * The sidebar on a laptop (issue #14), in Chromium with the built extension on the demo Zendesk:
 * the tick colours as painted, the docking at 1280, 1440 and 1920 px (the helpdesk's composer, send
 * button and customer context panel stay uncovered), the resize handle, and screenshots of the
 * sidebar while typing, light and dark.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { demoPage, describeBrowsers, inSidebar, sidebar, sidebarFrame, startRapport, steps, type Rapport } from './harness';

const TICKET = 'https://acme.zendesk.com/agent/tickets/101';
const SHOTS = process.env.RAPPORT_SHOTS ?? '/tmp/shots-sidebar';
let rapport: Rapport;

beforeAll(async () => {
  rapport = await startRapport();
  await mkdir(SHOTS, { recursive: true });
});
afterAll(() => rapport?.close());

const composer = (page: Page) => page.locator('[data-ticket-id="101"] [data-test-id="omnicomposer-rich-text-ckeditor"]');
const sendButton = (page: Page) => page.locator('[data-test-id="submit_button-button"]:visible');
const contextPanel = (page: Page) => page.locator('[data-ticket-id="101"] [aria-label="Customer context"]');
const rule = (page: Page, id: string) => sidebar(page, `[data-testid="checklist"] [data-rule="${id}"]`);

/** `helpdeskCss`: a stylesheet the helpdesk page gets before it is shown (another layout of its own). */
async function open(width: number, height: number, colorScheme: 'light' | 'dark' = 'light', helpdeskCss?: string): Promise<Page> {
  const page = await rapport.context.newPage();
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme });
  if (helpdeskCss) {
    await page.addInitScript((css) => {
      const add = () => document.head.append(Object.assign(document.createElement('style'), { textContent: css }));
      document.addEventListener('DOMContentLoaded', add, { once: true });
    }, helpdeskCss);
  }
  await page.goto(TICKET);
  // The demo's editors are set up (as the harness's open() waits for them): typing before that races them.
  await page.waitForFunction(() => !document.querySelector('[data-test-id="omnicomposer-rich-text-ckeditor"]:not([data-demo-editor])'));
  // Open beside the ticket, or its slim tab where the helpdesk cannot spare the room.
  await expect.poll(() => sidebar(page, '[data-testid="customer-name"], .rp-tab').count(), { timeout: 10_000 }).toBe(1);
  return page;
}

async function typeDraft(page: Page, text: string) {
  await composer(page).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** The agent leaves the composer to read the customer's message (text, not a control). */
const readThread = (page: Page) => page.locator('[data-ticket-id="101"]').getByText("It's been more than 24 hours").click();

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The sidebar host's box on the page (the frame is drawn inside it, nothing outside). */
async function sidebarBox(page: Page): Promise<Box> {
  const box = await page.locator('rapport-sidebar').boundingBox();
  if (!box) throw new Error('The sidebar has no box');
  return box;
}

async function uncovered(page: Page, target: Locator, name: string) {
  const box = await target.boundingBox();
  expect(box, `${name} is shown`).not.toBeNull();
  expect(overlaps(box!, await sidebarBox(page)), `${name} is not under the sidebar`).toBe(false);
}

/** The colours painted inside `target` (an element of the sidebar frame), most frequent first. */
async function paintedColours(page: Page, target: Locator): Promise<string[]> {
  const png = (await target.screenshot()).toString('base64');
  return page.evaluate(async (b64) => {
    const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
    const canvas = new OffscreenCanvas(image.width, image.height);
    const g = canvas.getContext('2d')!;
    g.drawImage(image, 0, 0);
    const data = g.getImageData(0, 0, image.width, image.height).data;
    const counts = new Map<string, number>();
    for (let i = 0; i < data.length; i += 4) {
      const key = `rgb(${data[i]}, ${data[i + 1]}, ${data[i + 2]})`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  }, png);
}

/** The sidebar's palette (components/sidebar.css) as the frame computes it. */
async function palette(page: Page, name: string): Promise<string> {
  return sidebar(page, '.rp').evaluate((el, n) => {
    const probe = document.createElement('span');
    probe.style.color = `var(${n})`;
    el.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }, name);
}

describe('tick colours', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`a critical item that turns from fail to pass is painted as a pass (${scheme})`, async () => {
      const page = await open(1440, 900, scheme);
      await typeDraft(page, 'Hi Dana, we are looking into it.');
      const item = () => rule(page, 'acknowledges-feelings');
      await expect.poll(() => item().getAttribute('data-state')).toBe('fail');
      expect(await item().getAttribute('data-critical')).toBe('true');
      const [danger, dangerBg, pass, passBg] = await Promise.all(['--rp-danger', '--rp-danger-bg', '--rp-accent-text', '--rp-accent-soft'].map((n) => palette(page, n)));
      const icon = () => item().locator('.rp-cl-icon');
      // Failing: the icon's disc is painted in the danger colours (polled: on a loaded CI machine the
      // first screenshot once caught the item before its icon was painted).
      await expect.poll(async () => (await paintedColours(page, icon())).slice(0, 3)).toContain(dangerBg);
      // The passes are open (the folded line stays open across re-renders) before the draft changes.
      await sidebar(page, '[data-testid="checklist-passed"] summary').click();
      await composer(page).press('End');
      await composer(page).pressSequentially(" I'm so sorry you were charged twice for March.");
      await expect.poll(() => item().getAttribute('data-state')).toBe('pass');
      // What is painted, taken before anything asks the frame for a style: the pass colours only.
      const painted = await paintedColours(page, icon());
      expect(painted[0]).toBe(passBg);
      expect(painted).not.toContain(danger);
      expect(painted).not.toContain(dangerBg);
      const computed = await icon().evaluate((el) => ({ color: getComputedStyle(el).color, background: getComputedStyle(el).backgroundColor }));
      expect(computed).toEqual({ color: pass, background: passBg });
      await page.close();
    });
  }
});

const WIDTHS = [
  [1280, 720],
  [1440, 900],
  [1920, 1080],
] as const;

describe('docking beside the helpdesk', () => {
  for (const [width, height] of WIDTHS) {
    it(`at ${width}×${height} the composer, its send button and the context panel stay uncovered`, async () => {
      const page = await open(width, height);
      if (width >= 1440) {
        // Room for both: docked beside the context panel from the start.
        expect(await sidebar(page, '.rp-open').count()).toBe(1);
        await uncovered(page, contextPanel(page), 'the customer context panel');
      } else {
        // No room for both: the slim tab while the agent reads; the context panel keeps its place.
        await expect.poll(() => sidebar(page, '.rp-tab').count()).toBe(1);
        await uncovered(page, contextPanel(page), 'the customer context panel');
        expect((await sidebarBox(page)).width).toBeLessThanOrEqual(28);
      }
      await typeDraft(page, 'Hello, we are looking into it.');
      await expect.poll(() => inSidebar(page, 'readiness').count()).toBe(1);
      await uncovered(page, composer(page), 'the composer');
      await uncovered(page, sendButton(page), 'the send button');
      if (width >= 1440) await uncovered(page, contextPanel(page), 'the customer context panel');
      else expect(await contextPanel(page).isVisible()).toBe(false); // Zendesk's own narrow layout while the agent writes
      // The readiness line is on screen while typing.
      const line = await inSidebar(page, 'readiness').boundingBox();
      expect(line).not.toBeNull();
      expect(line!.y).toBeGreaterThanOrEqual(0);
      expect(line!.y + line!.height).toBeLessThanOrEqual(height);
      expect(line!.x + line!.width).toBeLessThanOrEqual(width);
      if (width < 1440) {
        // Leaving the composer gives the helpdesk its panel back.
        await readThread(page);
        await expect.poll(() => sidebar(page, '.rp-tab').count()).toBe(1);
        await expect.poll(() => contextPanel(page).isVisible()).toBe(true);
        await uncovered(page, contextPanel(page), 'the customer context panel');
        await page.screenshot({ path: join(SHOTS, `sidebar-reading-${width}x${height}-light.png`) });
      }
      await page.close();
    });
  }

  it('at 1400×900 the panel narrows to 260 px while the agent reads, so the context panel stays', async () => {
    // 300 px beside would leave the demo's ticket pane under the width at which it drops the panel; 260 does not.
    const page = await open(1400, 900);
    await expect.poll(() => sidebar(page, '.rp-open').count()).toBe(1);
    expect((await sidebarBox(page)).width).toBe(260);
    await uncovered(page, contextPanel(page), 'the customer context panel');
    await page.screenshot({ path: join(SHOTS, 'sidebar-reading-1400x900-light.png') });
    await typeDraft(page, 'Hello, we are looking into it.');
    await expect.poll(async () => (await sidebarBox(page)).width).toBe(300); // the checklist at full width while writing
    await readThread(page);
    await expect.poll(async () => (await sidebarBox(page)).width).toBe(260);
    await expect.poll(() => contextPanel(page).isVisible()).toBe(true);
    await page.close();
  });

  it('follows what the helpdesk shows, not a page width: a layout that keeps its panel at 1280 gets the panel beside it', async () => {
    // The helpdesk's own stylesheet, changed: its context panel narrower and never dropped.
    const page = await open(1280, 720, 'light', '.zd-pane .zd-context { display: block !important; flex-basis: 180px !important; }');
    await expect.poll(() => sidebar(page, '.rp-open').count()).toBe(1);
    expect((await sidebarBox(page)).width).toBe(300);
    await uncovered(page, contextPanel(page), 'the customer context panel');
    await page.close();
  });

  it('…and a layout that drops its panel sooner gets the slim tab at 1440', async () => {
    const page = await open(1440, 900, 'light', '@container (max-width: 1200px) { .zd-pane .zd-context { display: none; } }');
    await expect.poll(() => sidebar(page, '.rp-tab').count()).toBe(1);
    await expect.poll(() => contextPanel(page).isVisible()).toBe(true);
    await uncovered(page, contextPanel(page), 'the customer context panel');
    await page.close();
  });

  it('docks a later page as this helpdesk did before, and corrects it once the page is measured', async () => {
    // What the helpdesk crowded is remembered per host and window width (lib/page/dock.ts), so a new
    // page docks without measuring first; it measures when idle and moves if the layout changed.
    const crowdsAt1440 = async () => {
      const all = await rapport.context.serviceWorkers()[0]!.evaluate(() =>
        (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('dock.crowds'),
      );
      const memory = (all['dock.crowds'] ?? {}) as Record<string, number[]>;
      return Object.entries(memory).filter(([key]) => key.startsWith('acme.zendesk.com|1440|')).map(([, widths]) => widths);
    };
    const first = await open(1440, 900, 'light', '@container (max-width: 1200px) { .zd-pane .zd-context { display: none; } }');
    await expect.poll(() => sidebar(first, '.rp-tab').count()).toBe(1);
    await first.close();
    expect(await crowdsAt1440()).toEqual([[300, 260]]);
    // The helpdesk's layout has changed since (it keeps its panel beside Rapport at 1440 now).
    const next = await open(1440, 900);
    await expect.poll(() => sidebar(next, '.rp-open').count()).toBe(1);
    expect((await sidebarBox(next)).width).toBe(300);
    await uncovered(next, contextPanel(next), 'the customer context panel');
    await expect.poll(crowdsAt1440).toEqual([[]]);
    await next.close();
  });

  it('shows the customer while the page is still parsed once this helpdesk was measured at this width, and not before', async () => {
    // A server-rendered ticket whose page is held back after the ticket (a parser-blocking script
    // served 3 s late): readyState stays "loading" while the ticket is on screen. With nothing
    // remembered, the panel waits for the parser (a half-parsed page cannot say where its panels go);
    // once this host's panels were measured at 1440 px, it docks as they were, at once.
    const url = 'https://stall.zendesk.com/agent/tickets/101';
    await rapport.context.route(url, async (route) => {
      const page = await demoPage('stall.zendesk.com', '/agent/tickets/101');
      const body = String(page.body).replace('</body>', '<script src="/__demo/stall.js"></script></body>');
      await route.fulfill({ status: page.status, contentType: page.type, body });
    });
    await rapport.context.route('**/__demo/stall.js', async (route) => {
      await new Promise((done) => setTimeout(done, 3_000));
      await route.fulfill({ contentType: 'text/javascript', body: '' }).catch(() => undefined); // the page may be gone
    });
    const readyStateWhenShown = async () => {
      const page = await rapport.context.newPage();
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(url, { waitUntil: 'commit' });
      await expect.poll(() => sidebar(page, '[data-testid="customer-name"]').count(), { timeout: 10_000 }).toBe(1);
      const state = await page.evaluate(() => document.readyState);
      await page.waitForLoadState('load');
      await page.close();
      return state;
    };
    try {
      expect(await readyStateWhenShown(), 'nothing remembered: shown once parsed').not.toBe('loading');
      expect(await readyStateWhenShown(), 'remembered: shown while parsed').toBe('loading');
    } finally {
      await rapport.context.unrouteAll({ behavior: 'ignoreErrors' });
    }
  });

  it('a context panel the agent closes is no reason for the tab: the panel comes back beside the ticket', async () => {
    const page = await open(1280, 720);
    await expect.poll(() => sidebar(page, '.rp-tab').count()).toBe(1);
    // As if the agent closed Zendesk's context panel (it is theirs to open and close).
    await contextPanel(page).evaluate((panel) => ((panel as HTMLElement).style.display = 'none'));
    await expect.poll(() => sidebar(page, '.rp-open').count()).toBe(1);
    expect((await sidebarBox(page)).width).toBe(300);
    await page.close();
  });

  it('opening the tab at 1280 keeps the panel open', async () => {
    // Each step named; a failing one carries what the browser showed (open or tab, the frame's channel)
    // and where the click went. About one run in ten here, Chromium gave every click on a tab docked
    // while the page was parsed to our element on the page, not to the frame in it (sidebar-frame.ts).
    let clicked = '';
    const step = steps(onTestFailed, async () => `${clicked}\n${await describeBrowsers([rapport])}`);
    const page = await step('open the ticket at 1280', () => open(1280, 720));
    await step('the slim tab while the agent reads', () => expect.poll(() => sidebar(page, '.rp-tab').count()).toBe(1));
    // The tab hints at what there is to know (the customer's cues), named for screen readers.
    await step('the tab hints at the cues', () => expect.poll(() => inSidebar(page, 'tab-hint').count(), { timeout: 5000 }).toBe(1));
    const hinted = Number(await inSidebar(page, 'tab-hint').textContent());
    expect(await sidebar(page, '.rp-tab').getAttribute('aria-label')).toMatch(new RegExp(`^Show Rapport sidebar: ${hinted} things? to know`));
    await page.evaluate(() => addEventListener('pointerdown', (e) => (document.body.dataset.pageSawClick = (e.target as Element).tagName), true));
    await step('click the tab', () => sidebar(page, '.rp-tab').click());
    const sawIt = await page.evaluate(() => document.body.dataset.pageSawClick);
    clicked = `the click went to ${sawIt ? `the page's ${sawIt}` : 'the frame'}`;
    if (sawIt) console.warn(`opening the tab: ${clicked}`); // how often, in the log
    await step('the panel opens', () => expect.poll(() => sidebar(page, '.rp-open').count(), { timeout: 5000 }).toBe(1));
    await step('the cues the tab hinted at', () => expect.poll(() => inSidebar(page, 'cue').count(), { timeout: 5000 }).toBe(hinted));
    await step('read the thread', () => readThread(page));
    await new Promise((r) => setTimeout(r, 600));
    expect(await sidebar(page, '.rp-open').count()).toBe(1);
    await page.close();
  });

  it('the resize handle follows a drag and the arrow keys, and the width is remembered', async () => {
    const page = await open(1920, 1080);
    const margin = () => page.evaluate(() => getComputedStyle(document.documentElement).marginRight);
    expect(await margin()).toBe('300px');
    const handle = inSidebar(page, 'resize-handle');
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 40, box.y + 200, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2 - 80, box.y + 200, { steps: 4 });
    await page.mouse.up();
    await expect.poll(margin).toBe('380px');
    expect((await sidebarBox(page)).width).toBe(380);
    // A click on the handle gives it the keyboard, as for an agent (focus() from a script left the
    // keys with the page: the frame itself was never focused); a click without a move resizes nothing.
    await handle.click();
    await expect.poll(margin).toBe('380px');
    await page.keyboard.press('ArrowRight');
    await expect.poll(margin).toBe('360px');
    await expect.poll(() => handle.getAttribute('aria-valuenow')).toBe('360'); // the frame hears the new width after the page
    await page.close();
    const again = await open(1920, 1080);
    await expect.poll(() => again.evaluate(() => getComputedStyle(document.documentElement).marginRight)).toBe('360px');
    await inSidebar(again, 'resize-handle').click();
    await again.keyboard.press('End'); // back to the narrowest, then the default for the next tests
    await again.keyboard.press('ArrowLeft');
    await again.keyboard.press('ArrowLeft');
    await expect.poll(() => again.evaluate(() => getComputedStyle(document.documentElement).marginRight)).toBe('300px');
    await again.close();
  });
});

/** How the readiness line is laid out: its lines of text and whether its words were cut short. */
const readinessLayout = (page: Page) =>
  inSidebar(page, 'readiness').evaluate((line) => {
    const text = line.querySelector('.rp-cl-ready-text')!;
    const style = getComputedStyle(line);
    const inner = line.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    return { lines: Math.round(inner / parseFloat(style.lineHeight)), cut: text.scrollWidth > text.clientWidth, width: line.getBoundingClientRect().width };
  });

describe('the collapsed tab', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`shows a small hint at 1280×720 while the agent reads (${scheme})`, async () => {
      const page = await open(1280, 720, scheme);
      await expect.poll(() => inSidebar(page, 'tab-hint').count()).toBe(1);
      const tab = (await sidebarBox(page))!;
      expect(tab.width).toBeLessThanOrEqual(28);
      await page.screenshot({ path: join(SHOTS, `sidebar-tab-hint-1280x720-${scheme}.png`), clip: { x: 1280 - 320, y: tab.y - 60, width: 320, height: tab.height + 120 } });
      await page.close();
    });
  }
});

describe('the readiness line', () => {
  it('is one line, not cut short, at the default 300 px and at the narrowest 260 px', async () => {
    const page = await open(1920, 1080);
    // Two critical items (the readiness line's longest form): feelings not acknowledged (Dana is
    // upset, surely) and a placeholder left in.
    await typeDraft(page, 'Hello [NAME], we are looking into it and will get back to you.');
    await expect.poll(async () => (await inSidebar(page, 'readiness').textContent()) ?? '').toMatch(/^Not ready: 2 critical items to fix, \d+% ready$/);
    expect((await sidebarBox(page)).width).toBe(300);
    expect(await readinessLayout(page)).toMatchObject({ lines: 1, cut: false });
    const handle = inSidebar(page, 'resize-handle');
    await handle.click();
    await page.keyboard.press('End'); // the narrowest
    await expect.poll(async () => (await sidebarBox(page)).width).toBe(260);
    await expect.poll(() => readinessLayout(page)).toMatchObject({ lines: 1, cut: false });
    await page.screenshot({ path: join(SHOTS, 'sidebar-typing-260px-1920x1080-light.png'), clip: { x: 1920 - 560, y: 0, width: 560, height: 400 } });
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft'); // back to the default for the next tests
    await expect.poll(async () => (await sidebarBox(page)).width).toBe(300);
    await page.close();
  });
});

describe('screenshots of the sidebar while typing', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [width, height] of WIDTHS) {
      it(`${width}×${height} ${scheme}`, async () => {
        const page = await open(width, height, scheme);
        const text = 'Hello, we are looking into it and will get back to you.';
        await typeDraft(page, text);
        await expect.poll(() => inSidebar(page, 'readiness').count()).toBe(1);
        // The sidebar reordering itself (and the page narrowing at 1280) never moves the agent's cursor.
        expect(await composer(page).textContent()).toBe(text);
        await expect.poll(() => sidebar(page, '.rp-composing').count()).toBe(1);
        expect(sidebarFrame(page)).toBeDefined();
        await page.screenshot({ path: join(SHOTS, `sidebar-typing-${width}x${height}-${scheme}.png`) });
        await page.close();
      });
    }
  }
});

describe('an item opened', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`"show" and "why?" open under their item; the passes unfold (${scheme})`, async () => {
      const page = await open(1440, 900, scheme);
      // A step promised without a when: the item fails and has words to show.
      await typeDraft(page, 'Hello Dana, we will look into it and get back to you.');
      const item = rule(page, 'next-step');
      await expect.poll(() => item.getAttribute('data-state')).toBe('fail');
      await sidebar(page, 'button[aria-label="Show the words for ‘Next step and when’"]').click();
      await sidebar(page, 'button[aria-label="Why ‘Next step and when’ matters"]').click();
      // Both open inside the item, right under its line: on screen, not below the whole list.
      const preview = (await item.locator('[data-testid="checklist-preview"]').boundingBox())!;
      const why = (await item.locator('[data-testid="why-it-matters"]').boundingBox())!;
      const box = (await item.boundingBox())!;
      expect(preview.y).toBeGreaterThan(box.y);
      expect(why.y + why.height).toBeLessThanOrEqual(box.y + box.height + 1);
      expect(preview.y + preview.height).toBeLessThanOrEqual(900);
      expect(await item.locator('[data-testid="why-it-matters"]').textContent()).toContain('Why this matters.');
      await page.screenshot({ path: join(SHOTS, `sidebar-item-open-1440x900-${scheme}.png`) });
      await sidebar(page, '[data-testid="checklist-passed"] summary').click();
      await inSidebar(page, 'composing-fold').click();
      await sidebar(page, 'aside').screenshot({ path: join(SHOTS, `sidebar-unfolded-1440x900-${scheme}.png`) });
      await page.close();
    });
  }
});
