/**
 * The "Send anyway / Keep editing" prompt of ask-before-sending (issue #16), drawn beside the
 * helpdesk's send button.
 *
 * Why a page-side element and not the sidebar frame: the prompt has to appear at the composer the
 * instant the agent clicks send (the sidebar may be collapsed, and sits at the far edge of the
 * window), take the keyboard at once, and hand the focus back to the composer. So it lives in the
 * page, inside a CLOSED shadow root (page scripts can neither read its text nor reach its
 * buttons), and it shows only generic text: the failing rules' labels ("Acknowledges feelings") and
 * counts ("1 question unanswered") — never the draft, the customer's name or a "why" line.
 */

export interface SendPromptOptions {
  /** What fails, in plain words without customer data (see `failingCritical`). */
  failing: string[];
  /** The send button: the prompt is placed just above it (below when there is no room). */
  anchor: Element;
  onSendAnyway(): void;
  onKeepEditing(): void;
}

export interface SendPrompt {
  remove(): void;
}

const css = `
:host { all: initial; }
.box { position: fixed; z-index: 2147483001; max-width: 340px; box-sizing: border-box; padding: 12px 14px;
  font: 13px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1d2127; background: #fff;
  border: 1px solid #e0b4ae; border-left: 4px solid #b3261e; border-radius: 8px;
  box-shadow: 0 6px 24px rgba(16, 24, 40, 0.18); }
.title { margin: 0 0 4px; font-weight: 600; }
.failing { margin: 0 0 10px; color: #5c2a26; }
.row { display: flex; gap: 8px; justify-content: flex-end; }
button { font: inherit; padding: 5px 12px; border-radius: 6px; cursor: pointer; border: 1px solid #c4cad1; background: #fff; color: #1d2127; }
button.keep { background: #0f6e66; border-color: #0f6e66; color: #fff; font-weight: 600; }
button:focus-visible { outline: 2px solid #0f6e66; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .box { color: #e7e9ec; background: #23272d; border-color: #6b3a36; border-left-color: #ff9d94; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.5); }
  .failing { color: #ffc9c3; }
  button { background: #1a1d21; color: #e7e9ec; border-color: #4a525c; }
  button.keep { background: #4fd1c0; border-color: #4fd1c0; color: #062b27; }
}
`;

export function showSendPrompt(doc: Document, options: SendPromptOptions): SendPrompt {
  const host = doc.createElement('rapport-send-check');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  const box = doc.createElement('div');
  box.className = 'box';
  box.setAttribute('role', 'alertdialog');
  box.setAttribute('aria-labelledby', 'rapport-send-title');
  box.setAttribute('aria-describedby', 'rapport-send-failing');
  box.setAttribute('data-testid', 'send-check');
  const title = doc.createElement('p');
  title.className = 'title';
  title.id = 'rapport-send-title';
  const n = options.failing.length;
  title.textContent = `Before you send: ${n === 1 ? 'a must-have is missing' : `${n} must-haves are missing`}`;
  const failing = doc.createElement('p');
  failing.className = 'failing';
  failing.id = 'rapport-send-failing';
  failing.setAttribute('data-testid', 'send-check-failing');
  failing.textContent = options.failing.join(' · ');
  const row = doc.createElement('div');
  row.className = 'row';
  const send = button(doc, 'Send anyway', 'send', options.onSendAnyway);
  const keep = button(doc, 'Keep editing', 'keep', options.onKeepEditing);
  row.append(send, keep);
  box.append(title, failing, row);
  shadow.append(style, box);
  box.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    options.onKeepEditing();
  });
  (doc.body ?? doc.documentElement).append(host);
  place(box, options.anchor);
  keep.focus();
  return { remove: () => host.remove() };
}

function button(doc: Document, label: string, kind: string, onClick: () => void): HTMLButtonElement {
  const b = doc.createElement('button');
  b.type = 'button';
  b.className = kind;
  b.textContent = label;
  b.setAttribute('data-testid', `send-check-${kind}`);
  b.addEventListener('click', (event) => {
    event.stopPropagation();
    onClick();
  });
  return b;
}

/** Above the send button, right edges aligned; below it when the window has no room above. */
function place(box: HTMLElement, anchor: Element): void {
  const win = box.ownerDocument.defaultView;
  const at = anchor.getBoundingClientRect();
  const width = win?.innerWidth ?? 1024;
  const height = win?.innerHeight ?? 768;
  const own = box.getBoundingClientRect();
  const right = Math.max(8, width - at.right);
  box.style.right = `${Math.min(right, width - own.width - 8)}px`;
  if (at.top - own.height - 8 >= 8) box.style.bottom = `${height - at.top + 8}px`;
  else box.style.top = `${Math.min(at.bottom + 8, height - own.height - 8)}px`;
}
