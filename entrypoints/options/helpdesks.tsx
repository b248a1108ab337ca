/**
 * Options page: "Helpdesks" (issue #13). The agent adds a helpdesk by URL pattern (any scheme and
 * host) and says which built-in adapter it is, or builds a custom one from selectors. Saving asks
 * the browser for that host at that moment and registers the content script for the pattern;
 * removing takes both back. The list is validated on every write (lib/helpdesks/configured-schema.ts)
 * and can be shared as a file. Test hooks: helpdesk-add, helpdesk-pattern, helpdesk-kind,
 * sel-<field>, helpdesk-save, and one `helpdesk` row per configured helpdesk. "Test on open tab" (on a
 * saved row, or `helpdesk-form-test` for the settings as typed) counts each selector on the tab
 * (`helpdesk-test-result`) and previews the sidebar's read of it (`helpdesk-preview`).
 */
import { useEffect, useState } from 'preact/hooks';
import { plural } from '@/components/format';
import { browser } from 'wxt/browser';
import { PREF } from '@/lib/prefs';
import { adapters } from '@/lib/helpdesks';
import { CUSTOM_FIELDS, URL_ID_PREFIX, originPattern, type ConfiguredHelpdesk, type CustomField, type CustomSelectors, type HelpdeskKind } from '@/lib/helpdesks/configured';
import { helpdesksFile, parseHelpdesk, parseHelpdeskList, parseHelpdesksFile } from '@/lib/helpdesks/configured-schema';
import { loadHelpdesks, syncContentScripts } from '@/lib/background/configured-helpdesks';
import { diagnosticsText } from '@/lib/helpdesks/diagnostics';
import { SidebarPreview } from '@/components/options/SidebarPreview';
import { testInPage, type TabTest } from './selector-test';

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

/** The selectors to test for a configured helpdesk: the custom ones, or the built-in adapter's own. */
function selectorsOf(h: ConfiguredHelpdesk): Record<string, string> {
  if (h.kind !== 'custom') return { ...(adapters.find((a) => a.id === h.kind)?.selectors ?? {}) };
  return Object.fromEntries(Object.entries(h.selectors ?? {}).filter(([f, s]) => s && !(f === 'ticket-id' && s.startsWith(URL_ID_PREFIX))));
}

async function store(list: ConfiguredHelpdesk[]): Promise<string[]> {
  await browser.storage.local.set({ [PREF.helpdesks]: list });
  return syncContentScripts(list);
}

export function Helpdesks() {
  const [list, setList] = useState<ConfiguredHelpdesk[] | undefined>();
  const [running, setRunning] = useState<string[]>([]);
  const [adding, setAdding] = useState(false);
  const [pattern, setPattern] = useState('');
  const [kind, setKind] = useState<HelpdeskKind>('custom');
  const [selectors, setSelectors] = useState<CustomSelectors>({});
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [tests, setTests] = useState<Record<string, TabTest | string>>({});
  /** The form's last test, with the settings it was run with (to say when they changed since). */
  const [formTest, setFormTest] = useState<{ tested: string; result: TabTest | string } | undefined>();
  /** Origins the browser had granted when the page opened or was refreshed. */
  const [held, setHeld] = useState<string[]>([]);
  /** An origin granted only to test the form's settings: taken back if the form is cancelled. */
  const [testGrant, setTestGrant] = useState<string | undefined>();

  const refresh = async () => {
    const loaded = await loadHelpdesks();
    setList(loaded);
    setRunning(await syncContentScripts(loaded).catch(() => []));
    setHeld((await browser.permissions.getAll().catch(() => ({ origins: [] }))).origins ?? []);
  };
  useEffect(() => void refresh(), []);
  if (!list) return <section class="muted">Loading helpdesks…</section>;

  const say = (message: string | undefined, problem?: string) => {
    setDone(message);
    setError(problem);
  };

  /** The helpdesk as the form has it now, validated like a saved one. */
  const typed = (id: string) => parseHelpdesk({ id, pattern: pattern.trim(), kind, ...(kind === 'custom' ? { selectors: clean(selectors) } : {}) });
  const typedKey = JSON.stringify([pattern.trim(), kind, kind === 'custom' ? clean(selectors) : {}]);

  // Everything before permissions.request stays synchronous: the browser wants the click's gesture.
  const save = () => {
    const parsed = typed(`h${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`);
    if (!parsed.ok) return say(undefined, parsed.error);
    const next = parseHelpdeskList([...list, parsed.value]);
    if (!next.ok) return say(undefined, next.error);
    const origin = originPattern(parsed.value.pattern)!;
    void browser.permissions.request({ origins: [origin] }).then(async (granted) => {
      if (!granted) return say(undefined, `Rapport needs your permission to read pages on ${origin}. Nothing was added.`);
      const now = await store(next.value);
      setList(next.value);
      setRunning(now);
      setAdding(false);
      setPattern('');
      setSelectors({});
      setFormTest(undefined);
      setTestGrant(undefined);
      say(`Added ${parsed.value.pattern}. Reload its tabs to see Rapport there.`);
    }, (e: unknown) => say(undefined, `The browser refused: ${String((e as Error)?.message ?? e)}`));
  };

  /** Tests the settings as typed, before saving: the browser is asked for the host first. */
  const testTyped = () => {
    const parsed = typed('typed');
    if (!parsed.ok) return say(undefined, parsed.error);
    say(undefined);
    const origin = originPattern(parsed.value.pattern)!;
    const tested = typedKey;
    void browser.permissions.request({ origins: [origin] }).then(async (granted) => {
      if (!granted) return setFormTest({ tested, result: `Rapport needs your permission to read pages on ${origin} to test there.` });
      if (!held.includes(origin)) setTestGrant(origin);
      setFormTest({ tested, result: await testInPage(parsed.value, selectorsOf(parsed.value)) });
    }, (e: unknown) => say(undefined, `The browser refused: ${String((e as Error)?.message ?? e)}`));
  };

  const cancel = () => {
    setAdding(false);
    setFormTest(undefined);
    setTestGrant(undefined);
    if (testGrant && !list.some((h) => originPattern(h.pattern) === testGrant)) void browser.permissions.remove({ origins: [testGrant] }).catch(() => false);
  };

  const grant = (h: ConfiguredHelpdesk) => {
    void browser.permissions.request({ origins: [originPattern(h.pattern)!] }).then(async (granted) => {
      if (granted) setRunning(await syncContentScripts(list));
    });
  };

  const remove = async (h: ConfiguredHelpdesk) => {
    const next = list.filter((x) => x.id !== h.id);
    setRunning(await store(next));
    setList(next);
    const origin = originPattern(h.pattern)!;
    if (!next.some((x) => originPattern(x.pattern) === origin)) await browser.permissions.remove({ origins: [origin] }).catch(() => false);
    say(`Removed ${h.pattern}; Rapport no longer runs there.`);
  };

  const test = async (h: ConfiguredHelpdesk) => {
    const result = await testInPage(h, selectorsOf(h));
    setTests({ ...tests, [h.id]: result });
    return result;
  };

  const copyDiagnostics = async (h: ConfiguredHelpdesk) => {
    const result = await test(h);
    const report =
      typeof result === 'string'
        ? `Rapport adapter diagnostics\nadapter: ${h.kind}\nURL pattern: ${h.pattern}\n${result}`
        : diagnosticsText({
            adapter: h.kind,
            urlPattern: h.pattern,
            page: result.selectors.page,
            missing: typeof result.preview === 'string' ? [] : result.preview.missing,
            selectors: result.selectors.selectors.map(({ name, selector, matches }) => ({ name, selector, matches })),
          });
    await navigator.clipboard.writeText(report).then(() => say('Diagnostics copied (selectors and match counts only).'), () => say(undefined, 'Could not copy to the clipboard.'));
  };

  const exportFile = () => {
    const url = URL.createObjectURL(new Blob([helpdesksFile(list)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'rapport-helpdesks.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const parsed = parseHelpdesksFile(await file.text());
    if (!parsed.ok) return say(undefined, `${file.name}: ${parsed.error} Nothing was imported.`);
    const known = new Set(list.map((h) => h.pattern));
    const next = parseHelpdeskList([...list, ...parsed.value.filter((h) => !known.has(h.pattern))]);
    if (!next.ok) return say(undefined, `${file.name}: ${next.error} Nothing was imported.`);
    setRunning(await store(next.value));
    setList(next.value);
    say(`Imported ${plural(next.value.length - list.length, 'helpdesk')} from ${file.name}. Grant each one access to run there.`);
  };

  return (
    <section aria-labelledby="helpdesks-title" data-testid="helpdesks">
      <h2 id="helpdesks-title">Helpdesks</h2>
      <p class="muted">
        Zendesk (*.zendesk.com) and Freshdesk (*.freshdesk.com) work out of the box. Add any other address — FreeScout on your own server, a custom domain, or any
        helpdesk described by selectors. Rapport asks your browser for that site when you save.
      </p>
      {error && (
        <p class="error" role="alert" data-testid="helpdesk-error">
          {error}
        </p>
      )}
      {done && (
        <p class="ok" role="status">
          {done}
        </p>
      )}
      {list.length > 0 && (
        <table>
          <tbody>
            {list.flatMap((h) => {
              const result = tests[h.id];
              const row = (
                <tr key={h.id} data-testid="helpdesk" data-kind={h.kind}>
                  <td>
                    <code>{h.pattern}</code>
                    <div class="muted">
                      {kindLabel(h.kind)} · {running.includes(h.id) ? 'Rapport runs here' : 'no access yet'}
                    </div>
                  </td>
                  <td class="row">
                    {!running.includes(h.id) && (
                      <button type="button" class="link" onClick={() => grant(h)}>
                        Grant access
                      </button>
                    )}
                    <button type="button" class="link" data-testid="helpdesk-test" onClick={() => void test(h)}>
                      Test on open tab
                    </button>
                    <button type="button" class="link" data-testid="helpdesk-diagnostics" onClick={() => void copyDiagnostics(h)}>
                      Copy diagnostics
                    </button>
                    <button type="button" class="link" data-testid="helpdesk-remove" onClick={() => void remove(h)}>
                      Remove
                    </button>
                  </td>
                </tr>
              );
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
      )}
      {adding ? (
        <div class="helpdesk-form">
          <label class="block">
            URL pattern
            <input data-testid="helpdesk-pattern" value={pattern} placeholder="https://support.example.com/*" onInput={(e) => setPattern(e.currentTarget.value)} />
          </label>
          <label class="block">
            Which helpdesk
            <select data-testid="helpdesk-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as HelpdeskKind)}>
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
                <input data-testid={`sel-${field}`} value={selectors[field] ?? ''} onInput={(e) => setSelectors({ ...selectors, [field]: e.currentTarget.value })} />
              </label>
            ))}
          <div class="row">
            <button type="button" class="primary" data-testid="helpdesk-save" onClick={save}>
              Save and allow
            </button>
            <button type="button" data-testid="helpdesk-form-test" onClick={testTyped} title="Open a ticket of this helpdesk in a tab first">
              Test on open tab
            </button>
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          </div>
          {formTest && (
            <div class="form-test">
              {formTest.tested !== typedKey && (
                <p class="muted" role="status">
                  Settings changed since this test: test again to see them.
                </p>
              )}
              <TestResult result={formTest.result} />
            </div>
          )}
        </div>
      ) : (
        <div class="row">
          <button type="button" data-testid="helpdesk-add" onClick={() => (setAdding(true), say(undefined))}>
            Add a helpdesk
          </button>
          <button type="button" data-testid="helpdesks-export" onClick={exportFile} disabled={!list.length}>
            Export helpdesks
          </button>
          <label class="row">
            Import a file: <input type="file" data-testid="helpdesks-import" accept="application/json,.json" onChange={(e) => void importFile(e.currentTarget.files?.[0])} />
          </label>
        </div>
      )}
    </section>
  );
}

/** The selector counts, and beside them the sidebar as it would read the tab. */
function TestResult({ result }: { result: TabTest | string }) {
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

const clean = (s: CustomSelectors): CustomSelectors => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v?.trim()]).filter(([, v]) => v)) as CustomSelectors;
