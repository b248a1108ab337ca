// @vitest-environment happy-dom
import {
  clip,
  emailIn,
  isoFrom,
  latestMessages,
  MAX,
  queryAllDeep,
  queryDeep,
  shownTime,
  textOf,
} from '../../../lib/helpdesks/dom';
import type { ConversationMessage } from '../../../lib/helpdesks/types';
import { LIMITS } from '../../../lib/messages';
import { attachDeclarativeShadowRoots, parseHtml } from '../../helpers/fixture';

describe('declarative shadow DOM in fixtures', () => {
  it('attaches open roots, nested ones too, and removes the templates', () => {
    const doc = parseHtml(`<!DOCTYPE html><body>
      <x-card id="card"><template shadowrootmode="open"><p class="a">outer</p>
        <x-inner id="inner"><template shadowrootmode="open"><p class="a">inner</p></template></x-inner>
      </template><span class="a">light</span></x-card>
      <x-closed id="closed"><template shadowrootmode="closed"><p class="a">secret</p></template></x-closed></body>`);
    const card = doc.getElementById('card')!;
    expect(card.shadowRoot?.mode).toBe('open');
    expect(card.shadowRoot?.getElementById('inner')?.shadowRoot?.textContent).toBe('inner');
    expect(doc.getElementById('closed')!.shadowRoot).toBeNull(); // closed stays unreachable
    expect(doc.querySelectorAll('template')).toHaveLength(0);
    expect(attachDeclarativeShadowRoots(doc)).toBe(0); // idempotent
  });
});

describe('queryAllDeep', () => {
  const doc = parseHtml(`<!DOCTYPE html><body>
    <div class="m" id="1"></div>
    <x-host class="m" id="2"><template shadowrootmode="open">
      <div class="m" id="3"></div>
      <x-deeper><template shadowrootmode="open"><div class="m" id="4"></div></template></x-deeper>
      <slot></slot></template>
      <div class="m" id="5"></div></x-host>
    <div class="m" id="6"></div></body>`);

  it('finds matches inside open shadow roots in page order', () => {
    expect(queryAllDeep(doc, '.m').map((el) => el.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(queryDeep(doc, '[id="4"]')?.id).toBe('4');
    expect(queryDeep(doc, '.none')).toBeNull();
  });

  it('starts inside a host or shadow root handed in as the root', () => {
    const host = doc.querySelector('x-host')!;
    expect(queryAllDeep(host, '.m').map((el) => el.id)).toEqual(['3', '4', '5']);
    expect(queryAllDeep(host.shadowRoot!, '.m').map((el) => el.id)).toEqual(['3', '4']);
  });

  it('returns nothing for an invalid selector instead of throwing', () => {
    expect(queryAllDeep(doc, '[[[')).toEqual([]);
  });

  it('stops at a bounded depth of nested roots', () => {
    let html = '<b class="m">0</b>';
    for (let i = 1; i <= 30; i++) html = `<x-n><template shadowrootmode="open"><b class="m">${i}</b>${html}</template></x-n>`;
    const found = queryAllDeep(parseHtml(html), '.m');
    expect(found.length).toBeGreaterThan(5);
    expect(found.length).toBeLessThan(31);
  });
});

describe('textOf', () => {
  const text = (html: string) => textOf(parseHtml(`<div id="t">${html}</div>`).getElementById('t'));

  it('collapses whitespace: a line per block or <br>, a paragraph per <p> (as innerText lays them out)', () => {
    expect(text('<p>Hi  Zoë,\n   thanks</p><p></p><div>Line<br>break</div>')).toBe('Hi Zoë, thanks\n\nLine\nbreak');
    expect(text('<p>One</p><p>Two<br>still two</p><ol><li>a</li></ol>')).toBe('One\n\nTwo\nstill two\n\n1. a');
    expect(text('a&nbsp;&nbsp;b <span>c</span>')).toBe('a b c');
  });

  it('keeps a blank line where the page shows one, never two in a row', () => {
    // FreeScout stores a plain-text mail as nl2br(text): a blank line is <br /><br />.
    expect(text('Hi,<br />\nCan you refund me?<br />\n<br />\nThanks,<br />\nAna')).toBe('Hi,\nCan you refund me?\n\nThanks,\nAna');
    // Mail clients: an empty line as <div><br></div> or <p>&nbsp;</p>; three in a row are one.
    expect(text('<div>One</div><div><br></div><div>Two</div>')).toBe('One\n\nTwo');
    expect(text('<p>One</p><p>&nbsp;</p><p>&nbsp;</p><p>&nbsp;</p><p>Two</p>')).toBe('One\n\nTwo');
    // Outlook: a <p> per line, an empty <p> between paragraphs; each line stays a line.
    expect(text('<p>Hi Ana,</p><p>&nbsp;</p><p>My order is late.</p><p>Where is it?</p><p><br></p><p>Best,</p><p>Ben</p>')).toBe('Hi Ana,\n\nMy order is late.\nWhere is it?\n\nBest,\nBen');
    // A hidden or aria-hidden copy is not read, so its empty <p> spaces nothing.
    expect(text('<p>One</p><p>Two</p><p hidden>&nbsp;</p><p aria-hidden="true"><br></p>')).toBe('One\n\nTwo');
    // A <br> that ends a block, an empty block and the page's own indentation add no line.
    expect(text('<div>One<br></div><div>Two</div>')).toBe('One\nTwo');
    expect(text('\n  <div>One</div>\n  <div></div>\n  <div>\n    Two\n  </div>\n')).toBe('One\nTwo');
    expect(text('<br><br><p>One</p><br><br>')).toBe('One');
  });

  it('keeps line breaks in <pre> and numbers ordered lists', () => {
    expect(text('<pre>line 1\n  line 2</pre>')).toBe('line 1\nline 2');
    expect(text('<ol start="2"><li>a</li><li>b</li></ol><ul><li>c</li></ul>')).toBe('2. a\n3. b\n- c');
  });

  it('skips scripts, styles, buttons, hidden and aria-hidden copies, and never returns markup', () => {
    expect(
      text(
        '<style>p{}</style><script>x()</script><p>kept</p><button>Show more</button>' +
          '<p aria-hidden="true">copy</p><p hidden>hidden</p>&lt;b&gt;bold&lt;/b&gt;',
      ),
    ).toBe('kept\n\n<b>bold</b>');
  });

  it('clips long text without splitting a surrogate pair', () => {
    expect(textOf(parseHtml(`<p id="t">${'a'.repeat(30000)}</p>`).getElementById('t'))).toHaveLength(MAX.messageText);
    expect(clip('ab😀', 3)).toBe('ab');
    expect(textOf(null)).toBe('');
  });
});

describe('small readers', () => {
  it('reads datetime attributes as UTC ISO, or nothing', () => {
    const time = (value: string) => parseHtml(`<time datetime="${value}">x</time>`).querySelector('time');
    expect(isoFrom(time('2026-11-03T07:30:12+00:00'))).toBe('2026-11-03T07:30:12.000Z');
    expect(isoFrom(time('2024-09-16T09:58:31+02:00'))).toBe('2024-09-16T07:58:31.000Z');
    expect(isoFrom(time('yesterday'))).toBeUndefined();
    expect(isoFrom(parseHtml('<time>x</time>').querySelector('time'))).toBeUndefined();
  });

  it('finds an email in text', () => {
    expect(emailIn('Email: zoe@example.is (work)')).toBe('zoe@example.is');
    expect(emailIn('https://example.is/contact')).toBeUndefined();
  });

  it('keeps the latest messages whichever way the page is ordered', () => {
    const msgs = (n: number, ascending: boolean): ConversationMessage[] =>
      Array.from({ length: n }, (_, i) => {
        const k = ascending ? i : n - 1 - i;
        return { role: 'customer', text: String(k), public: true, at: new Date(Date.UTC(2026, 0, 1, 0, k)).toISOString() };
      });
    expect(latestMessages(msgs(250, true)).map((m) => m.text).slice(0, 1)).toEqual(['50']);
    expect(latestMessages(msgs(250, false)).map((m) => m.text).slice(0, 1)).toEqual(['249']);
    expect(latestMessages(msgs(3, true))).toHaveLength(3);
  });

  it('uses the same bounds the background validates', () => {
    expect(MAX.field).toBe(LIMITS.field);
    expect(MAX.messageText).toBe(LIMITS.messageText);
    expect(MAX.messages).toBe(LIMITS.messages);
  });
});

// What FreeScout 1.8.145 wrote for "Dec 7, 2026 15:18" and "Nov 28, 2026 16:33" with the agent's
// language set to each of these (seen on its running pages, User::dateFormat with PHP intl).
describe('shownTime in the page’s language', () => {
  const NOW = Date.UTC(2026, 11, 8);
  const utc = (text: string, locale?: string) => shownTime(text, NOW, { timeZone: 'UTC', locale });
  it.each([
    ['de', 'Dez 7, 2026 15:18', 'Nov 28, 2026 16:33'],
    ['fr', 'Déc 7, 2026 15:18', 'Nov 28, 2026 16:33'],
    ['ru', 'Дек 7, 2026 15:18', 'Нояб 28, 2026 16:33'],
    ['es', 'Dic 7, 2026 15:18', 'Nov 28, 2026 16:33'],
    ['it', 'Dic 7, 2026 15:18', 'Nov 28, 2026 16:33'],
    ['pt-BR', 'Dez 7, 2026 15:18', 'Nov 28, 2026 16:33'],
    ['nl', 'Dec 7, 2026 15:18', 'Nov 28, 2026 16:33'],
    ['pl', 'Gru 7, 2026 15:18', 'Lis 28, 2026 16:33'],
    ['ja', '12月 7, 2026 15:18', '11月 28, 2026 16:33'],
    ['zh-CN', '12月 7, 2026 15:18', '11月 28, 2026 16:33'],
  ])('%s', (locale, december, november) => {
    expect(utc(december, locale)).toBe('2026-12-07T15:18:00.000Z');
    expect(utc(november, locale)).toBe('2026-11-28T16:33:00.000Z');
  });

  it('reads English without a language or beside one, and guesses nothing else', () => {
    expect(utc('Dec 7, 2026 15:18')).toBe('2026-12-07T15:18:00.000Z');
    expect(utc('Nov 28, 2026 16:33', 'de')).toBe('2026-11-28T16:33:00.000Z');
    expect(utc('Dez 7, 2026 15:18')).toBeUndefined(); // German, but the page did not say so
    expect(utc('Dez 7, 2026 15:18', 'not a tag!')).toBeUndefined();
    expect(utc('13月 7, 2026 15:18', 'ja')).toBeUndefined();
  });
});
