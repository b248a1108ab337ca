import { download } from '@/lib/download';
import { useState } from 'preact/hooks';
import { checkBundle, csvOf, deleteOlderThan, eraseOne, eraseReplyRecords, exportAll, importBundle, type CheckedBundle } from '@/lib/dashboard/data';
import { useCustomerMatches, useErasePreview, useReplyAgents, useReplyEraseCount, useRetentionPreview, useStored, usePresentationPref } from '@/lib/dashboard/live';
import { BundleError, TABLES, type CsvTable, type ImportPlan, type ImportProgress, type ReplyEraseFilter } from '@/lib/exchange';
import { PREF } from '@/lib/prefs';
import { dateAndTime, formatNumber, joinWords, plural } from '../format';
import { usePresentation } from '../presentation';
import { displayName, showEmail } from './identity';

const LABELS: Record<string, string> = { customers: 'customers', visits: 'tickets', notes: 'notes', facts: 'facts', followUps: 'follow-ups', replies: 'reply records' };

/** A checked bundle waiting for the lead to confirm it, with the file's name. */
type PendingImport = CheckedBundle & { name: string };

function ExportPanel() {
  const [agent, setAgent] = useStored<string>(PREF.agentLabel, '');
  const [progress, setProgress] = useState<{ done: number; total: number; table: string } | undefined>();
  const [message, setMessage] = useState('');
  async function run() {
    setMessage('');
    const result = await exportAll(agent.trim() || 'Unnamed agent', (p) => setProgress({ ...p, table: LABELS[p.table] ?? p.table }));
    download(result.filename, result.blob);
    setProgress(undefined);
    setMessage(`Exported ${plural(Object.values(result.counts).reduce((a, b) => a + b, 0), 'record')} to ${result.filename}.`);
  }
  async function csv(table: CsvTable) {
    download(`rapport-${table}.csv`, await csvOf(table));
  }
  return (
    <div class="rd-card">
      <h2>Export</h2>
      <p class="rd-small rd-muted">A bundle holds customers, tickets, notes, facts, follow-ups and reply records. Whoever imports it sees your notes as “from {agent.trim() || 'you'}”.</p>
      <label class="rd-field">
        Your name in bundles
        <input type="text" value={agent} maxLength={100} placeholder="e.g. Priya" onChange={(e) => setAgent(e.currentTarget.value)} data-testid="agent-label" />
      </label>
      <div class="rd-actions">
        <button type="button" class="rd-button rd-primary" onClick={() => void run()} disabled={Boolean(progress)} data-testid="export">
          Export bundle (.json)
        </button>
      </div>
      {progress && (
        <div class="rd-progress-wrap">
          <progress max={progress.total} value={progress.done} aria-label="Export progress" />
          <span class="rd-small rd-muted">Writing {progress.table}… {formatNumber(progress.done)} of {formatNumber(progress.total)}</span>
        </div>
      )}
      {message && <p class="rd-small rd-ok" role="status">{message}</p>}
      <p class="rd-small rd-muted">Spreadsheet (CSV, formulas neutralised):</p>
      <div class="rd-actions">
        {(['customers', 'notes', 'followUps', 'replies'] as const).map((t) => (
          <button key={t} type="button" class="rd-button rd-button-quiet" onClick={() => void csv(t)}>
            {LABELS[t]}.csv
          </button>
        ))}
      </div>
    </div>
  );
}

/** Choosing a bundle checks it and shows its plan; confirming writes it, all or nothing. */
function useImport() {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState('');
  const [pending, setPending] = useState<PendingImport | undefined>();
  const [applyMs, setApplyMs] = useState(0);
  const [writing, setWriting] = useState<ImportProgress | undefined>();
  const [phases, setPhases] = useState('');
  const [done, setDone] = useState('');
  async function choose(file: File | undefined) {
    setError('');
    setDone('');
    setPending(undefined);
    if (!file) return;
    setBusy(`Checking ${file.name}…`);
    try {
      setPending({ ...(await checkBundle(file)), name: file.name });
    } catch (e) {
      setError(e instanceof BundleError ? e.message : `This file could not be read: ${String((e as Error)?.message ?? e)}`);
    } finally {
      setBusy('');
    }
  }
  async function confirm() {
    if (!pending) return;
    setBusy('Importing…');
    try {
      const t0 = performance.now();
      const plan = await importBundle(pending.bundle, setWriting);
      setApplyMs(Math.round(performance.now() - t0));
      setPhases(`${pending.readMs},${pending.planMs}`);
      const added = TABLES.reduce((s, t) => s + plan.tables[t].added, 0);
      const updated = TABLES.reduce((s, t) => s + plan.tables[t].updated, 0);
      setDone(`Imported from ${plan.agent}: ${formatNumber(added)} added, ${formatNumber(updated)} updated.`);
      setPending(undefined);
    } catch (e) {
      setError(`The import failed and nothing was changed: ${String((e as Error)?.message ?? e)}`);
    } finally {
      setBusy('');
      setWriting(undefined);
    }
  }
  return { error, busy, pending, applyMs, writing, phases, done, choose, confirm, cancel: () => setPending(undefined) };
}

function ImportPanel() {
  const { error, busy, pending, applyMs, writing, phases, done, choose, confirm, cancel } = useImport();
  return (
    <div class="rd-card">
      <h2>Import</h2>
      <p class="rd-small rd-muted">Import a bundle another agent exported. You see what would change before anything is written; an import is all or nothing.</p>
      <input type="file" accept=".json,application/json" onChange={(e) => void choose(e.currentTarget.files?.[0])} data-testid="import-file" aria-label="Choose a bundle to import" />
      {busy && !writing && <p class="rd-small rd-muted" role="status">{busy}</p>}
      {writing && (
        <div class="rd-progress-wrap" data-testid="import-progress">
          <progress max={Math.max(1, writing.total)} value={writing.done} aria-label="Import progress" />
          <span class="rd-small rd-muted" role="status">
            Writing {formatNumber(writing.done)} of {plural(writing.total, 'row')}… Keep this page open: closing it cancels the whole import.
          </span>
        </div>
      )}
      {error && (
        <p class="rd-error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {done && <p class="rd-small rd-ok" role="status" data-testid="import-done" data-ms={applyMs} data-phases={phases}>{done}</p>}
      {pending?.plan && <ImportPreview pending={pending} busy={Boolean(busy)} onConfirm={() => void confirm()} onCancel={cancel} />}
    </div>
  );
}

/** What importing the chosen bundle would change, per table, before anything is written. */
function ImportPreview({ pending, busy, onConfirm, onCancel }: { pending: PendingImport; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const plan = pending.plan;
  return (
    <div class="rd-preview" data-testid="import-preview" data-read-ms={pending.readMs} data-plan-ms={pending.planMs}>
      <h3>
        {pending.name} — from {plan.agent}, exported {dateAndTime(plan.exportedAt)}
      </h3>
      {plan.nothingToDo ? (
        <p>Everything in this bundle is already here. Importing it changes nothing.</p>
      ) : null}
      <ImportChanges plan={plan} />
      {plan.merged.length > 0 && <p class="rd-small">{plural(plan.merged.length, 'customer')} in the bundle {plan.merged.length === 1 ? 'is a customer' : 'are customers'} you already have (same email or helpdesk id): their records join yours.</p>}
      {plan.conflicts.length > 0 && (
        <details>
          <summary class="rd-small">Conflicts: your version is kept ({plan.conflicts.length})</summary>
          <ul class="rd-list rd-small">
            {plan.conflicts.slice(0, 20).map((c) => (
              <li key={`${c.table}:${c.id}`}>
                {LABELS[c.table]} {c.id}: {c.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div class="rd-actions">
        <button type="button" class="rd-button rd-primary" disabled={plan.nothingToDo || busy} onClick={onConfirm} data-testid="import-confirm">
          Import
        </button>
        <button type="button" class="rd-button rd-button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function ImportChanges({ plan }: { plan: ImportPlan }) {
  return (
    <table class="rd-table">
      <thead>
        <tr>
          <th />
          <th class="rd-num">New</th>
          <th class="rd-num">Updated</th>
          <th class="rd-num">Same</th>
          <th class="rd-num">Conflicts</th>
        </tr>
      </thead>
      <tbody>
        {TABLES.map((t) => (
          <tr key={t}>
            <td>{LABELS[t]}</td>
            <td class="rd-num">{formatNumber(plan.tables[t].added)}</td>
            <td class="rd-num">{formatNumber(plan.tables[t].updated)}</td>
            <td class="rd-num">{formatNumber(plan.tables[t].unchanged)}</td>
            <td class="rd-num">{formatNumber(plan.tables[t].conflicts)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RetentionPanel() {
  const [months, setMonths] = useStored<number>(PREF.retentionMonths, 0);
  const [draft, setDraft] = useState(12);
  // Live: an import or a ticket opened elsewhere changes it at once (#14: it once said "0 notes" after an import).
  const preview = useRetentionPreview(draft);
  const [message, setMessage] = useState('');
  return (
    <div class="rd-card">
      <h2>Retention</h2>
      <p class="rd-small rd-muted">
        Delete ticket history and notes older than a number of months. {months > 0 ? `On: older than ${months} months is deleted each time the dashboard opens.` : 'Off: nothing is deleted automatically.'}
      </p>
      <label class="rd-field">
        Months
        <input type="number" min={1} max={120} value={draft} data-testid="retention-months" onInput={(e) => setDraft(Math.max(1, Math.min(120, Number(e.currentTarget.value) || 1)))} />
      </label>
      {preview && (
        <p class="rd-small" data-testid="retention-preview">
          Older than {plural(draft, 'month')}: {plural(preview.visits, 'ticket record')} and {plural(preview.notes, 'note')}.
        </p>
      )}
      <div class="rd-actions">
        <button
          type="button"
          class="rd-button"
          disabled={!preview || preview.visits + preview.notes === 0}
          onClick={() => {
            if (!preview || !confirm(`Delete ${plural(preview.visits, 'ticket record')} and ${plural(preview.notes, 'note')} older than ${plural(draft, 'month')}? This cannot be undone.`)) return;
            void deleteOlderThan(draft).then((r) => setMessage(`Deleted ${plural(r.visits, 'ticket record')} and ${plural(r.notes, 'note')}.`));
          }}
        >
          Delete now
        </button>
        <button type="button" class="rd-button rd-button-quiet" onClick={() => setMonths(months > 0 ? 0 : draft)}>
          {months > 0 ? 'Turn automatic retention off' : `Keep only ${draft} months automatically`}
        </button>
      </div>
      {message && <p class="rd-small rd-ok" role="status">{message}</p>}
    </div>
  );
}

/** Erase reply records by date range and by agent (#15): e.g. an imported bundle's bad week. */
function EraseRepliesPanel() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [agent, setAgent] = useState('*');
  const [message, setMessage] = useState('');
  const agents = useReplyAgents();
  const filter: ReplyEraseFilter = {
    from: from ? Date.parse(`${from}T00:00:00`) : undefined,
    // The "to" day is included: up to the start of the next day.
    to: to ? Date.parse(`${to}T00:00:00`) + 86_400_000 : undefined,
    agent: agent === '*' ? undefined : agent,
  };
  const count = useReplyEraseCount(filter, [from, to, agent]);
  return (
    <div class="rd-card" data-testid="erase-replies">
      <h2>Erase reply records</h2>
      <p class="rd-small rd-muted">Reply records (never the replies’ text) feed the Quality view. Erase those of a period, of one agent, or both.</p>
      <div class="rd-erase-replies">
        <label>
          From <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} data-testid="erase-replies-from" />
        </label>
        <label>
          to <input type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} data-testid="erase-replies-to" />
        </label>
        <label>
          Agent{' '}
          <select value={agent} onChange={(e) => setAgent(e.currentTarget.value)} data-testid="erase-replies-agent">
            <option value="*">every agent</option>
            <option value="">you (this device)</option>
            {agents.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="rd-small" data-testid="erase-replies-count">
        {plural(count, 'reply record')} {count === 1 ? 'matches' : 'match'}.
      </p>
      <button
        type="button"
        class="rd-danger-button"
        disabled={count === 0}
        data-testid="erase-replies-confirm"
        onClick={() => {
          if (!confirm(`Erase ${plural(count, 'reply record')} from this device? This cannot be undone.`)) return;
          void eraseReplyRecords(filter).then((n) => setMessage(`Erased ${plural(n, 'reply record')}.`));
        }}
      >
        Erase reply records
      </button>
      {message && (
        <p class="rd-small" role="status">
          {message}
        </p>
      )}
    </div>
  );
}

function ErasePanel() {
  const masked = usePresentation();
  const [query, setQuery] = useState('');
  const [target, setTarget] = useState<string>('');
  const [message, setMessage] = useState('');
  const q = query.trim().toLowerCase();
  const matches = useCustomerMatches(q);
  const { customer: chosen, preview } = useErasePreview(target);
  return (
    <div class="rd-card">
      <h2>Erase a customer</h2>
      <p class="rd-small rd-muted">Removes the customer and everything about them: tickets, notes, facts, follow-ups, reply records and merge history.</p>
      <input type="search" class="rd-search" placeholder="Name or email" value={query} onInput={(e) => { setQuery(e.currentTarget.value); setTarget(''); }} aria-label="Find a customer to erase" />
      {matches.length > 0 && !chosen && (
        <ul class="rd-pick">
          {matches.map((c) => (
            <li key={c.id}>
              <button type="button" class="rd-link" onClick={() => setTarget(c.id)}>
                {displayName(c, masked)} {c.emails[0] ? `· ${showEmail(c.emails[0], masked)}` : ''}
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen && preview && (
        <div class="rd-preview">
          <p>
            Erase <strong>{displayName(chosen, masked)}</strong>: {joinWords([plural(preview.visits, 'ticket'), plural(preview.notes, 'note'), plural(preview.facts, 'fact'), plural(preview.followUps, 'follow-up'), plural(preview.replies, 'reply record'), ...(preview.disputes ? [plural(preview.disputes, '“not right” record')] : [])])}.
          </p>
          <button
            type="button"
            class="rd-button rd-danger-button"
            onClick={() => {
              if (!confirm(`Erase ${displayName(chosen, masked)} and everything about them from this device? This cannot be undone.`)) return;
              void eraseOne(chosen.id).then(() => {
                setMessage('Erased.');
                setTarget('');
                setQuery('');
              });
            }}
          >
            Erase everywhere
          </button>
        </div>
      )}
      {message && <p class="rd-small rd-ok" role="status">{message}</p>}
    </div>
  );
}

export function DataView({ counts: n }: { counts?: Record<string, number> }) {
  const [presentation, setPresentation] = usePresentationPref();
  const counts = [
    [n?.customers ?? 0, 'customer'],
    [n?.visits ?? 0, 'ticket'],
    [n?.notes ?? 0, 'note'],
    [n?.followUps ?? 0, 'follow-up'],
    [n?.replies ?? 0, 'reply record'],
  ] as const;
  return (
    <section class="rd-view" aria-labelledby="data-title">
      <header class="rd-view-head">
        <h1 id="data-title">Your data</h1>
      </header>
      <div class="rd-card rd-statement" data-testid="data-statement">
        <h2>What Rapport stores, and where</h2>
        <p>
          <strong>Nothing leaves this device.</strong> Rapport has no server, no account, no analytics and no telemetry. It makes network requests only to your
          helpdesk’s own site, with your existing login.
        </p>
        <ul class="rd-list">
          <li>
            <strong>Where:</strong> in this browser profile, in Rapport’s own storage (IndexedDB database “rapport” and extension storage). Helpdesk pages and other
            sites cannot read it.
          </li>
          <li>
            <strong>What:</strong> customers (name, email addresses, helpdesk ids, profile you entered), tickets opened with Rapport (number, subject, status, when),
            notes, facts and follow-ups you wrote, and for each sent reply which standards it met and how long the customer waited. Conversation text is not stored.
          </li>
          <li>
            <strong>Now:</strong> <span data-testid="data-counts">{joinWords(counts.map(([n, w]) => plural(n, w)))}</span>.
          </li>
          <li>
            <strong>How to remove it:</strong> erase one customer below, delete old records with retention, or remove the extension (the browser deletes all of its
            data). Exported bundles are files you control: delete them like any file.
          </li>
        </ul>
      </div>
      <div class="rd-grid">
        <ExportPanel />
        <ImportPanel />
        <RetentionPanel />
        <ErasePanel />
        <EraseRepliesPanel />
        <div class="rd-card">
          <h2>Presentation mode</h2>
          <p class="rd-small rd-muted">For screen sharing and training: names as initials, emails and phone numbers masked, in the sidebar and here.</p>
          <label class="rd-check">
            <input type="checkbox" checked={presentation} onChange={(e) => setPresentation(e.currentTarget.checked)} data-testid="presentation-toggle" /> Presentation mode
          </label>
        </div>
      </div>
    </section>
  );
}
