/**
 * The options page's form for the team's reply standards pack (issue #4): which rules are on, their
 * weights and which are critical, response-time targets, banned phrases, KB domains and the sign-off;
 * saving, and a pack as JSON. Each part takes the draft and hands back the changed draft; problems
 * (lib/standards/pack-form.ts) show under their field. Props in, events out.
 */
import { ruleSettings, type StandardsPack } from '@/lib/standards/pack';
import { RULES } from '@/lib/standards/rules';
import { CHANNELS, PRIORITIES } from '@/lib/standards/pack-form';
import { Outcome } from './Outcome';

type Target = StandardsPack['responseTime']['targets'][number];
/** What `formProblems` found, by field (`weight:<rule>`, `target:<i>:minutes`, `signOff`, …). */
type FormProblems = Record<string, string>;

interface DraftProps {
  draft: StandardsPack;
  problems: FormProblems;
  onChange(draft: StandardsPack): void;
}

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

/** The pack's name and version, and what the last save, import or reset said. */
export function PackHeader({ pack, error, saved }: { pack: StandardsPack; error?: string; saved?: string }) {
  return (
    <>
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
      <Outcome error={error} done={saved} errorTestId="pack-error" />
    </>
  );
}

/** Each rule: on, its weight, critical. */
export function RulesSection({ draft, problems, onChange }: DraftProps) {
  const setRule = (id: (typeof RULES)[number]['id'], change: Partial<{ on: boolean; weight: number; critical: boolean }>) =>
    onChange({ ...draft, rules: { ...draft.rules, [id]: { ...ruleSettings(draft, id), ...change } } });
  return (
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
  );
}

/** The minutes for every other reply, and a target per channel and priority. */
export function TargetsSection({ draft, problems, onChange }: DraftProps) {
  const setTargets = (targets: Target[]) => onChange({ ...draft, responseTime: { ...draft.responseTime, targets } });
  const targets = draft.responseTime.targets;
  return (
    <section>
      <h2>Response-time targets</h2>
      <div class="row">
        <label class="row">
          Every other reply (minutes)
          <input
            type="number"
            min={1}
            value={draft.responseTime.defaultMinutes}
            onInput={(e) => onChange({ ...draft, responseTime: { ...draft.responseTime, defaultMinutes: Number(e.currentTarget.value) } })}
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
          {targets.map((t, i) => (
            <TargetRow
              key={i}
              target={t}
              index={i}
              problems={problems}
              onChange={(change) => setTargets(targets.map((x, j) => (j === i ? clean({ ...x, ...change }) : x)))}
              onRemove={() => setTargets(targets.filter((_, j) => j !== i))}
            />
          ))}
        </tbody>
      </table>
      <p>
        <button type="button" onClick={() => setTargets([...targets, { priority: 'urgent', minutes: 60 }])}>
          Add a target
        </button>
      </p>
    </section>
  );
}

interface TargetRowProps {
  target: Target;
  index: number;
  problems: FormProblems;
  onChange(change: Partial<Target>): void;
  onRemove(): void;
}

function TargetRow({ target, index: i, problems, onChange, onRemove }: TargetRowProps) {
  return (
    <tr data-testid="target-row">
      <td>
        <Choice label="Channel" value={target.channel} choices={CHANNELS} onChange={(channel) => onChange({ channel })} />
        <Problem id={`target-${i}`} text={problems[`target:${i}`]} />
      </td>
      <td>
        <Choice label="Priority" value={target.priority} choices={PRIORITIES} onChange={(priority) => onChange({ priority })} />
      </td>
      <td>
        <input type="number" min={1} aria-label="Minutes" value={target.minutes} onInput={(e) => onChange({ minutes: Number(e.currentTarget.value) })} {...invalid(`target-${i}-minutes`, problems[`target:${i}:minutes`])} />
        <Problem id={`target-${i}-minutes`} text={problems[`target:${i}:minutes`]} />
      </td>
      <td>
        <button type="button" class="link" aria-label={`Remove target ${i + 1}`} onClick={onRemove}>
          Remove
        </button>
      </td>
    </tr>
  );
}

function clean(t: Target): Target {
  const out: Target = { minutes: t.minutes };
  if (t.channel?.trim()) out.channel = t.channel.trim();
  if (t.priority?.trim()) out.priority = t.priority.trim();
  return out;
}

/** Extra banned phrases, knowledge-base domains (one a line) and the required sign-off. */
export function PhrasesSection({ draft, problems, onChange }: DraftProps) {
  return (
    <section class="grid2">
      <label class="block">
        Extra banned phrases (one a line)
        <textarea value={draft.bannedPhrases.join('\n')} onChange={(e) => onChange({ ...draft, bannedPhrases: lines(e.currentTarget.value) })} {...invalid('banned', problems.bannedPhrases)} />
        <Problem id="banned" text={problems.bannedPhrases} />
      </label>
      <label class="block">
        Knowledge-base domains (one a line)
        <textarea value={draft.kbDomains.join('\n')} onChange={(e) => onChange({ ...draft, kbDomains: lines(e.currentTarget.value) })} {...invalid('kb-domains', problems.kbDomains)} />
        <Problem id="kb-domains" text={problems.kbDomains} />
      </label>
      <label class="block">
        Required sign-off (optional)
        <input value={draft.signOff ?? ''} onInput={(e) => onChange({ ...draft, signOff: e.currentTarget.value })} {...invalid('sign-off', problems.signOff)} />
        <Problem id="sign-off" text={problems.signOff} />
      </label>
    </section>
  );
}

interface SaveRowProps {
  /** Fields that need a fix: the save button says so instead of saving. */
  problemCount: number;
  onSave(): void;
  onDiscard(): void;
  onReset(): void;
}

export function SaveRow({ problemCount, onSave, onDiscard, onReset }: SaveRowProps) {
  return (
    <div class="row">
      <button type="button" class="primary" data-testid="pack-save" aria-disabled={problemCount > 0} onClick={onSave}>
        Save standards
      </button>
      {problemCount > 0 && (
        <span class="field-error" role="status" data-testid="form-problems">
          {problemCount === 1 ? 'One field needs a fix before saving (marked above).' : `${problemCount} fields need a fix before saving (marked above).`}
        </span>
      )}
      <button type="button" onClick={onDiscard}>
        Discard changes
      </button>
      <button type="button" onClick={onReset}>
        Reset to defaults
      </button>
    </div>
  );
}

interface PackFileProps {
  json: string;
  onJson(json: string): void;
  onImport(): void;
  onImportFile(file: File | undefined): void;
  onExport(): void;
}

/** A pack as JSON: pasted or picked as a file to import, or the current one exported. */
export function PackFileSection({ json, onJson, onImport, onImportFile, onExport }: PackFileProps) {
  return (
    <section>
      <h2>Import or export a pack</h2>
      <p class="muted">Paste a pack's JSON (or pick a file) and import it. A pack with a problem is rejected and the current pack stays.</p>
      <textarea data-testid="pack-json" aria-label="Pack JSON" value={json} onInput={(e) => onJson(e.currentTarget.value)} placeholder='{ "id": "our-team", "version": 1, … }' />
      <div class="row">
        <button type="button" class="primary" data-testid="pack-import" onClick={onImport}>
          Import
        </button>
        <label class="row">
          or a file: <input type="file" accept="application/json,.json" onChange={(e) => onImportFile(e.currentTarget.files?.[0])} />
        </label>
        <button type="button" data-testid="pack-export" onClick={onExport}>
          Export current pack
        </button>
      </div>
    </section>
  );
}
