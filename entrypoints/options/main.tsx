/**
 * Options page: the workspaces (issue #15) and the team's reply standards pack (issue #4). Edit which rules are on, their weights,
 * which are critical, response-time targets, banned phrases, the sign-off and KB domains; import
 * and export packs as JSON. Every save goes through `parsePack`: a bad pack shows the exact problem
 * and the stored pack stays as it was.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import './options.css';
import { DEFAULT_PACK, exportPack, ruleSettings, type StandardsPack } from '@/lib/standards/pack';
import { loadPack, savePack } from '@/lib/standards/pack-store';
import { RULES } from '@/lib/standards/rules';
import type { TeamExplanations } from '@/lib/standards/explain';
import type { RuleId } from '@/lib/standards/types';
import { CHANNELS, formProblems, PRIORITIES } from '@/lib/standards/pack-form';
import { Helpdesks } from './helpdesks';
import { db } from '@/lib/db/db';
import { Workspaces } from '@/lib/db/workspaces';
import { useLive } from '@/lib/dashboard/live';
import { WorkspacesSection } from '@/components/options/WorkspacesSection';
import { StandardsExplained } from '@/components/standards/Explained';
import { PackOptions } from '@/components/options/PackOptions';
import '@/components/standards/explained.css';

type Target = StandardsPack['responseTime']['targets'][number];

/** A field's problem under it, tied to the control for screen readers (`aria-describedby`). */
function Problem({ id, text }: { id: string; text?: string }) {
  return text ? (
    <span class="field-error" id={id} data-testid={`problem-${id}`}>
      {text}
    </span>
  ) : null;
}

/** `aria-invalid` and `aria-describedby` for a control whose problem has id `id`. */
const invalid = (id: string, text?: string) => (text ? { 'aria-invalid': true as const, 'aria-describedby': id } : {});

const title = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** A select of `choices` plus "any"; a value from an imported pack that is not a choice stays listed. */
function Choice({ label, value, choices, onChange }: { label: string; value?: string; choices: readonly string[]; onChange: (v: string) => void }) {
  const all = value && !choices.includes(value.toLowerCase()) ? [...choices, value] : choices;
  return (
    <select aria-label={label} value={value?.toLowerCase() ?? ''} onChange={(e) => onChange(e.currentTarget.value)}>
      <option value="">Any {label.toLowerCase()}</option>
      {all.map((c) => (
        <option key={c} value={c.toLowerCase()}>
          {title(c)}
        </option>
      ))}
    </select>
  );
}
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** The workspaces section, live: a ticket opened in another tab shows up here (#15). */
function WorkspacesLive() {
  const workspaces = useLive(() => new Workspaces(db()).list(), [], []);
  const ops = new Workspaces(db());
  return <WorkspacesSection workspaces={workspaces} onSplit={async (host) => void (await ops.split(host))} onJoin={(from, into) => ops.join(from, into)} />;
}

function Options() {
  const [pack, setPack] = useState<StandardsPack | undefined>();
  const [draft, setDraft] = useState<StandardsPack | undefined>();
  const [json, setJson] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | undefined>();

  useEffect(() => {
    void loadPack().then((p) => {
      setPack(p);
      setDraft(p);
    });
  }, []);

  if (!pack || !draft) return <main class="muted">Loading…</main>;
  const problems = formProblems(draft);
  const problemCount = Object.keys(problems).length;

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

  /**
   * One rule's wording for the team, saved on its own as a new pack version: unsaved changes to the
   * rules above stay in the form. Resolves with the problem in plain words, if the pack refused it.
   */
  const saveWording = async (id: RuleId, wording: TeamExplanations[RuleId] | undefined): Promise<string | undefined> => {
    const rest = Object.fromEntries(Object.entries(pack.explanations ?? {}).filter(([rule]) => rule !== id));
    const explanations = wording ? { ...rest, [id]: wording } : rest;
    const result = await savePack({ ...pack, version: pack.version + 1, explanations: Object.keys(explanations).length ? explanations : undefined });
    if (!result.ok) return result.error.replace(/^explanations\.[\w-]+\.(\w+)/, (_m, part: string) => `${WORDING_PART[part] ?? part}`);
    setPack(result.pack);
    setDraft({ ...draft, version: result.pack.version, explanations: result.pack.explanations });
    setSaved(wording ? `Your team's wording saved (version ${result.pack.version}).` : `Back to Rapport's wording (version ${result.pack.version}).`);
    return undefined;
  };

  const setRule = (id: (typeof RULES)[number]['id'], change: Partial<{ on: boolean; weight: number; critical: boolean }>) =>
    setDraft({ ...draft, rules: { ...draft.rules, [id]: { ...ruleSettings(draft, id), ...change } } });
  const setTargets = (targets: Target[]) => setDraft({ ...draft, responseTime: { ...draft.responseTime, targets } });

  const exportJson = () => {
    const text = exportPack(pack);
    setJson(text);
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${pack.id}-v${pack.version}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    setJson(text);
    await store(text, `Imported ${file.name}.`);
  };

  return (
    <main>
      <header>
        <div>
          <h1>Reply standards</h1>
          <p class="muted" style="margin:0">
            Active pack: <span class="pack-id" data-testid="pack-id">{`${pack.id} v${pack.version}`}</span>
            {pack.name ? ` — ${pack.name}` : ''}
          </p>
        </div>
        <a href="dashboard.html">Open the team dashboard →</a>
      </header>

      {error && (
        <p class="error" role="alert" data-testid="pack-error">
          {error}
        </p>
      )}
      {saved && (
        <p class="ok" role="status">
          {saved}
        </p>
      )}

      <section>
        <h2>Rules</h2>
        <table>
          <thead>
            <tr>
              <th>Rule</th>
              <th>On</th>
              <th>Weight</th>
              <th>Critical</th>
            </tr>
          </thead>
          <tbody>
            {RULES.map((rule) => {
              const s = ruleSettings(draft, rule.id);
              return (
                <tr key={rule.id} data-rule={rule.id}>
                  <td>{rule.label}</td>
                  <td>
                    <input type="checkbox" aria-label={`${rule.label} on`} checked={s.on} onChange={(e) => setRule(rule.id, { on: e.currentTarget.checked })} />
                  </td>
                  <td>
                    <input
                      type="number"
                      min={0}
                      max={10}
                      step={1}
                      aria-label={`${rule.label} weight`}
                      value={s.weight}
                      onInput={(e) => setRule(rule.id, { weight: e.currentTarget.value === '' ? NaN : Number(e.currentTarget.value) })}
                      {...invalid(`weight-${rule.id}`, problems[`weight:${rule.id}`])}
                    />
                    <Problem id={`weight-${rule.id}`} text={problems[`weight:${rule.id}`]} />
                  </td>
                  <td>
                    <input type="checkbox" aria-label={`${rule.label} critical`} checked={s.critical} onChange={(e) => setRule(rule.id, { critical: e.currentTarget.checked })} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section>
        <h2>Response-time targets</h2>
        <div class="row">
          <label class="row">
            Every other reply (minutes)
            <input
              type="number"
              min={1}
              value={draft.responseTime.defaultMinutes}
              onInput={(e) => setDraft({ ...draft, responseTime: { ...draft.responseTime, defaultMinutes: Number(e.currentTarget.value) } })}
              {...invalid('default-minutes', problems.defaultMinutes)}
            />
          </label>
          <Problem id="default-minutes" text={problems.defaultMinutes} />
        </div>
        <table>
          <thead>
            <tr>
              <th>Channel</th>
              <th>Priority</th>
              <th>Minutes</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {draft.responseTime.targets.map((t, i) => {
              const update = (change: Partial<Target>) => setTargets(draft.responseTime.targets.map((x, j) => (j === i ? clean({ ...x, ...change }) : x)));
              return (
                <tr key={i} data-testid="target-row">
                  <td>
                    <Choice label="Channel" value={t.channel} choices={CHANNELS} onChange={(channel) => update({ channel })} />
                    <Problem id={`target-${i}`} text={problems[`target:${i}`]} />
                  </td>
                  <td>
                    <Choice label="Priority" value={t.priority} choices={PRIORITIES} onChange={(priority) => update({ priority })} />
                  </td>
                  <td>
                    <input type="number" min={1} aria-label="Minutes" value={t.minutes} onInput={(e) => update({ minutes: Number(e.currentTarget.value) })} {...invalid(`target-${i}-minutes`, problems[`target:${i}:minutes`])} />
                    <Problem id={`target-${i}-minutes`} text={problems[`target:${i}:minutes`]} />
                  </td>
                  <td>
                    <button type="button" class="link" aria-label={`Remove target ${i + 1}`} onClick={() => setTargets(draft.responseTime.targets.filter((_, j) => j !== i))}>
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p>
          <button type="button" onClick={() => setTargets([...draft.responseTime.targets, { priority: 'urgent', minutes: 60 }])}>
            Add a target
          </button>
        </p>
      </section>

      <section class="grid2">
        <label class="block">
          Extra banned phrases (one a line)
          <textarea value={draft.bannedPhrases.join('\n')} onChange={(e) => setDraft({ ...draft, bannedPhrases: lines(e.currentTarget.value) })} {...invalid('banned', problems.bannedPhrases)} />
          <Problem id="banned" text={problems.bannedPhrases} />
        </label>
        <label class="block">
          Knowledge-base domains (one a line)
          <textarea value={draft.kbDomains.join('\n')} onChange={(e) => setDraft({ ...draft, kbDomains: lines(e.currentTarget.value) })} {...invalid('kb-domains', problems.kbDomains)} />
          <Problem id="kb-domains" text={problems.kbDomains} />
        </label>
        <label class="block">
          Required sign-off (optional)
          <input value={draft.signOff ?? ''} onInput={(e) => setDraft({ ...draft, signOff: e.currentTarget.value })} {...invalid('sign-off', problems.signOff)} />
          <Problem id="sign-off" text={problems.signOff} />
        </label>
      </section>

      <PackOptions draft={draft} onChange={setDraft} />

      <div class="row">
        <button
          type="button"
          class="primary"
          data-testid="pack-save"
          aria-disabled={problemCount > 0}
          onClick={() => (problemCount ? setError(undefined) : void store({ ...draft, version: pack.version + 1 }, `Saved as version ${pack.version + 1}.`))}
        >
          Save standards
        </button>
        {problemCount > 0 && (
          <span class="field-error" role="status" data-testid="form-problems">
            {problemCount === 1 ? 'One field needs a fix before saving (marked above).' : `${problemCount} fields need a fix before saving (marked above).`}
          </span>
        )}
        <button type="button" onClick={() => setDraft(pack)}>
          Discard changes
        </button>
        <button type="button" onClick={() => void store(exportPack({ ...DEFAULT_PACK, version: pack.version + 1 }), 'Reset to the default standards.')}>
          Reset to defaults
        </button>
      </div>

      <Helpdesks />
      <WorkspacesLive />
      <section data-testid="why-standards">
        <h2>Why each standard matters</h2>
        <p class="muted">What each checklist item asks of a reply, why it matters to the customer, and a good and a weak example.</p>
        <StandardsExplained order={RULES.map((r) => r.id)} team={pack.explanations} onSave={saveWording} />
      </section>

      <section>
        <h2>Import or export a pack</h2>
        <p class="muted">Paste a pack's JSON (or pick a file) and import it. A pack with a problem is rejected and the current pack stays.</p>
        <textarea data-testid="pack-json" aria-label="Pack JSON" value={json} onInput={(e) => setJson(e.currentTarget.value)} placeholder='{ "id": "our-team", "version": 1, … }' />
        <div class="row">
          <button type="button" class="primary" data-testid="pack-import" onClick={() => void store(json, 'Imported the pack.')}>
            Import
          </button>
          <label class="row">
            or a file: <input type="file" accept="application/json,.json" onChange={(e) => void importFile(e.currentTarget.files?.[0])} />
          </label>
          <button type="button" data-testid="pack-export" onClick={exportJson}>
            Export current pack
          </button>
        </div>
      </section>
    </main>
  );
}

/** A wording part's name as the form shows it, for a problem the pack reports. */
const WORDING_PART: Record<string, string> = { why: 'Why this matters', checks: 'What the checklist looks for', good: 'The good example', weak: 'The weak example' };

function clean(t: Target): Target {
  const out: Target = { minutes: t.minutes };
  if (t.channel?.trim()) out.channel = t.channel.trim();
  if (t.priority?.trim()) out.priority = t.priority.trim();
  return out;
}

render(<Options />, document.getElementById('app')!);
