/**
 * Reading and writing the helpdesk's reply composer (CKEditor 5 in Zendesk, Froala in Freshdesk)
 * from the content script. Reading never changes the editor; writing only happens when the agent
 * clicks an insert helper, and goes through the editor's own input handling.
 */
import type { ComposerKind, HelpdeskAdapter } from '../helpdesks/types';
import { attempt } from '../helpdesks/dom';

/** The composer's text as the agent sees it: one paragraph per block, <br> as a newline. */
export function composerText(editor: Element): string {
  const blocks: string[] = [];
  let current = '';
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) current += (child as Text).data;
      else if (child.nodeName === 'BR') {
        if (!(child as Element).hasAttribute('data-cke-filler')) current += '\n';
      } else if (child.nodeType === 1) walk(child);
    }
  };
  for (const child of editor.childNodes) {
    if (child.nodeType === 1 && /^(?:P|DIV|LI|BLOCKQUOTE|H\d|PRE)$/.test(child.nodeName)) {
      if (current) blocks.push(current);
      current = '';
      walk(child);
      blocks.push(current);
      current = '';
    } else if (child.nodeType === 3) current += (child as Text).data;
    else if (child.nodeType === 1) walk(child);
  }
  if (current) blocks.push(current);
  return blocks
    .map((b) => b.replace(/\u00a0/g, ' ').replace(/\n+$/, ''))
    .filter((b) => b.trim())
    .join('\n\n')
    .trim();
}

/**
 * Inserts `text` at `range` (the agent's last cursor in the composer), else at the start of the
 * composer, the way the editor itself would take typing, so its undo and send keep working:
 * - Editors that keep their own document model (CKEditor 5, which Zendesk uses; ProseMirror,
 *   Lexical) insert on a cancelable `beforeinput` and cancel it. They ignore `execCommand`, and
 *   undo a DOM change they did not make on their next render.
 * - Editors that edit the DOM (Froala, a plain contenteditable) leave `beforeinput` alone; for
 *   them `execCommand('insertText')` is typing. Where that is refused, a Range insertion plus an
 *   `input` event keeps the editor informed.
 */
export function insertIntoComposer(editor: HTMLElement, text: string, range: Range | undefined): void {
  const doc = editor.ownerDocument;
  const selection = doc.getSelection();
  editor.focus();
  const target = range && editor.contains(range.startContainer) ? range : startOf(editor);
  if (selection) {
    selection.removeAllRanges();
    selection.addRange(target);
  }
  const before = new InputEvent('beforeinput', {
    bubbles: true,
    cancelable: true,
    composed: true,
    inputType: 'insertText',
    data: text,
    ...(typeof StaticRange === 'function' ? { targetRanges: [new StaticRange(target)] } : {}),
  });
  if (!editor.dispatchEvent(before)) return;
  let done = false;
  try {
    done = doc.execCommand('insertText', false, text);
  } catch {
    done = false;
  }
  if (done) return;
  const at = selection?.rangeCount ? selection.getRangeAt(0) : startOf(editor);
  at.deleteContents();
  const node = doc.createTextNode(text);
  at.insertNode(node);
  at.setStartAfter(node);
  at.collapse(true);
  selection?.removeAllRanges();
  selection?.addRange(at);
  editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}

function startOf(editor: HTMLElement): Range {
  const range = editor.ownerDocument.createRange();
  let node: Node = editor;
  while (node.firstChild && node.firstChild.nodeType === 1 && node.firstChild.nodeName !== 'BR') node = node.firstChild;
  range.setStart(node, 0);
  range.collapse(true);
  return range;
}

/**
 * What ticket `ticketId`'s composer writes, as its adapter reads the page: a reply to the customer
 * unless the page says it is a note or a forward. Only a reply is checked, held and recorded.
 */
export function composerKind(adapter: Pick<HelpdeskAdapter, 'composerWrites'>, root: ParentNode, ticketId: string): ComposerKind {
  // A page that breaks the adapter's selectors reads as before: a reply.
  return attempt(() => adapter.composerWrites?.(root, ticketId)) ?? 'reply';
}
