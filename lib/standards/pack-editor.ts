/**
 * The options page's standards pack (issue #4): the stored pack, the form's draft, and the actions
 * that save, import, export and reword it. Every save goes through `savePack` (`parsePack`): a bad
 * pack leaves the stored one as it was and says the exact problem. Views get plain values and callbacks.
 */
import { download } from '@/lib/download';
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_PACK, exportPack, type StandardsPack } from './pack';
import { loadPack, savePack } from './pack-store';
import { formProblems } from './pack-form';
import type { TeamExplanations } from './explain';
import type { RuleId } from './types';

type Wording = TeamExplanations[RuleId] | undefined;

/** A wording part's name as the form shows it, for a problem the pack reports. */
const WORDING_PART: Record<string, string> = { why: 'Why this matters', checks: 'What the checklist looks for', good: 'The good example', weak: 'The weak example' };

/** The next version of `pack` with the team's wording of one rule, or Rapport's again (`wording` undefined). */
function withWording(pack: StandardsPack, id: RuleId, wording: Wording): StandardsPack {
  const rest = Object.fromEntries(Object.entries(pack.explanations ?? {}).filter(([rule]) => rule !== id));
  const explanations = wording ? { ...rest, [id]: wording } : rest;
  return { ...pack, version: pack.version + 1, explanations: Object.keys(explanations).length ? explanations : undefined };
}

/** The stored pack and the form's draft, and `store`, which saves a candidate pack and says how it went. */
function useStoredPack() {
  const [pack, setPack] = useState<StandardsPack | undefined>();
  const [draft, setDraft] = useState<StandardsPack | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  useEffect(() => {
    void loadPack().then((p) => {
      setPack(p);
      setDraft(p);
    });
  }, []);
  const store = async (candidate: unknown, message: string) => {
    setSaved(undefined);
    const result = await savePack(candidate);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(undefined);
    setPack(result.pack);
    setDraft(result.pack);
    setSaved(message);
  };
  return { pack, setPack, draft, setDraft, error, setError, saved, setSaved, store };
}

/** The pack editor once the stored pack has loaded; undefined until then. */
export function usePackEditor() {
  const { pack, setPack, draft, setDraft, error, setError, saved, setSaved, store } = useStoredPack();
  const [json, setJson] = useState('');
  if (!pack || !draft) return undefined;
  const problems = formProblems(draft);

  /**
   * One rule's wording for the team, saved on its own as a new pack version: unsaved changes to the
   * rules above stay in the form. Resolves with the problem in plain words, if the pack refused it.
   */
  const saveWording = async (id: RuleId, wording: Wording): Promise<string | undefined> => {
    const result = await savePack(withWording(pack, id, wording));
    if (!result.ok) return result.error.replace(/^explanations\.[\w-]+\.(\w+)/, (_m, part: string) => `${WORDING_PART[part] ?? part}`);
    setPack(result.pack);
    setDraft({ ...draft, version: result.pack.version, explanations: result.pack.explanations });
    setSaved(wording ? `Your team's wording saved (version ${result.pack.version}).` : `Back to Rapport's wording (version ${result.pack.version}).`);
    return undefined;
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    setJson(text);
    await store(text, `Imported ${file.name}.`);
  };

  return {
    pack,
    draft,
    setDraft,
    problems,
    json,
    setJson,
    error,
    saved,
    /** Saves the draft as the next version; while a field has a problem, only clears the last error. */
    save: () => (Object.keys(problems).length ? setError(undefined) : void store({ ...draft, version: pack.version + 1 }, `Saved as version ${pack.version + 1}.`)),
    discard: () => setDraft(pack),
    reset: () => void store(exportPack({ ...DEFAULT_PACK, version: pack.version + 1 }), 'Reset to the default standards.'),
    importJson: () => void store(json, 'Imported the pack.'),
    importFile: (file: File | undefined) => void importFile(file),
    exportJson: () => {
      const text = exportPack(pack);
      setJson(text);
      download(`${pack.id}-v${pack.version}.json`, text);
    },
    saveWording,
  };
}
