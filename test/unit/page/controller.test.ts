// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startController, type ControllerDeps, type SidebarView } from '@/lib/page/controller';
import { forgetIdentities } from '@/lib/page/identity';
import type { HelpdeskAdapter } from '@/lib/helpdesks/types';
import type { SidebarState } from '@/components/model';
import type { Answers, Reply, RequestOf, RequestType } from '@/lib/messages';

// A tiny helpdesk: /t/N is ticket N; its pane is <section data-ticket="N" data-name data-email>.
const adapter: HelpdeskAdapter = {
  id: 'zendesk',
  label: 'Test',
  ticketPages: [],
  ticketUrl: () => undefined,
  matches: () => true,
  activeTicketId: (url) => url.pathname.match(/^\/t\/(\d+)/)?.[1],
  read(root, ticketId, url) {
    const pane = root.querySelector<HTMLElement>(`[data-ticket="${ticketId}"]`);
    if (!pane) return { ok: false, missing: ['pane'] };
    return {
      ok: true,
      missing: pane.dataset.email ? [] : ['requester-email'],
      snapshot: {
        helpdesk: 'zendesk',
        account: url.host,
        ticketId,
        url: url.href,
        requester: { name: pane.dataset.name, email: pane.dataset.email },
        messages: [],
      },
    };
  },
  composer: () => null,
};

let href: string;
let renders: SidebarState[];
let removed: number;
let requests: { type: string }[];
let controllers: AbortController[];
let liveObservers: Set<MutationObserver>;
const RealObserver = globalThis.MutationObserver;

function deps(over: Partial<ControllerDeps> = {}): ControllerDeps {
  return {
    adapter,
    document,
    href: () => href,
    async request<T extends RequestType>(req: RequestOf<T>): Promise<Reply<Answers[T]>> {
      requests.push(req);
      if (req.type === 'ticket.open') {
        const snap = (req as RequestOf<'ticket.open'>).snapshot;
        return { ok: true, data: { customer: { id: `c-${snap.requester.email ?? snap.requester.name}` }, history: { ticketsSeen: 2, lastSeen: 1 }, notes: [] } } as never;
      }
      if (req.type === 'note.add') {
        return { ok: true, data: { id: 'n1', customerId: 'c', text: (req as RequestOf<'note.add'>).text, tags: [], createdAt: 5, updatedAt: 5 } } as never;
      }
      return { ok: false, error: 'unexpected' };
    },
    createView(): SidebarView {
      return { render: (state) => renders.push(state), remove: () => removed++ };
    },
    prefs: { collapsed: async () => false, setCollapsed: async () => undefined },
    settleMs: 200,
    rereadMs: 10,
    ...over,
  };
}

const last = () => renders.at(-1);
const flush = () => new Promise((r) => setTimeout(r, 0));

function start(over: Partial<ControllerDeps> = {}) {
  const c = new AbortController();
  controllers.push(c);
  return startController(deps(over), c.signal);
}

beforeEach(() => {
  href = 'https://acme.example.com/t/1';
  renders = [];
  removed = 0;
  requests = [];
  controllers = [];
  liveObservers = new Set();
  document.body.replaceChildren();
  globalThis.MutationObserver = class extends RealObserver {
    override observe(target: Node, init?: MutationObserverInit) {
      liveObservers.add(this);
      super.observe(target, init);
    }
    override disconnect() {
      liveObservers.delete(this);
      super.disconnect();
    }
  };
});

afterEach(() => {
  controllers.forEach((c) => c.abort());
  globalThis.MutationObserver = RealObserver;
});

function pane(id: string, name: string, email?: string) {
  const el = document.createElement('section');
  el.dataset.ticket = id;
  el.dataset.name = name;
  if (email) el.dataset.email = email;
  document.body.append(el);
  return el;
}

describe('controller', () => {
  it('shows the customer at once, then their history from the background', async () => {
    pane('1', 'Sam', 'sam@example.com');
    start();
    expect(last()).toMatchObject({ kind: 'ticket', ticketId: '1', customer: { name: 'Sam', email: 'sam@example.com' }, history: undefined });
    await flush();
    expect(last()).toMatchObject({ kind: 'ticket', history: { ticketsSeen: 2 }, notes: [] });
    expect(requests.map((r) => r.type)).toEqual(['ticket.open']);
  });

  it('waits for a pane that renders late', async () => {
    start();
    expect(last()).toMatchObject({ kind: 'waiting', ticketId: '1' });
    pane('1', 'Sam', 'sam@example.com');
    await flush();
    expect(last()).toMatchObject({ kind: 'ticket', customer: { name: 'Sam' } });
  });

  it('says what it could not read once the ticket had time to render', async () => {
    start();
    await expect.poll(() => last()?.kind, { timeout: 2000 }).toBe('unreadable');
    expect(last()).toEqual({ kind: 'unreadable', helpdesk: 'zendesk', ticketId: '1', missing: ['pane'], diagnostics: expect.any(Function) });
    // The report is built when the agent asks for it.
    expect(await (last() as { diagnostics: () => string }).diagnostics()).toContain('not read: pane');
  });

  it('follows single-page navigation and leaves no observer of the old ticket behind', async () => {
    pane('1', 'Sam', 'sam@example.com');
    pane('2', 'Kim', 'kim@example.com');
    const controller = start();
    await flush();
    const observersOnFirstTicket = liveObservers.size;
    href = 'https://acme.example.com/t/2';
    controller.check();
    expect(last()).toMatchObject({ kind: 'ticket', ticketId: '2', customer: { name: 'Kim' } });
    await flush();
    expect(liveObservers.size).toBe(observersOnFirstTicket);
    expect(requests).toHaveLength(2);
  });

  it('cancels the old ticket’s timers: a slow ticket left behind never reports itself', async () => {
    pane('2', 'Kim', 'kim@example.com');
    const controller = start();
    expect(last()).toMatchObject({ kind: 'waiting', ticketId: '1' });
    href = 'https://acme.example.com/t/2';
    controller.check();
    await new Promise((r) => setTimeout(r, 300));
    expect(renders.some((r) => r.kind === 'unreadable')).toBe(false);
    expect(last()).toMatchObject({ ticketId: '2' });
  });

  it('notices navigation from DOM changes alone', async () => {
    pane('1', 'Sam', 'sam@example.com');
    start();
    await flush();
    href = 'https://acme.example.com/t/2';
    pane('2', 'Kim', 'kim@example.com');
    await flush();
    expect(last()).toMatchObject({ ticketId: '2', customer: { name: 'Kim' } });
  });

  it('removes the sidebar on a page that is not a ticket', async () => {
    pane('1', 'Sam', 'sam@example.com');
    const controller = start();
    href = 'https://acme.example.com/dashboard';
    controller.check();
    expect(removed).toBe(1);
  });

  it('ignores an answer that arrives after the agent moved on', async () => {
    pane('1', 'Sam', 'sam@example.com');
    pane('2', 'Kim', 'kim@example.com');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const base = deps();
    const controller = start({
      request: async (req) => {
        if (req.type === 'ticket.open' && (req as RequestOf<'ticket.open'>).snapshot.ticketId === '1') await gate;
        return base.request(req);
      },
    });
    href = 'https://acme.example.com/t/2';
    controller.check();
    await flush();
    release();
    await flush();
    expect(last()).toMatchObject({ ticketId: '2', customer: { name: 'Kim' }, history: { ticketsSeen: 2 } });
  });

  it('re-reads when the requester changes and looks the new one up', async () => {
    const el = pane('1', 'Sam', 'sam@example.com');
    start();
    await flush();
    el.dataset.email = 'samantha@example.com';
    el.append(document.createElement('span'));
    await expect.poll(() => requests.filter((r) => r.type === 'ticket.open').length).toBe(2);
    expect(last()).toMatchObject({ customer: { email: 'samantha@example.com' } });
  });

  it('does not re-read the ticket while the agent types in the composer', async () => {
    const el = pane('1', 'Sam', 'sam@example.com');
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    el.append(editor);
    start();
    await flush();
    await new Promise((r) => setTimeout(r, 30));
    const rendersBefore = renders.length;
    for (let i = 0; i < 5; i++) editor.append(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 60));
    expect(renders.length).toBe(rendersBefore);
    el.append(document.createElement('span'));
    await expect.poll(() => renders.length).toBeGreaterThan(rendersBefore);
  });

  it('saves a note for the looked-up customer and shows it first', async () => {
    pane('1', 'Sam', 'sam@example.com');
    let handlers!: Parameters<ControllerDeps['createView']>[0];
    start({
      createView(h) {
        handlers = h;
        return { render: (s) => renders.push(s), remove: () => removed++ };
      },
    });
    await flush();
    await expect(handlers.onAddNote('Prefers email')).resolves.toEqual({ ok: true });
    expect(last()).toMatchObject({ notes: [{ text: 'Prefers email', ticketLabel: undefined }] });
    expect(requests.at(-1)).toMatchObject({ type: 'note.add', customerId: 'c-sam@example.com', ticket: { ticketId: '1' } });
  });

  it('stops everything when the extension context goes away', async () => {
    pane('1', 'Sam', 'sam@example.com');
    start();
    await flush();
    controllers.forEach((c) => c.abort());
    expect(liveObservers.size).toBe(0);
    expect(removed).toBe(1);
  });

  it('starts features once the customer is known, shows their panels, and stops them on leaving', async () => {
    pane('1', 'Sam', 'sam@example.com');
    pane('2', 'Kim', 'kim@example.com');
    const started: string[] = [];
    const stopped: string[] = [];
    const seen: string[] = [];
    const controller = start({
      features: [
        {
          id: 'probe',
          start(ctx, signal) {
            started.push(ctx.ticket.customer.id);
            signal.addEventListener('abort', () => stopped.push(ctx.ticket.customer.id));
            ctx.onSnapshot((s) => seen.push(s.requester.name ?? ''));
            ctx.setPanel('memory', {});
          },
        },
      ],
    });
    expect(started).toEqual([]);
    await flush();
    expect(started).toEqual(['c-sam@example.com']);
    expect(last()).toMatchObject({ panels: { memory: {} }, history: { ticketsSeen: 2 } });
    document.querySelector<HTMLElement>('[data-ticket="1"]')!.dataset.name = 'Samantha';
    document.body.append(document.createElement('i'));
    await expect.poll(() => seen).toEqual(['Samantha']);
    href = 'https://acme.example.com/t/2';
    controller.check();
    expect(stopped).toEqual(['c-sam@example.com']);
    expect(last()).toMatchObject({ ticketId: '2' });
    expect((last() as { panels?: unknown }).panels).toBeUndefined();
  });

  it('tells features what the agent sent, read before the helpdesk empties the composer', async () => {
    const el = pane('1', 'Sam', 'sam@example.com');
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    const paragraphs = (...texts: string[]) =>
      editor.replaceChildren(...texts.map((t) => Object.assign(document.createElement('p'), { textContent: t })));
    paragraphs('Hi Sam,', 'Refunded today.');
    const send = document.createElement('button');
    send.append(document.createElement('span'));
    el.append(editor, send);
    let writes: 'reply' | 'note' | 'forward' | undefined;
    // The helpdesk empties its composer on click (bubbling); features must already have the text.
    send.addEventListener('click', () => editor.replaceChildren());
    const sent: { text: string; kind: string }[] = [];
    start({
      adapter: { ...adapter, composer: () => editor, sendButton: () => send, composerWrites: () => writes },
      features: [{ id: 'probe', start: (ctx) => ctx.onSend((s) => sent.push(s)) }],
    });
    await flush();
    (send.firstChild as HTMLElement).click();
    expect(sent).toEqual([{ text: 'Hi Sam,\n\nRefunded today.', kind: 'reply' }]); // the page does not say: a reply
    paragraphs('Approved by finance');
    writes = 'note';
    document.body.click();
    send.click();
    expect(sent.at(-1)).toEqual({ text: 'Approved by finance', kind: 'note' });
    paragraphs('Warehouse: please check batch 7');
    writes = 'forward';
    send.click();
    expect(sent.at(-1)).toEqual({ text: 'Warehouse: please check batch 7', kind: 'forward' });
    expect(sent).toHaveLength(3);
  });

  it('tells the background when the helpdesk takes a send back, on any page of it', async () => {
    start({ adapter: { ...adapter, undoSend: { link: 'a[href*="/undo-reply/"]', withinMs: 15_000 } } });
    const notice = Object.assign(document.createElement('a'), { href: 'https://acme.example.com/conversation/undo-reply/88' });
    notice.append(Object.assign(document.createElement('strong'), { textContent: 'Undo' }));
    notice.addEventListener('click', (e) => e.preventDefault()); // the test page stays
    document.body.append(notice);
    (notice.firstChild as HTMLElement).click();
    await flush();
    expect(requests.filter((r) => r.type === 'reply.undo')).toEqual([{ type: 'reply.undo', withinMs: 15_000 }]);
    document.body.click();
    expect(requests.filter((r) => r.type === 'reply.undo')).toHaveLength(1);
  });

  // FreeScout writes times in the agent's profile zone: nothing is stored before that zone is known.
  it('looks the customer up only once the zone the page writes times in is known, and reads in it', async () => {
    pane('1', 'Sam', 'sam@example.com');
    const zones: (string | undefined)[] = [];
    let known!: (zone: string | undefined) => void;
    const reading: HelpdeskAdapter = { ...adapter, read: (root, id, url, shown) => (zones.push(shown?.timeZone), adapter.read(root, id, url)) };
    const zone = new Promise<string | undefined>((done) => (known = done));
    start({ adapter: reading, shownZone: () => zone });
    await flush();
    expect(last()).toMatchObject({ kind: 'ticket', ticketId: '1' }); // the page's read is shown at once
    expect(requests.filter((r) => r.type === 'ticket.open')).toEqual([]);
    known('America/New_York');
    await expect.poll(() => requests.filter((r) => r.type === 'ticket.open').length).toBe(1);
    expect(zones.at(-1)).toBe('America/New_York');
    expect(zones[0]).toBeUndefined();
  });

  // The agent's FreeScout profile page runs Rapport too: asking there would keep the zone they are about to change.
  it('asks for the zone only on a page that opens on a ticket', async () => {
    href = 'https://acme.example.com/users/profile/1';
    let asked = 0;
    start({ shownZone: async () => (asked++, 'UTC') });
    await flush();
    expect(asked).toBe(0);
  });

  // FreeScout saves a picked status and opens the next conversation: no read of the page shows it.
  it('tells features the status the agent picked in a menu that leaves the page, and every read after says it', async () => {
    pane('1', 'Sam', 'sam@example.com');
    const statuses: (string | undefined)[] = [];
    const picker = { link: 'a[data-status]', status: (a: Element) => ({ '3': 'closed' })[a.getAttribute('data-status') ?? ''] };
    start({ adapter: { ...adapter, statusPicker: picker }, features: [{ id: 'probe', start: (ctx) => ctx.onSnapshot((s) => statuses.push(s.status)) }] });
    await flush();
    const menu = (code: string) => {
      const a = document.createElement('a');
      a.setAttribute('data-status', code);
      a.append(Object.assign(document.createElement('span'), { textContent: 'Closed' }));
      document.body.append(a);
      return a;
    };
    (menu('9').firstChild as HTMLElement).click(); // not a status the helpdesk has
    expect(statuses).toEqual([]);
    (menu('3').firstChild as HTMLElement).click();
    expect(statuses).toEqual(['closed']);
    document.querySelector<HTMLElement>('[data-ticket="1"]')!.dataset.name = 'Samantha'; // a re-read while FreeScout saves
    document.body.append(document.createElement('i'));
    await expect.poll(() => statuses.length).toBe(2);
    expect(statuses).toEqual(['closed', 'closed']);
  });

  it('tells features the status a sent reply sets, which the page FreeScout opens next never shows', async () => {
    pane('1', 'Sam', 'sam@example.com');
    const editor = document.createElement('div');
    editor.textContent = 'Refunded, closing this.';
    const send = document.createElement('button');
    document.body.append(editor, send);
    const statuses: (string | undefined)[] = [];
    start({
      adapter: { ...adapter, composer: () => editor, sendButton: () => send, statusOnSend: () => 'closed' },
      features: [{ id: 'probe', start: (ctx) => ctx.onSnapshot((s) => statuses.push(s.status)) }],
    });
    await flush();
    send.click();
    expect(statuses).toEqual(['closed']);
  });

  it('lets a feature add tickets learned later to the visit line, keeping the newest last seen', async () => {
    pane('1', 'Sam', 'sam@example.com');
    let add!: (tickets: number, lastSeen?: number) => void;
    start({ features: [{ id: 'probe', start: (ctx) => (add = (n, at) => ctx.addToHistory(n, at)) }] });
    await flush();
    expect(last()).toMatchObject({ history: { ticketsSeen: 2, lastSeen: 1 } });
    add(3, 7);
    expect(last()).toMatchObject({ history: { ticketsSeen: 5, lastSeen: 7 } });
    add(1, 4); // older than what we knew: the count grows, the date stays
    expect(last()).toMatchObject({ history: { ticketsSeen: 6, lastSeen: 7 } });
    const before = renders.length;
    add(0, 9); // nothing new: nothing to render
    expect(renders.length).toBe(before);
  });

  it('lets a feature mark the visit line as checking the helpdesk history, and clear it', async () => {
    pane('1', 'Sam', 'sam@example.com');
    let checking!: (on: boolean) => void;
    start({ features: [{ id: 'probe', start: (ctx) => (checking = (on) => ctx.checkingHistory(on)) }] });
    await flush();
    checking(true);
    expect(last()).toMatchObject({ history: { ticketsSeen: 2, checking: true } });
    const before = renders.length;
    checking(true); // unchanged: nothing to render
    expect(renders.length).toBe(before);
    checking(false);
    expect(last()).toMatchObject({ history: { checking: false } });
  });

  it('keeps the sidebar working when a feature throws', async () => {
    pane('1', 'Sam', 'sam@example.com');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    start({ features: [{ id: 'broken', start: () => { throw new Error('boom'); } }] });
    await flush();
    expect(last()).toMatchObject({ kind: 'ticket', history: { ticketsSeen: 2 } });
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('opens with the newest notes and loads them all on request', async () => {
    pane('1', 'Sam', 'sam@example.com');
    let handlers!: Parameters<ControllerDeps['createView']>[0];
    const base = deps();
    const note = (i: number) => ({ id: `n${i}`, customerId: 'c', text: `note ${i}`, tags: [], createdAt: i, updatedAt: i });
    start({
      createView(h) {
        handlers = h;
        return { render: (s) => renders.push(s), remove: () => removed++ };
      },
      request: async (req) => {
        requests.push(req);
        if (req.type === 'ticket.open') return { ok: true, data: { customer: { id: 'c1' }, history: { ticketsSeen: 1 }, notes: [note(3), note(2)], notesTotal: 2, notesTotalCapped: true } } as never;
        if (req.type === 'notes.list') return { ok: true, data: [note(3), note(2), note(1)] } as never;
        return base.request(req);
      },
    });
    await flush();
    // Counted only up to a cap ("2+"), until the whole list is loaded.
    expect(last()).toMatchObject({ notesTotal: 2, notesTotalCapped: true });
    expect((last() as { notes: unknown[] }).notes).toHaveLength(2);
    handlers.onShowAllNotes();
    await flush();
    expect((last() as { notes: unknown[] }).notes).toHaveLength(3);
    expect(last()).toMatchObject({ notesTotal: 3, notesTotalCapped: undefined });
    expect(requests.at(-1)).toEqual({ type: 'notes.list', customerId: 'c1' });
  });

  it('remembers the collapsed state', async () => {
    pane('1', 'Sam', 'sam@example.com');
    const saved = vi.fn(async () => undefined);
    const calls: boolean[] = [];
    const controller = start({
      prefs: { collapsed: async () => true, setCollapsed: saved },
      createView: () => ({ render: (_s, collapsed) => calls.push(collapsed), remove: () => undefined }),
    });
    await flush();
    expect(calls.at(-1)).toBe(true);
    controller.toggleCollapsed();
    expect(calls.at(-1)).toBe(false);
    expect(saved).toHaveBeenCalledWith(false);
  });
});

describe('controller: the agent in the composer (issue #14)', () => {
  /** Ticket 1 with a composer, the sidebar's host element, and what the view was told about writing. */
  function composerPage(writes: () => 'reply' | 'note' | 'forward' | undefined = () => undefined) {
    const editor = document.createElement('div');
    editor.contentEditable = 'true';
    editor.tabIndex = 0;
    pane('1', 'Sam', 'sam@example.com').append(editor);
    const host = document.createElement('rapport-sidebar');
    host.tabIndex = 0;
    document.body.append(host);
    const composing: boolean[] = [];
    start({
      adapter: { ...adapter, composer: (root, id) => root.querySelector<HTMLElement>(`[data-ticket="${id}"] [contenteditable]`), composerWrites: writes },
      createView: () => ({ render: (_s, _c, _p, writing) => composing.push(writing ?? false), remove: () => undefined }),
    });
    return { editor, host, composing };
  }

  it('writing an internal note keeps the customer’s card open; switched to a reply, it folds', async () => {
    let writes: 'reply' | 'note' = 'note';
    const { editor, composing } = composerPage(() => writes);
    await flush();
    editor.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    editor.focus();
    editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'W', bubbles: true }));
    expect(composing.at(-1)).toBe(false);
    writes = 'reply';
    editor.blur();
    editor.dispatchEvent(new Event('pointerdown', { bubbles: true })); // the agent clicks Reply: the helpdesk focuses its composer
    editor.focus();
    expect(composing.at(-1)).toBe(true);
  });

  it('tells the view while focus is in the ticket’s composer, keeps it in the sidebar, and ends it when they leave', async () => {
    const { editor, host, composing } = composerPage();
    const other = document.createElement('button');
    document.body.append(other);
    await flush();
    expect(composing.at(-1)).toBe(false);
    editor.dispatchEvent(new Event('pointerdown', { bubbles: true })); // the agent clicks into it
    editor.focus();
    expect(composing.at(-1)).toBe(true);
    host.focus(); // a click in the sidebar frame: the page sees its host take focus
    await flush();
    await new Promise((r) => setTimeout(r, 450));
    expect(composing.at(-1)).toBe(true);
    other.focus();
    await flush();
    expect(composing.at(-1)).toBe(true); // not at once: a click passing through the page reshuffles nothing
    await new Promise((r) => setTimeout(r, 450));
    expect(composing.at(-1)).toBe(false);
  });

  it('does not fold the customer’s card when the helpdesk focuses its composer on its own, only once the agent types or clicks there', async () => {
    const { editor, host, composing } = composerPage();
    await flush();
    editor.focus(); // the page's own autofocus: no click, no key
    await flush();
    expect(composing.at(-1)).toBe(false);
    editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'H', bubbles: true }));
    expect(composing.at(-1)).toBe(true);
    // Into the sidebar (its insert helper) and back by the sidebar's own hand: still writing.
    host.focus();
    editor.focus();
    await flush();
    await new Promise((r) => setTimeout(r, 450));
    expect(composing.at(-1)).toBe(true);
  });

  it('lets the view take a toggle it handles itself (opening a tab it collapsed on its own)', async () => {
    pane('1', 'Sam', 'sam@example.com');
    const saved = vi.fn(async () => undefined);
    let handled = true;
    const controller = start({
      prefs: { collapsed: async () => false, setCollapsed: saved },
      createView: () => ({ render: () => undefined, remove: () => undefined, toggle: () => handled }),
    });
    await flush();
    controller.toggleCollapsed();
    expect(saved).not.toHaveBeenCalled();
    handled = false;
    controller.toggleCollapsed();
    expect(saved).toHaveBeenCalledWith(true);
  });
});

describe('controller: identity from the helpdesk API', () => {
  beforeEach(() => forgetIdentities());
  const withApi: HelpdeskAdapter = {
    ...adapter,
    identityApi: {
      url: (origin, id) => `${origin}/api/t/${id}`,
      parse: (body) => {
        const b = body as { id?: string; email?: string };
        return b.id ? { requester: { externalId: b.id, email: b.email, timeZone: 'Europe/Oslo' } } : undefined;
      },
    },
  };

  function api(status: number, body: unknown) {
    const calls: string[] = [];
    const fetcher = (async (url: string) => {
      calls.push(String(url));
      return new Response(JSON.stringify(body), { status });
    }) as typeof fetch;
    return { calls, fetcher };
  }

  /** The fake background, now also answering the identity requests. */
  const background = (due = true) =>
    async function request<T extends RequestType>(req: RequestOf<T>): Promise<Reply<Answers[T]>> {
      requests.push(req);
      if (req.type === 'identity.due') return { ok: true, data: { due } } as never;
      if (req.type === 'identity.record') return { ok: true, data: { recorded: true } } as never;
      if (req.type === 'ticket.open' || req.type === 'ticket.identify') {
        const snap = (req as RequestOf<'ticket.open'>).snapshot;
        return { ok: true, data: { customer: { id: `c-${snap.requester.externalId ?? snap.requester.name}` }, history: { ticketsSeen: 1 }, notes: [] } } as never;
      }
      return { ok: false, error: 'unexpected' };
    };

  it('shows the page’s read first, then the API’s email, and re-keys the customer with a merge request', async () => {
    pane('1', 'Sam');
    const { calls, fetcher } = api(200, { id: '361002', email: 'sam@example.com' });
    start({ adapter: withApi, fetcher, request: background() });
    expect(last()).toMatchObject({ kind: 'ticket', customer: { name: 'Sam' }, missing: ['requester-email'] });
    await vi.waitFor(() => expect(last()).toMatchObject({ customer: { name: 'Sam', email: 'sam@example.com' }, missing: [] }));
    expect(calls).toEqual(['https://acme.example.com/api/t/1']);
    await vi.waitFor(() => expect(requests.map((r) => r.type)).toEqual(['ticket.open', 'identity.due', 'identity.record', 'ticket.identify']));
    expect(requests.at(-1)).toMatchObject({
      type: 'ticket.identify',
      previousCustomerId: 'c-Sam',
      snapshot: { requester: { name: 'Sam', email: 'sam@example.com', externalId: '361002' } },
      profile: { timeZone: 'Europe/Oslo' },
    });
  });

  it('saves a note clicked while the API’s answer re-keys the customer, once the new lookup answers', async () => {
    pane('1', 'Sam');
    const { fetcher } = api(200, { id: '361002', email: 'sam@example.com' });
    let answer!: () => void;
    const identified = new Promise<void>((r) => (answer = r));
    const base = background();
    let handlers!: Parameters<ControllerDeps['createView']>[0];
    start({
      adapter: withApi,
      fetcher,
      async request(req) {
        if (req.type === 'ticket.identify') await identified;
        if (req.type === 'note.add') {
          requests.push(req);
          return { ok: true, data: { id: 'n1', customerId: 'c', text: 'Prefers email', tags: [], createdAt: 5, updatedAt: 5 } } as never;
        }
        return base(req);
      },
      createView(h) {
        handlers = h;
        return { render: (s) => renders.push(s), remove: () => removed++ };
      },
    });
    await vi.waitFor(() => expect(last()).toMatchObject({ customer: { email: 'sam@example.com' } }));
    const saved = handlers.onAddNote('Prefers email'); // the second lookup has not answered yet
    answer();
    await expect(saved).resolves.toEqual({ ok: true });
    expect(requests.at(-1)).toMatchObject({ type: 'note.add', customerId: 'c-361002' });
  });

  it.each([
    ['401', 401],
    ['403', 403],
    ['429', 429],
    ['500', 500],
  ])('HTTP %s: the sidebar stays as the page showed it', async (_name, status) => {
    pane('1', 'Sam');
    const { calls, fetcher } = api(status, { error: 'no' });
    start({ adapter: withApi, fetcher, request: background() });
    await vi.waitFor(() => expect(requests.map((r) => r.type)).toEqual(['ticket.open', 'identity.due', 'identity.record']));
    expect(calls).toHaveLength(1);
    expect(last()).toMatchObject({ kind: 'ticket', customer: { name: 'Sam' }, history: { ticketsSeen: 1 }, missing: ['requester-email'] });
    expect((last() as { storageError?: string }).storageError).toBeUndefined();
  });

  it('does not call the API when the background says it is not due', async () => {
    pane('1', 'Sam');
    const { calls, fetcher } = api(200, { id: '1' });
    start({ adapter: withApi, fetcher, request: background(false) });
    await vi.waitFor(() => expect(requests.map((r) => r.type)).toEqual(['ticket.open', 'identity.due']));
    await flush();
    expect(calls).toEqual([]);
  });
});

describe('controller: a server-rendered page still being parsed (time to sidebar, #13/#15)', () => {
  const parsing = () => {
    let done!: () => void;
    const parsed = new Promise<void>((resolve) => (done = resolve));
    return { parsed, done };
  };

  it('shows the customer as soon as the ticket is parsed, and looks them up only once the page is', async () => {
    const page = parsing();
    const el = pane('1', 'Sam Rivera');
    start({ parsed: page.parsed });
    await flush();
    expect(last()).toMatchObject({ kind: 'ticket', customer: { name: 'Sam Rivera' } });
    expect(requests.filter((r) => r.type === 'ticket.open')).toHaveLength(0);
    // The email comes further down the HTML, before the parser is done.
    el.dataset.email = 'sam@example.com';
    page.done();
    await flush();
    await flush();
    const opened = requests.filter((r) => r.type === 'ticket.open') as RequestOf<'ticket.open'>[];
    expect(opened).toHaveLength(1); // never a record keyed by the name alone
    expect(opened[0]!.snapshot.requester).toEqual({ name: 'Sam Rivera', email: 'sam@example.com' });
    expect(last()).toMatchObject({ kind: 'ticket', customer: { email: 'sam@example.com' }, history: { ticketsSeen: 2 } });
  });

  it('reads a ticket whose pane the parser adds later, and looks it up once', async () => {
    const page = parsing();
    start({ parsed: page.parsed });
    await flush();
    expect(last()).toMatchObject({ kind: 'waiting', ticketId: '1' });
    pane('1', 'Dana Whitfield', 'dana@example.com');
    await flush();
    expect(last()).toMatchObject({ kind: 'ticket', customer: { name: 'Dana Whitfield' } });
    page.done();
    await flush();
    await flush();
    expect(requests.filter((r) => r.type === 'ticket.open')).toHaveLength(1);
  });
});
