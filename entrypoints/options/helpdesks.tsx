/**
 * Options page: "Helpdesks" (issue #13). The agent adds a helpdesk by URL pattern (any scheme and
 * host) and says which built-in adapter it is, or builds a custom one from selectors. Saving asks
 * the browser for that host at that moment and registers the content script for the pattern;
 * removing takes both back. The list is validated on every write (lib/helpdesks/configured-schema.ts)
 * and can be shared as a file. "Test on open tab" (on a saved row, or for the settings as typed)
 * counts each selector on the tab and previews the sidebar's read of it. This file wires the
 * browser (storage, permissions, the tab tester) to the views in components/options/HelpdesksSection.tsx.
 */
import { download } from '@/lib/download';
import { useEffect, useState } from 'preact/hooks';
import { plural } from '@/components/format';
import { browser } from 'wxt/browser';
import { PREF } from '@/lib/prefs';
import { adapters } from '@/lib/helpdesks';
import { URL_ID_PREFIX, originPattern, type ConfiguredHelpdesk, type CustomSelectors, type HelpdeskKind } from '@/lib/helpdesks/configured';
import { helpdesksFile, parseHelpdesk, parseHelpdeskList, parseHelpdesksFile } from '@/lib/helpdesks/configured-schema';
import { loadHelpdesks, syncContentScripts } from '@/lib/background/configured-helpdesks';
import { diagnosticsText } from '@/lib/helpdesks/diagnostics';
import { HelpdeskForm, HelpdeskListActions, HelpdesksSection, HelpdeskTable } from '@/components/options/HelpdesksSection';
import { testInPage, type TabTest } from './selector-test';

/** What the section says after an action: what was done, or the problem. */
type Say = (message: string | undefined, problem?: string) => void;

/** The selectors to test for a configured helpdesk: the custom ones, or the built-in adapter's own. */
function selectorsOf(h: ConfiguredHelpdesk): Record<string, string> {
  if (h.kind !== 'custom') return { ...(adapters.find((a) => a.id === h.kind)?.selectors ?? {}) };
  return Object.fromEntries(Object.entries(h.selectors ?? {}).filter(([f, s]) => s && !(f === 'ticket-id' && s.startsWith(URL_ID_PREFIX))));
}

async function store(list: ConfiguredHelpdesk[]): Promise<string[]> {
  await browser.storage.local.set({ [PREF.helpdesks]: list });
  return syncContentScripts(list);
}

const refused = (say: Say) => (e: unknown) => say(undefined, `The browser refused: ${String((e as Error)?.message ?? e)}`);

/** The diagnostics a helpdesk's test gives to copy: selectors and match counts only, no page text. */
function diagnosticsOf(h: ConfiguredHelpdesk, result: TabTest | string): string {
  if (typeof result === 'string') return `Rapport adapter diagnostics\nadapter: ${h.kind}\nURL pattern: ${h.pattern}\n${result}`;
  return diagnosticsText({
    adapter: h.kind,
    urlPattern: h.pattern,
    page: result.selectors.page,
    missing: typeof result.preview === 'string' ? [] : result.preview.missing,
    selectors: result.selectors.selectors.map(({ name, selector, matches }) => ({ name, selector, matches })),
  });
}

export function Helpdesks() {
  const [list, setList] = useState<ConfiguredHelpdesk[] | undefined>();
  const [running, setRunning] = useState<string[]>([]);
  /** Origins the browser had granted when the page opened or was refreshed. */
  const [held, setHeld] = useState<string[]>([]);

  const refresh = async () => {
    const loaded = await loadHelpdesks();
    setList(loaded);
    setRunning(await syncContentScripts(loaded).catch(() => []));
    setHeld((await browser.permissions.getAll().catch(() => ({ origins: [] }))).origins ?? []);
  };
  useEffect(() => void refresh(), []);
  if (!list) return <section class="muted">Loading helpdesks…</section>;
  return <ConfiguredHelpdesks list={list} running={running} held={held} setList={setList} setRunning={setRunning} />;
}

interface ConfiguredProps {
  list: ConfiguredHelpdesk[];
  running: string[];
  held: string[];
  setList(list: ConfiguredHelpdesk[]): void;
  setRunning(running: string[]): void;
}

/** The section once the list has loaded (it never unloads). */
function ConfiguredHelpdesks({ list, running, held, setList, setRunning }: ConfiguredProps) {
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const say: Say = (message, problem) => {
    setDone(message);
    setError(problem);
  };
  const saved = useSavedHelpdesks(list, setList, setRunning, say);
  const form = useAddForm(list, held, say, (next, now) => {
    setList(next);
    setRunning(now);
  });
  return (
    <HelpdesksSection error={error} done={done}>
      {list.length > 0 && (
        <HelpdeskTable
          list={list}
          running={running}
          tests={saved.tests}
          onGrant={saved.grant}
          onTest={(h) => void saved.test(h)}
          onDiagnostics={(h) => void saved.copyDiagnostics(h)}
          onRemove={(h) => void saved.remove(h)}
        />
      )}
      {form.adding ? (
        <HelpdeskForm {...form.view} />
      ) : (
        <HelpdeskListActions empty={!list.length} onAdd={() => (form.open(), say(undefined))} onExport={saved.exportFile} onImport={(file) => void saved.importFile(file)} />
      )}
    </HelpdesksSection>
  );
}

/** The saved helpdesks: grant access, test on the open tab, copy diagnostics, remove; the list as a file. */
function useSavedHelpdesks(list: ConfiguredHelpdesk[], setList: (list: ConfiguredHelpdesk[]) => void, setRunning: (running: string[]) => void, say: Say) {
  const [tests, setTests] = useState<Record<string, TabTest | string>>({});
  const test = async (h: ConfiguredHelpdesk) => {
    const result = await testInPage(h, selectorsOf(h));
    setTests({ ...tests, [h.id]: result });
    return result;
  };
  return {
    tests,
    test,
    grant(h: ConfiguredHelpdesk) {
      void browser.permissions.request({ origins: [originPattern(h.pattern)!] }).then(async (granted) => {
        if (granted) setRunning(await syncContentScripts(list));
      });
    },
    async remove(h: ConfiguredHelpdesk) {
      const next = list.filter((x) => x.id !== h.id);
      setRunning(await store(next));
      setList(next);
      const origin = originPattern(h.pattern)!;
      if (!next.some((x) => originPattern(x.pattern) === origin)) await browser.permissions.remove({ origins: [origin] }).catch(() => false);
      say(`Removed ${h.pattern}; Rapport no longer runs there.`);
    },
    async copyDiagnostics(h: ConfiguredHelpdesk) {
      const report = diagnosticsOf(h, await test(h));
      await navigator.clipboard.writeText(report).then(() => say('Diagnostics copied (selectors and match counts only).'), () => say(undefined, 'Could not copy to the clipboard.'));
    },
    exportFile() {
      download('rapport-helpdesks.json', helpdesksFile(list));
    },
    async importFile(file: File | undefined) {
      if (!file) return;
      const parsed = parseHelpdesksFile(await file.text());
      if (!parsed.ok) return say(undefined, `${file.name}: ${parsed.error} Nothing was imported.`);
      const known = new Set(list.map((h) => h.pattern));
      const next = parseHelpdeskList([...list, ...parsed.value.filter((h) => !known.has(h.pattern))]);
      if (!next.ok) return say(undefined, `${file.name}: ${next.error} Nothing was imported.`);
      setRunning(await store(next.value));
      setList(next.value);
      say(`Imported ${plural(next.value.length - list.length, 'helpdesk')} from ${file.name}. Grant each one access to run there.`);
    },
  };
}

/** The add form's settings as typed, and the helpdesk they make, validated like a saved one. */
function useTypedSettings() {
  const [pattern, setPattern] = useState('');
  const [kind, setKind] = useState<HelpdeskKind>('custom');
  const [selectors, setSelectors] = useState<CustomSelectors>({});
  return {
    pattern,
    setPattern,
    kind,
    setKind,
    selectors,
    setSelectors,
    typed: (id: string) => parseHelpdesk({ id, pattern: pattern.trim(), kind, ...(kind === 'custom' ? { selectors: clean(selectors) } : {}) }),
    /** The settings as tested, to tell when they changed since the form's last test. */
    typedKey: JSON.stringify([pattern.trim(), kind, kind === 'custom' ? clean(selectors) : {}]),
  };
}

/** Adding a helpdesk: the form's settings, its test on the open tab, save (asking for the host) and cancel. */
function useAddForm(list: ConfiguredHelpdesk[], held: string[], say: Say, onAdded: (list: ConfiguredHelpdesk[], running: string[]) => void) {
  const settings = useTypedSettings();
  const { typed, typedKey } = settings;
  const [adding, setAdding] = useState(false);
  /** The form's last test, with the settings it was run with (to say when they changed since). */
  const [formTest, setFormTest] = useState<{ tested: string; result: TabTest | string } | undefined>();
  /** An origin granted only to test the form's settings: taken back if the form is cancelled. */
  const [testGrant, setTestGrant] = useState<string | undefined>();

  // Everything before permissions.request stays synchronous: the browser wants the click's gesture.
  const save = () => {
    const parsed = typed(`h${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`);
    if (!parsed.ok) return say(undefined, parsed.error);
    const next = parseHelpdeskList([...list, parsed.value]);
    if (!next.ok) return say(undefined, next.error);
    const origin = originPattern(parsed.value.pattern)!;
    void browser.permissions.request({ origins: [origin] }).then(async (granted) => {
      if (!granted) return say(undefined, `Rapport needs your permission to read pages on ${origin}. Nothing was added.`);
      onAdded(next.value, await store(next.value));
      setAdding(false);
      settings.setPattern('');
      settings.setSelectors({});
      setFormTest(undefined);
      setTestGrant(undefined);
      say(`Added ${parsed.value.pattern}. Reload its tabs to see Rapport there.`);
    }, refused(say));
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
    }, refused(say));
  };

  const cancel = () => {
    setAdding(false);
    setFormTest(undefined);
    setTestGrant(undefined);
    if (testGrant && !list.some((h) => originPattern(h.pattern) === testGrant)) void browser.permissions.remove({ origins: [testGrant] }).catch(() => false);
  };

  return {
    adding,
    open: () => setAdding(true),
    view: {
      pattern: settings.pattern,
      kind: settings.kind,
      selectors: settings.selectors,
      test: formTest && { result: formTest.result, stale: formTest.tested !== typedKey },
      onPattern: settings.setPattern,
      onKind: settings.setKind,
      onSelectors: settings.setSelectors,
      onSave: save,
      onTest: testTyped,
      onCancel: cancel,
    },
  };
}

const clean = (s: CustomSelectors): CustomSelectors => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v?.trim()]).filter(([, v]) => v)) as CustomSelectors;
