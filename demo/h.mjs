/**
 * A tiny view layer shared by the demo helpdesk's server and its pages.
 *
 * Views are written once as plain trees — `h('p', { class: 'x' }, 'text')` — and turned into either
 * an HTML string on the server (`toHtml`, which escapes every text and attribute value) or real DOM
 * nodes in the browser and in tests (`toDom`, which only uses createElement / setAttribute /
 * createTextNode). Customer text therefore never reaches the page as markup, on either side.
 *
 * Runs unchanged in Node and in the browser (served at /__demo/h.mjs): no imports, no globals.
 */

/**
 * @typedef {{ tag: string, attrs: Record<string, string | number | boolean | null | undefined>, children: Child[] }} Element
 * @typedef {{ json: unknown }} JsonText
 * @typedef {Element | JsonText | string | number} Child
 */

/** Builds an element. `null`, `undefined` and `false` children are dropped; arrays are flattened. */
export function h(tag, attrs, ...children) {
  return {
    tag,
    attrs: attrs ?? {},
    children: children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false),
  };
}

/** Data for a `<script type="application/json">` element: serialised so no text can close the script. */
export function jsonText(value) {
  return { json: value };
}

const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const SVG_NS = 'http://www.w3.org/2000/svg';

export function escapeText(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(value) {
  return escapeText(value).replace(/"/g, '&quot;');
}

/** JSON that is safe inside a <script> element: `<` is written as \u003c, so `</script>` cannot appear. */
export function scriptSafeJson(value) {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Serialises a view tree to HTML. Every text node and attribute value is escaped. */
export function toHtml(node) {
  if (typeof node === 'string' || typeof node === 'number') return escapeText(node);
  if ('json' in node) return scriptSafeJson(node.json);
  const attrs = Object.entries(node.attrs)
    .filter(([, v]) => v !== null && v !== undefined && v !== false)
    .map(([name, v]) => (v === true ? ` ${name}` : ` ${name}="${escapeAttribute(v)}"`))
    .join('');
  if (VOID_TAGS.has(node.tag)) return `<${node.tag}${attrs}>`;
  if ((node.tag === 'script' || node.tag === 'style') && node.children.some((c) => typeof c !== 'object' || !('json' in c))) {
    // Raw-text elements do not decode entities, so escaped text would arrive mangled. Only JSON
    // data (jsonText) goes into scripts here; code and styles are served as files.
    throw new Error(`toHtml: <${node.tag}> may only contain jsonText()`);
  }
  return `<${node.tag}${attrs}>${node.children.map(toHtml).join('')}</${node.tag}>`;
}

/** Builds real DOM nodes from a view tree, with DOM APIs only (never parses markup). */
export function toDom(node, doc = globalThis.document, namespace = null) {
  if (typeof node === 'string' || typeof node === 'number') return doc.createTextNode(String(node));
  if ('json' in node) return doc.createTextNode(JSON.stringify(node.json));
  const ns = node.tag === 'svg' ? SVG_NS : namespace;
  const el = ns ? doc.createElementNS(ns, node.tag) : doc.createElement(node.tag);
  for (const [name, v] of Object.entries(node.attrs)) {
    if (v === null || v === undefined || v === false) continue;
    el.setAttribute(name, v === true ? '' : String(v));
  }
  for (const child of node.children) el.appendChild(toDom(child, doc, ns));
  return el;
}

/** A plain-text message as paragraphs of lines: blank lines separate paragraphs, single newlines lines. */
export function textBlocks(text) {
  return String(text)
    .split(/\n{2,}/)
    .map((para) => para.split('\n'));
}

/** Paragraphs of a plain-text message (see textBlocks; a line break within a paragraph is a <br>). */
export function paragraphs(text) {
  return textBlocks(text).map((lines) => h('p', null, lines.flatMap((line, i) => (i === 0 ? [line] : [h('br'), line]))));
}

/** "25 minutes ago", as helpdesks print next to a message; `at` and `now` are ISO strings or Dates. */
export function relativeTime(at, now = new Date()) {
  const seconds = Math.round((new Date(now).getTime() - new Date(at).getTime()) / 1000);
  const units = [
    ['year', 365 * 86400],
    ['month', 30 * 86400],
    ['week', 7 * 86400],
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    const n = Math.floor(seconds / size);
    if (n >= 1) return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
  }
  return 'just now';
}

/** "12 Mar 2026, 14:05" in the viewer's locale-independent English form (stable in screenshots). */
export function absoluteTime(at) {
  const d = new Date(at);
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getMonth()];
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getDate()} ${month} ${d.getFullYear()}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "SR" for "Sam Rivera"; letters only, so hostile names give harmless initials. */
export function initials(name) {
  const letters = String(name)
    .split(/\s+/)
    .map((word) => word.match(/\p{L}/u)?.[0] ?? '')
    .filter(Boolean);
  return ((letters[0] ?? '?') + (letters.length > 1 ? letters[letters.length - 1] : '')).toUpperCase();
}
