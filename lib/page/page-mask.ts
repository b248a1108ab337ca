/**
 * Presentation mode on the helpdesk page itself (issue #16): while it is on, the customer's name
 * and email are masked where the page shows them, not only in Rapport's own sidebar.
 *
 * What is masked:
 * - every element the adapter declares as showing the requester (`requesterOnPage`: the elements
 *   its reader takes the name and email from, and the customer's own name on their messages);
 * - any other element whose own text contains the requester's full name or any email address
 *   (a "To" chip, a quoted signature, a list row), or is their first name alone (a signature line),
 *   found by walking the page's text.
 * Both are looked for in the document and in its OPEN shadow roots, and again in whatever the page
 * adds later (one MutationObserver per root, run before the browser paints the change).
 *
 * How: the element gets a `data-rapport-masked` attribute, and a style in its root (the document,
 * or the shadow root it sits in) hides its text (`visibility: hidden`, so it is neither painted nor
 * in `innerText`) and draws dots in its place without moving the layout. Nothing of the page's text
 * or structure is changed; switching presentation mode off removes the attributes and the styles.
 *
 * Not masked (docs/presentation.md): what the agent types in the reply box (editable areas are
 * left alone, their editors own that DOM), form fields' values, closed shadow roots, other frames,
 * the browser tab's title, tooltips, and other customers' names where the adapter has no selector.
 */
export interface MaskedRequester {
  name?: string;
  email?: string;
}

export interface PageMask {
  /** The requester on screen now: their full name is also looked for in the page's text. */
  setRequester(who: MaskedRequester): void;
  /** Unmasks everything and stops watching. */
  stop(): void;
}

export const MASK_ATTR = 'data-rapport-masked';
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
/** Where a text node's parent is not something to hide (not rendered, or a field the agent edits). */
const SKIP_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'TEXTAREA', 'OPTION', 'HEAD', 'HTML', 'BODY']);

const CSS = `
[${MASK_ATTR}], [${MASK_ATTR}] * { visibility: hidden !important; }
[${MASK_ATTR}]::before { content: "\\25CF\\25CF\\25CF\\25CF\\25CF" !important; visibility: visible !important; display: inline-block !important;
  width: 0 !important; overflow: visible !important; white-space: nowrap !important; letter-spacing: 1px !important;
  color: #8a939e !important; text-decoration: none !important; }
[${MASK_ATTR}] [${MASK_ATTR}]::before { content: none !important; }
`;

type Root = Document | ShadowRoot;
/** What is looked for in the page's text: the requester's name and email, lower-cased. */
type Terms = { name?: string; email?: string };

/** One page's mask: what is marked, styled and watched, and the terms looked for; shared by the steps below. */
interface Mask {
  readonly doc: Document;
  /** The adapter's `requesterOnPage` selectors, as one. */
  readonly selector: string;
  readonly marked: Set<Element>;
  readonly styles: Map<Root, HTMLStyleElement>;
  readonly observers: Map<Root, MutationObserver>;
  terms: Terms;
  stopped: boolean;
}

export function maskPage(doc: Document, selectors: readonly string[], requester: MaskedRequester = {}): PageMask {
  const mask: Mask = { doc, selector: selectors.join(', '), marked: new Set(), styles: new Map(), observers: new Map(), terms: termsOf(requester), stopped: false };
  watch(mask, doc);
  styleRoot(mask, doc);
  if (doc.body) scan(mask, doc.body);

  return {
    setRequester(who) {
      const next = termsOf(who);
      if (mask.stopped || (next.name === mask.terms.name && next.email === mask.terms.email)) return;
      mask.terms = next;
      // Another customer: what showed the previous one may show something else now.
      unmarkAll(mask);
      if (doc.body) scan(mask, doc.body);
    },
    stop() {
      mask.stopped = true;
      for (const observer of mask.observers.values()) observer.disconnect();
      mask.observers.clear();
      unmarkAll(mask);
      for (const style of mask.styles.values()) style.remove();
      mask.styles.clear();
    },
  };
}

const termsOf = (who: MaskedRequester): Terms => ({ name: who.name?.trim().toLowerCase() || undefined, email: who.email?.trim().toLowerCase() || undefined });

function styleRoot(mask: Mask, root: Root): void {
  const existing = mask.styles.get(root);
  if (existing && (existing.isConnected || existing.parentNode === root)) return;
  const style = existing ?? mask.doc.createElement('style');
  style.textContent = CSS;
  if (root.nodeType === 9) ((root as Document).head ?? (root as Document).documentElement).append(style);
  else root.append(style);
  mask.styles.set(root, style);
}

function mark(mask: Mask, el: Element): void {
  if (mask.marked.has(el) && el.hasAttribute(MASK_ATTR)) return;
  el.setAttribute(MASK_ATTR, '');
  mask.marked.add(el);
  const root = el.getRootNode();
  if (root.nodeType === 9 || root.nodeType === 11) styleRoot(mask, root as Root);
}

function unmarkAll(mask: Mask): void {
  for (const el of mask.marked) el.removeAttribute(MASK_ATTR);
  mask.marked.clear();
}

/** Whether a text shows an email address, or the requester's email or name. */
function shows(terms: Terms, text: string): boolean {
  if (EMAIL.test(text)) return true;
  const lower = text.toLowerCase();
  if (terms.email && lower.includes(terms.email)) return true;
  if (!terms.name) return false;
  if (terms.name.includes(' ') && lower.includes(terms.name)) return true;
  // The first name alone ("Sam") only where it stands alone (a signature, a chip): inside a sentence
  // it is an ordinary word of a reply ("Hi Sam,").
  const alone = lower.trim();
  return alone === terms.name || alone === terms.name.split(' ')[0];
}

function checkText(mask: Mask, node: Node): void {
  if (!shows(mask.terms, (node as Text).data)) return; // first: `isContentEditable` asks for the computed style
  const parent = node.parentElement;
  if (!parent || SKIP_PARENTS.has(parent.tagName) || parent.isContentEditable) return;
  mark(mask, parent);
}

/** Marks what `scope` (an element, a document or a shadow root) shows, and watches its shadow roots. */
function scan(mask: Mask, scope: Node): void {
  const { selector } = mask;
  if (selector && scope.nodeType === 1 && safeMatches(scope as Element, selector)) mark(mask, scope as Element);
  // Shadow roots inside `scope` are scanned as the walker reaches their hosts.
  if (selector && 'querySelectorAll' in scope) for (const el of safeQuery(scope as ParentNode, selector)) mark(mask, el);
  const walker = mask.doc.createTreeWalker(scope, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === 3) checkText(mask, node);
    else if ((node as Element).shadowRoot) {
      const shadow = (node as Element).shadowRoot!;
      watch(mask, shadow);
      scan(mask, shadow);
    }
  }
}

function watch(mask: Mask, root: Root): void {
  if (mask.observers.has(root)) return;
  const observer = new MutationObserver((records) => onMutations(mask, records));
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  mask.observers.set(root, observer);
}

function onMutations(mask: Mask, records: MutationRecord[]): void {
  if (mask.stopped) return;
  for (const record of records) {
    if (record.type === 'characterData') checkText(mask, record.target);
    else
      for (const added of record.addedNodes) {
        if (added.nodeType === 3) checkText(mask, added);
        else if (added.nodeType === 1) scan(mask, added);
      }
  }
}

function safeQuery(scope: ParentNode, selector: string): Element[] {
  try {
    return Array.from(scope.querySelectorAll(selector));
  } catch {
    return [];
  }
}

function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}
