/**
 * Rapport's data stays Rapport's (issue #15): what the helpdesk page's own scripts can do to it.
 * Everything a page script does here runs with `page.evaluate`, i.e. in the page's main world, where
 * analytics, session replay and other add-ons' page scripts run. What the agent does uses real
 * input (`page.keyboard`, `page.mouse`, clicks in the sidebar frame).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { inSidebar, sidebarFrame, startRapport, type Rapport } from './harness';
// @ts-expect-error plain ESM helper shared with npm start and the benchmark
import { demoComposersReady } from '../../scripts/lib/browser.mjs';

const ZENDESK = 'https://acme.zendesk.com/agent/tickets';
/** Text only Rapport shows: a note the agent writes in the sidebar during the test. */
const NOTE = `Rapport-only note ${Date.now()}: prefers calls on Tuesdays`;

let rapport: Rapport;

beforeAll(async () => {
  rapport = await startRapport();
});
afterAll(() => rapport?.close());

/**
 * Opens a ticket with `spy` installed in the page's main world before any script of the page or of
 * Rapport runs (what a tag manager at the top of <head> could do).
 */
async function openWithSpy(url: string, spy: () => void): Promise<Page> {
  const page = await rapport.context.newPage();
  await page.addInitScript(spy);
  await page.goto(url);
  await demoComposersReady(page);
  await expect.poll(() => !!sidebarFrame(page)).toBe(true);
  return page;
}

async function ready(page: Page, ticket: string) {
  await expect.poll(() => inSidebar(page, 'ticket-id').textContent()).toBe(`#${ticket}`);
  await expect.poll(() => inSidebar(page, 'visit-summary').textContent()).toMatch(/^(Seen|First time|New to Rapport)/);
}

/** Everything a page script can reach: the DOM, open shadow roots, frames, timing entries, selection. */
function everythingThePageCanRead(): string {
  const seen: string[] = [];
  const visit = (root: Document | ShadowRoot | null | undefined) => {
    if (!root) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        seen.push((node as Text).data);
        continue;
      }
      const element = node as HTMLElement;
      for (const attribute of element.attributes ?? []) seen.push(attribute.value);
      if (typeof (element as HTMLInputElement).value === 'string') seen.push((element as HTMLInputElement).value);
      if (element.shadowRoot) visit(element.shadowRoot);
      if (element instanceof HTMLIFrameElement) {
        try {
          visit(element.contentDocument);
        } catch (error) {
          seen.push(`blocked ${(error as Error).name}`);
        }
      }
    }
  };
  visit(document);
  for (let i = 0; i < window.frames.length; i++) {
    try {
      visit(window.frames[i]!.document);
    } catch {
      seen.push('cross-origin frame');
    }
  }
  seen.push(new XMLSerializer().serializeToString(document));
  seen.push(document.body.innerText);
  seen.push(String(document.getSelection()));
  seen.push(...performance.getEntries().map((entry) => entry.name));
  seen.push(JSON.stringify((window as unknown as { __spied?: unknown }).__spied ?? null));
  return seen.join('\n');
}

describe('a script on the helpdesk page', () => {
  it('cannot read any customer text Rapport shows, even with DOM prototypes patched before Rapport starts', async () => {
    const page = await openWithSpy(`${ZENDESK}/102`, () => {
      // Keep every shadow root anyone attaches, closed or not, and every frame document created.
      const spied: unknown[] = [];
      (window as unknown as { __spied: unknown[] }).__spied = spied;
      const w = window as unknown as { __msgs: string[] };
      w.__msgs = [];
      addEventListener('message', (e) => void w.__msgs.push(String(e.data?.rapportNonce).slice(0, 8) + '@' + Math.round(performance.now())), true);
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const root = attach.call(this, init);
        (window as unknown as { __roots?: ShadowRoot[] }).__roots = [...((window as unknown as { __roots?: ShadowRoot[] }).__roots ?? []), root];
        return root;
      };
      const append = Element.prototype.append;
      Element.prototype.append = function (...nodes) {
        for (const n of nodes) if (n instanceof HTMLIFrameElement) spied.push(n.src);
        return append.apply(this, nodes);
      };
    });
    await ready(page, '102');
    await inSidebar(page, 'note-input').fill(NOTE);
    await inSidebar(page, 'note-save').click();
    await expect.poll(() => inSidebar(page, 'note').first().textContent()).toContain(NOTE);

    const read = await page.evaluate(() => {
      const roots = (window as unknown as { __roots?: ShadowRoot[] }).__roots ?? [];
      const host = document.querySelector('rapport-sidebar');
      return {
        hostShadow: host ? host.shadowRoot === null : 'no host',
        rootsFromOurHost: roots.filter((r) => r.host === host).length,
      };
    });
    // Our host is there (the agent sees a sidebar), but its shadow root is closed and was attached
    // from Rapport's isolated world, where the page's patched prototypes do not apply.
    expect(read).toEqual({ hostShadow: true, rootsFromOurHost: 0 });

    const text = await page.evaluate(everythingThePageCanRead);
    expect(text).toContain('Sam Rivera'); // the helpdesk's own page, read fine
    expect(text).not.toContain('Rapport-only note');
    expect(text).not.toMatch(/Seen (\d[\d,]*\+? times|once|twice)|First time we see/);
    expect(text).not.toContain('Last time');
    expect(text).not.toContain('REPLY CHECKLIST');
    expect(text).not.toContain('Reply checklist');
    await page.close();
  });

  it('cannot drive Rapport’s controls with synthetic events or forged messages', async () => {
    const page = await rapport.open(`${ZENDESK}/101`);
    await ready(page, '101');
    const before = await inSidebar(page, 'note').count();
    await page.evaluate(async () => {
      const host = document.querySelector('rapport-sidebar') as HTMLElement;
      const box = host.getBoundingClientRect();
      const targets = [host, document.elementFromPoint(box.left + box.width / 2, box.top + 200), document.activeElement].filter(Boolean) as Element[];
      for (const target of targets) {
        (target as HTMLElement).click?.();
        (target as HTMLElement).focus?.();
        for (const type of ['keydown', 'keypress', 'keyup']) {
          target.dispatchEvent(new KeyboardEvent(type, { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }));
        }
        target.dispatchEvent(new InputEvent('input', { data: 'forged note', bubbles: true, composed: true }));
        target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: box.left + 300, clientY: box.top + 20 }));
      }
      // What a script that found the frame would post into it: nonces, calls, renders.
      for (let i = 0; i < window.frames.length; i++) {
        const frame = window.frames[i]!;
        frame.postMessage({ rapportNonce: 'forged' }, '*');
        for (let fn = 1; fn < 50; fn++) frame.postMessage({ t: 'call', call: fn, fn, args: ['forged note'] }, '*');
        frame.postMessage({ t: 'render', slots: { base: { kind: 'waiting', helpdesk: 'zendesk', ticketId: '666' } }, collapsed: false, presentation: false }, '*');
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    // The sidebar still shows this ticket, nothing was written, nothing collapsed.
    expect(await inSidebar(page, 'ticket-id').textContent()).toBe('#101');
    expect(await inSidebar(page, 'note').count()).toBe(before);
    expect(await inSidebar(page, 'note-input').inputValue()).toBe('');
    expect(await page.evaluate(() => document.documentElement.classList.contains('rapport-collapsed'))).toBe(false);
    await page.close();
  });

  it('finds no window to post into: the frame is out of the page’s reach', async () => {
    // The content script sends the sidebar its first state as soon as the frame has loaded, before the
    // frame has proven the channel over its extension port (lib/page/sidebar-frame.ts). That is safe
    // because the page cannot address the frame at all: an iframe in a shadow tree is not one of the
    // window's frames, and the shadow root is closed. (The frame still sends nothing on a channel
    // the content script has not accepted, in case a browser ever exposes it.)
    const page = await rapport.open(`${ZENDESK}/101`);
    await ready(page, '101');
    const reach = await page.evaluate(() => ({
      frames: window.frames.length,
      length: window.length,
      first: String(window[0 as unknown as keyof Window]),
      iframes: document.querySelectorAll('iframe').length,
      shadow: document.querySelector('rapport-sidebar')?.shadowRoot ?? null,
    }));
    expect(reach).toEqual({ frames: 0, length: 0, first: 'undefined', iframes: 0, shadow: null });
    expect(sidebarFrame(page)).toBeTruthy(); // while the frame is there
    await page.close();
  });

  it('removing or moving Rapport’s element only reloads the sidebar, which comes back on the same ticket', async () => {
    const page = await rapport.open(`${ZENDESK}/101`);
    await ready(page, '101');
    const name = await inSidebar(page, 'customer-name').textContent();
    await page.evaluate(() => document.querySelector('rapport-sidebar')!.remove());
    await expect.poll(() => page.evaluate(() => !!document.querySelector('rapport-sidebar'))).toBe(true);
    await expect.poll(() => inSidebar(page, 'customer-name').textContent()).toBe(name);
    await page.evaluate(() => document.body.append(document.querySelector('rapport-sidebar')!));
    await expect.poll(() => inSidebar(page, 'customer-name').textContent()).toBe(name);
    await expect.poll(() => inSidebar(page, 'ticket-id').textContent()).toBe('#101');
    await page.close();
  });

  it('cannot show or press “Save as fact” with synthetic events', async () => {
    const page = await rapport.open(`${ZENDESK}/101`);
    await ready(page, '101');
    const message = page.locator('[data-ticket-id="101"] [data-test-id="omni-log-message-content"]').first();
    // A selection made and "released" by script: no button.
    await message.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      el.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, composed: true }));
      el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, composed: true }));
    });
    await page.waitForTimeout(300);
    expect(await page.locator('rapport-capture').count()).toBe(0);

    // The agent selects with the mouse: the button appears; the page clicking it does nothing.
    await page.evaluate(() => document.getSelection()!.removeAllRanges());
    const at = await message.evaluate((el) => {
      const text = [...el.querySelectorAll('*'), el].flatMap((e) => [...e.childNodes]).find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('charged twice'))!;
      const range = document.createRange();
      const index = text.textContent!.indexOf('charged twice');
      range.setStart(text, index);
      range.setEnd(text, index + 'charged twice'.length);
      text.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
      const box = range.getBoundingClientRect();
      return { x1: box.left + 1, x2: box.right - 1, y: box.top + box.height / 2 };
    });
    await page.mouse.move(at.x1, at.y);
    await page.mouse.down();
    await page.mouse.move(at.x2, at.y, { steps: 5 });
    await page.mouse.up();
    const button = page.locator('rapport-capture [data-testid="capture-fact"]');
    await expect.poll(() => button.count()).toBe(1);
    await page.evaluate(() => {
      const b = document.querySelector('rapport-capture')!.shadowRoot!.querySelector('button')!;
      b.click();
      b.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    await page.waitForTimeout(500);
    expect(await button.textContent()).toBe('Save as fact'); // not "Saved ✓"
    expect(await button.isDisabled()).toBe(false);
    // It shows no customer data: only its own words.
    expect(await page.locator('rapport-capture').evaluate((host) => host.shadowRoot!.textContent)).not.toMatch(/charged|Dana/);
    await page.close();
  });

  it('cannot switch Rapport off, and is never told Rapport is there', async () => {
    const id = rapport.extensionId;
    const page = await openWithSpy(`${ZENDESK}/102`, () => {
      const heard: string[] = [];
      (window as unknown as { __heard: string[] }).__heard = heard;
      addEventListener('message', (event) => heard.push(`message ${JSON.stringify(event.data)}`), true);
      // WXT's announcement is a CustomEvent named after the extension id; any custom event on the
      // document or window with "wxt" or "content-script" in its name would be one.
      const dispatch = EventTarget.prototype.dispatchEvent;
      EventTarget.prototype.dispatchEvent = function (event) {
        heard.push(`dispatch ${event.type}`);
        return dispatch.call(this, event);
      };
    });
    await ready(page, '102');
    const heard = await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
    expect(heard.filter((h) => /wxt|content-script|rapport/i.test(h) || h.includes(id))).toEqual([]);

    // What switched the old build off: the framework's "a newer copy started" event, by every name.
    await page.evaluate((extensionId) => {
      for (const name of [`${extensionId}:helpdesk:wxt:content-script-started`, 'wxt:content-script-started', `${extensionId}:content-scripts/helpdesk:wxt:content-script-started`]) {
        const detail = { contentScriptName: 'helpdesk', messageId: 'page' };
        document.dispatchEvent(new CustomEvent(name, { detail }));
        window.dispatchEvent(new CustomEvent(name, { detail }));
        window.postMessage({ type: name, ...detail }, '*');
      }
    }, id);
    await page.waitForTimeout(300);
    // Still running: it follows the agent to the next ticket.
    await page.click('[data-test-id="header-tab"][data-entity-id="101"]');
    await expect.poll(() => inSidebar(page, 'ticket-id').textContent()).toBe('#101');
    await expect.poll(() => inSidebar(page, 'customer-name').textContent()).toBe('Dana Whitfield');
    await page.close();
  });

  it('finds nothing of Rapport in its console: no message while the sidebar starts and follows a ticket', async () => {
    // The content script's and the frame's messages show in the page's console (the agent's devtools,
    // and anything recording it): on an ordinary ticket there are none.
    const page = await rapport.context.newPage();
    const logged: string[] = [];
    page.on('console', (m) => logged.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => logged.push(`error: ${e.message}`));
    await page.goto(`${ZENDESK}/102`);
    await ready(page, '102');
    await page.click('[data-test-id="header-tab"][data-entity-id="101"]');
    await expect.poll(() => inSidebar(page, 'customer-name').textContent()).toBe('Dana Whitfield');
    await page.reload();
    await ready(page, '101');
    expect(logged).toEqual([]);
    await page.close();
  });

  it('cannot load Rapport’s pages at their fixed address to detect it', async () => {
    const page = await rapport.open(`${ZENDESK}/102`);
    await ready(page, '102');
    const probe = await page.evaluate(async (extensionId) => {
      const url = `chrome-extension://${extensionId}/sidebar.html`;
      const fetched = await fetch(url).then(() => 'loaded', () => 'refused');
      const loaded = await new Promise<string>((resolve) => {
        const frame = document.createElement('iframe');
        frame.src = url;
        frame.onload = () => {
          try {
            resolve(frame.contentDocument ? 'readable' : 'opaque');
          } catch {
            resolve('opaque');
          }
        };
        frame.onerror = () => resolve('error');
        document.body.append(frame);
        setTimeout(() => resolve('timeout'), 2000);
      });
      return { fetched, loaded };
    }, rapport.extensionId);
    expect(probe.fetched).toBe('refused');
    expect(probe.loaded).not.toBe('readable');
    // A frame the page made at that address holds no Rapport page (the browser blocks it).
    const copies = page.frames().filter((f) => f.url().includes('/sidebar.html'));
    expect(copies).toHaveLength(1);
    await page.close();
  });
});

describe('keys typed in Rapport', () => {
  it('never reach the page’s keyboard listeners', async () => {
    const page = await rapport.open(`${ZENDESK}/103`);
    await ready(page, '103');
    await page.evaluate(() => {
      const keys: string[] = [];
      (window as unknown as { __keys: string[] }).__keys = keys;
      for (const target of [window, document, document.documentElement]) {
        for (const type of ['keydown', 'keypress', 'keyup', 'input', 'beforeinput']) {
          target.addEventListener(type, (e) => keys.push(`${type}:${(e as KeyboardEvent).key ?? ''}`), true);
        }
      }
    });
    await inSidebar(page, 'note-input').click();
    await page.keyboard.type('secret words');
    await page.keyboard.press('Enter');
    expect(await inSidebar(page, 'note-input').inputValue()).toBe('secret words\n');
    expect(await page.evaluate(() => (window as unknown as { __keys: string[] }).__keys)).toEqual([]);
    // Control: the same listeners do hear keys typed in the helpdesk's own composer.
    await page.locator('[data-ticket-id="103"] [data-test-id="omnicomposer-rich-text-ckeditor"]').click();
    await page.keyboard.type('x');
    expect((await page.evaluate(() => (window as unknown as { __keys: string[] }).__keys)).length).toBeGreaterThan(0);
    await page.close();
  });
});
