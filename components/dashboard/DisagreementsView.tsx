/**
 * Disagreements (issue #12): where agents said "not right" to a checklist verdict or a cue — per rule
 * (count, and share of the verdicts recorded for it), the cases, and an evaluation file for
 * `npm run evaluate` so a team can calibrate its standards on its own tickets.
 */
import { download } from '@/lib/download';
import { useEffect, useState } from 'preact/hooks';
import { markFirstRows, useDisputes } from '@/lib/dashboard/live';
import { describeExport, disagreementsByRule, evaluationFile } from '@/lib/disputes/evaluation';
import { useTicketUrl } from './ticket-links';
import type { Dispute } from '@/lib/db/disputes';
import { usePresentation } from '../presentation';
import { dayTime, showText } from './identity';

const label = (id: string) => id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
const VERDICT: Record<string, string> = { pass: 'said it passes', fail: 'said it needs work', na: 'said not applicable', shown: 'showed the cue' };

export function DisagreementsView() {
  const { loaded, disputes, weeks } = useDisputes();
  const masked = usePresentation();
  const [exported, setExported] = useState<string | undefined>();
  useEffect(() => {
    if (loaded) markFirstRows('disagreements');
  }, [loaded]);
  const rows = disagreementsByRule(disputes, weeks);
  const exportFile = () => {
    const file = evaluationFile(disputes);
    if (file.exported) download(`rapport-disagreements-${new Date().toISOString().slice(0, 10)}.jsonl`, file.jsonl, 'application/x-ndjson');
    setExported(file.exported ? describeExport(file) : `Nothing to export: ${describeExport(file).replace(/^Exported 0 cases; /, '')}`);
  };
  return (
    <section class="rd-view" aria-labelledby="disagreements-title" data-testid="disagreements">
      <header class="rd-view-head">
        <h1 id="disagreements-title">Disagreements</h1>
        <p class="rd-muted">Where agents said a checklist verdict or a cue was not right.</p>
      </header>
      {!loaded ? (
        <p class="rd-muted">Loading…</p>
      ) : disputes.length === 0 ? (
        <p class="rd-empty">No disagreements yet. Agents can click “not right” beside any checklist item or cue.</p>
      ) : (
        <>
          <div class="rd-card">
            <h2>Per rule</h2>
            <table class="rd-table" data-testid="disagreement-rules">
              <thead>
                <tr>
                  <th>Rule or cue</th>
                  <th class="rd-num">Not right</th>
                  <th class="rd-num">Verdicts recorded</th>
                  <th class="rd-num">Share</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.kind}:${r.rule}`} data-rule={r.rule}>
                    <td>
                      {label(r.rule)} <span class="rd-badge rd-badge-quiet">{r.kind === 'cue' ? 'cue' : 'checklist'}</span>
                    </td>
                    <td class="rd-num">{r.disputes}</td>
                    <td class="rd-num">{r.verdicts ?? '—'}</td>
                    <td class="rd-num" title={r.share === undefined ? 'No sent replies recorded for this rule' : 'Disputes (drafts included) per verdict recorded on sent replies'}>
                      {r.share === undefined ? '—' : `${Math.round(r.share * 100)}%`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p class="rd-muted rd-small" style={{ marginTop: "8px" }}>Share: disputes per verdict recorded on sent replies for that rule; disputes on drafts that were never sent count too.</p>
          </div>
          <div class="rd-card">
            <div class="rd-view-head">
              <h2>Cases</h2>
              <button type="button" class="rd-button" data-testid="export-disagreements" onClick={exportFile}>
                Export as evaluation file
              </button>
            </div>
            {exported && (
              <p class="rd-muted" role="status" data-testid="export-status">
                {exported}
              </p>
            )}
            <ul class="rd-notes" data-testid="disagreement-cases">
              {disputes.map((d) => (
                <Case key={d.id} d={d} masked={masked} />
              ))}
            </ul>
          </div>
        </>
      )}
    </section>
  );
}

function Case({ d, masked }: { d: Dispute; masked: boolean }) {
  const ticketUrl = useTicketUrl();
  const url = d.ticket ? ticketUrl(d.ticket) : undefined;
  return (
    <li class="rd-note" data-testid="disagreement-case" data-rule={d.rule}>
      <p class="rd-note-text">
        <strong>{label(d.rule)}</strong> — Rapport {VERDICT[d.verdict] ?? d.verdict}: {showText(d.why, masked)}
      </p>
      {d.evidence.length > 0 && <p class="rd-small">Words: {d.evidence.map((e) => `“${showText(e.text, masked)}”`).join(', ')}</p>}
      {d.draft !== undefined && (
        <details>
          <summary class="rd-small">Draft and message</summary>
          {d.customerMessages?.map((m, i) => (
            <p key={i} class="rd-note-text rd-small">
              <span class="rd-muted">Customer: </span>
              {showText(m, masked)}
            </p>
          ))}
          <p class="rd-note-text rd-small">
            <span class="rd-muted">Draft: </span>
            {showText(d.draft, masked)}
          </p>
        </details>
      )}
      <p class="rd-muted rd-small">
        {dayTime(d.at)}
        {d.ticket && (
          <>
            {' · '}
            {url ? (
              <a href={url} target="_blank" rel="noopener noreferrer">
                #{d.ticket.ticketId}
              </a>
            ) : (
              `#${d.ticket.ticketId}`
            )}
          </>
        )}
        {d.draft === undefined && d.kind === 'rule' && ' · saved without the text'}
      </p>
    </li>
  );
}
