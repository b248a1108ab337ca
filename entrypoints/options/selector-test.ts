/**
 * The live tester (#13): in the first open tab the pattern covers, counts what each selector
 * matches, outlines the matches on the page, and previews the first match's text; then reads the
 * page the way the sidebar would (entrypoints/helpdesk-preview.ts) for the sidebar preview.
 */
import { browser } from 'wxt/browser';
import type { ConfiguredHelpdesk } from '@/lib/helpdesks/configured';
import { PREVIEW_INPUT, isTicketPreview, type TicketPreview } from '@/lib/helpdesks/preview';

export interface SelectorTest {
  page: string;
  selectors: { name: string; selector: string; matches: number; preview?: string }[];
}

/** What the tester found on the tab: selector counts, and the sidebar's read (or why there is none). */
export interface TabTest {
  selectors: SelectorTest;
  preview: TicketPreview | string;
}

type Target = { target: { tabId: number } };
type Scripting = {
  executeScript<A extends unknown[], R>(details: Target & { func: (...args: A) => R; args: A }): Promise<{ result?: R }[]>;
  executeScript(details: Target & { files: string[] }): Promise<{ result?: unknown }[]>;
};

/** The tab the agent used last among those `pattern` covers (several may be open). */
async function lastTab(pattern: string): Promise<number | undefined> {
  const tabs = await browser.tabs.query({ url: pattern }).catch(() => []);
  const last = (t: { lastAccessed?: number }) => t.lastAccessed ?? 0;
  return tabs.filter((t) => t.id !== undefined).sort((a, b) => last(b) - last(a))[0]?.id;
}

/** Tests `helpdesk` (saved or as typed) on its open tab: `selectors` counted, the page read. */
export async function testInPage(helpdesk: ConfiguredHelpdesk, selectors: Record<string, string>): Promise<TabTest | string> {
  const tabId = await lastTab(helpdesk.pattern);
  if (tabId === undefined) return `No open tab matches ${helpdesk.pattern}: open a ticket there and test again.`;
  const scripting = (browser as unknown as { scripting?: Scripting }).scripting;
  if (!scripting) return 'This browser cannot run the tester.';
  try {
    // As pairs: the object's key order would not survive the trip.
    const [frame] = await scripting.executeScript({ target: { tabId }, func: countAndOutline, args: [Object.entries(selectors)] });
    if (!frame?.result) return 'The page did not answer.';
    return { selectors: frame.result, preview: await readInTab(scripting, tabId, helpdesk) };
  } catch (error) {
    return `Could not test on that tab: ${String((error as Error)?.message ?? error)}`;
  }
}

/**
 * The sidebar's read of the tab: the settings go into the extension's isolated world there (the page
 * cannot see it), then the reader bundle, which runs the real adapter and evaluates to plain data.
 */
async function readInTab(scripting: Scripting, tabId: number, helpdesk: ConfiguredHelpdesk): Promise<TicketPreview | string> {
  try {
    const put = (key: string, value: ConfiguredHelpdesk) => void ((globalThis as Record<string, unknown>)[key] = value);
    await scripting.executeScript({ target: { tabId }, func: put, args: [PREVIEW_INPUT, helpdesk] });
    const [frame] = await scripting.executeScript({ target: { tabId }, files: ['/helpdesk-preview.js'] });
    return isTicketPreview(frame?.result) ? frame.result : 'The page did not answer the preview.';
  } catch (error) {
    return `Could not preview that tab: ${String((error as Error)?.message ?? error)}`;
  }
}

/** Runs IN the helpdesk page (serialised by scripting.executeScript): self-contained, text only. */
function countAndOutline(selectors: [string, string][]): SelectorTest {
  const MARK = 'data-rapport-tested';
  for (const el of Array.from(document.querySelectorAll(`[${MARK}]`))) {
    (el as HTMLElement).style.outline = el.getAttribute(MARK) ?? '';
    el.removeAttribute(MARK);
  }
  const results = selectors.map(([name, selector]) => {
    let found: Element[] = [];
    try {
      found = Array.from(document.querySelectorAll(selector));
    } catch {
      return { name, selector, matches: -1, preview: 'not a valid selector' };
    }
    for (const el of found) {
      const html = el as HTMLElement;
      if (!el.hasAttribute(MARK)) el.setAttribute(MARK, html.style.outline);
      html.style.outline = '2px dashed #d97706';
    }
    const first = found[0] as HTMLInputElement | undefined;
    const text = (typeof first?.value === 'string' && first.tagName === 'INPUT' ? first.value : (first?.textContent ?? '')).replace(/\s+/g, ' ').trim();
    return { name, selector, matches: found.length, preview: text ? text.slice(0, 80) : undefined };
  });
  return { page: location.origin + location.pathname, selectors: results };
}
