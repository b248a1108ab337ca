/**
 * Writing and editing a scenario (issue #16): thread, customer, principle, model answer. The page
 * validates on save (lib/training/schema.ts) and the form shows the problem next to the buttons.
 */
import type { ComponentChildren } from 'preact';
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
const text = (e: Event) => (e.currentTarget as HTMLInputElement).value;
const optional = (v: string) => (v.trim() ? v : undefined);

/** The customer's earlier tickets, facts and promises as the form edits them: one per line, cells split by "|". */
interface Lists {
  tickets: string;
  facts: string;
  promises: string;
}

const listsOf = (scenario: Scenario): Lists => ({
  tickets: scenario.history.map((t) => `${t.subject} | ${t.daysAgo} | ${t.solved ? 'solved' : 'open'}`).join('\n'),
  facts: scenario.facts.map((f) => `${f.text} | ${f.daysAgo}`).join('\n'),
  promises: scenario.promises.map((p) => `${p.text} | ${p.dueInMinutes}`).join('\n'),
});

/** The scenario the form describes, for `onSave` to validate: `s` as edited, its lists read back from `lists`. */
function scenarioOf(s: Scenario, original: Scenario, lists: Lists): Scenario {
  return {
    ...s,
    customer: Object.fromEntries(Object.entries(s.customer).filter(([, v]) => v !== undefined && v !== '')) as Scenario['customer'],
    // What the lines do not show (ticket number, mood, tags; "mention next time") is kept from the
    // ticket or fact of the same text, so editing a built-in never quietly loses a cue.
    history: splitLines(lists.tickets).map((line, i) => {
      const [subject = '', days = '0', state = 'solved'] = cells(line);
      const before = original.history.find((t) => t.subject === subject);
      return { ...before, ticketId: before?.ticketId ?? String(900 + i), subject, daysAgo: Number(days), solved: !/^open$/i.test(state) };
    }),
    facts: splitLines(lists.facts).map((line) => {
      const [t = '', days = '0'] = cells(line);
      return { text: t, daysAgo: Number(days), mentionNext: original.facts.find((f) => f.text === t)?.mentionNext ?? true };
    }),
    promises: splitLines(lists.promises).map((line) => {
      const [t = '', due = '0'] = cells(line);
      return { text: t, dueInMinutes: Number(due) };
    }),
    thread: s.thread.map((m) => ({ ...m, minutesAgo: Number(m.minutesAgo) })),
  };
}

type SetField = <K extends keyof Scenario>(key: K, value: Scenario[K]) => void;
type SetCustomer = (key: keyof Scenario['customer'], value: unknown) => void;

export function ScenarioEditor({ scenario, isNew, origin, onSave, onCancel, onDelete }: ScenarioEditorProps) {
  const [s, setS] = useState<Scenario>(scenario);
  const [lists, setLists] = useState(() => listsOf(scenario));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set: SetField = (key, value) => setS({ ...s, [key]: value });
  const setCustomer: SetCustomer = (key, value) => setS({ ...s, customer: { ...s.customer, [key]: value } });

  const save = async (e: Event) => {
    e.preventDefault();
    const candidate = scenarioOf(s, scenario, lists);
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
        <TeachingFields scenario={s} set={set} />
        <fieldset class="rd-card">
          <legend>The customer</legend>
          <CustomerFields customer={s.customer} setCustomer={setCustomer} />
          <ListFields lists={lists} onChange={(change) => setLists({ ...lists, ...change })} />
        </fieldset>
        <TicketFields scenario={s} set={set} />
      </div>
      {error && (
        <p class="rd-error" role="alert" data-testid="editor-error">
          {error}
        </p>
      )}
      <EditorActions busy={busy} origin={origin} onCancel={onCancel} onDelete={onDelete} />
    </form>
  );
}

/** A labelled control of the form. */
function Field({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <label class="tr-field">
      <span>{label}</span>
      {children}
    </label>
  );
}

/** What the scenario teaches: title, principle, why, what a strong reply does, the model answer. */
function TeachingFields({ scenario, set }: { scenario: Scenario; set: SetField }) {
  return (
    <fieldset class="rd-card">
      <legend>What it teaches</legend>
      <Field label="Title">
        <input type="text" value={scenario.title} onInput={(e) => set('title', text(e))} data-field="title" required />
      </Field>
      <Field label="Principle">
        <select value={scenario.principle} onChange={(e) => set('principle', text(e) as Scenario['principle'])} data-field="principle">
          {PRINCIPLE_IDS.map((p) => (
            <option key={p} value={p}>
              {PRINCIPLES[p]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Why it matters (a short paragraph)">
        <textarea rows={4} value={scenario.why} onInput={(e) => set('why', text(e))} data-field="why" />
      </Field>
      <Field label="What a strong reply does (one point per line)">
        <textarea rows={4} value={scenario.strongReply.join('\n')} onInput={(e) => set('strongReply', splitLines(text(e)))} data-field="strongReply" />
      </Field>
      <Field label="Model answer">
        <textarea rows={9} value={scenario.modelAnswer} onInput={(e) => set('modelAnswer', text(e))} data-field="modelAnswer" />
      </Field>
    </fieldset>
  );
}

/** Who the customer is: name, email, what they go by, time zone, organization, tenure, VIP. */
function CustomerFields({ customer, setCustomer }: { customer: Scenario['customer']; setCustomer: SetCustomer }) {
  return (
    <>
      <div class="tr-pair">
        <Field label="Name">
          <input type="text" value={customer.name} onInput={(e) => setCustomer('name', text(e))} data-field="customer.name" />
        </Field>
        <Field label="Email">
          <input type="text" value={customer.email} onInput={(e) => setCustomer('email', text(e))} data-field="customer.email" />
        </Field>
      </div>
      <div class="tr-pair">
        <Field label="Goes by">
          <input type="text" value={customer.preferredName ?? ''} onInput={(e) => setCustomer('preferredName', optional(text(e)))} />
        </Field>
        <Field label="Time zone">
          <input type="text" value={customer.timeZone ?? ''} placeholder="Europe/Oslo" onInput={(e) => setCustomer('timeZone', optional(text(e)))} />
        </Field>
      </div>
      <div class="tr-pair">
        <Field label="Organization">
          <input type="text" value={customer.organization ?? ''} onInput={(e) => setCustomer('organization', optional(text(e)))} />
        </Field>
        <Field label="Customer for (days)">
          <input type="number" min={0} value={customer.customerForDays} onInput={(e) => setCustomer('customerForDays', Number(text(e)))} />
        </Field>
      </div>
      <label class="rd-check">
        <input type="checkbox" checked={Boolean(customer.vip)} onChange={(e) => setCustomer('vip', e.currentTarget.checked || undefined)} /> VIP
      </label>
    </>
  );
}

/** The customer's earlier tickets, what they shared and our open promises, one per line. */
function ListFields({ lists, onChange }: { lists: Lists; onChange(change: Partial<Lists>): void }) {
  return (
    <>
      <Field label="Earlier tickets: “subject | days ago | solved or open”, one per line">
        <textarea rows={3} value={lists.tickets} onInput={(e) => onChange({ tickets: text(e) })} />
      </Field>
      <Field label="Things they shared: “what | days ago”, one per line">
        <textarea rows={2} value={lists.facts} onInput={(e) => onChange({ facts: text(e) })} />
      </Field>
      <Field label="Open promises: “what we promised | due in minutes (negative: overdue)”">
        <textarea rows={2} value={lists.promises} onInput={(e) => onChange({ promises: text(e) })} />
      </Field>
    </>
  );
}

/** The ticket: subject, channel, and the thread's messages (added, edited, removed). */
function TicketFields({ scenario, set }: { scenario: Scenario; set: SetField }) {
  const setMessage = (i: number, change: Partial<ScenarioMessage>) => set('thread', scenario.thread.map((m, j) => (j === i ? { ...m, ...change } : m)));
  return (
    <fieldset class="rd-card tr-wide">
      <legend>The ticket</legend>
      <div class="tr-pair">
        <Field label="Subject">
          <input type="text" value={scenario.subject} onInput={(e) => set('subject', text(e))} data-field="subject" />
        </Field>
        <Field label="Channel">
          <select value={scenario.channel} onChange={(e) => set('channel', text(e) as Scenario['channel'])}>
            <option value="email">Email</option>
            <option value="chat">Chat</option>
          </select>
        </Field>
      </div>
      {scenario.thread.map((m, i) => (
        <MessageFields key={i} message={m} index={i} onChange={(change) => setMessage(i, change)} onRemove={() => set('thread', scenario.thread.filter((_, j) => j !== i))} />
      ))}
      <button type="button" class="rd-button" onClick={() => set('thread', [...scenario.thread, { from: 'customer', text: '', minutesAgo: 5 }])}>
        Add a message
      </button>
    </fieldset>
  );
}

/** One message of the thread: who wrote it, how long ago, its text. */
function MessageFields({ message, index, onChange, onRemove }: { message: ScenarioMessage; index: number; onChange(change: Partial<ScenarioMessage>): void; onRemove(): void }) {
  return (
    <div class="tr-msg-edit" data-testid="thread-edit">
      <select value={message.from} onChange={(e) => onChange({ from: text(e) as ScenarioMessage['from'] })} aria-label={`Message ${index + 1}: from`}>
        <option value="customer">Customer</option>
        <option value="agent">Agent</option>
      </select>
      <label class="tr-inline">
        <input type="number" min={0} value={message.minutesAgo} onInput={(e) => onChange({ minutesAgo: Number(text(e)) })} aria-label={`Message ${index + 1}: minutes ago`} /> min ago
      </label>
      <textarea rows={3} value={message.text} onInput={(e) => onChange({ text: text(e) })} aria-label={`Message ${index + 1}: text`} data-field={`thread.${index}`} />
      <button type="button" class="rd-button rd-button-quiet" onClick={onRemove}>
        Remove
      </button>
    </div>
  );
}

/** Save, cancel, and delete (a scenario written here) or restore (an edited built-in). */
function EditorActions({ busy, origin, onCancel, onDelete }: Pick<ScenarioEditorProps, 'origin' | 'onCancel' | 'onDelete'> & { busy: boolean }) {
  return (
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
  );
}
