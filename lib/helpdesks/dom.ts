/**
 * Small pure DOM readers shared by the helpdesk adapters. Nothing here renders, stores or returns
 * HTML: text comes from text nodes only. Kept free of libraries (only the date helpers of
 * components/intl.ts) because it ships in the content script.
 */
import { monthAbbreviations, zonedTime } from '../../components/intl';
import type { ConversationMessage, ShownTimes } from './types';

/** Bounds that match what the background accepts (`LIMITS` in lib/messages.ts; a test keeps them equal). */
export const MAX = { field: 500, messageText: 20000, messages: 200, externalId: 200, url: 2000 } as const;

/** Bounds for looking through shadow roots, so a hostile or runaway page cannot make us loop. */
const MAX_SHADOW_ROOTS = 100;
const MAX_SHADOW_DEPTH = 12;
/** Bound for the text walker (elements + text nodes visited per call). */
const MAX_NODES = 50000;

const isElement = (node: Node | null | undefined): node is Element => node?.nodeType === 1;

/**
 * All matches of `selector` under `root`, including inside OPEN shadow roots (closed ones are
 * unreachable by design), in page order: a shadow root's matches come right where its host is,
 * before the host's light-DOM children (how slotted content usually renders). Never throws.
 */
export function queryAllDeep(root: ParentNode, selector: string): Element[] {
  const out: Element[] = [];
  const budget = { roots: MAX_SHADOW_ROOTS };
  try {
    const own = isElement(root as Node) ? (root as Element).shadowRoot : null;
    if (own) collect(own, selector, out, budget, 1);
    collect(root, selector, out, budget, 0);
  } catch {
    // An invalid selector or a detached/odd node: return what we have.
  }
  return out;
}

/** The first deep match (see `queryAllDeep`), or null. */
export function queryDeep(root: ParentNode, selector: string): Element | null {
  return queryAllDeep(root, selector)[0] ?? null;
}

function collect(scope: ParentNode, selector: string, out: Element[], budget: { roots: number }, depth: number): void {
  const matches = Array.from(scope.querySelectorAll(selector));
  const hosts = depth < MAX_SHADOW_DEPTH ? Array.from(scope.querySelectorAll('*')).filter((el) => el.shadowRoot) : [];
  let i = 0;
  for (const host of hosts) {
    // Matches before the host (and the host itself and its ancestors) come first.
    while (i < matches.length && !follows(host, matches[i]!)) out.push(matches[i++]!);
    if (budget.roots-- <= 0) break;
    collect(host.shadowRoot!, selector, out, budget, depth + 1);
  }
  while (i < matches.length) out.push(matches[i++]!);
}

const follows = (host: Element, el: Element) =>
  el !== host && (host.compareDocumentPosition(el) & 4) /* DOCUMENT_POSITION_FOLLOWING */ !== 0;

/** The element's own open shadow root when it has one, else the element (some widgets render without). */
export const contentRoot = (el: Element): ParentNode => el.shadowRoot ?? el;

/** Whether `el` or an ancestor up to (not including) `stop` is an `aria-hidden="true"` copy. */
export function hiddenWithin(el: Element, stop: Node): boolean {
  for (let node: Element | null = el; node && node !== stop; node = node.parentElement) {
    if (node.getAttribute('aria-hidden') === 'true') return true;
  }
  return false;
}

// Buttons are controls ("Add AI summary", "Show more"), not content.
const SKIP = /^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT|SVG|svg|IFRAME|OBJECT|CANVAS|BUTTON)$/;
const BLOCK =
  /^(P|DIV|LI|UL|OL|DL|DT|DD|H[1-6]|BLOCKQUOTE|PRE|TABLE|TR|SECTION|ARTICLE|HEADER|FOOTER|ASIDE|NAV|HR|FIGURE|FIGCAPTION|ADDRESS|DETAILS|SUMMARY)$/;

/** The second line end at a paragraph's edge: a blank line, unless the message spaces with empty `<p>`s. */
const PARA = '\u2029';

/**
 * Text laid out in lines as a browser breaks them (the HTML standard's `innerText`, "required line
 * break count"): a block starts a new line and a `<p>` a new paragraph (a blank line before and
 * after it), neither piling up; a `<br>` always ends a line. So a line left empty on purpose stays:
 * FreeScout stores a plain-text mail as `nl2br(text)` (FetchEmails::separateReply), a blank line as
 * `<br /><br />`; mail clients write `<div><br></div>` or `<p>&nbsp;</p>`. Unlike `innerText`, a
 * `<br>` that ends a block adds no empty line (the page shows none), and a message that spaces its
 * paragraphs with empty `<p>`s, as Outlook writes mail, has a `<p>` per line: its `<p>`s are lines.
 */
class Lines {
  private out: string[] = [];
  /** Line ends written since the last text (0 inside a line). */
  private ends = 0;
  /** Line ends the next text needs before it: 1 after a block's edge, 2 at a paragraph's. */
  private need = 0;
  /** Texts with something to read, and lines kept blank (a no-break space, a `<br>`), so far. */
  private shown = 0;
  private blanks = 0;
  /** Whether an empty `<p>` spaced two others (`<p>&nbsp;</p>`, `<p><br></p>`; not a bare `<p></p>`, which shows nothing). */
  private spaced = false;
  size = 0;
  /** A block's edge: the next text starts on a new line (`paragraph`: after a blank one). */
  block(paragraph = false): void {
    this.need = Math.max(this.need, paragraph ? 2 : 1);
  }
  /** Where a `<p>` opens: what `closeParagraph` compares against. */
  mark(): [number, number] {
    return [this.shown, this.blanks];
  }
  /** A `<p>` closes: a paragraph's edge, and a spacer when it showed nothing but a blank line. */
  closeParagraph([shown, blanks]: [number, number]): void {
    if (this.shown === shown && this.blanks > blanks) this.spaced = true;
    this.block(true);
  }
  br(): void {
    this.settle();
    this.out.push('\n');
    this.ends++;
    this.blanks++;
  }
  /** Collapsed text; white space at a line's start is layout, except a no-break space (a line kept blank). */
  text(piece: string): void {
    const blank = !/\S/.test(piece.replace(/\u00a0/g, 'x'));
    if (blank && (this.ends + this.need > 0 || !this.out.length)) return;
    this.settle();
    this.out.push(piece);
    this.size += piece.length;
    this.ends = 0;
    if (/[^\s\u00a0]/.test(piece)) this.shown++;
    else this.blanks++;
  }
  /** The line ends a block or paragraph edge still owes, none before the first text. */
  private settle(): void {
    if (this.out.length) for (; this.ends < this.need; this.ends++) this.out.push(this.ends === 1 ? PARA : '\n');
    this.need = 0;
  }
  /** Each line trimmed, blank lines kept one at a time, none at either end. */
  toString(): string {
    return this.out
      .join('')
      .replaceAll(PARA, this.spaced ? '' : '\n')
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+|\n+$/g, '');
  }
}

/**
 * Plain text of an element as a reader would see it: whitespace collapsed, a new line at each block
 * and `<br>`, a blank line where the page shows one (never more than one in a row), line breaks kept
 * inside `<pre>`. Skips scripts, styles, templates, buttons and `aria-hidden="true"` / `hidden`
 * subtrees (duplicates kept for animation or screen-reader tricks). Built from text nodes only: never
 * HTML. Clipped to `max` characters.
 */
export function textOf(el: Element | null | undefined, max: number = MAX.messageText): string {
  if (!el) return '';
  const lines = new Lines();
  let visited = 0;
  // Explicit stack (no recursion): [node, inside <pre>], 'end' where a block closes, or where a <p> opened.
  const stack: Array<[Node, boolean] | 'end' | { p: [number, number] }> = [];
  const pushChildren = (node: Node, pre: boolean) => {
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push([c, pre]);
  };
  pushChildren(el, el.tagName === 'PRE');
  while (stack.length && lines.size < max * 4 + 1000 && visited++ < MAX_NODES) {
    const item = stack.pop()!;
    if (item === 'end') {
      lines.block();
      continue;
    }
    if (!Array.isArray(item)) {
      lines.closeParagraph(item.p);
      continue;
    }
    const [node, pre] = item;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (!pre) lines.text(data.replace(/[^\S\u00a0]+/g, ' '));
      else data.split('\n').forEach((line, i) => {
        if (i) lines.br();
        lines.text(line.replace(/[^\S\u00a0]+/g, ' '));
      });
    } else if (isElement(node)) {
      if (SKIP.test(node.tagName) || node.getAttribute('aria-hidden') === 'true' || node.hasAttribute('hidden')) continue;
      if (node.tagName === 'BR') {
        lines.br();
        continue;
      }
      if (BLOCK.test(node.tagName)) {
        const paragraph = node.tagName === 'P';
        lines.block(paragraph);
        stack.push(paragraph ? { p: lines.mark() } : 'end');
      }
      if (node.tagName === 'LI') lines.text(listMarker(node));
      pushChildren(node, pre || node.tagName === 'PRE');
    }
  }
  return clip(lines.toString(), max);
}

/** "3. " for the third item of an ordered list, "- " otherwise, so numbered questions stay numbered. */
function listMarker(item: Element): string {
  const list = item.parentElement;
  if (list?.tagName !== 'OL') return '- ';
  let n = Number.parseInt(list.getAttribute('start') ?? '', 10) || 1;
  for (let s = item.previousElementSibling; s; s = s.previousElementSibling) if (s.tagName === 'LI') n++;
  return `${n}. `;
}

/** Single-line text for names, subjects and statuses; undefined when empty. */
export function fieldOf(el: Element | null | undefined): string | undefined {
  return clip(textOf(el, MAX.field * 2).replace(/\n/g, ' '), MAX.field) || undefined;
}

/** A form control's current value (`.value`, which the app sets), else its text. */
export function valueOf(el: Element | null | undefined): string | undefined {
  if (!el) return undefined;
  const value = (el as HTMLInputElement).value;
  const text = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : fieldOf(el);
  return text ? clip(text, MAX.field) : undefined;
}

/** Cuts `text` to `max` UTF-16 units without leaving half a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** ISO 8601 (UTC) from the element's `datetime` attribute; undefined when absent or unparseable. */
export function isoFrom(el: Element | null | undefined): string | undefined {
  const raw = el?.getAttribute('datetime')?.trim();
  if (!raw) return undefined;
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const SHOWN_TIME = /^(\p{L}+|\d{1,2}[月월])\.? (\d{1,2})(?:, (\d{4}))?,? (\d{1,2}):(\d{2})(?: ?([ap])\.?m\.?)?$/iu;

/**
 * ISO 8601 (UTC) from a time shown only as text, e.g. Zendesk chat's "Feb 26 23:08" or "Feb 26, 2025
 * 11:08 PM", or a FreeScout in German "Dez 7, 2026 15:18" (`shown.locale`: month names as that
 * language abbreviates them, else English; anything else is undefined, never guessed), in
 * `shown.timeZone` when the helpdesk says which zone it shows this agent's times in, else in the
 * browser's. Without a year, the latest such time not after `now` (+1 day for clock skew).
 */
export function shownTime(text: string | null | undefined, now: number, shown: ShownTimes = {}): string | undefined {
  const m = text?.trim().replace(/\s+/g, ' ').match(SHOWN_TIME);
  if (!m) return undefined;
  const month = monthOf(m[1]!, shown.locale);
  let hour = Number(m[4]);
  const day = Number(m[2]);
  if (month < 0 || day < 1 || day > 31 || hour > 23 || Number(m[5]) > 59) return undefined;
  if (m[6]) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (m[6].toLowerCase() === 'p' ? 12 : 0);
  }
  const { timeZone } = shown;
  const at = (year: number) => (timeZone ? new Date(zonedTime(timeZone, year, month + 1, day, hour, Number(m[5]))) : new Date(year, month, day, hour, Number(m[5])));
  const thisYear = new Date(now).getFullYear();
  let year = m[3] ? Number(m[3]) : thisYear;
  if (!m[3] && at(year).getTime() > now + 86_400_000) year = thisYear - 1;
  return new Date(Date.UTC(year, month, day)).getUTCDate() === day ? at(year).toISOString() : undefined;
}

/** A month's index from its shown name: the page language's abbreviation first, then English. */
function monthOf(word: string, locale: string | undefined): number {
  const numbered = /^(\d{1,2})[月월]$/.exec(word); // Chinese, Japanese, Korean: "12月"
  if (numbered) return Number(numbered[1]) >= 1 && Number(numbered[1]) <= 12 ? Number(numbered[1]) - 1 : -1;
  const token = word.toLowerCase().replace(/\.$/, '');
  const local = locale ? monthAbbreviations(locale).indexOf(token) : -1;
  return local >= 0 ? local : /^[a-z]{3,}$/.test(token) ? MONTHS.indexOf(token.slice(0, 3)) : -1;
}

/** First capture of `pattern` in the element's `href` attribute (e.g. a user or contact id). */
export function idFromHref(el: Element | null | undefined, pattern: RegExp): string | undefined {
  const id = el?.getAttribute('href')?.match(pattern)?.[1];
  return id ? clip(id, MAX.externalId) : undefined;
}

const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]{2,}/;

/** The first thing that looks like an email address in `text`. */
export function emailIn(text: string | null | undefined): string | undefined {
  const hit = text?.match(EMAIL)?.[0];
  return hit && hit.length <= MAX.field ? hit : undefined;
}

/** The document a root belongs to (the root itself when it is one). */
export function documentOf(root: ParentNode): Document | undefined {
  const node = root as Node;
  return node.nodeType === 9 ? (node as Document) : (node.ownerDocument ?? undefined);
}

/** `url.href`, cut down to what the background accepts. */
export function pageUrl(url: URL): string {
  return url.href.length <= MAX.url ? url.href : clip(url.origin + url.pathname, MAX.url);
}

/**
 * At most `MAX.messages`, keeping the latest: the tail in oldest-first pages, the head when the
 * page lists newest first (judged by the timestamps at both ends).
 */
export function latestMessages(messages: ConversationMessage[]): ConversationMessage[] {
  if (messages.length <= MAX.messages) return messages;
  return newestFirst(messages) ? messages.slice(0, MAX.messages) : messages.slice(-MAX.messages);
}

/** The conversation's first message, whichever way round the page lists them (as `latestMessages` tells). */
export function firstMessage(messages: ConversationMessage[]): ConversationMessage | undefined {
  return newestFirst(messages) ? messages.at(-1) : messages[0];
}

/** The page lists the newest message first: its first time is later than its last. */
function newestFirst(messages: ConversationMessage[]): boolean {
  const first = messages[0]?.at;
  const last = messages.at(-1)?.at;
  return !!first && !!last && first > last;
}

/** Runs a reader; a throw (odd DOM, missing API) becomes undefined so one field cannot sink the read. */
export function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** Drops keys whose value is undefined, so snapshots compare and serialise cleanly. */
export function prune<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
  return value;
}

/**
 * Ctrl+Enter (⌘+Enter on a Mac) pressed in a composer: the "send" shortcut adapters declare
 * (`sendShortcut`). Not among the facts gathered from public code (reference/helpdesk-dom.md); a
 * helpdesk whose shortcut differs sends without being asked, the send button is still checked.
 */
export const ctrlEnter = (event: KeyboardEvent): boolean => event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
