/**
 * The training page's data and actions (issue #16): the library and attempts live from the
 * database (liveQuery, so a second tab stays in step), the active standards pack, the trainee's
 * name (kept in storage.local, typed once). Views get plain values and callbacks.
 */
import { download } from '@/lib/download';
import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { db } from '../db/db';
import { TrainingRepository, type LibraryEntry } from '../db/training';
import { loadPack } from '../standards/pack-store';
import { DEFAULT_PACK, type StandardsPack } from '../standards/pack';
import { PREF } from '../prefs';
import { RULES } from '../standards/rules';
import type { Attempt, Scenario } from './types';
import { checkReply, type PracticeResult } from './check';
import { exportScenarioPack, parseScenario, parseScenarioPack } from './schema';
import { attemptsCsv, progressReport, traineeProgress } from './progress';

/** storage.local key of the trainee's name on this computer. */
export const TRAINEE_KEY = 'training.trainee';

export const RULE_LABELS: Record<string, string> = Object.fromEntries(RULES.map((r) => [r.id, r.label]));

function useLiveQuery<T>(query: () => Promise<T>, initial: T): [T, boolean] {
  const [value, setValue] = useState<{ v: T; loaded: boolean }>({ v: initial, loaded: false });
  useEffect(() => {
    const sub = liveQuery(query).subscribe({ next: (v) => setValue({ v, loaded: true }), error: (e) => console.error('Rapport training query failed', e) });
    return () => sub.unsubscribe();
  }, []);
  return [value.v, value.loaded];
}

const day = (at: number) => new Date(at).toISOString().slice(0, 10);

/** The team's standards pack, the trainee's name and presentation mode, kept in step with storage. */
function useTrainingPrefs() {
  const [pack, setPack] = useState<StandardsPack>(DEFAULT_PACK);
  const [trainee, setTraineeState] = useState('');
  const [presentation, setPresentation] = useState(false);

  useEffect(() => {
    void loadPack().then(setPack);
    void browser.storage.local.get([TRAINEE_KEY, PREF.presentation]).then((got) => {
      setTraineeState(typeof got[TRAINEE_KEY] === 'string' ? got[TRAINEE_KEY] : '');
      setPresentation(got[PREF.presentation] === true);
    });
    const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      if (changes[PREF.standardsPack]) void loadPack().then(setPack);
      if (changes[PREF.presentation]) setPresentation(changes[PREF.presentation]!.newValue === true);
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);
  const setTrainee = (name: string) => {
    setTraineeState(name);
    void browser.storage.local.set({ [TRAINEE_KEY]: name.trim() });
  };
  return { pack, trainee, presentation, setTrainee };
}

export function useTraining() {
  const repo = useMemo(() => new TrainingRepository(db()), []);
  const [library, libraryLoaded] = useLiveQuery<LibraryEntry[]>(() => repo.library(), []);
  const [attempts] = useLiveQuery<Attempt[]>(() => repo.allAttempts(), []);
  const { pack, trainee, presentation, setTrainee } = useTrainingPrefs();

  const progress = useMemo(() => {
    const names = [...new Set(attempts.map((a) => a.trainee))].sort((a, b) => a.localeCompare(b));
    return names.map((n) => traineeProgress(n, attempts.filter((a) => a.trainee === n), RULE_LABELS));
  }, [attempts]);

  return {
    library,
    libraryLoaded,
    attempts,
    progress,
    pack,
    trainee,
    presentation,
    setTrainee,
    evaluate: (scenario: Scenario, draft: string): PracticeResult => checkReply(scenario, draft, pack, Date.now()),
    async recordAttempt(scenario: Scenario, draft: string, result: PracticeResult): Promise<string | undefined> {
      try {
        await repo.addAttempt({
          id: crypto.randomUUID(),
          trainee: trainee.trim(),
          scenarioId: scenario.id,
          scenarioTitle: scenario.title,
          at: Date.now(),
          draft,
          score: result.score,
          states: Object.fromEntries(result.items.map((i) => [i.rule, i.state])),
          packId: result.evaluation.packId,
          packVersion: result.evaluation.packVersion,
        });
        return undefined;
      } catch (error) {
        return `The attempt could not be kept (${(error as Error).name === 'QuotaExceededError' ? 'storage is full' : 'storage problem'}). Your reply is still here.`;
      }
    },
    async saveScenario(candidate: Scenario): Promise<string | undefined> {
      const parsed = parseScenario(candidate);
      if (!parsed.ok) return `Not saved: ${parsed.error}`;
      await repo.saveScenario(parsed.scenario, Date.now());
      return undefined;
    },
    deleteScenario: (id: string) => repo.deleteScenario(id),
    resetBuiltIns: () => repo.resetBuiltIns(),
    exportPack() {
      download(`rapport-scenarios-${day(Date.now())}.json`, exportScenarioPack(library.map((e) => e.scenario), Date.now()));
    },
    /** Imports a pack file; resolves with the outcome in one sentence. */
    async importPack(file: File): Promise<{ tone: 'ok' | 'error'; text: string }> {
      const parsed = parseScenarioPack(await file.text());
      if (!parsed.ok) return { tone: 'error', text: parsed.error };
      const count = await repo.importScenarios(parsed.scenarios, Date.now());
      return { tone: 'ok', text: `Imported ${count} ${count === 1 ? 'scenario' : 'scenarios'} from ${file.name}.` };
    },
    exportCsv() {
      download(`rapport-training-${day(Date.now())}.csv`, attemptsCsv(attempts, RULE_LABELS), 'text/csv');
    },
    exportReport() {
      download(`rapport-training-report-${day(Date.now())}.json`, `${JSON.stringify(progressReport(progress, Date.now()), null, 2)}\n`);
    },
    clearTrainee: (name: string) => repo.clearTrainee(name),
  };
}
