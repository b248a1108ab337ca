/**
 * The live tester (#13): in the first open tab the pattern covers, counts what each selector
 * matches, outlines the matches on the page, and previews the first match's text.
 */
import { browser } from 'wxt/browser';

export interface SelectorTest {
  page: string;
  selectors: { name: string; selector: string; matches: number; preview?: string }[];
}

type Scripting = {
  executeScript<A extends unknown[], R>(details: { target: { tabId: number }; func: (...args: A) => R; args: A }): Promise<{ result?: R }[]>;
};

export async function testSelectorsInPage(pattern: string, selectors: Record<string, string>): Promise<SelectorTest | string> {
  const tabs = await browser.tabs.query({ url: pattern }).catch(() => []);
  // The tab the agent used last (several may be open).
  const tab = tabs.filter((t) => t.id !== undefined).sort((a, b) => ((b as { lastAccessed?: number }).lastAccessed ?? 0) - ((a as { lastAccessed?: number }).lastAccessed ?? 0))[0];
  if (!tab?.id) return `No open tab matches ${pattern}: open a ticket there and test again.`;
  const scripting = (browser as unknown as { scripting?: Scripting }).scripting;
  if (!scripting) return 'This browser cannot run the tester.';
  try {
    // As pairs: the object's key order would not survive the trip.
    const [frame] = await scripting.executeScript({ target: { tabId: tab.id }, func: countAndOutline, args: [Object.entries(selectors)] });
    return frame?.result ?? 'The page did not answer.';
  } catch (error) {
    return `Could not test on that tab: ${String((error as Error)?.message ?? error)}`;
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
