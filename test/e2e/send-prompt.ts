/**
 * The ask-before-sending prompt (lib/page/send-prompt.ts) lives in a CLOSED shadow root on the
 * helpdesk page, where neither page scripts nor Playwright's selectors reach: tests read it through
 * the DevTools protocol (which pierces closed roots) and click its buttons with the real mouse at
 * their boxes.
 */
import type { CDPSession, Page } from 'playwright-core';

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

export async function promptText(cdp: CDPSession): Promise<string | undefined> {
  const tree = await promptTree(cdp);
  return tree && textOf(tree).replace(/\s+/g, ' ').trim();
}

/** Clicks a button of the prompt with the mouse, at the centre of its box. */
export async function clickPrompt(page: Page, cdp: CDPSession, testId: string) {
  const tree = await promptTree(cdp);
  const button = tree && byTestId(tree, testId);
  if (!button) throw new Error(`no ${testId} in the prompt`);
  const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: button.nodeId })) as { model: { content: number[] } };
  const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}

