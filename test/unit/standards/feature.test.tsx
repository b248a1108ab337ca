// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, fireEvent } from '@testing-library/preact';
import { checklistItems, startChecklist, latestCustomerMessages } from '@/lib/standards/feature';
import type { FeatureContext } from '@/lib/page/features';
import type { TicketSnapshot } from '@/lib/helpdesks/types';
import type { ChecklistPanelProps } from '@/components/checklist/model';
import { ChecklistPanel } from '@/components/checklist';
import { PresentationContext } from '@/components/presentation';
import { evaluateReply } from '@/lib/standards/engine';
import { DEFAULT_PACK } from '@/lib/standards/pack';
import { parseRequest } from '@/lib/messages';

const snapshot: TicketSnapshot = {
  helpdesk: 'zendesk',
  account: 'acme.zendesk.com',
  ticketId: '101',
  url: 'https://acme.zendesk.com/agent/tickets/101',
  requester: { name: 'Dana Whitfield' },
  messages: [
    { role: 'customer', text: 'Old question?', public: true, at: '2026-11-20T09:00:00Z' },
    { role: 'agent', text: 'Answered.', public: true },
    { role: 'agent', text: 'internal', public: false },
    { role: 'customer', text: 'I was charged TWICE. Nobody answers!', public: true, at: '2026-11-25T09:00:00Z' },
  ],
};

function setup(ticket: TicketSnapshot = snapshot) {
  document.body.replaceChildren();
  const editor = document.createElement('div');
  editor.setAttribute('contenteditable', 'true');
  const panels: (ChecklistPanelProps | undefined)[] = [];
  // Every request is checked as the background checks it: a field its schema lacks is refused there.
  const request = vi.fn(async (req: { type: string; draft: string; customerMessages: string[] }) => {
    const parsed = parseRequest(req);
    if (!parsed.ok) throw new Error(`${req.type} refused: ${parsed.error}`);
    if (req.type === 'reply.record') return { ok: true as const, data: {} };
    return {
      ok: true as const,
      data: { ...evaluateReply({ draft: req.draft, customerMessages: req.customerMessages, customer: { name: 'Dana Whitfield' }, standards: DEFAULT_PACK, now: 0 }), packId: 'p', packVersion: 1, critical: [], labels: {} },
    };
  });
  const ctx = {
    ticketId: '101',
    adapter: { composer: () => (editor.isConnected ? editor : null) },
    document,
    snapshot: () => ticket,
    ticket: { customer: { id: 'c1', name: 'Dana Whitfield' } },
    request,
    setPanel: (_key: string, props: ChecklistPanelProps | undefined) => panels.push(props),
    onSnapshot: () => undefined,
    onSend: () => undefined,
    now: () => 0,
  } as unknown as FeatureContext;
  const controller = new AbortController();
  return { editor, panels, request, ctx, controller };
}

afterEach(() => vi.useRealTimers());

describe('checklist feature', () => {
  it('puts critical failures first, and never shows a reading the engine is unsure of as a failure', () => {
    const input = (customer: string) => ({ draft: 'Hi Robin, [NAME] will refund the March charge.', customerMessages: [customer], customer: { name: 'Robin' }, standards: DEFAULT_PACK, now: 0 });
    const items = (customer: string) => checklistItems({ ...evaluateReply(input(customer)), packId: 'p', packVersion: 1, labels: {}, askBeforeSending: false, critical: ['acknowledges-feelings', 'placeholders'] });
    const failing = (customer: string) => items(customer).filter((i) => i.state === 'fail').map((i) => [i.rule, i.critical]);
    expect(failing('This is the THIRD time I write. I was charged twice for March and NOBODY answers.').slice(0, 2)).toEqual([['acknowledges-feelings', true], ['placeholders', true]]);
    // "may be upset": the mood line says it; the item is not failed (acknowledges-feelings.ts).
    const lukewarm = 'I was charged again for March although I cancelled in February. Can you check?';
    expect(items(lukewarm).find((i) => i.rule === 'acknowledges-feelings')?.state).toBe('na');
    expect(failing(lukewarm)[0]).toEqual(['placeholders', true]);
  });

  it('takes the customer’s messages after the last public agent reply', () => {
    expect(latestCustomerMessages(snapshot)).toEqual({ texts: ['I was charged TWICE. Nobody answers!'], receivedAt: Date.parse('2026-11-25T09:00:00Z'), opening: false });
    // When the team last replied publicly (a note does not count), where the page says.
    const timed = { ...snapshot, messages: snapshot.messages.map((m, i) => (i === 1 ? { ...m, at: '2026-11-25T08:58:00Z' } : i === 2 ? { ...m, at: '2026-11-25T08:59:30Z' } : m)) };
    expect(latestCustomerMessages(timed).lastReplyAt).toBe(Date.parse('2026-11-25T08:58:00Z'));
    // A colleague on copy answered for the requester: named, so greeting them is greeting by name.
    const copied = { ...snapshot, messages: [...snapshot.messages, { role: 'customer' as const, author: 'Bob Smith', text: 'Adding: it was the Visa card.', public: true }, { role: 'customer' as const, author: 'Dana Whitfield', text: 'Yes.', public: true }] };
    expect(latestCustomerMessages(copied).alsoWriting).toEqual(['Bob Smith']);
    expect(latestCustomerMessages(copied).writer).toBeUndefined(); // Dana wrote the newest one
    expect(latestCustomerMessages({ ...copied, messages: copied.messages.slice(0, -1) }).writer).toBe('Bob Smith');
    // Before any public reply the messages are the ticket's opening (its subject belongs to them).
    expect(latestCustomerMessages({ ...snapshot, messages: snapshot.messages.slice(0, 1) }).opening).toBe(true);
  });

  it('offers to greet the colleague on copy who wrote the newest message, and inserts their name', async () => {
    vi.useFakeTimers();
    const copied = { ...snapshot, messages: [...snapshot.messages, { role: 'customer' as const, author: 'Bob Smith', text: 'Adding: it was the Visa card.', public: true }] };
    const { editor, panels, ctx, controller } = setup(copied);
    document.body.append(editor);
    startChecklist(ctx, controller.signal);
    expect(panels.at(-1)?.greeting).toBe('Hi Bob,');
    expect(panels.at(-1)?.greetingWhy).toBe('Bob Smith wrote the latest message');
    panels.at(-1)?.onInsertGreeting?.();
    expect(editor.textContent).toBe('Hi Bob, ');
    controller.abort();
    // Without the colleague's message the customer is greeted, as before.
    const own = setup();
    document.body.append(own.editor);
    startChecklist(own.ctx, own.controller.signal);
    expect(own.panels.at(-1)?.greeting).toBe('Hi Dana,');
    expect(own.panels.at(-1)?.greetingWhy).toBeUndefined();
    own.controller.abort();
  });

  it('offers to greet whoever signed the newest message, unless the agent noted the name they go by', async () => {
    vi.useFakeTimers();
    const signed = (text: string, agent = 'Alice Agent'): TicketSnapshot => ({
      ...snapshot,
      requester: { name: 'Mei Lin' },
      messages: [{ role: 'agent', author: agent, text: 'Hi Mei, any news?', public: true }, { role: 'customer', author: 'Mei Lin', text, public: true }],
    });
    const offered = (ticket: TicketSnapshot, preferredName?: string) => {
      const { editor, panels, ctx, controller } = setup(ticket);
      (ctx.ticket.customer as { name?: string; preferredName?: string }).name = 'Mei Lin';
      if (preferredName) (ctx.ticket.customer as { preferredName?: string }).preferredName = preferredName;
      document.body.append(editor);
      startChecklist(ctx, controller.signal);
      controller.abort();
      const panel = panels.at(-1);
      return panel?.greetingWhy ? `${panel.greeting} (${panel.greetingWhy})` : panel?.greeting;
    };
    const david = signed('If you can restore my account that would be super.\n\nMuch thanks,\nDavid');
    expect(latestCustomerMessages(david)).toMatchObject({ signer: 'David', alsoWriting: ['David'] });
    expect(offered(david)).toBe('Hi David, (The latest message is signed “David”)');
    expect(offered(david, 'Mei')).toBe('Hi Mei,'); // the agent knows better
    expect(offered(signed('Thanks,\nMei'))).toBe('Hi Mei,');
    // An agent's name under a sign-off is not the customer's (a forwarded reply, a test).
    expect(latestCustomerMessages(signed('Thanks,\nAlice')).signer).toBeUndefined();
  });

  it('waits for the composer, evaluates typed, macro-inserted and undone text, and stays idle when nothing changes', async () => {
    vi.useFakeTimers();
    const { editor, panels, request, ctx, controller } = setup();
    startChecklist(ctx, controller.signal);
    expect(panels.at(-1)?.status).toBe('no-composer');

    document.body.append(editor); // the reply box opens later
    await vi.advanceTimersByTimeAsync(300);
    expect(panels.at(-1)?.status).toBe('empty');

    editor.textContent = 'Hello there'; // a macro: no input event
    await vi.advanceTimersByTimeAsync(300);
    expect(request).toHaveBeenCalledTimes(1);
    expect(panels.at(-1)?.items.find((i) => i.rule === 'greets-by-name')?.state).toBe('fail');

    editor.textContent = 'Hi Dana, so sorry you were charged twice.';
    editor.dispatchEvent(new Event('input'));
    await vi.advanceTimersByTimeAsync(300);
    expect(request).toHaveBeenCalledTimes(2);
    expect(panels.at(-1)?.items.find((i) => i.rule === 'greets-by-name')?.state).toBe('pass');

    editor.dispatchEvent(new Event('input')); // nothing changed
    await vi.advanceTimersByTimeAsync(300);
    expect(request).toHaveBeenCalledTimes(2);

    // Undo in CKEditor rewrites the text node in place: no input event, no child added or removed.
    editor.firstChild!.nodeValue = 'so sorry you were charged twice.';
    await vi.advanceTimersByTimeAsync(300);
    expect(request).toHaveBeenCalledTimes(3);
    expect(panels.at(-1)?.items.find((i) => i.rule === 'greets-by-name')?.state).toBe('fail');

    controller.abort();
    editor.textContent = 'after leaving';
    await vi.advanceTimersByTimeAsync(300);
    expect(request).toHaveBeenCalledTimes(3);
  });

  // Seen on FreeScout: an internal note ("Warehouse confirmed batch 7") and a forward to the
  // warehouse were checked as replies to Carol — "Insert “Hi Carol,”", "no next step".
  it('checks no note and no forward: says why, asks nothing, records nothing; back to Reply, it checks again', async () => {
    vi.useFakeTimers();
    const { editor, panels, request, ctx, controller } = setup();
    let writes: 'reply' | 'note' | 'forward' = 'note';
    let sendListener: ((sent: { text: string; kind: string }) => void) | undefined;
    const withModes = { ...ctx, adapter: { ...ctx.adapter, composerWrites: () => writes }, onSend: (l: typeof sendListener) => (sendListener = l) } as unknown as FeatureContext;
    document.body.append(editor);
    startChecklist(withModes, controller.signal);
    editor.textContent = 'Warehouse confirmed batch 7; refund approved by Kim.';
    await vi.advanceTimersByTimeAsync(300);
    expect(request).not.toHaveBeenCalled();
    expect(panels.at(-1)).toMatchObject({ status: 'not-reply', writing: 'note', items: [] });
    sendListener!({ text: editor.textContent, kind: 'note' });
    await vi.advanceTimersByTimeAsync(10);
    expect(request).not.toHaveBeenCalled(); // nothing recorded

    writes = 'forward';
    editor.dispatchEvent(new FocusEvent('focusin')); // the helpdesk puts the cursor back in its composer
    await vi.advanceTimersByTimeAsync(300);
    expect(panels.at(-1)).toMatchObject({ status: 'not-reply', writing: 'forward' });

    writes = 'reply';
    editor.dispatchEvent(new FocusEvent('focusin'));
    await vi.advanceTimersByTimeAsync(300);
    expect(request).toHaveBeenCalledTimes(1);
    expect(panels.at(-1)?.status).toBe('ready');
    controller.abort();
  });
});

// A field added to the evaluation once went out with the recorded reply too, whose schema refused it:
// on FreeScout no sent reply was recorded.
it('sends each request only what its schema takes: the last reply’s time goes to the evaluation, not the record', async () => {
  vi.useFakeTimers();
  const timed: TicketSnapshot = { ...snapshot, messages: [{ role: 'agent', text: 'Which card?', public: true, at: '2026-11-25T08:58:00Z' }, { role: 'customer', text: 'Visa.', public: true, at: '2026-11-25T09:00:00Z' }] };
  const { editor, request, ctx, controller } = setup(timed);
  let sendListener: ((sent: { text: string; kind: string }) => void) | undefined;
  document.body.append(editor);
  startChecklist({ ...ctx, onSend: (l: typeof sendListener) => (sendListener = l) } as unknown as FeatureContext, controller.signal);
  editor.textContent = 'Thanks, refunded.';
  editor.dispatchEvent(new InputEvent('input', { bubbles: true }));
  await vi.advanceTimersByTimeAsync(300);
  sendListener!({ text: editor.textContent, kind: 'reply' });
  await vi.advanceTimersByTimeAsync(10);
  const sent = request.mock.calls.map(([req]) => req as { type: string; lastReplyAt?: number });
  expect(sent.map((r) => r.type)).toEqual(['reply.evaluate', 'reply.record']);
  expect(sent[0]!.lastReplyAt).toBe(Date.parse('2026-11-25T08:58:00Z'));
  expect(sent[1]).not.toHaveProperty('lastReplyAt');
  await expect(request.mock.results[1]!.value).resolves.toMatchObject({ ok: true });
  controller.abort();
});

describe('checklist panel', () => {
  it('says why a note or a forward is not checked, and shows no items for it', () => {
    for (const [writing, said] of [
      ['note', /An internal note: the customer never sees it/],
      ['forward', /A forward goes to someone else/],
    ] as const) {
      const { container, unmount } = render(<ChecklistPanel status="not-reply" writing={writing} draft="Warehouse: batch 7" items={[]} questions={[]} />);
      expect(container.textContent).toMatch(said);
      expect(container.querySelectorAll('[data-rule]')).toHaveLength(0);
      unmount();
    }
  });

  const base: ChecklistPanelProps = {
    status: 'ready',
    draft: 'Hello, as I said, it is done.',
    items: [
      { rule: 'greets-by-name', label: 'Greets by name', state: 'fail', why: 'No greeting by name: open with “Hi Dana,”', critical: false, evidence: [] },
      { rule: 'respectful-language', label: 'Respectful language', state: 'fail', why: 'Reads as blaming or condescending: “as I said”', critical: true, evidence: [{ start: 7, end: 16, text: 'as I said' }] },
    ],
    readiness: 0.4,
    questions: [{ text: 'Where is my refund?', answered: false }],
    greeting: 'Hi Dana,',
    onInsertGreeting: vi.fn(),
    now: () => 0,
  };

  it('shows readiness, items with their why, the question map and the greeting helper', () => {
    const { container } = render(<ChecklistPanel {...base} />);
    expect(screen.getByTestId('readiness').textContent).toBe('Not ready: 1 critical item to fix, 40% ready');
    expect(container.querySelector('[data-rule="respectful-language"][data-state="fail"]')).not.toBeNull();
    expect(container.querySelector('[data-testid="question"][data-answered="false"]')?.textContent).toMatch(/Where is my refund\? — not addressed yet$/);
    fireEvent.click(screen.getByTestId('insert-greeting'));
    expect(base.onInsertGreeting).toHaveBeenCalled();
  });

  it('says why the helper greets someone other than the customer on the card, never while presenting', () => {
    const { container, unmount } = render(<ChecklistPanel {...base} greeting="Hi Bob," greetingWhy="Bob Marsh wrote the latest message" />);
    expect(screen.getByTestId('greeting-why').textContent).toBe('Bob Marsh wrote the latest message');
    expect(screen.getByTestId('insert-greeting').getAttribute('aria-describedby')).toBe(screen.getByTestId('greeting-why').id);
    unmount();
    const presenting = render(
      <PresentationContext.Provider value={true}>
        <ChecklistPanel {...base} greeting="Hi Bob," greetingWhy="Bob Marsh wrote the latest message" />
      </PresentationContext.Provider>,
    );
    expect(screen.queryByTestId('greeting-why')).toBeNull();
    expect(presenting.container.textContent).not.toContain('Bob');
    expect(container.textContent).toBe('');
  });

  it('highlights the evidence in a read-only preview on “show”', () => {
    const { container } = render(<ChecklistPanel {...base} />);
    fireEvent.click(screen.getByText('show'));
    expect(container.querySelector('[data-testid="checklist-preview"] mark')?.textContent).toBe('as I said');
    expect(container.querySelector('[data-testid="checklist-preview"]')?.getAttribute('contenteditable')).toBeNull();
  });

  it('turns response time to fail once the deadline passes', () => {
    const items = [{ rule: 'response-time', label: 'Response time', state: 'pass' as const, why: '', critical: false, evidence: [] }];
    const { container } = render(<ChecklistPanel {...base} items={items} responseClock={{ deadline: -1000, targetMs: 60_000 }} />);
    expect(container.querySelector('[data-rule="response-time"]')?.getAttribute('data-state')).toBe('fail');
    expect(container.querySelector('[data-rule="response-time"] [data-testid="why"]')?.textContent).toBe('Target breached: customer waiting 61 s (target 60 s)');
  });
});
