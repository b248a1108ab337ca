/**
 * Writing and editing a scenario (issue #16): thread, customer, principle, model answer. The page
 * validates on save (lib/training/schema.ts) and the form shows the problem next to the buttons.
 */
import { useState } from 'preact/hooks';
import { PRINCIPLES, PRINCIPLE_IDS, type Scenario, type ScenarioMessage } from '../../lib/training/types';

export interface ScenarioEditorProps {
  scenario: Scenario;
  isNew: boolean;
  /** 'edited' built-ins can be restored, 'authored' ones deleted. */
  origin?: 'built-in' | 'edited' | 'authored';
  /** Resolves with the problem in plain words, or undefined once saved. */
  onSave(scenario: Scenario): Promise<string | undefined>;
  onCancel(): void;
  onDelete(): void;
}

const splitLines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
const cells = (line: string) => line.split('|').map((c) => c.trim());

export function ScenarioEditor({ scenario, isNew, origin, onSave, onCancel, onDelete }: ScenarioEditorProps) {
  const [s, setS] = useState<Scenario>(scenario);
  const [tickets, setTickets] = useState(scenario.history.map((t) => `${t.subject} | ${t.daysAgo} | ${t.solved ? 'solved' : 'open'}`).join('\n'));
  const [facts, setFacts] = useState(scenario.facts.map((f) => `${f.text} | ${f.daysAgo}`).join('\n'));
  const [promises, setPromises] = useState(scenario.promises.map((p) => `${p.text} | ${p.dueInMinutes}`).join('\n'));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Scenario>(key: K, value: Scenario[K]) => setS({ ...s, [key]: value });
  const setCustomer = (key: keyof Scenario['customer'], value: unknown) => setS({ ...s, customer: { ...s.customer, [key]: value } });
  const setMessage = (i: number, change: Partial<ScenarioMessage>) => set('thread', s.thread.map((m, j) => (j === i ? { ...m, ...change } : m)));
  const text = (e: Event) => (e.currentTarget as HTMLInputElement).value;
  const optional = (v: string) => (v.trim() ? v : undefined);

  const save = async (e: Event) => {
    e.preventDefault();
    const candidate: Scenario = {
      ...s,
      customer: Object.fromEntries(Object.entries(s.customer).filter(([, v]) => v !== undefined && v !== '')) as Scenario['customer'],
      // What the lines do not show (ticket number, mood, tags; "mention next time") is kept from the
      // ticket or fact of the same text, so editing a built-in never quietly loses a cue.
      history: splitLines(tickets).map((line, i) => {
        const [subject = '', days = '0', state = 'solved'] = cells(line);
        const before = scenario.history.find((t) => t.subject === subject);
        return { ...before, ticketId: before?.ticketId ?? String(900 + i), subject, daysAgo: Number(days), solved: !/^open$/i.test(state) };
      }),
      facts: splitLines(facts).map((line) => {
        const [t = '', days = '0'] = cells(line);
        return { text: t, daysAgo: Number(days), mentionNext: scenario.facts.find((f) => f.text === t)?.mentionNext ?? true };
      }),
      promises: splitLines(promises).map((line) => {
        const [t = '', due = '0'] = cells(line);
        return { text: t, dueInMinutes: Number(due) };
      }),
      thread: s.thread.map((m) => ({ ...m, minutesAgo: Number(m.minutesAgo) })),
    };
    setBusy(true);
    const problem = await onSave(candidate);
    setBusy(false);
    setError(problem);
  };

  return (
    <form class="rd-view tr-editor" onSubmit={(e) => void save(e)} data-testid="scenario-editor">
      <div class="tr-page-head">
        <h1>{isNew ? 'New scenario' : 'Edit scenario'}</h1>
      </div>
      <div class="tr-form-grid">
        <fieldset class="rd-card">
          <legend>What it teaches</legend>
          <label class="tr-field">
            <span>Title</span>
            <input type="text" value={s.title} onInput={(e) => set('title', text(e))} data-field="title" required />
          </label>
          <label class="tr-field">
            <span>Principle</span>
            <select value={s.principle} onChange={(e) => set('principle', text(e) as Scenario['principle'])} data-field="principle">
              {PRINCIPLE_IDS.map((p) => (
                <option key={p} value={p}>
                  {PRINCIPLES[p]}
                </option>
              ))}
            </select>
          </label>
          <label class="tr-field">
            <span>Why it matters (a short paragraph)</span>
            <textarea rows={4} value={s.why} onInput={(e) => set('why', text(e))} data-field="why" />
          </label>
          <label class="tr-field">
            <span>What a strong reply does (one point per line)</span>
            <textarea rows={4} value={s.strongReply.join('\n')} onInput={(e) => set('strongReply', splitLines(text(e)))} data-field="strongReply" />
          </label>
          <label class="tr-field">
            <span>Model answer</span>
            <textarea rows={9} value={s.modelAnswer} onInput={(e) => set('modelAnswer', text(e))} data-field="modelAnswer" />
          </label>
        </fieldset>
        <fieldset class="rd-card">
          <legend>The customer</legend>
          <div class="tr-pair">
            <label class="tr-field">
              <span>Name</span>
              <input type="text" value={s.customer.name} onInput={(e) => setCustomer('name', text(e))} data-field="customer.name" />
            </label>
            <label class="tr-field">
              <span>Email</span>
              <input type="text" value={s.customer.email} onInput={(e) => setCustomer('email', text(e))} data-field="customer.email" />
            </label>
          </div>
          <div class="tr-pair">
            <label class="tr-field">
              <span>Goes by</span>
              <input type="text" value={s.customer.preferredName ?? ''} onInput={(e) => setCustomer('preferredName', optional(text(e)))} />
            </label>
            <label class="tr-field">
              <span>Time zone</span>
              <input type="text" value={s.customer.timeZone ?? ''} placeholder="Europe/Oslo" onInput={(e) => setCustomer('timeZone', optional(text(e)))} />
            </label>
          </div>
          <div class="tr-pair">
            <label class="tr-field">
              <span>Organization</span>
              <input type="text" value={s.customer.organization ?? ''} onInput={(e) => setCustomer('organization', optional(text(e)))} />
            </label>
            <label class="tr-field">
              <span>Customer for (days)</span>
              <input type="number" min={0} value={s.customer.customerForDays} onInput={(e) => setCustomer('customerForDays', Number(text(e)))} />
            </label>
          </div>
          <label class="rd-check">
            <input type="checkbox" checked={Boolean(s.customer.vip)} onChange={(e) => setCustomer('vip', e.currentTarget.checked || undefined)} /> VIP
          </label>
          <label class="tr-field">
            <span>Earlier tickets: “subject | days ago | solved or open”, one per line</span>
            <textarea rows={3} value={tickets} onInput={(e) => setTickets(text(e))} />
          </label>
          <label class="tr-field">
            <span>Things they shared: “what | days ago”, one per line</span>
            <textarea rows={2} value={facts} onInput={(e) => setFacts(text(e))} />
          </label>
          <label class="tr-field">
            <span>Open promises: “what we promised | due in minutes (negative: overdue)”</span>
            <textarea rows={2} value={promises} onInput={(e) => setPromises(text(e))} />
          </label>
        </fieldset>
        <fieldset class="rd-card tr-wide">
          <legend>The ticket</legend>
          <div class="tr-pair">
            <label class="tr-field">
              <span>Subject</span>
              <input type="text" value={s.subject} onInput={(e) => set('subject', text(e))} data-field="subject" />
            </label>
            <label class="tr-field">
              <span>Channel</span>
              <select value={s.channel} onChange={(e) => set('channel', text(e) as Scenario['channel'])}>
                <option value="email">Email</option>
                <option value="chat">Chat</option>
              </select>
            </label>
          </div>
          {s.thread.map((m, i) => (
            <div key={i} class="tr-msg-edit" data-testid="thread-edit">
              <select value={m.from} onChange={(e) => setMessage(i, { from: text(e) as ScenarioMessage['from'] })} aria-label={`Message ${i + 1}: from`}>
                <option value="customer">Customer</option>
                <option value="agent">Agent</option>
              </select>
              <label class="tr-inline">
                <input type="number" min={0} value={m.minutesAgo} onInput={(e) => setMessage(i, { minutesAgo: Number(text(e)) })} aria-label={`Message ${i + 1}: minutes ago`} /> min ago
              </label>
              <textarea rows={3} value={m.text} onInput={(e) => setMessage(i, { text: text(e) })} aria-label={`Message ${i + 1}: text`} data-field={`thread.${i}`} />
              <button type="button" class="rd-button rd-button-quiet" onClick={() => set('thread', s.thread.filter((_, j) => j !== i))}>
                Remove
              </button>
            </div>
          ))}
          <button type="button" class="rd-button" onClick={() => set('thread', [...s.thread, { from: 'customer', text: '', minutesAgo: 5 }])}>
            Add a message
          </button>
        </fieldset>
      </div>
      {error && (
        <p class="rd-error" role="alert" data-testid="editor-error">
          {error}
        </p>
      )}
      <div class="tr-head-actions tr-form-actions">
        <button type="submit" class="rd-button rd-primary" disabled={busy} data-testid="scenario-save">
          Save scenario
        </button>
        <button type="button" class="rd-button" onClick={onCancel}>
          Cancel
        </button>
        {origin === 'authored' && (
          <button type="button" class="rd-button rd-danger-button" onClick={onDelete}>
            Delete scenario
          </button>
        )}
        {origin === 'edited' && (
          <button type="button" class="rd-button rd-button-quiet" onClick={onDelete}>
            Restore the original
          </button>
        )}
      </div>
    </form>
  );
}
