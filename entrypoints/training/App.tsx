/** Wires the training views to the page's data (lib/training/live.ts) and the address bar (#view/id). */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useTraining } from '@/lib/training/live';
import { scenarioTicket } from '@/lib/training/ticket';
import type { LibraryEntry } from '@/lib/db/training';
import type { Scenario } from '@/lib/training/types';
import { PresentationContext } from '@/components/presentation';
import { Library, type LibraryProps } from '@/components/training/Library';
import { Practice } from '@/components/training/Practice';
import { Progress } from '@/components/training/Progress';
import { ScenarioEditor } from '@/components/training/ScenarioEditor';
import { ClassMode } from '@/components/training/ClassMode';
import { NoSuchScenario, StandardsView, TrainingNav } from '@/components/training/Shell';

type Route = { view: 'library' | 'progress' | 'standards' | 'new' } | { view: 'practice' | 'class' | 'edit'; id: string };
type Training = ReturnType<typeof useTraining>;

const fromHash = (): Route => {
  const [view = '', id] = location.hash.slice(1).split('/');
  if ((view === 'practice' || view === 'class' || view === 'edit') && id) return { view, id: decodeURIComponent(id) };
  if (view === 'progress' || view === 'standards' || view === 'new') return { view };
  return { view: 'library' };
};
const go = (hash: string) => (location.hash = hash);

const BLANK: Scenario = {
  id: '',
  title: '',
  principle: 'caring',
  why: '',
  strongReply: [],
  modelAnswer: '',
  subject: '',
  channel: 'email',
  customer: { name: '', email: '', customerForDays: 0 },
  thread: [{ from: 'customer', text: '', minutesAgo: 20 }],
  history: [],
  facts: [],
  promises: [],
};

const slug = (title: string) =>
  `${title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50) || 'scenario'}-${crypto.randomUUID().slice(0, 6)}`;

/** The route in the address bar, following it as it changes. */
function useRoute(): Route {
  const [route, setRoute] = useState(fromHash);
  useEffect(() => {
    const onHash = () => setRoute(fromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

/** Class mode's moves: to the previous or next scenario of the library, and out to practice. */
function useClassMoves(library: LibraryEntry[], scenario: Scenario | undefined) {
  const move = useCallback(
    (step: -1 | 1) => {
      // From the address, not the last render: two quick key presses move two scenarios.
      const at = fromHash();
      const from = 'id' in at ? library.findIndex((e) => e.scenario.id === at.id) : -1;
      if (from < 0) return;
      const next = library[(from + step + library.length) % library.length]!;
      go(`#class/${encodeURIComponent(next.scenario.id)}`);
    },
    [library],
  );
  const exitClass = useCallback(() => scenario && go(`#practice/${encodeURIComponent(scenario.id)}`), [scenario]);
  return { move, exitClass };
}

export function TrainingApp({ sidebarCss }: { sidebarCss: string }) {
  const t = useTraining();
  const route = useRoute();
  const [message, setMessage] = useState<LibraryProps['message']>();
  const entry = 'id' in route ? t.library.find((e) => e.scenario.id === route.id) : undefined;
  const scenario = entry?.scenario;
  const ticket = useMemo(() => (scenario ? scenarioTicket(scenario, Date.now()) : undefined), [scenario]);
  const model = useMemo(() => (scenario ? t.evaluate(scenario, scenario.modelAnswer) : undefined), [scenario, t.pack]);
  const index = scenario ? t.library.findIndex((e) => e.scenario.id === scenario.id) : -1;
  const { move, exitClass } = useClassMoves(t.library, scenario);

  if (route.view === 'class' && scenario && ticket) {
    return <ClassMode scenario={scenario} ticket={ticket} sidebarCss={sidebarCss} position={{ index, count: t.library.length }} onMove={move} onExit={exitClass} />;
  }

  const current = route.view === 'practice' || route.view === 'edit' || route.view === 'new' ? 'library' : route.view;
  return (
    <PresentationContext.Provider value={t.presentation}>
      <div class="rd-app tr-app" data-ready={t.libraryLoaded ? 'true' : 'false'}>
        <TrainingNav current={current} trainee={t.trainee} onTrainee={(name) => t.setTrainee(name)} presentation={t.presentation} dashboardUrl={browser.runtime.getURL('/dashboard.html')} />
        <main class="rd-main">
          {route.view === 'library' && <LibraryPage t={t} message={message} onMessage={setMessage} />}
          {route.view === 'practice' && scenario && ticket && model && (
            <Practice
              key={scenario.id}
              scenario={scenario}
              ticket={ticket}
              sidebarCss={sidebarCss}
              trainee={t.trainee}
              evaluate={(draft) => t.evaluate(scenario, draft)}
              model={model}
              onAttempt={(draft, result) => t.recordAttempt(scenario, draft, result)}
              onClassMode={() => go(`#class/${encodeURIComponent(scenario.id)}`)}
              onEdit={() => go(`#edit/${encodeURIComponent(scenario.id)}`)}
            />
          )}
          {(route.view === 'edit' || route.view === 'new') && (route.view === 'new' || entry) && <EditorPage t={t} entry={entry} editing={route.view === 'edit' ? route.id : undefined} />}
          {'id' in route && !entry && t.libraryLoaded && <NoSuchScenario />}
          {route.view === 'progress' && <Progress progress={t.progress} onExportCsv={t.exportCsv} onExportJson={t.exportReport} onClear={(name) => void t.clearTrainee(name)} />}
          {route.view === 'standards' && <StandardsView team={t.pack.explanations} />}
        </main>
      </div>
    </PresentationContext.Provider>
  );
}

/** The library, its pack tools saying how they went in `message`. */
function LibraryPage({ t, message, onMessage }: { t: Training; message: LibraryProps['message']; onMessage(message: LibraryProps['message']): void }) {
  return (
    <Library
      entries={t.library}
      message={message}
      onOpen={(id) => go(`#practice/${encodeURIComponent(id)}`)}
      onNew={() => go('#new')}
      onExport={() => {
        t.exportPack();
        onMessage({ tone: 'ok', text: `Exported ${t.library.length} scenarios as a pack file.` });
      }}
      onImport={(file) => void t.importPack(file).then(onMessage)}
      onResetBuiltIns={() =>
        void t.resetBuiltIns().then((n) => onMessage({ tone: 'ok', text: n ? `Restored ${n} built-in ${n === 1 ? 'scenario' : 'scenarios'} as shipped.` : 'The built-in scenarios are already as shipped.' }))
      }
    />
  );
}

/** The editor for `entry` (`editing` is its id), or for a new scenario; a saved one opens for practice. */
function EditorPage({ t, entry, editing }: { t: Training; entry: LibraryEntry | undefined; editing: string | undefined }) {
  return (
    <ScenarioEditor
      key={editing ?? 'new'}
      scenario={entry?.scenario ?? BLANK}
      isNew={editing === undefined}
      origin={entry?.origin}
      onSave={async (s) => {
        const saved = { ...s, id: s.id || slug(s.title) };
        const problem = await t.saveScenario(saved);
        if (!problem) go(`#practice/${encodeURIComponent(saved.id)}`);
        return problem;
      }}
      onCancel={() => history.back()}
      onDelete={() => entry && void t.deleteScenario(entry.scenario.id).then(() => go('#library'))}
    />
  );
}
