// @vitest-environment happy-dom
import { freescout, freescoutSelectors } from '../../../lib/helpdesks/freescout';
import { shownTime } from '../../../lib/helpdesks/dom';

const freescoutTime = (shown: string | undefined) => shownTime(shown, Date.UTC(2026, 11, 3));
/** Thread `i`'s tooltip text on a FreeScout page (newest first). */
const freescoutShown = (doc: Document, i: number) => doc.querySelectorAll('.thread-info .thread-date')[i]!.getAttribute('data-original-title') ?? '';
/** "Dec 2, 2026 17:02" as a UTC time, worked out apart from the reader. */
const utcOf = (shown: string) => {
  const [, mon, day, year, hour, minute] = shown.match(/^(\w{3}) (\d+), (\d{4}) (\d\d):(\d\d)$/)!;
  return Date.UTC(+year!, 'JanFebMarAprMayJunJulAugSepOctNovDec'.indexOf(mon!) / 3, +day!, +hour!, +minute!);
};
import { adapterFor } from '../../../lib/helpdesks';
import type { ReadResult, TicketSnapshot } from '../../../lib/helpdesks/types';
import { fixtureHtml, fixtureUrl, loadFixture } from '../../helpers/fixture';
import { fetchHistory, hasHistory } from '../../../lib/memory/history-api';

// Real pages of FreeScout 1.8.145 (scripts/freescout.sh start + scripts/freescout/save-fixtures.mjs).
const LOADED = 'freescout/conversation-1.8.145.html';
const REPLY = 'freescout/conversation-reply-open-1.8.145.html';
const NOTE = 'freescout/conversation-note-open-1.8.145.html';
const HOSTILE = 'freescout/conversation-hostile-customer-1.8.145.html';
/** A conversation the agent started (a new conversation sent from FreeScout), which the customer answered. */
const AGENT_FIRST = 'freescout/conversation-agent-first-1.8.145.html';

type Counts = Record<keyof typeof freescoutSelectors, number>;

function readFixture(path: string): ReadResult {
  const doc = loadFixture(path);
  const url = fixtureUrl(path);
  return freescout.read(doc, freescout.activeTicketId(url, doc)!, url);
}
function snapshotOf(result: ReadResult): TicketSnapshot {
  if (!result.ok) throw new Error(`read failed: ${result.missing.join(', ')}`);
  return result.snapshot;
}

describe('freescout selectors: exact match counts on real FreeScout pages', () => {
  const base = { conversationId: 1, subject: 1, subjectText: 1, customerName: 1, customerEmail: 1, body: 4, author: 4, date: 4, replyBlock: 1, status: 1, statusSpam: 0, statusDeleted: 0, replyStatus: 0, forwardMode: 0, sendForward: 0, customerContacts: 1 };
  const tables: Record<string, Counts> = {
    // Reply block hidden until Reply/Note is clicked: no composer, no send button.
    [LOADED]: { ...base, customerAuthor: 2, thread: 4, composer: 0, sendReply: 0, addNote: 0, noteMode: 0 },
    [REPLY]: { ...base, customerAuthor: 2, thread: 4, composer: 1, sendReply: 1, addNote: 1, noteMode: 0, replyStatus: 1, sendForward: 1 },
    [NOTE]: { ...base, customerAuthor: 2, thread: 4, composer: 1, sendReply: 1, addNote: 1, noteMode: 1, replyStatus: 1, sendForward: 1 },
    [HOSTILE]: { ...base, customerAuthor: 1, body: 2, author: 2, date: 2, thread: 2, composer: 0, sendReply: 0, addNote: 0, noteMode: 0 },
    [AGENT_FIRST]: { ...base, customerAuthor: 1, body: 2, author: 2, date: 2, thread: 2, composer: 0, sendReply: 0, addNote: 0, noteMode: 0 },
  };
  for (const [path, expected] of Object.entries(tables)) {
    it(path, () => {
      const doc = loadFixture(path);
      const counts = Object.fromEntries(Object.entries(freescoutSelectors).map(([k, sel]) => [k, doc.querySelectorAll(sel).length]));
      expect(counts).toEqual(expected);
    });
  }
});

describe('freescout adapter on real pages', () => {
  it('runs only where configured, on conversation pages', () => {
    expect(adapterFor(new URL('http://127.0.0.1:8080/conversation/1'))).toBeUndefined();
    expect(freescout.matches(new URL('http://help.acme.internal/conversation/12?folder_id=3'))).toBe(true);
    expect(freescout.matches(new URL('https://acme.test/support/conversation/12'))).toBe(true);
    expect(freescout.matches(new URL('http://help.acme.internal/mailbox/1'))).toBe(false);
    expect(freescout.activeTicketId(new URL('https://acme.test/support/conversation/12#thread-3'), document)).toBe('12');
  });

  it('reads the conversation: subject, customer card, threads oldest first with their kinds', () => {
    const result = readFixture(LOADED);
    const snap = snapshotOf(result);
    expect(result.ok && result.missing).toEqual([]); // the closed reply box is not a problem
    expect(snap).toMatchObject({
      helpdesk: 'freescout',
      account: '127.0.0.1:8091',
      ticketId: '1',
      subject: 'Refund for order #1042',
      requester: { name: 'Carol Customer', email: 'carol@example.test', externalId: '1' },
    });
    expect(snap.messages.map((m) => [m.role, m.public, m.text])).toEqual([
      ['customer', true, 'Hi, my order #1042 arrived broken.\n\nCan I get a refund or a replacement?'],
      ['agent', true, 'Sorry to hear that, Carol! Could you send a photo of the damage?'],
      ['agent', false, 'Internal: warehouse says batch 7 had packing issues.'],
      ['customer', true, 'Photo attached. I would prefer a refund, please.'],
    ]);
    expect(snap.messages[0]!.author).toBe('Carol Customer');
    // Each thread's time from its tooltip (local time), oldest first: the ticket started 3 hours
    // before the newest message (the seed: 180, 120, 90 and 30 minutes ago).
    const times = snap.messages.map((m) => Date.parse(m.at!));
    expect(times.every(Number.isFinite)).toBe(true);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times.at(-1)! - times[0]!).toBe(150 * 60_000);
  });

  // FreeScout writes times in the agent's profile zone (UTC by default), not the browser's.
  it('reads the shown times in the zone FreeScout writes them in, found on the agent’s own profile', () => {
    const doc = loadFixture(LOADED);
    const url = fixtureUrl(LOADED);
    const zone = freescout.shownTimeZone!;
    expect(zone.url(url, doc)).toBe(`${url.origin}/users/profile/1`);
    expect(zone.url(new URL('https://help.example.com/desk/conversation/4'), doc)).toBe('https://help.example.com/desk/users/profile/1');
    const profile = loadFixture('freescout/agent-profile-1.8.145.html');
    expect(zone.read(profile)).toBe('UTC'); // FreeScout's default (users.timezone)
    const pick = (value: string) => {
      const select = profile.querySelector('select#timezone')!;
      for (const o of select.querySelectorAll('option')) o.removeAttribute('selected');
      const option = Array.from(select.querySelectorAll('option')).find((o) => o.getAttribute('value') === value) ?? select.appendChild(profile.createElement('option'));
      option.setAttribute('value', value);
      option.setAttribute('selected', 'selected');
    };
    pick('America/New_York');
    expect(zone.read(profile)).toBe('America/New_York');
    for (const bad of ['Mars/Olympus_Mons', '--SEPARATOR1--', '<b>']) {
      pick(bad);
      expect(zone.read(profile)).toBeUndefined();
    }

    const inUtc = snapshotOf(freescout.read(doc, '1', url, { timeZone: 'UTC' })).messages.map((m) => Date.parse(m.at!));
    const inNewYork = snapshotOf(freescout.read(doc, '1', url, { timeZone: 'America/New_York' })).messages.map((m) => Date.parse(m.at!));
    // The fixture's "Dec 3, 2026 …" in New York (EST, UTC−5) is five hours later than the same words in UTC.
    expect(inNewYork.map((t, i) => t - inUtc[i]!)).toEqual(inUtc.map(() => 5 * 3_600_000));
    expect(inUtc.at(-1)).toBe(utcOf(freescoutShown(doc, 0))); // the page lists the newest first
  });

  it('reads FreeScout’s shown times in 24- and 12-hour form, and nothing else', () => {
    expect(freescoutTime('Dec 2, 2026 17:02')).toBe(new Date(2026, 11, 2, 17, 2).toISOString());
    expect(freescoutTime('Dec 2, 2026 05:02pm')).toBe(new Date(2026, 11, 2, 17, 2).toISOString());
    expect(freescoutTime('Jan 1, 2027 12:15am')).toBe(new Date(2027, 0, 1, 0, 15).toISOString());
    for (const bad of ['', '32 min ago', 'Feb 30, 2026 10:00', 'Foo 2, 2026 10:00', 'Dec 2, 2026 25:00', undefined]) expect(freescoutTime(bad)).toBeUndefined();
  });

  it('finds the Summernote composer and the right button in reply and note mode', () => {
    const reply = loadFixture(REPLY);
    expect(freescout.composer(reply, '1')?.className).toBe('note-editable');
    expect(freescout.sendButton!(reply, '1')?.textContent?.trim()).toBe('Send Reply');
    expect(freescout.composerWrites!(reply, '1')).toBe('reply');
    const note = loadFixture(NOTE);
    expect(freescout.sendButton!(note, '1')?.textContent?.trim()).toBe('Add Note');
    expect(freescout.composerWrites!(note, '1')).toBe('note');
    // A thread's "Forward" turns the reply block into a forward form (main.js forwardConversation).
    const forward = loadFixture(REPLY);
    forward.querySelector('.conv-reply-block')!.classList.add('conv-forward-block');
    expect(freescout.composerWrites!(forward, '1')).toBe('forward');
    expect(freescout.sendButton!(forward, '1')?.textContent?.trim()).toBe('Forward');
    expect(snapshotOf(readFixture(REPLY)).messages).toHaveLength(4);
  });

  // Before, the FreeScout reader read no status: a conversation closed in FreeScout stayed "wasn't
  // solved" in the next ticket's cue, and its outcome was never recorded.
  it('reads the status by its code, in any language, and spam and deleted conversations', () => {
    const statusOf = (change: (doc: Document) => void) => {
      const doc = loadFixture(LOADED);
      change(doc);
      return snapshotOf(freescout.read(doc, '1', fixtureUrl(LOADED))).status;
    };
    const links = (doc: Document) => Array.from(doc.querySelectorAll<HTMLElement>('#conv-status .conv-status li'));
    expect(statusOf(() => undefined)).toBe('active');
    const pick = (code: string) => (doc: Document) => {
      for (const li of links(doc)) li.classList.toggle('active', li.querySelector('a')!.getAttribute('data-status') === code);
      for (const a of doc.querySelectorAll('#conv-status .conv-status a')) a.textContent = 'Geschlossen'; // the names are translated
    };
    expect(statusOf(pick('2'))).toBe('pending');
    expect(statusOf(pick('3'))).toBe('closed');
    const only = (make: (a: HTMLAnchorElement) => void) => (doc: Document) => {
      const list = doc.querySelector('#conv-status .conv-status')!;
      const a = doc.createElement('a');
      make(a);
      const li = doc.createElement('li');
      li.append(a);
      list.replaceChildren(li);
    };
    expect(statusOf(only((a) => a.setAttribute('data-status', 'not_spam')))).toBe('spam');
    expect(statusOf(only((a) => (a.className = 'conv-restore-trigger')))).toBe('deleted');
    const none = loadFixture(LOADED);
    none.querySelector('#conv-status')!.remove();
    const result = freescout.read(none, '1', fixtureUrl(LOADED));
    expect(result.ok && [result.snapshot.status, result.missing]).toEqual([undefined, ['status']]);
  });

  it('reads the status a reply will set when sent, from the Status select beside Send', () => {
    const reply = loadFixture(REPLY);
    const select = reply.querySelector<HTMLSelectElement>(freescoutSelectors.replyStatus)!;
    select.value = '3';
    expect(freescout.statusOnSend!(reply, '1')).toBe('closed');
    select.value = '2';
    expect(freescout.statusOnSend!(reply, '1')).toBe('pending');
    expect(freescout.statusOnSend!(reply, '2')).toBeUndefined(); // another conversation's page
    expect(freescout.statusOnSend!(loadFixture(LOADED), '1')).toBeUndefined(); // reply box closed
  });

  it('says who opened the conversation: the customer, or the agent who wrote first', () => {
    expect(snapshotOf(readFixture(LOADED)).startedBy).toBe('customer');
    const outbound = snapshotOf(readFixture(AGENT_FIRST));
    expect(outbound.startedBy).toBe('agent');
    expect(outbound.messages.map((m) => [m.role, m.public, m.text.split('\n')[0]])).toEqual([
      ['agent', true, 'Hi Hugo,'],
      ['customer', true, 'Thanks! The tracking link says the number is unknown though. Can you check it?'],
    ]);
    // A phone call is logged as a note, whoever called: not known.
    const phone = loadFixture(AGENT_FIRST);
    const oldest = Array.from(phone.querySelectorAll('.thread')).at(-1)!;
    oldest.classList.replace('thread-type-message', 'thread-type-note');
    const url = fixtureUrl(AGENT_FIRST);
    expect(snapshotOf(freescout.read(phone, freescout.activeTicketId(url, phone)!, url)).startedBy).toBeUndefined();
  });

  // Seen on FreeScout: a customer added from a phone call has no email, and the sidebar said
  // "Couldn't read the requester's email on this page" with a diagnostics button.
  it('a customer with no email is no email it could not read; a card it cannot find still is', () => {
    const doc = loadFixture(LOADED);
    doc.querySelectorAll('#conv-layout-customer .customer-email').forEach((li) => li.remove());
    const url = fixtureUrl(LOADED);
    const result = freescout.read(doc, '1', url);
    expect(result.ok && result.missing).toEqual([]);
    expect(snapshotOf(result).requester).toEqual({ name: 'Carol Customer', externalId: '1' });
    doc.querySelector('#conv-layout-customer ul.customer-contacts')!.remove();
    expect(freescout.read(doc, '1', url).missing).toContain('requester-email');
  });

  it('keeps a hostile customer name as text', () => {
    const snap = snapshotOf(readFixture(HOSTILE));
    expect(snap.requester.name).toBe('<img src=x onerror=alert(1)> Mallory');
    expect(snap.subject).toBe('Account locked <b>now</b>');
    expect(snap.messages[0]!.text).not.toContain('alert(2)'); // FreeScout's own cleaning dropped the script
  });

  it('says the pane is missing when the page shows another conversation', () => {
    const doc = loadFixture(LOADED);
    expect(freescout.read(doc, '2', new URL('http://127.0.0.1:8091/conversation/2'))).toEqual({ ok: false, missing: ['pane'] });
    expect(freescout.composer(loadFixture(REPLY), '2')).toBeNull();
  });
});

// Carol's profile as served (scripts/freescout/save-fixtures.mjs): what the sidebar reads for her past
// conversations, since FreeScout has no REST API in a plain install.
describe('freescout history: the customer profile read like an API', () => {
  const PROFILE = 'freescout/customer-conversations-1.8.145.html';
  const NOW = Date.UTC(2026, 11, 7, 15);
  const history = freescout.historyPage!;
  const profile = () => loadFixture(PROFILE);
  const row = (doc: Document, id: string) => doc.querySelector(`tr.conv-row[data-conversation_id="${id}"]`)!;
  /** A status badge as partials/badges.blade.php writes it before the subject: a glyph, its title in the agent's language. */
  const GLYPH: Record<string, string> = { Closed: 'glyphicon-lock', Spam: 'glyphicon-ban-circle', Deleted: 'glyphicon-trash', Drafts: 'glyphicon-duplicate' };
  const badge = (doc: Document, id: string, title: string, shown = title) => {
    const icon = doc.createElement('i');
    icon.className = `glyphicon ${GLYPH[title]} text-help`;
    icon.setAttribute('title', shown);
    row(doc, id).querySelector('.conv-subject p')!.prepend(icon);
  };

  it('asks for the profile page under the path FreeScout lives at', () => {
    expect(history.url(new URL('http://127.0.0.1:8080/conversation/1?folder_id=3'), '1')).toBe('http://127.0.0.1:8080/customers/1/');
    expect(history.url(new URL('https://help.example.com/desk/conversation/42'), '7')).toBe('https://help.example.com/desk/customers/7/');
  });

  it('reads both of Carol’s conversations, their status and dates', () => {
    expect(history.read(profile(), '1', NOW)).toEqual([
      { ticketId: '1', subject: 'Refund for order #1042', status: 'active', createdAt: Date.parse(freescoutTime('Dec 7, 2026 13:57')!), updatedAt: Date.parse(freescoutTime('Dec 7, 2026 13:57')!) },
      // Two messages: "Last reply by User", so it was created no later than that.
      { ticketId: '2', subject: 'Where is my parcel?', status: 'pending', createdAt: Date.parse(freescoutTime('Nov 28, 2026 15:12')!), updatedAt: Date.parse(freescoutTime('Nov 28, 2026 15:12')!) },
    ]);
  });

  // Before, a FreeScout in another language gave no history at all ("Dez" is no month in English).
  it('reads the list in the language FreeScout writes it in', () => {
    const english = history.read(profile(), '1', NOW);
    const doc = profile();
    doc.body.className = doc.body.className.replace(/\blocale-en\b/, 'locale-de');
    for (const a of doc.querySelectorAll('.conv-date a[title]')) {
      const title = a.getAttribute('title')!.replace('Last reply by Customer', 'Letzte Antwort von Kunde').replace('Last reply by User', 'Letzte Antwort von Benutzer').replace(/\bDec\b/, 'Dez');
      a.setAttribute('title', title);
    }
    expect(doc.querySelector('.conv-date a[title]')!.getAttribute('title')).toMatch(/^Letzte Antwort von Kunde<br\/>Dez 7, 2026/);
    expect(history.read(doc, '1', NOW)).toEqual(english);
  });

  it('takes a one-message date as created, and bounds a later reply by the conversation above it', () => {
    const doc = profile();
    const date = (id: string, title: string) => row(doc, id).querySelector('.conv-date a')!.setAttribute('title', title);
    date('1', 'Created by Customer<br/>Nov 20, 2026 09:00');
    date('2', 'Last reply by User<br/>Dec 1, 2026 10:00');
    const [newer, older] = history.read(doc, '1', NOW)!;
    expect(newer!.createdAt).toBe(Date.parse(freescoutTime('Nov 20, 2026 09:00')!));
    expect(older).toMatchObject({ createdAt: Date.parse(freescoutTime('Nov 20, 2026 09:00')!), updatedAt: Date.parse(freescoutTime('Dec 1, 2026 10:00')!) });
  });

  // Conversation::getDateTitle: "Created by User" for a conversation of one message the agent sent.
  it('says a conversation of one message was the agent’s where FreeScout says so', () => {
    const doc = profile();
    const date = (id: string, title: string) => row(doc, id).querySelector('.conv-date a')!.setAttribute('title', title);
    date('1', 'Created by User<br/>Dec 7, 2026 09:00');
    date('2', 'Created by Customer<br/>Nov 20, 2026 09:00');
    expect(history.read(doc, '1', NOW)!.map((t) => t.startedBy)).toEqual(['agent', 'customer']);
    expect(history.read(profile(), '1', NOW)!.map((t) => t.startedBy)).toEqual([undefined, undefined]); // "Last reply by …": not known
    date('1', 'Erstellt von Benutzer<br/>Dec 7, 2026 09:00');
    expect(history.read(doc, '1', NOW)![0]!.startedBy).toBeUndefined(); // German words on an English page: not FreeScout's
  });

  // Before, only the English title was read: a FreeScout in German counted the agent's outbound mail
  // as the customer's contact ("2nd ticket today").
  it('reads who created a conversation of one message in the language FreeScout writes it in', () => {
    const doc = profile();
    const date = (id: string, title: string) => row(doc, id).querySelector('.conv-date a')!.setAttribute('title', title);
    const startedIn = (locale: string, first: string, second: string) => {
      doc.body.className = doc.body.className.replace(/\blocale-\S+/, `locale-${locale}`);
      date('1', `${first}<br/>Dec 7, 2026 09:00`);
      date('2', `${second}<br/>Nov 20, 2026 09:00`);
      return history.read(doc, '1', NOW)!.map((t) => [t.startedBy, t.createdAt]);
    };
    const created = [Date.parse(freescoutTime('Dec 7, 2026 09:00')!), Date.parse(freescoutTime('Nov 20, 2026 09:00')!)];
    expect(startedIn('de', 'Erstellt von Benutzer', 'Erstellt von Kunde')).toEqual([['agent', created[0]], ['customer', created[1]]]);
    expect(startedIn('ja', '作成者 ユーザー', '作成者 顧客')).toEqual([['agent', created[0]], ['customer', created[1]]]);
    expect(startedIn('pt-BR', 'Criado por Usuário', 'Criado por Cliente')).toEqual([['agent', created[0]], ['customer', created[1]]]);
    // Swedish has "User" only: Laravel says the rest in English.
    expect(startedIn('sv', 'Created by Användare', 'Created by Customer')).toEqual([['agent', created[0]], ['customer', created[1]]]);
    // Slovak's title names no one: created then, by someone not known.
    expect(startedIn('sk', 'Vytvoril', 'Vytvoril')).toEqual([[undefined, created[0]], [undefined, created[1]]]);
    // "Last reply by …" in German: when it was created, and by whom, are not known.
    expect(startedIn('de', 'Letzte Antwort von Benutzer', 'Erstellt von Kunde')[0]![0]).toBeUndefined();
  });

  it('marks closed, leaves out drafts, says spam and deleted are gone, keeps a hostile subject as text', () => {
    const doc = profile();
    badge(doc, '2', 'Closed');
    row(doc, '1').querySelector('.conv-subject p')!.textContent = '<img src=x onerror=alert(1)>';
    expect(history.read(doc, '1', NOW)!.map((t) => [t.ticketId, t.status, t.subject])).toEqual([
      ['1', 'active', '<img src=x onerror=alert(1)>'],
      ['2', 'closed', 'Where is my parcel?'],
    ]);
    const drafts = profile();
    badge(drafts, '2', 'Drafts');
    expect(history.read(drafts, '1', NOW)!.map((t) => t.ticketId)).toEqual(['1']);
    // Deleted (a conversation merged into another is deleted: Conversation::mergeConversations) or spam.
    for (const [left, status] of [['Spam', 'spam'], ['Deleted', 'deleted']] as const) {
      const again = profile();
      badge(again, '2', left);
      expect(history.read(again, '1', NOW)!.map((t) => [t.ticketId, t.status, t.gone])).toEqual([['1', 'active', undefined], ['2', status, true]]);
    }
    const spam = profile();
    row(spam, '2').classList.add('conv-spam');
    expect(history.read(spam, '1', NOW)![1]).toMatchObject({ status: 'spam', gone: true });
  });

  // Before, the badges were read by their titles, which are in the agent's language: in German every
  // closed conversation read as open ("wasn't solved") and a deleted one counted as a past ticket.
  it('reads the badges in any language, by their glyph', () => {
    const doc = profile();
    badge(doc, '1', 'Deleted', 'Gelöscht');
    badge(doc, '2', 'Closed', 'Geschlossen');
    expect(history.read(doc, '1', NOW)!.map((t) => [t.ticketId, t.status])).toEqual([['1', 'deleted'], ['2', 'closed']]);
  });

  it('is fetched with the agent’s session from the page they are on, and a sign-in page is no answer', async () => {
    const asked: string[] = [];
    const serve = (html: string) =>
      (async (url: RequestInfo | URL, init?: RequestInit) => {
        asked.push(`${String(url)} ${init?.credentials}`);
        return new Response(html, { status: 200, headers: { 'Content-Type': 'text/html' } });
      }) as typeof fetch;
    expect(hasHistory('freescout')).toBe(true);
    const page = 'http://127.0.0.1:8080/conversation/1?folder_id=3';
    const ok = await fetchHistory({ helpdesk: 'freescout', page, account: '127.0.0.1:8080', externalId: '1', signal: new AbortController().signal, fetcher: serve(fixtureHtml(PROFILE)), now: NOW });
    expect(ok.ok && ok.tickets.map((t) => [t.helpdesk, t.account, t.ticketId])).toEqual([
      ['freescout', '127.0.0.1:8080', '1'],
      ['freescout', '127.0.0.1:8080', '2'],
    ]);
    expect(asked).toEqual(['http://127.0.0.1:8080/customers/1/ same-origin']);
    const signedOut = await fetchHistory({ helpdesk: 'freescout', page, account: '127.0.0.1:8080', externalId: '1', signal: new AbortController().signal, fetcher: serve('<form action="/login"></form>'), now: NOW });
    expect(signedOut).toEqual({ ok: false, error: 'the helpdesk page did not list their tickets' });
  });

  it('never reads "no past conversations" from a page it does not know', () => {
    expect(history.read(profile(), '2', NOW)).toBeUndefined(); // another customer's profile
    const signIn = new DOMParser().parseFromString('<body class="login"><form><input name="email"></form></body>', 'text/html');
    expect(history.read(signIn, '1', NOW)).toBeUndefined();
    const unreadable = profile();
    row(unreadable, '2').querySelector('.conv-date a')!.setAttribute('title', 'Letzte Antwort<br/>28. Nov. 2026');
    expect(history.read(unreadable, '1', NOW)).toBeUndefined();
    const empty = profile();
    const notice = empty.createElement('div');
    notice.className = 'empty-content';
    notice.textContent = 'There are no conversations here';
    empty.querySelector('.content-2col table.table-conversations')!.replaceWith(notice);
    expect(history.read(empty, '1', NOW)).toEqual([]);
  });
});
