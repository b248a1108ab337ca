/**
 * The options page's "Helpdesks" (issue #13): the configured helpdesks, each with its access and
 * "Test on open tab", the form adding one (a built-in adapter or a custom one from selectors), and
 * the list as a file. Test hooks: helpdesk-add, helpdesk-pattern, helpdesk-kind, sel-<field>,
 * helpdesk-save, helpdesk-form-test, one `helpdesk` row per configured helpdesk, and the test's
 * `helpdesk-test-result` and `helpdesk-preview`. Props in, events out (entrypoints/options/helpdesks.tsx).
 */
import type { ComponentChildren } from 'preact';
import { adapters } from '@/lib/helpdesks';
import { CUSTOM_FIELDS, URL_ID_PREFIX, type ConfiguredHelpdesk, type CustomField, type CustomSelectors, type HelpdeskKind } from '@/lib/helpdesks/configured';
import type { TicketPreview } from '@/lib/helpdesks/preview';
import { SidebarPreview } from './SidebarPreview';
import { Outcome } from './Outcome';

const KINDS: { id: HelpdeskKind; label: string }[] = [...adapters.map((a) => ({ id: a.id as HelpdeskKind, label: a.label })), { id: 'custom', label: 'Custom (selectors)' }];
const kindLabel = (kind: HelpdeskKind) => KINDS.find((k) => k.id === kind)?.label ?? kind;

const FIELD_HELP: Record<CustomField, string> = {
  'ticket-id': `Ticket id: ${URL_ID_PREFIX}REGEX with one group on the URL path (e.g. ${URL_ID_PREFIX}/tickets/(\\d+)), or a CSS selector whose text is the id`,
  subject: 'Subject (optional)',
  'requester-name': "Requester's name",
  'requester-email': "Requester's email (optional; text, value or mailto link)",
  message: 'Each message of the conversation',
  'message-body': "A message's text, inside the message (optional)",
  'customer-message': 'Messages written by the customer (matches the message or something in it)',
  composer: 'Reply box (contenteditable or textarea; optional)',
  send: 'Send button (optional)',
};

/**
 * What "Test on open tab" found (entrypoints/options/selector-test.ts): each selector's count and
 * first match on the tab, and the sidebar's read of it; or, as a sentence, why it could not test.
 */
export type TestOutcome =
  | string
  | {
      selectors: { page: string; selectors: { name: string; matches: number; preview?: string }[] };
      preview: TicketPreview | string;
    };

/** The section, with what the last action said: done, or the problem. */
export function HelpdesksSection({ error, done, children }: { error?: string; done?: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby="helpdesks-title" data-testid="helpdesks">
      <h2 id="helpdesks-title">Helpdesks</h2>
      <p class="muted">
        Zendesk (*.zendesk.com) and Freshdesk (*.freshdesk.com) work out of the box. Add any other address — FreeScout on your own server, a custom domain, or any
        helpdesk described by selectors. Rapport asks your browser for that site when you save.
      </p>
      <Outcome error={error} done={done} errorTestId="helpdesk-error" />
      {children}
    </section>
  );
}

interface HelpdeskTableProps {
  list: ConfiguredHelpdesk[];
  /** Ids of the helpdesks Rapport runs on (their host is granted). */
  running: string[];
  /** The last test of each helpdesk, by id. */
  tests: Record<string, TestOutcome>;
  onGrant(h: ConfiguredHelpdesk): void;
  onTest(h: ConfiguredHelpdesk): void;
  onDiagnostics(h: ConfiguredHelpdesk): void;
  onRemove(h: ConfiguredHelpdesk): void;
}

/** A row per configured helpdesk, and under it, once tested, the test's result. */
export function HelpdeskTable({ list, running, tests, ...actions }: HelpdeskTableProps) {
  return (
    <table>
      <tbody>
        {list.flatMap((h) => {
          const result = tests[h.id];
          const row = <HelpdeskRow key={h.id} helpdesk={h} runs={running.includes(h.id)} {...actions} />;
          // The test's result takes the table's full width: counts and the sidebar side by side.
          return result
            ? [
                row,
                <tr key={`${h.id}-test`} class="tester-row">
                  <td colSpan={2}>
                    <TestResult result={result} />
                  </td>
                </tr>,
              ]
            : [row];
        })}
      </tbody>
    </table>
  );
}

type HelpdeskRowProps = Omit<HelpdeskTableProps, 'list' | 'running' | 'tests'> & { helpdesk: ConfiguredHelpdesk; runs: boolean };

function HelpdeskRow({ helpdesk, runs, onGrant, onTest, onDiagnostics, onRemove }: HelpdeskRowProps) {
  return (
    <tr data-testid="helpdesk" data-kind={helpdesk.kind}>
      <td>
        <code>{helpdesk.pattern}</code>
        <div class="muted">
          {kindLabel(helpdesk.kind)} · {runs ? 'Rapport runs here' : 'no access yet'}
        </div>
      </td>
      <td class="row">
        {!runs && (
          <button type="button" class="link" onClick={() => onGrant(helpdesk)}>
            Grant access
          </button>
        )}
        <button type="button" class="link" data-testid="helpdesk-test" onClick={() => onTest(helpdesk)}>
          Test on open tab
        </button>
        <button type="button" class="link" data-testid="helpdesk-diagnostics" onClick={() => onDiagnostics(helpdesk)}>
          Copy diagnostics
        </button>
        <button type="button" class="link" data-testid="helpdesk-remove" onClick={() => onRemove(helpdesk)}>
          Remove
        </button>
      </td>
    </tr>
  );
}

export interface HelpdeskFormProps {
  pattern: string;
  kind: HelpdeskKind;
  selectors: CustomSelectors;
  /** The form's last test, and whether the settings changed since it ran. */
  test?: { result: TestOutcome; stale: boolean };
  onPattern(pattern: string): void;
  onKind(kind: HelpdeskKind): void;
  onSelectors(selectors: CustomSelectors): void;
  onSave(): void;
  onTest(): void;
  onCancel(): void;
}

/** Adding a helpdesk: its URL pattern, which adapter (or selectors), test as typed, save. */
export function HelpdeskForm({ pattern, kind, selectors, test, onPattern, onKind, onSelectors, onSave, onTest, onCancel }: HelpdeskFormProps) {
  return (
    <div class="helpdesk-form">
      <label class="block">
        URL pattern
        <input data-testid="helpdesk-pattern" value={pattern} placeholder="https://support.example.com/*" onInput={(e) => onPattern(e.currentTarget.value)} />
      </label>
      <label class="block">
        Which helpdesk
        <select data-testid="helpdesk-kind" value={kind} onChange={(e) => onKind(e.currentTarget.value as HelpdeskKind)}>
          {KINDS.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      {kind === 'custom' &&
        CUSTOM_FIELDS.map((field) => (
          <label class="block" key={field}>
            {FIELD_HELP[field]}
            <input data-testid={`sel-${field}`} value={selectors[field] ?? ''} onInput={(e) => onSelectors({ ...selectors, [field]: e.currentTarget.value })} />
          </label>
        ))}
      <div class="row">
        <button type="button" class="primary" data-testid="helpdesk-save" onClick={onSave}>
          Save and allow
        </button>
        <button type="button" data-testid="helpdesk-form-test" onClick={onTest} title="Open a ticket of this helpdesk in a tab first">
          Test on open tab
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {test && (
        <div class="form-test">
          {test.stale && (
            <p class="muted" role="status">
              Settings changed since this test: test again to see them.
            </p>
          )}
          <TestResult result={test.result} />
        </div>
      )}
    </div>
  );
}

interface ListActionsProps {
  empty: boolean;
  onAdd(): void;
  onExport(): void;
  onImport(file: File | undefined): void;
}

/** Add a helpdesk; the list as a file, exported or imported. */
export function HelpdeskListActions({ empty, onAdd, onExport, onImport }: ListActionsProps) {
  return (
    <div class="row">
      <button type="button" data-testid="helpdesk-add" onClick={onAdd}>
        Add a helpdesk
      </button>
      <button type="button" data-testid="helpdesks-export" onClick={onExport} disabled={empty}>
        Export helpdesks
      </button>
      <label class="row">
        Import a file: <input type="file" data-testid="helpdesks-import" accept="application/json,.json" onChange={(e) => onImport(e.currentTarget.files?.[0])} />
      </label>
    </div>
  );
}

/** The selector counts, and beside them the sidebar as it would read the tab. */
function TestResult({ result }: { result: TestOutcome }) {
  if (typeof result === 'string') return <p class="muted" data-testid="helpdesk-test-result">{result}</p>;
  const { selectors, preview } = result;
  return (
    <div class="tester">
      <div>
        <p class="muted tester-page">
          Tested on <code>{selectors.page}</code>
        </p>
        <table class="selector-test" data-testid="helpdesk-test-result">
          <thead>
            <tr>
              <th>Setting</th>
              <th>Matches</th>
              <th>First match</th>
            </tr>
          </thead>
          <tbody>
            {selectors.selectors.map((s) => (
              <tr key={s.name} data-field={s.name}>
                <td>{s.name}</td>
                <td data-testid="match-count" class={s.matches ? '' : 'error'}>
                  {s.matches}
                </td>
                <td class="muted preview">{s.preview ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {typeof preview === 'string' ? (
        <p class="muted" data-testid="helpdesk-preview">
          {preview}
        </p>
      ) : (
        <SidebarPreview preview={preview} />
      )}
    </div>
  );
}
