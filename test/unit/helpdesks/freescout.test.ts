// @vitest-environment happy-dom
import { freescout, freescoutSelectors } from '../../../lib/helpdesks/freescout';
import { shownTime } from '../../../lib/helpdesks/dom';

const freescoutTime = (shown: string | undefined) => shownTime(shown, Date.UTC(2026, 11, 3));
import { adapterFor } from '../../../lib/helpdesks';
import type { ReadResult, TicketSnapshot } from '../../../lib/helpdesks/types';
import { fixtureUrl, loadFixture } from '../../helpers/fixture';

// Real pages of FreeScout 1.8.145 (scripts/freescout.sh start + scripts/freescout/save-fixtures.mjs).
const LOADED = 'freescout/conversation-1.8.145.html';
const REPLY = 'freescout/conversation-reply-open-1.8.145.html';
const NOTE = 'freescout/conversation-note-open-1.8.145.html';
const HOSTILE = 'freescout/conversation-hostile-customer-1.8.145.html';

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
  const base = { conversationId: 1, subject: 1, subjectText: 1, customerName: 1, customerEmail: 1, body: 4, author: 4, date: 4, replyBlock: 1 };
  const tables: Record<string, Counts> = {
    // Reply block hidden until Reply/Note is clicked: no composer, no send button.
    [LOADED]: { ...base, customerAuthor: 2, thread: 4, composer: 0, sendReply: 0, addNote: 0, noteMode: 0 },
    [REPLY]: { ...base, customerAuthor: 2, thread: 4, composer: 1, sendReply: 1, addNote: 1, noteMode: 0 },
    [NOTE]: { ...base, customerAuthor: 2, thread: 4, composer: 1, sendReply: 1, addNote: 1, noteMode: 1 },
    [HOSTILE]: { ...base, customerAuthor: 1, body: 2, author: 2, date: 2, thread: 2, composer: 0, sendReply: 0, addNote: 0, noteMode: 0 },
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
    expect(freescout.composerIsInternal!(reply, '1')).toBe(false);
    const note = loadFixture(NOTE);
    expect(freescout.sendButton!(note, '1')?.textContent?.trim()).toBe('Add Note');
    expect(freescout.composerIsInternal!(note, '1')).toBe(true);
    expect(snapshotOf(readFixture(REPLY)).messages).toHaveLength(4);
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
