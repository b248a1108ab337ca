// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { MASK_ATTR, maskPage } from '@/lib/page/page-mask';

const flush = () => new Promise((r) => setTimeout(r, 0));
const masked = () => [...document.querySelectorAll(`[${MASK_ATTR}]`)].map((el) => el.id || el.className);

afterEach(() => {
  document.body.replaceChildren();
  document.head.replaceChildren();
});

/** An element with attributes and children (text or elements), built without parsing HTML. */
function el(tag: string, attrs: Record<string, string>, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function page() {
  document.body.replaceChildren(
    el('div', { id: 'requester', class: 'req' }, 'Sam Rivera'),
    el('p', { id: 'chip' }, 'To ', el('span', { id: 'to' }, 'Sam Rivera')),
    el('p', { id: 'reply' }, 'Hi Sam, thanks for writing.'),
    el('p', { id: 'lone' }, 'Sam'),
    el('p', { id: 'mail' }, 'Write to lee@rivera.example any time'),
    el('div', { id: 'editor', contenteditable: 'true' }, el('p', { id: 'draft' }, 'Hi Sam Rivera')),
    el('textarea', { id: 'field' }, 'sam.rivera@example.com'),
    el('p', { id: 'other' }, 'CSV export is missing the last row'),
  );
}

describe('presentation mode on the helpdesk page (#16)', () => {
  it('masks the adapter’s elements, and elements whose own text holds the full name or an email', () => {
    page();
    const mask = maskPage(document, ['.req']);
    mask.setRequester({ name: 'Sam Rivera', email: 'sam.rivera@example.com' });
    // The first name inside a sentence is an ordinary word of a reply; on its own it is a signature.
    expect(masked().sort()).toEqual(['lone', 'mail', 'requester', 'to'].sort());
    // Editable areas and form fields are left to their editors.
    expect(document.getElementById('draft')!.hasAttribute(MASK_ATTR)).toBe(false);
    expect(document.getElementById('field')!.hasAttribute(MASK_ATTR)).toBe(false);
    expect(document.head.querySelector('style')?.textContent).toContain('visibility: hidden');
    mask.stop();
    expect(masked()).toEqual([]);
    expect(document.head.querySelector('style')).toBeNull();
  });

  it('masks what the page adds later, inside open shadow roots too (with the style in that root)', async () => {
    document.body.replaceChildren(el('main', { id: 'app' }));
    const mask = maskPage(document, ['p.break-all']);
    mask.setRequester({ name: 'Sam Rivera' });
    const host = document.createElement('mfe-application');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append(el('p', { class: 'break-all' }, 'sam.rivera@example.com'), el('b', {}, 'Sam Rivera'), el('i', {}, 'Rivera Design Co.'));
    document.getElementById('app')!.append(host);
    const row = document.createElement('td');
    row.textContent = 'Sam Rivera';
    document.getElementById('app')!.append(row);
    await flush();
    expect(row.hasAttribute(MASK_ATTR)).toBe(true);
    expect([...shadow.querySelectorAll(`[${MASK_ATTR}]`)].map((el) => el.tagName)).toEqual(['P', 'B']);
    expect(shadow.querySelector('style')?.textContent).toContain(MASK_ATTR);
    // Text that changes in place into the name is caught as well.
    const later = document.createElement('span');
    later.textContent = 'loading…';
    document.getElementById('app')!.append(later);
    await flush();
    later.firstChild!.nodeValue = 'Sam Rivera';
    await flush();
    expect(later.hasAttribute(MASK_ATTR)).toBe(true);
    mask.stop();
    expect(shadow.querySelector(`[${MASK_ATTR}]`)).toBeNull();
    expect(shadow.querySelector('style')).toBeNull();
  });

  it('follows the customer on screen: another requester unmasks what showed the previous one', () => {
    page();
    const mask = maskPage(document, []);
    mask.setRequester({ name: 'Sam Rivera' });
    expect(document.getElementById('to')!.hasAttribute(MASK_ATTR)).toBe(true);
    document.getElementById('to')!.textContent = 'Dana Whitfield';
    mask.setRequester({ name: 'Dana Whitfield' });
    expect(document.getElementById('to')!.hasAttribute(MASK_ATTR)).toBe(true);
    expect(document.getElementById('requester')!.hasAttribute(MASK_ATTR)).toBe(false);
    mask.stop();
  });
});
