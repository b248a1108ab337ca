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

export function maskPage(doc: Document, selectors: readonly string[], requester: MaskedRequester = {}): PageMask {
  const selector = selectors.join(', ');
  const marked = new Set<Element>();
  const styles = new Map<Document | ShadowRoot, HTMLStyleElement>();
  const observers = new Map<Document | ShadowRoot, MutationObserver>();
  const termsOf = (who: MaskedRequester) => ({ name: who.name?.trim().toLowerCase() || undefined, email: who.email?.trim().toLowerCase() || undefined });
  let terms = termsOf(requester);
  let stopped = false;

  const styleRoot = (root: Document | ShadowRoot) => {
    const existing = styles.get(root);
    if (existing && (existing.isConnected || existing.parentNode === root)) return;
    const style = existing ?? doc.createElement('style');
    style.textContent = CSS;
    if (root.nodeType === 9) ((root as Document).head ?? (root as Document).documentElement).append(style);
    else root.append(style);
    styles.set(root, style);
  };

  const mark = (el: Element) => {
    if (marked.has(el) && el.hasAttribute(MASK_ATTR)) return;
    el.setAttribute(MASK_ATTR, '');
    marked.add(el);
    const root = el.getRootNode();
    if (root.nodeType === 9 || root.nodeType === 11) styleRoot(root as Document | ShadowRoot);
  };

  const shows = (text: string) => {
    if (EMAIL.test(text)) return true;
    const lower = text.toLowerCase();
    if (terms.email && lower.includes(terms.email)) return true;
    if (!terms.name) return false;
    if (terms.name.includes(' ') && lower.includes(terms.name)) return true;
    // The first name alone ("Sam") only where it stands alone (a signature, a chip): inside a sentence
    // it is an ordinary word of a reply ("Hi Sam,").
    const alone = lower.trim();
    return alone === terms.name || alone === terms.name.split(' ')[0];
  };

  const checkText = (node: Node) => {
    if (!shows((node as Text).data)) return; // first: `isContentEditable` asks for the computed style
    const parent = node.parentElement;
    if (!parent || SKIP_PARENTS.has(parent.tagName) || parent.isContentEditable) return;
    mark(parent);
  };

  /** Marks what `scope` (an element, a document or a shadow root) shows, and watches its shadow roots. */
  const scan = (scope: Node) => {
    if (selector && scope.nodeType === 1 && safeMatches(scope as Element, selector)) mark(scope as Element);
    // Shadow roots inside `scope` are scanned as the walker reaches their hosts.
    if (selector && 'querySelectorAll' in scope) for (const el of safeQuery(scope as ParentNode, selector)) mark(el);
    const walker = doc.createTreeWalker(scope, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
      if (node.nodeType === 3) checkText(node);
      else if ((node as Element).shadowRoot) {
        const shadow = (node as Element).shadowRoot!;
        watch(shadow);
        scan(shadow);
      }
    }
  };

  const onMutations = (records: MutationRecord[]) => {
    if (stopped) return;
    for (const record of records) {
      if (record.type === 'characterData') checkText(record.target);
      else
        for (const added of record.addedNodes) {
          if (added.nodeType === 3) checkText(added);
          else if (added.nodeType === 1) scan(added);
        }
    }
  };

  function watch(root: Document | ShadowRoot) {
    if (observers.has(root)) return;
    const observer = new MutationObserver(onMutations);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    observers.set(root, observer);
  }

  const unmarkAll = () => {
    for (const el of marked) el.removeAttribute(MASK_ATTR);
    marked.clear();
  };

  watch(doc);
  styleRoot(doc);
  if (doc.body) scan(doc.body);

  return {
    setRequester(who) {
      const next = termsOf(who);
      if (stopped || (next.name === terms.name && next.email === terms.email)) return;
      terms = next;
      // Another customer: what showed the previous one may show something else now.
      unmarkAll();
      if (doc.body) scan(doc.body);
    },
    stop() {
      stopped = true;
      for (const observer of observers.values()) observer.disconnect();
      observers.clear();
      unmarkAll();
      for (const style of styles.values()) style.remove();
      styles.clear();
    },
  };
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
