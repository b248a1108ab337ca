// @vitest-environment happy-dom
import { queryAllDeep } from '../../../lib/helpdesks/dom';
import { freshdesk, freshdeskSelectors } from '../../../lib/helpdesks/freshdesk';
import type { ReadResult, TicketSnapshot } from '../../../lib/helpdesks/types';
import { fixtureHtml, fixtureUrl, loadFixture, parseHtml } from '../../helpers/fixture';

type Counts = Record<keyof typeof freshdeskSelectors, number>;

const CLASSIC = 'freshdesk/classic-ticket-2024-09.html';
const SHADOW = 'freshdesk/shadow-ticket-2026-11.html';
const PRIVATE_NOTE = 'freshdesk/private-note-load-more-2025-06.html';
const PENDING = 'freshdesk/contact-panel-pending-2026-11.html';
const WIDGET = 'freshdesk/classic-widget-emailed-note-2026-06.html';

function snapshotOf(result: ReadResult): TicketSnapshot {
  if (!result.ok) throw new Error(`read failed: ${result.missing.join(', ')}`);
  return result.snapshot;
}

function readFixture(path: string): ReadResult {
  const doc = loadFixture(path);
  const url = fixtureUrl(path);
  return freshdesk.read(doc, freshdesk.activeTicketId(url, doc)!, url);
}

describe('freshdesk selectors: exact match counts on the fixtures (through open shadow roots)', () => {
  const tables: Record<string, Counts> = {
    [CLASSIC]: {
      subject: 1,
      ticketDetails: 0,
      properties: 1,
      status: 1,
      dropdownValue: 5, // type, status, priority, group, agent
      contactInfo: 1, // rendered without a shadow root
      contactEmail: 2, // email and phone
      contactLink: 4, // description + reply headers, card name, "View all tickets"
      item: 4, // description, 2 replies, reply box
      description: 1,
      replyBox: 1,
      body: 3,
      header: 3,
      time: 3,
      privateNote: 0,
      loadMore: 0,
      composer: 1,
      sendButton: 1, // classic reply box's Send; 2026 hook unverified
      classicEmail: 0,
      contactLinkMain: 4, // conversation headers too: the reader skips those
      emailedReply: 0,
    },
    [SHADOW]: {
      subject: 1, // inside ticket-details' shadow root
      ticketDetails: 1,
      properties: 1,
      status: 1,
      dropdownValue: 4,
      contactInfo: 1,
      contactEmail: 2, // a website, then the email (inside the card's shadow root)
      contactLink: 4,
      item: 4, // description in the shadow root, replies and reply box in the light DOM
      description: 1,
      replyBox: 1,
      body: 3,
      header: 3,
      time: 3,
      privateNote: 0,
      loadMore: 0,
      composer: 1,
      sendButton: 0,
      classicEmail: 0,
      contactLinkMain: 4, // conversation headers too: the reader skips those
      emailedReply: 0,
    },
    [PRIVATE_NOTE]: {
      subject: 1,
      ticketDetails: 0,
      properties: 1,
      status: 1,
      dropdownValue: 2,
      contactInfo: 0,
      contactEmail: 0,
      contactLink: 2, // the requester's two headers
      item: 4,
      description: 1,
      replyBox: 0,
      body: 4,
      header: 4,
      time: 4,
      privateNote: 1,
      loadMore: 1,
      composer: 0,
      sendButton: 0,
      classicEmail: 0,
      contactLinkMain: 2, // conversation headers too: the reader skips those
      emailedReply: 0,
    },
    [WIDGET]: {
      subject: 0, // no heading on this account: document.title is read (PM)
      ticketDetails: 0,
      properties: 1,
      status: 1,
      dropdownValue: 1,
      contactInfo: 0,
      contactEmail: 0,
      classicEmail: 1, // the classic requester widget's email (BF, LS)
      contactLinkMain: 3, // user-name link in the main document (AC June 2026) + 2 conversation headers
      contactLink: 3,
      item: 5, // description, reply, emailed reply, private note, reply box
      description: 1,
      replyBox: 1,
      body: 4,
      header: 4,
      time: 0, // times as text only: the API's created_at gives them
      privateNote: 2, // the emailed reply carries it too (KG)
      emailedReply: 1, // … and is told apart by .emails-info:not(.notify) (KG)
      loadMore: 0,
      composer: 0,
      sendButton: 0,
    },
    [PENDING]: {
      subject: 0,
      ticketDetails: 1, // not upgraded: no shadow root yet
      properties: 0,
      status: 0,
      dropdownValue: 0,
      contactInfo: 1, // shadow root holds only a skeleton
      contactEmail: 0,
      contactLink: 1,
      item: 2,
      description: 0,
      replyBox: 0,
      body: 2,
      header: 2,
      time: 2,
      privateNote: 0,
      loadMore: 0,
      composer: 0,
      sendButton: 0,
      classicEmail: 0,
      contactLinkMain: 1, // conversation headers too: the reader skips those
      emailedReply: 0,
    },
  };

  for (const [path, counts] of Object.entries(tables)) {
    describe(path, () => {
      const doc = loadFixture(path);
      it.each(Object.entries(freshdeskSelectors))('%s', (key, selector) => {
        expect(queryAllDeep(doc, selector)).toHaveLength(counts[key as keyof Counts]);
      });
    });
  }

  it('the 2026 fixture really hides its subject, description and contact card in shadow roots', () => {
    const doc = loadFixture(SHADOW);
    expect(doc.querySelector(freshdeskSelectors.subject)).toBeNull();
    expect(doc.querySelector(freshdeskSelectors.description)).toBeNull();
    expect(doc.querySelector('p.break-all')).toBeNull();
    expect(doc.querySelector('template')).toBeNull(); // all declarative roots attached
    expect(fixtureHtml(SHADOW)).toContain('<template shadowrootmode="open">');
  });
});

describe('freshdesk.read', () => {
  const expected: TicketSnapshot = {
    helpdesk: 'freshdesk',
    account: 'lumenbikes.freshdesk.com',
    ticketId: '1207',
    url: 'https://lumenbikes.freshdesk.com/a/tickets/1207',
    subject: 'Order #55102 arrived with a bent derailleur hanger',
    status: 'Open',
    requester: { name: 'Åsa Lindqvist-Öberg', email: 'asa@cykelverkstan-malmo.se', externalId: '43021877412' },
    messages: [
      {
        role: 'customer',
        author: 'Åsa Lindqvist-Öberg',
        at: '2024-09-16T07:58:31.000Z',
        text: [
          'Hej!',
          'Order #55102 arrived today, but the rear derailleur hanger is bent and the box was crushed at one corner.',
          'A few questions:',
          '1) Can you send a replacement hanger, or do I need to return the whole bike?',
          '2) Will you cover the cost if my local shop fits it?',
          '3) The invoice shows 25% VAT although I entered our VAT number (SE556677889901). Can you reissue it?',
          // The page's blank line before the sign-off (`<div><br></div>`) is kept.
          '',
          'Med vänliga hälsningar,',
          'Åsa Lindqvist-Öberg',
          'Cykelverkstan i Malmö AB',
        ].join('\n'),
        public: true,
      },
      {
        role: 'agent',
        author: 'Dmitri Volkov',
        at: '2024-09-16T09:12:05.000Z',
        text: [
          'Hi Åsa,',
          "Sorry the bike arrived like that. 1) We'll post a new hanger today, no need to return the bike. 2) Yes: send us your shop's quote and we'll refund it. 3) I've asked accounting to reissue the invoice without VAT; you'll have it by Thursday.",
          'Could you send a photo of the box for the courier claim?',
          'Dmitri',
          // The reply's paragraphs are <p>s: a blank line between them, as innerText has it.
        ].join('\n\n'),
        public: true,
      },
      {
        role: 'customer',
        author: 'Åsa Lindqvist-Öberg',
        at: '2024-09-16T10:30:44.000Z',
        text: 'Thanks Dmitri, photos attached. The shop quote is 450 SEK.',
        public: true,
      },
    ],
    // The description is hers: she opened the ticket.
    startedBy: 'customer',
  };

  it('reads the classic layout', () => {
    expect(readFixture(CLASSIC)).toEqual({ ok: true, missing: [], snapshot: expected });
  });

  it('reads the 2026 layout through open shadow roots into the same snapshot', () => {
    // Subject without the "Add AI summary" button; description from the shadow root first.
    expect(readFixture(SHADOW)).toEqual({ ok: true, missing: [], snapshot: expected });
    // The subject comes from the shadow root, not from the title fallback.
    const doc = loadFixture(SHADOW);
    doc.title = 'Freshdesk';
    expect(snapshotOf(freshdesk.read(doc, '1207', fixtureUrl(SHADOW))).subject).toBe(expected.subject);
  });

  it('marks private notes, keeps page order and reads only what "load more" has not hidden', () => {
    const result = readFixture(PRIVATE_NOTE);
    expect(result.missing).toEqual(['requester-email', 'composer']);
    const snapshot = snapshotOf(result);
    expect(snapshot.subject).toBe('Where is my order?! <b>3rd email</b>');
    expect(snapshot.status).toBe('Pending');
    // No contact card: the requester is the description's author.
    expect(snapshot.requester).toEqual({ name: 'Łukasz Wiśniewski', externalId: '43021990001' });
    expect(snapshot.messages.map((m) => [m.role, m.author, m.at, m.public])).toEqual([
      ['customer', 'Łukasz Wiśniewski', '2025-06-02T06:10:00.000Z', true],
      ['agent', 'Noor Haddad', '2025-06-10T14:02:11.000Z', true],
      ['agent', 'Noor Haddad', '2025-06-12T08:45:00.000Z', false],
      ['customer', 'Łukasz Wiśniewski', '2025-06-12T09:30:27.000Z', true],
    ]);
    expect(snapshot.messages[2]!.text).toContain('Courier confirms the parcel is lost.');
  });

  // An outbound email (source 10 in the API): the description is the agent's, its author links to /agents/.
  it('says an agent opened the ticket when the description is theirs', () => {
    const doc = loadFixture(CLASSIC);
    const link = doc.querySelector('[data-test-id="ticket-description"]')!.querySelector('a[href]')!;
    link.setAttribute('href', '/a/agents/43000000007');
    link.textContent = 'Dmitri Volkov';
    const snapshot = snapshotOf(freshdesk.read(doc, '1207', fixtureUrl(CLASSIC)));
    expect(snapshot.startedBy).toBe('agent');
    expect(snapshot.messages[0]!.role).toBe('agent');
  });

  it('falls back to the title for the subject and names what a half-rendered page lacks', () => {
    const result = readFixture(PENDING);
    expect(result).toEqual({
      ok: true,
      missing: ['status', 'requester-name', 'requester-email', 'composer'],
      snapshot: {
        helpdesk: 'freshdesk',
        account: 'lumenbikes.freshdesk.com',
        ticketId: '1213',
        url: 'https://lumenbikes.freshdesk.com/a/tickets/1213',
        subject: 'Q: bell mount rattles above 25 km/h', // "[#1213] … : Fahrradhaus Müller GmbH"
        requester: {},
        messages: [
          {
            role: 'agent',
            author: 'Dmitri Volkov',
            at: '2026-11-04T08:00:00.000Z',
            text: 'Hallo Jürgen, which bell model is it, and is it mounted left or right of the stem?',
            public: true,
          },
          // `datetime="not a date"`: no time rather than a wrong one.
          { role: 'customer', author: 'Jürgen Müller', text: 'The Lumen Ding 2, on the left.', public: true },
        ],
      },
    });
  });

  it('waits while the page still shows the previous ticket after a single-page navigation', () => {
    // The title names the ticket on screen; the URL already names the next one.
    const doc = loadFixture(PENDING);
    const result = freshdesk.read(doc, '1214', new URL('https://lumenbikes.freshdesk.com/a/tickets/1214'));
    expect(result).toEqual({ ok: false, missing: ['pane'] });
  });

  it('finds the reply box Send button: the hooked one, else the button labelled "Send"', () => {
    expect(freshdesk.sendButton?.(loadFixture(CLASSIC), '1207')?.textContent).toBe('Send');
    expect(freshdesk.sendButton?.(loadFixture(SHADOW), '1207')).toBeNull();
    const unhooked = parseHtml('<div class="ticket-details__item rich-editor"><button>Insert canned response</button><button> Send </button></div>');
    expect(freshdesk.sendButton?.(unhooked, '1')?.textContent?.trim()).toBe('Send');
    expect(freshdesk.sendButton?.(unhooked, 'x')).toBeNull();
  });

  it('finds the Froala composer when a reply is open, in either layout', () => {
    for (const path of [CLASSIC, SHADOW]) {
      const composer = freshdesk.composer(loadFixture(path), '1207');
      expect(composer?.classList.contains('fr-element')).toBe(true);
      expect(composer?.getAttribute('contenteditable')).toBe('true');
    }
    expect(freshdesk.composer(loadFixture(PRIVATE_NOTE), '1188')).toBeNull();
    expect(freshdesk.composer(loadFixture(CLASSIC), 'not-an-id')).toBeNull();
  });

  it('reads the live document after the fixture is loaded into it', () => {
    loadFixture(SHADOW, { into: document });
    const url = fixtureUrl(SHADOW);
    expect(freshdesk.read(document, '1207', url)).toEqual({ ok: true, missing: [], snapshot: expected });
  });
});

describe('freshdesk.read never throws', () => {
  const url = new URL('https://a.freshdesk.com/a/tickets/1');

  it('returns a missing pane for garbage input', () => {
    expect(freshdesk.read(document.createElement('div'), '1', url)).toEqual({ ok: false, missing: ['pane'] });
    expect(freshdesk.read(parseHtml('<p>Loading…</p>'), '1', url)).toEqual({ ok: false, missing: ['pane'] });
    expect(freshdesk.read(loadFixture(CLASSIC), '', url)).toEqual({ ok: false, missing: ['pane'] });
    expect(freshdesk.composer(document.createElement('div'), '1')).toBeNull();
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
    expect(freshdesk.read(hostile, '1', url)).toEqual({ ok: false, missing: ['pane'] });
    expect(freshdesk.composer(hostile, '1')).toBeNull();
  });

  it('reads a broken view with everything missing', () => {
    const doc = parseHtml('<div class="ticket-details__item"><div class="conversation-header"></div></div>');
    expect(freshdesk.read(doc, '1', url)).toEqual({
      ok: true,
      missing: ['subject', 'status', 'requester-name', 'requester-email', 'conversation', 'composer'],
      snapshot: { helpdesk: 'freshdesk', account: 'a.freshdesk.com', ticketId: '1', url: url.href, requester: {}, messages: [] },
    });
  });
});

describe('freshdesk on the public facts: classic widget, main-document contact link, emailed replies', () => {
  it('reads the email from the classic widget and the contact from the main document link', () => {
    const snapshot = snapshotOf(readFixture(WIDGET));
    expect(snapshot.requester).toEqual({ name: 'Priya Raman', email: 'priya.raman@brightpath.example', externalId: '7001' });
    // No heading on this account: the subject comes from document.title.
    expect(snapshot.subject).toBe('Invoice shows the wrong VAT number');
  });

  it('keeps an emailed reply that carries the private-note class public, and a real note private', () => {
    const { messages } = snapshotOf(readFixture(WIDGET));
    expect(messages.map((m) => [m.role, m.public, m.text.slice(0, 20)])).toEqual([
      ['customer', true, 'Our invoice INV-2231'],
      ['agent', true, 'Hi Priya, which VAT '],
      ['customer', true, 'It should be GB 123 '],
      ['agent', false, 'Finance: please reis'],
    ]);
  });

  it('runs on the Freshworks domain too', () => {
    const url = new URL('https://brightpath.myfreshworks.com/a/tickets/88');
    expect(freshdesk.matches(url)).toBe(true);
    expect(freshdesk.activeTicketId(url, document)).toBe('88');
    expect(freshdesk.matches(new URL('https://brightpath.myfreshworks.com/helpdesk/tickets/88'))).toBe(false);
    expect(freshdesk.ticketUrl('brightpath.myfreshworks.com', '88')).toBe('https://brightpath.myfreshworks.com/a/tickets/88');
  });
});
