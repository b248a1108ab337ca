// @vitest-environment happy-dom
import { queryAllDeep } from '../../../lib/helpdesks/dom';
import type { ReadResult, TicketSnapshot } from '../../../lib/helpdesks/types';
import { zendesk, zendeskPane, zendeskSelectors } from '../../../lib/helpdesks/zendesk';
import { fixtureUrl, loadFixture, parseHtml } from '../../helpers/fixture';

type Counts = Record<keyof typeof zendeskSelectors, number>;

const THREE_TABS = 'zendesk/agent-workspace-three-tabs-2026-11.html';
const DASHBOARD = 'zendesk/views-dashboard-2026-11.html';
const LOADING = 'zendesk/pane-loading-no-requester-2026-11.html';
const LEGACY = 'zendesk/legacy-ticket-pane-2021-08.html';
const GRID = 'zendesk/grid-layout-chat-no-email-2026-08.html';

function snapshotOf(result: ReadResult): TicketSnapshot {
  if (!result.ok) throw new Error(`read failed: ${result.missing.join(', ')}`);
  return result.snapshot;
}

/** Reads a fixture at its own URL, for the ticket that URL names. */
function readFixture(path: string, ticketId?: string): ReadResult {
  const doc = loadFixture(path);
  const url = fixtureUrl(path);
  return zendesk.read(doc, ticketId ?? zendesk.activeTicketId(url, doc)!, url);
}

describe('zendesk selectors: exact match counts on the fixtures', () => {
  const tables: Array<[string, Counts, (doc: Document) => ParentNode]> = [
    [
      `${THREE_TABS} (whole page)`,
      {
        activeTab: 1, // only #4821's tab
        pane: 6, // 3 panes + 3 interaction-history rows that also carry a ticket id
        paneByAnchor: 3,
        subject: 3,
        subjectLegacy: 0,
        requester: 3,
        dropdownValue: 18, // brand, requester, assignee, status, type, priority × 3 panes
        status: 3,
        submitButton: 3,
        channelSwitcher: 3,
        priority: 3,
        contextPane: 2,
        requesterEmail: 2, // #4830's context panel shows apps, not the customer
        requesterLink: 2,
        conversation: 3,
        comment: 12, // 5 + 4 + 3, one of #4817's is an aria-hidden copy
        message: 14, // 12 + the aria-hidden bubble copies in #4821 and #4830
        body: 14,
        sender: 14,
        customerSender: 8, // the senders of end-user bubbles: the customer's own name (presentation mode masks them)
        time: 14,
        internalNote: 3,
        composer: 3, // rich text in #4817 and #4821, plain text in #4830
        activeGrid: 1,
        requesterFallback: 0,
        channel: 3,
        agentBadge: 0,
        showMore: 0,
      },
      (doc) => doc,
    ],
    [
      `${THREE_TABS} (pane #4821 only)`,
      {
        activeTab: 0,
        pane: 2, // the interaction-history rows inside it
        paneByAnchor: 0,
        subject: 1,
        subjectLegacy: 0,
        requester: 1,
        dropdownValue: 6,
        status: 1,
        submitButton: 1,
        channelSwitcher: 1,
        priority: 1,
        contextPane: 1,
        requesterEmail: 1,
        requesterLink: 1,
        conversation: 1,
        comment: 4,
        message: 5, // 4 + 1 aria-hidden copy
        body: 5,
        sender: 5,
        customerSender: 3,
        time: 5,
        internalNote: 1,
        composer: 1,
        activeGrid: 0,
        requesterFallback: 0,
        channel: 1,
        agentBadge: 0,
        showMore: 0,
      },
      (doc) => doc.querySelector('section[data-ticket-id="4821"]')!,
    ],
    [
      DASHBOARD,
      {
        activeTab: 0, // two ticket tabs open, none on screen
        pane: 0,
        paneByAnchor: 0,
        subject: 0,
        subjectLegacy: 0,
        requester: 0,
        dropdownValue: 0,
        status: 0,
        submitButton: 0,
        channelSwitcher: 0,
        priority: 0,
        contextPane: 0,
        requesterEmail: 0,
        requesterLink: 0,
        conversation: 0,
        comment: 0,
        message: 0,
        body: 0,
        sender: 0,
        customerSender: 0,
        time: 0,
        internalNote: 0,
        composer: 0,
        activeGrid: 0,
        requesterFallback: 0,
        channel: 0,
        agentBadge: 0,
        showMore: 0,
      },
      (doc) => doc,
    ],
    [
      LOADING,
      {
        activeTab: 1,
        pane: 1,
        paneByAnchor: 1,
        subject: 1,
        subjectLegacy: 0,
        requester: 1, // present, but only a skeleton inside
        dropdownValue: 3,
        status: 1,
        submitButton: 0,
        channelSwitcher: 0,
        priority: 1,
        contextPane: 0,
        requesterEmail: 0,
        requesterLink: 0,
        conversation: 1, // a loader, no comments yet
        comment: 0,
        message: 0,
        body: 0,
        sender: 0,
        customerSender: 0,
        time: 0,
        internalNote: 0,
        composer: 0,
        activeGrid: 1,
        requesterFallback: 0,
        channel: 0,
        agentBadge: 0,
        showMore: 0,
      },
      (doc) => doc,
    ],
    [
      LEGACY,
      {
        activeTab: 0,
        pane: 0,
        paneByAnchor: 1,
        subject: 0,
        subjectLegacy: 1,
        requester: 0,
        dropdownValue: 0,
        status: 0,
        submitButton: 0,
        channelSwitcher: 0,
        priority: 0,
        contextPane: 0,
        requesterEmail: 0,
        requesterLink: 0,
        conversation: 0,
        comment: 0,
        message: 0,
        body: 0,
        sender: 0,
        customerSender: 0,
        time: 0,
        internalNote: 0,
        composer: 0,
        activeGrid: 0,
        requesterFallback: 0,
        channel: 0,
        agentBadge: 0,
        showMore: 0,
      },
      (doc) => doc,
    ],
  ];

  tables.push([
    GRID,
    {
      activeTab: 1, // #51208's tab (HZ header-tab, aria-current)
      pane: 0, // no data-ticket-id anywhere: it has no public source
      paneByAnchor: 1, // the background tab's pane #51190 (TG, TM)
      activeGrid: 1, // the active pane, with no id of its own (TG, TM)
      subject: 2,
      subjectLegacy: 0,
      requester: 2, // name only (WR): no email or user id on the page
      requesterFallback: 0,
      dropdownValue: 4,
      status: 2,
      submitButton: 2,
      channelSwitcher: 2,
      channel: 2, // data-channel="email" on #51190's switcher, "internal" inside #51208's (HZ)
      priority: 0,
      contextPane: 0,
      requesterEmail: 0,
      requesterLink: 0,
      conversation: 2,
      comment: 3,
      message: 3,
      agentBadge: 1, // the agent's chat message carries the badge, not type="agent" (WR 2026-05)
      body: 3,
      sender: 3,
      customerSender: 2,
      time: 3, // two chat times as text only, one with datetime (WR getTimestamp)
      showMore: 1, // older comments collapsed (HZ)
      internalNote: 0,
      composer: 2,
    },
    (doc) => doc,
  ]);

  for (const [name, counts, scope] of tables) {
    describe(name, () => {
      const doc = loadFixture(name.split(' ')[0]!);
      it.each(Object.entries(zendeskSelectors))('%s', (key, selector) => {
        expect(queryAllDeep(scope(doc), selector)).toHaveLength(counts[key as keyof Counts]);
      });
    });
  }
});

describe('zendesk.read on three open tickets', () => {
  const doc = loadFixture(THREE_TABS);
  const url = fixtureUrl(THREE_TABS);

  it('reads the ticket on screen (the second tab), not the first pane in the DOM', () => {
    const active = zendesk.activeTicketId(url, doc);
    expect(active).toBe('4821');
    // The fixture is consistent: the tab marked current is the URL's ticket.
    expect(doc.querySelector(zendeskSelectors.activeTab)?.getAttribute('data-entity-id')).toBe(active);

    const result = zendesk.read(doc, active!, url);
    expect(result).toMatchObject({ ok: true, missing: [] });
    const snapshot = snapshotOf(result);
    expect(snapshot).toMatchObject({
      helpdesk: 'zendesk',
      account: 'lumenbikes.zendesk.com',
      ticketId: '4821',
      url: 'https://lumenbikes.zendesk.com/agent/tickets/4821',
      subject: 'Export to CSV drops accented characters',
      status: 'Pending',
      priority: 'Normal',
      requester: { name: 'Zoë Ä. Þórsdóttir', email: 'zoë.thorsdottir@example.is', externalId: '90417' },
    });
    expect(snapshot.subject).not.toBe('Charged twice for my annual plan');
  });

  it('gives the conversation in page order with roles, authors, ISO times and internal notes', () => {
    const { messages } = snapshotOf(zendesk.read(doc, '4821', url));
    expect(messages.map((m) => [m.role, m.author, m.at, m.public])).toEqual([
      ['customer', 'Zoë Ä. Þórsdóttir', '2026-11-02T08:41:07.000Z', true],
      ['agent', 'Sam Okafor', '2026-11-02T10:05:31.000Z', true],
      ['agent', 'Priya Raman', '2026-11-02T10:07:55.000Z', false],
      ['customer', 'Zoë Ä. Þórsdóttir', '2026-11-03T07:30:12.000Z', true], // "+00:00" normalised
    ]);
    expect(snapshotOf(zendesk.read(doc, '4821', url)).startedBy).toBe('customer');
  });

  it('turns bodies into plain text with line breaks, list numbers and no aria-hidden copy', () => {
    const { messages } = snapshotOf(zendesk.read(doc, '4821', url));
    expect(messages[0]!.text).toBe(
      [
        "Hi again! It's me, Zoë — you helped me in March with the date format in exports. Three things this time:",
        // A paragraph (<p>) before and after the list: blank lines, as innerText lays them out.
        '',
        '1. When I export my rides to CSV, place names like "Þingvellir" come out as "Ãžingvellir". Is there a UTF-8 setting?',
        '2. Can I export only one bike instead of all three?',
        '3. Is the Strava sync still coming this winter?',
        '',
        'Takk fyrir!',
        'Zoë',
      ].join('\n'),
    );
    expect(messages[3]!.text).toBe('The import trick works, thanks!\n\nOnly question 2 left — any news?');
    expect(messages.filter((m) => m.text.includes('Only question 2 left'))).toHaveLength(1);
  });

  it("reads each mounted pane as that ticket's own data", () => {
    const first = snapshotOf(zendesk.read(doc, '4817', url));
    expect(first).toMatchObject({
      ticketId: '4817',
      subject: 'Charged twice for my annual plan',
      status: 'Open',
      priority: 'High',
      requester: { name: 'José Núñez', email: 'jose.nunez@nunez-importaciones.es', externalId: '88102' },
    });
    // The whole-article aria-hidden copy of José's last message is not read twice.
    expect(first.messages.map((m) => [m.role, m.author, m.public])).toEqual([
      ['customer', 'José Núñez', true],
      ['agent', 'Sam Okafor', true],
      ['agent', 'Sam Okafor', false],
      ['customer', 'José Núñez', true],
    ]);
    expect(first.messages[0]!.text).toContain('charged TWICE');

    const third = snapshotOf(zendesk.read(doc, '4830', url));
    expect(third.ticketId).toBe('4830');
    expect(third.status).toBe('New');
    expect(third.messages).toHaveLength(3);
    expect(third.messages.every((m) => !m.text.includes('charged TWICE') && !m.text.includes('Þingvellir'))).toBe(true);
  });

  it('returns hostile strings as exact text, never as markup', () => {
    const result = zendesk.read(doc, '4830', url);
    const snapshot = snapshotOf(result);
    expect(snapshot.requester.name).toBe('<img src=x onerror=alert(1)>');
    expect(snapshot.subject).toBe('Can\'t log in after reset "><svg onload=alert(2)>');
    expect(snapshot.messages[0]).toEqual({
      role: 'customer',
      author: '<img src=x onerror=alert(1)>',
      at: '2026-11-03T06:12:45.000Z',
      text: 'I reset my password and now the app says "invalid token".\n\nThe page showed this: <script>alert(1)</script>',
      public: true,
    });
    // Parsing the fixture did not create elements out of the customer's text.
    expect(doc.querySelectorAll('img, script')).toHaveLength(0);
    // The context panel of #4830 shows apps, so the email is reported missing.
    expect(result.missing).toEqual(['requester-email']);
    expect(snapshot.requester.email).toBeUndefined();
  });

  it('finds the composer inside the asked pane only', () => {
    const composers = ['4817', '4821', '4830'].map((id) => zendesk.composer(doc, id));
    expect(composers.every((c) => c?.getAttribute('contenteditable') === 'true')).toBe(true);
    expect(new Set(composers).size).toBe(3);
    expect(composers[0]!.closest('[data-ticket-id]')?.getAttribute('data-ticket-id')).toBe('4817');
    expect(composers[0]!.textContent).toBe('Hi José,Quick update from billing:');
    expect(composers[2]!.getAttribute('data-test-id')).toBe('omnicomposer-plain-text-ckeditor');
    expect(zendesk.composer(doc, '9999')).toBeNull();
  });

  it('finds the send ("Submit as …") button inside the asked pane only', () => {
    const buttons = ['4817', '4821', '4830'].map((id) => zendesk.sendButton?.(doc, id));
    expect(buttons.map((b) => b?.textContent)).toEqual(['Submit as Open', 'Submit as Pending', 'Submit as New']);
    expect(zendesk.sendButton?.(doc, '9999')).toBeNull();
    expect(zendesk.sendButton?.(doc, '4821"], [data-ticket-id="4817')).toBeNull();
  });

  it('reports a ticket that is not open as a missing pane', () => {
    expect(zendesk.read(doc, '3977', url)).toEqual({ ok: false, missing: ['pane'] }); // only a history row
    expect(zendesk.read(doc, '9999', url)).toEqual({ ok: false, missing: ['pane'] });
    // An id that would widen the attribute selector is refused, not interpolated.
    expect(zendesk.read(doc, '4821"], [data-ticket-id="4817', url)).toEqual({ ok: false, missing: ['pane'] });
    expect(zendesk.composer(doc, '4821"], [data-ticket-id="4817')).toBeNull();
  });

  it('reads the same from the live document as from a fresh one', () => {
    parseHtml(`<!DOCTYPE html><html><body></body></html>`, { into: document });
    loadFixture(THREE_TABS, { into: document });
    expect(document.title).toBe('Export to CSV drops accented characters – Lumen Bikes – Zendesk');
    expect(zendesk.read(document, '4821', url)).toEqual(zendesk.read(doc, '4821', url));
  });
});

describe('zendesk.read on partial, old and foreign pages', () => {
  it('names what a loading pane does not show yet', () => {
    const result = readFixture(LOADING);
    expect(result.ok).toBe(true);
    expect(result.missing).toEqual(['requester-name', 'requester-email', 'conversation', 'composer']);
    expect(snapshotOf(result)).toEqual({
      helpdesk: 'zendesk',
      account: 'lumenbikes.zendesk.com',
      ticketId: '4840',
      url: 'https://lumenbikes.zendesk.com/agent/tickets/4840',
      subject: 'Brake lever recall – is my bike affected?',
      status: 'New',
      requester: {},
      messages: [], // and no priority: Zendesk shows "-" for an empty field
    });
  });

  it('reads the legacy subject and pane anchor, and names the rest', () => {
    const result = readFixture(LEGACY);
    expect(snapshotOf(result).subject).toBe('Saddle creaks after rain');
    expect(result.missing).toEqual(['status', 'requester-name', 'requester-email', 'conversation', 'composer']);
  });

  it('does not read a views page as a ticket', () => {
    const doc = loadFixture(DASHBOARD);
    const url = fixtureUrl(DASHBOARD);
    expect(zendesk.activeTicketId(url, doc)).toBeUndefined();
    for (const id of ['4817', '4821', '4830']) expect(zendesk.read(doc, id, url)).toEqual({ ok: false, missing: ['pane'] });
    expect(zendesk.composer(doc, '4817')).toBeNull();
  });

  it('prefers the pane holding the ticket over other elements carrying its id', () => {
    const doc = parseHtml(`<!DOCTYPE html><body>
      <a data-ticket-id="12" href="/agent/tickets/12">Earlier mention</a>
      <div data-ticket-id="12"><input data-test-id="omni-header-subject" value="Real pane"></div>`);
    expect(zendeskPane(doc, '12')?.tagName).toBe('DIV');
    expect(snapshotOf(zendesk.read(doc, '12', new URL('https://a.zendesk.com/agent/tickets/12'))).subject).toBe('Real pane');
  });

  it('falls back to the submit button for the status', () => {
    const doc = parseHtml(`<div data-ticket-id="5"><input data-test-id="omni-header-subject" value="S">
      <button data-test-id="submit_button-button">Submit as  Solved</button></div>`);
    expect(snapshotOf(zendesk.read(doc, '5', new URL('https://a.zendesk.com/agent/tickets/5'))).status).toBe('Solved');
  });
});

describe('zendesk.read never throws', () => {
  const url = new URL('https://a.zendesk.com/agent/tickets/1');

  it('returns a missing pane for garbage input', () => {
    expect(zendesk.read(document.createElement('div'), '1', url)).toEqual({ ok: false, missing: ['pane'] });
    expect(zendesk.read(document.createDocumentFragment(), '1', url)).toEqual({ ok: false, missing: ['pane'] });
    expect(zendesk.read(document.createElement('div'), '"] *, [x="', url)).toEqual({ ok: false, missing: ['pane'] });
    expect(zendesk.composer(document.createElement('div'), '1')).toBeNull();
  });

  it('survives a root whose queries throw', () => {
    const hostile = {
      querySelector() {
        throw new Error('boom');
      },
      querySelectorAll() {
        throw new Error('boom');
      },
    } as unknown as ParentNode;
    expect(zendesk.read(hostile, '1', url)).toEqual({ ok: false, missing: ['pane'] });
    expect(zendesk.composer(hostile, '1')).toBeNull();
  });

  it('reads a bare pane with everything missing', () => {
    const doc = parseHtml('<div data-ticket-id="1"><div data-test-id="omni-log-container"><article data-test-id="omni-log-comment-item"><p>no bubble</p></article></div></div>');
    const result = zendesk.read(doc, '1', url);
    expect(result).toEqual({
      ok: true,
      missing: ['subject', 'status', 'requester-name', 'requester-email', 'conversation', 'composer'],
      snapshot: { helpdesk: 'zendesk', account: 'a.zendesk.com', ticketId: '1', url: url.href, requester: {}, messages: [] },
    });
  });

  it('bounds subject, body length and message count, keeping the latest messages', () => {
    const article = (i: number, text: string) =>
      `<article data-test-id="omni-log-comment-item"><div data-test-id="omni-log-item-message" type="end-user">
        <time data-test-id="timestamp-relative" datetime="2026-01-01T00:00:${String(i % 60).padStart(2, '0')}Z"></time>
        <div data-test-id="omni-log-message-content">${text}</div></div></article>`;
    const articles = Array.from({ length: 230 }, (_, i) => article(i, `message ${i}`));
    articles.push(article(230, 'x'.repeat(25000)));
    const doc = parseHtml(`<div data-ticket-id="1"><input data-test-id="omni-header-subject" value="${'s'.repeat(800)}">
      <div data-test-id="omni-log-container">${articles.join('')}</div></div>`);
    const snapshot = snapshotOf(zendesk.read(doc, '1', url));
    expect(snapshot.subject).toHaveLength(500);
    expect(snapshot.messages).toHaveLength(200);
    expect(snapshot.messages[0]!.text).toBe('message 31');
    expect(snapshot.messages[199]!.text).toHaveLength(20000);
  });

  // Who opened the ticket is its first comment, not the first of the 200 kept.
  it('says an agent opened a long ticket from its first comment, in either order', () => {
    const article = (i: number, type: string) =>
      `<article data-test-id="omni-log-comment-item"><div data-test-id="omni-log-item-message" type="${type}">
        <time data-test-id="timestamp-relative" datetime="${new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString()}"></time>
        <div data-test-id="omni-log-message-content">message ${i}</div></div></article>`;
    const articles = Array.from({ length: 230 }, (_, i) => article(i, i === 0 ? 'agent' : 'end-user'));
    const page = (list: string[]) => parseHtml(`<div data-ticket-id="1"><div data-test-id="omni-log-container">${list.join('')}</div></div>`);
    expect(snapshotOf(zendesk.read(page(articles), '1', url)).startedBy).toBe('agent');
    expect(snapshotOf(zendesk.read(page([...articles].reverse()), '1', url)).startedBy).toBe('agent'); // newest first
  });
});

describe('zendesk composer mode', () => {
  it('tells an internal note from a public reply, per pane', () => {
    const doc = loadFixture('zendesk/agent-workspace-three-tabs-2026-11.html');
    const panes = [...doc.querySelectorAll('[data-ticket-id]')]
      .filter((el) => el.querySelector('[data-test-id="omnichannel-channel-switcher-button"]'))
      .map((el) => el.getAttribute('data-ticket-id')!);
    expect(panes.map((id) => zendesk.composerWrites?.(doc, id))).toEqual(['reply', 'reply', 'note']);
    expect(zendesk.composerWrites?.(doc, '999999')).toBeUndefined();
  });
});

describe('zendesk on the public facts: grid layout, chat times, show more, no email on the page', () => {
  const doc = loadFixture(GRID);
  const url = fixtureUrl(GRID);

  it('finds the active pane by the grid layout and a background one by its anchor id', () => {
    const active = snapshotOf(zendesk.read(doc, '51208', url));
    expect(active.subject).toBe('Chat with Mireille Obuya');
    expect(active.requester).toEqual({ name: 'Mireille <b>Obuya</b>' });
    const background = snapshotOf(zendesk.read(doc, '51190', url));
    expect(background.subject).toBe('Refund not received');
    expect(background.requester).toEqual({ name: 'Tomás Ferreira' });
    // The grid layout is only ever the URL's own ticket: another id never falls back to it.
    expect(zendesk.read(doc, '51209', url)).toEqual({ ok: false, missing: ['pane'] });
  });

  it('reports the email as missing (the ticket API gives it) and the collapsed older comments', () => {
    const result = zendesk.read(doc, '51208', url);
    expect(result.ok && result.missing).toEqual(['requester-email', 'older-messages']);
    // The first comment on the page is not the ticket's first: who opened it is not known.
    expect(result.ok && result.snapshot.startedBy).toBeUndefined();
  });

  it('reads chat times shown only as text, and the agent by the avatar badge', () => {
    const { messages } = snapshotOf(zendesk.read(doc, '51208', url));
    const year = new Date().getFullYear();
    expect(messages).toEqual([
      { role: 'customer', author: 'Mireille <b>Obuya</b>', at: new Date(year, 7, 3, 14, 2).toISOString(), text: '<img src=x onerror=alert(1)> my card was charged twice', public: true },
      { role: 'agent', author: 'Jonas Weber', at: new Date(year, 7, 3, 14, 5).toISOString(), text: 'I see both charges, refunding one now.', public: true },
    ]);
  });

  it('tells an internal note by the switcher’s data-channel, whatever the wording', () => {
    expect(zendesk.composerWrites?.(doc, '51208')).toBe('note'); // "Interne Notiz"
    expect(zendesk.composerWrites?.(doc, '51190')).toBe('reply'); // data-channel="email"
    expect(zendesk.composer(doc, '51208')).not.toBeNull();
    expect(zendesk.sendButton?.(doc, '51208')?.textContent).toBe('Senden als Offen');
  });
});
