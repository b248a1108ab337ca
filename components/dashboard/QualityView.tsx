import { useEffect, useMemo, useRef } from 'preact/hooks';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { markFirstRows, useAfterFirstRows, useFailingRules, useReplyStats } from '@/lib/dashboard/live';
import { useStored } from '@/lib/dashboard/live';
import { adherenceByWeek, adherenceTotals, MIN_CHART_REPLIES, perAgent, repliesCounted, responseDistribution, tooLittleToChart } from '@/lib/dashboard/queries';
import { DEFAULT_PACK, parsePack, type StandardsPack } from '@/lib/standards/pack';
import { duration } from '@/lib/standards/response-time';
import { PREF } from '@/lib/prefs';
import { formatNumber, joinWords, plural } from '../format';
import { day } from './identity';
import { seriesStyle } from './palette';
import { useTicketUrl } from './ticket-links';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);


const ruleLabel = (id: string) => id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
const pct = (x: number) => `${Math.round(x * 100)}%`;

function useChart(config: () => ChartConfiguration, deps: unknown[]) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, config());
    markFirstRows('quality');
    const media = matchMedia('(prefers-color-scheme: dark)');
    const redraw = () => {
      const next = config();
      chart.data = next.data;
      chart.options = next.options ?? {};
      chart.update();
    };
    media.addEventListener('change', redraw);
    return () => {
      media.removeEventListener('change', redraw);
      chart.destroy();
    };
  }, deps);
  return canvas;
}

function theme() {
  const style = getComputedStyle(document.documentElement);
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  return {
    text: style.getPropertyValue('--rd-text').trim() || (dark ? '#e7e9ec' : '#1d2127'),
    muted: style.getPropertyValue('--rd-muted').trim() || (dark ? '#a3abb5' : '#5c6570'),
    grid: style.getPropertyValue('--rd-border').trim() || (dark ? '#363c44' : '#dde1e6'),
    dark,
    accent: style.getPropertyValue('--rd-accent').trim() || '#0f6e66',
    danger: style.getPropertyValue('--rd-danger').trim() || '#b3261e',
  };
}

/** The team's pack (Options), for naming the response-time targets replies were measured against. */
function usePack(): StandardsPack {
  const [stored] = useStored<unknown>(PREF.standardsPack, undefined);
  return useMemo(() => {
    if (stored === undefined) return DEFAULT_PACK;
    const parsed = parsePack(stored);
    return parsed.ok ? parsed.pack : DEFAULT_PACK;
  }, [stored]);
}

/** "chat 5 min, urgent 1 h, email and low priority 1 day; otherwise 4 h". */
export function describeTargets(pack: StandardsPack): string {
  const each = pack.responseTime.targets.map((t) => {
    const what = [t.channel, t.priority && `${t.priority} priority`].filter(Boolean).join(' and ') || 'any reply';
    return `${what} ${duration(t.minutes * 60_000)}`;
  });
  const otherwise = `${each.length ? 'otherwise ' : ''}${duration(pack.responseTime.defaultMinutes * 60_000)}`;
  return each.length ? `${joinWords(each)}; ${otherwise}` : otherwise;
}

export function QualityView() {
  const ticketUrl = useTicketUrl();
  const data = useReplyStats();
  const stats = data.stats;
  const pack = usePack();
  const total = useMemo(() => repliesCounted(stats), [stats]);
  const little = useMemo(() => tooLittleToChart(stats), [stats]);
  const adherence = useMemo(() => adherenceByWeek(stats), [stats]);
  const totals = useMemo(() => adherenceTotals(stats), [stats]);
  const dist = useMemo(() => responseDistribution(stats), [stats]);
  const agents = useMemo(() => perAgent(stats), [stats]);
  const partly = agents.reduce((n, a) => n + a.partlyChecked, 0);
  // Words instead of charts: the first rows are on screen once the totals table is.
  useEffect(() => {
    if (data.loaded && little && total > 0) markFirstRows('quality');
  }, [data.loaded, little, total]);
  // The examples read reply records: only once the charts are on screen.
  const examples = useFailingRules(useAfterFirstRows(data.loaded && total === 0));
  const failing = examples.failing;

  const lineRef = useChart(() => {
    const t = theme();
    return {
      type: 'line',
      data: {
        labels: adherence.weeks.map((w) => day(w)),
        datasets: Object.entries(adherence.rules).map(([rule, values], i) => {
          const style = seriesStyle(i, t.dark);
          return {
            label: ruleLabel(rule),
            data: values.map((v) => (v === null ? null : Math.round(v * 100))),
            borderColor: style.colour,
            backgroundColor: style.colour,
            borderDash: style.dash,
            pointStyle: style.pointStyle,
            spanGaps: true,
            cubicInterpolationMode: 'monotone',
            borderWidth: 2,
            pointRadius: 4,
          };
        }),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        color: t.text,
        scales: {
          y: { min: 0, max: 100, ticks: { color: t.muted, callback: (v) => `${v}%` }, grid: { color: t.grid } },
          x: { ticks: { color: t.muted }, grid: { color: t.grid } },
        },
        plugins: { legend: { position: 'bottom', labels: { color: t.text, boxWidth: 8, boxHeight: 8, usePointStyle: true } } },
      },
    };
  }, [adherence, little]);

  const barRef = useChart(() => {
    const t = theme();
    return {
      type: 'bar',
      data: {
        labels: dist.labels,
        datasets: [
          {
            label: 'Replies',
            data: dist.counts,
            // One colour: each reply had its own target (its channel and priority), so no single
            // bucket edge separates "met" from "missed".
            backgroundColor: t.accent,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          y: { beginAtZero: true, ticks: { color: t.muted, precision: 0 }, grid: { color: t.grid } },
          x: { ticks: { color: t.muted }, grid: { display: false } },
        },
        plugins: { legend: { display: false } },
      },
    };
  }, [dist, little]);

  return (
    <section class="rd-view" aria-labelledby="quality-title">
      <header class="rd-view-head">
        <h1 id="quality-title">Reply quality</h1>
        <p class="rd-muted">How sent replies measured against the team’s standards when they were sent.</p>
      </header>
      {!data.loaded || (total === 0 && !examples.loaded) ? (
        <p class="rd-empty">Loading reply records…</p>
      ) : total === 0 && !examples.rebuilding ? (
        <div class="rd-card rd-empty" data-testid="quality-empty">
          <h2>No replies measured yet</h2>
          <p>
            When an agent sends a reply with Rapport’s checklist open, the reply’s result is recorded here: which standards it met, and how long the customer waited.
            Import bundles from your team under “Your data” to compare agents.
          </p>
        </div>
      ) : (
        <div class="rd-grid">
          {little ? (
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
                <canvas ref={lineRef} role="img" aria-label="Share of replies meeting each standard, per week" />
              </div>
            </div>
          )}
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
                <canvas ref={barRef} role="img" aria-label="How long customers waited for a reply" />
              </div>
            ) : (
              dist.timed > 0 && <p class="rd-small">Too few timed replies for a chart ({formatNumber(dist.timed)}).</p>
            )}
          </div>
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
                    <tr key={f.rule}>
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
                  ))}
                </tbody>
              </table>
            ) : (
              <p class="rd-muted">Every measured reply met every standard.</p>
            )}
          </div>
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
        </div>
      )}
    </section>
  );
}
