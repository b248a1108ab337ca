import type { Ref } from 'preact';
import type { TicketRef } from '@/lib/db/types';
import type { FailingExamples } from '@/lib/dashboard/live';
import { MIN_CHART_REPLIES, type Adherence, type AgentQuality, type FailingRule } from '@/lib/dashboard/queries';
import type { StandardsPack } from '@/lib/standards/pack';
import { formatNumber, plural } from '../../format';
import { useTicketUrl } from '../ticket-links';
import type { ResponseDistribution } from './charts';
import { describeTargets, pct, ruleLabel } from './labels';

export function QualityEmpty() {
  return (
    <div class="rd-card rd-empty" data-testid="quality-empty">
      <h2>No replies measured yet</h2>
      <p>
        When an agent sends a reply with Rapport’s checklist open, the reply’s result is recorded here: which standards it met, and how long the customer waited.
        Import bundles from your team under “Your data” to compare agents.
      </p>
    </div>
  );
}

/** Adherence per standard: weekly lines, or the totals in words while there is too little to chart. */
export function AdherenceCard(props: { little: boolean; total: number; adherence: Adherence; totals: [string, number, number][]; canvas: Ref<HTMLCanvasElement> }) {
  const { little, total, adherence, totals, canvas } = props;
  return little ? (
    <div class="rd-card rd-wide" data-testid="quality-little">
      <h2>Adherence per standard</h2>
      <p>
        {plural(total, 'reply', 'replies')} measured so far{adherence.weeks.length <= 1 ? ', all in one week' : ''}. Weekly charts start at {MIN_CHART_REPLIES} replies over two
        weeks or more; until then, the totals:
      </p>
      <table class="rd-table rd-table-compact">
        <thead>
          <tr>
            <th>Standard</th>
            <th class="rd-num">Met</th>
          </tr>
        </thead>
        <tbody>
          {totals.map(([rule, met, n]) => (
            <tr key={rule}>
              <td>{ruleLabel(rule)}</td>
              <td class="rd-num">
                {formatNumber(met)} of {formatNumber(n)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  ) : (
    <div class="rd-card rd-wide">
      <h2>Adherence per standard, by week</h2>
      <div class="rd-chart rd-chart-tall">
        <canvas ref={canvas} role="img" aria-label="Share of replies meeting each standard, per week" />
      </div>
    </div>
  );
}

export function ResponseTimeCard({ dist, pack, canvas }: { dist: ResponseDistribution; pack: StandardsPack; canvas: Ref<HTMLCanvasElement> }) {
  return (
    <div class="rd-card">
      <h2>Response time</h2>
      <p class="rd-muted rd-small" data-testid="response-summary">
        {dist.measured
          ? `${pct(dist.within / dist.measured)} of ${plural(dist.measured, 'reply', 'replies')} within their own target.`
          : dist.timed
            ? 'No reply was measured against a target (the response-time standard was off).'
            : 'No response times recorded.'}
      </p>
      <p class="rd-muted rd-small" data-testid="response-targets">
        Each reply is measured against the target for its channel and priority: {describeTargets(pack)}.
      </p>
      {dist.timed >= MIN_CHART_REPLIES ? (
        <div class="rd-chart">
          <canvas ref={canvas} role="img" aria-label="How long customers waited for a reply" />
        </div>
      ) : (
        dist.timed > 0 && <p class="rd-small">Too few timed replies for a chart ({formatNumber(dist.timed)}).</p>
      )}
    </div>
  );
}

export function FailingRulesCard({ examples }: { examples: FailingExamples }) {
  const ticketUrl = useTicketUrl();
  const failing = examples.failing;
  return (
    <div class="rd-card">
      <h2>Standards missed most</h2>
      {!examples.loaded || examples.rebuilding ? (
        <p class="rd-muted" data-testid="failing-loading">{examples.rebuilding ? 'Recounting the reply records…' : 'Finding recent examples…'}</p>
      ) : failing.length ? (
        <table class="rd-table">
          <thead>
            <tr>
              <th>Standard</th>
              <th class="rd-num">Missed</th>
              <th>Recent examples</th>
            </tr>
          </thead>
          <tbody>
            {failing.slice(0, 8).map((f) => (
              <FailingRuleRow key={f.rule} f={f} ticketUrl={ticketUrl} />
            ))}
          </tbody>
        </table>
      ) : (
        <p class="rd-muted">Every measured reply met every standard.</p>
      )}
    </div>
  );
}

function FailingRuleRow({ f, ticketUrl }: { f: FailingRule; ticketUrl: (t: TicketRef) => string | undefined }) {
  return (
    <tr>
      <td>{ruleLabel(f.rule)}</td>
      <td class="rd-num">
        {f.fails}/{f.applicable} ({pct(f.fails / f.applicable)})
      </td>
      <td>
        {f.examples.map((r) => {
          const url = ticketUrl(r);
          return url ? (
            <a key={r.id} href={url} target="_blank" rel="noopener noreferrer" class="rd-example">#{r.ticketId}</a>
          ) : (
            <span key={r.id} class="rd-example">#{r.ticketId}</span>
          );
        })}
      </td>
    </tr>
  );
}

export function PerAgentCard({ agents }: { agents: AgentQuality[] }) {
  const partly = agents.reduce((n, a) => n + a.partlyChecked, 0);
  return (
    <div class="rd-card">
      <h2>Per agent</h2>
      {agents.length < 2 && <p class="rd-muted rd-small">Import bundles from other agents to compare.</p>}
      <table class="rd-table" data-testid="per-agent">
        <thead>
          <tr>
            <th>Agent</th>
            <th class="rd-num">Replies</th>
            <th class="rd-num">Readiness</th>
            <th class="rd-num">Within target</th>
          </tr>
        </thead>
        <tbody>
          {agents.map((a) => (
            <tr key={a.agent}>
              <td>{a.agent || 'You'}</td>
              <td class="rd-num">{a.replies}</td>
              <td class="rd-num">{a.readiness === null ? '—' : pct(a.readiness)}</td>
              <td class="rd-num">{a.withinTarget === null ? '—' : pct(a.withinTarget)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {partly > 0 && (
        <p class="rd-muted rd-small rd-table-note" data-testid="partly-checked">
          Readiness leaves out {plural(partly, 'reply', 'replies')} checked only in part: the reply or the
          customer’s message was not in English.
        </p>
      )}
    </div>
  );
}
