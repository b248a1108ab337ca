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
import { adherenceByWeek, perAgent, repliesCounted, responseDistribution, ticketUrl } from '@/lib/dashboard/queries';
import { DEFAULT_PACK } from '@/lib/standards/pack';
import { day } from './identity';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

/** Colour-blind-safe palette (Okabe–Ito), with lighter variants for dark backgrounds. */
const LIGHT = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#6b6b00', '#000000'];
const DARK = ['#56B4E9', '#FF8C42', '#3DDC97', '#E89AC7', '#F0C050', '#9ED8F7', '#D4D45A', '#E7E9EC'];

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
    palette: dark ? DARK : LIGHT,
    accent: style.getPropertyValue('--rd-accent').trim() || '#0f6e66',
    danger: style.getPropertyValue('--rd-danger').trim() || '#b3261e',
  };
}

export function QualityView() {
  const data = useReplyStats();
  const stats = data.stats;
  const total = useMemo(() => repliesCounted(stats), [stats]);
  const target = DEFAULT_PACK.responseTime.defaultMinutes * 60_000;
  const adherence = useMemo(() => adherenceByWeek(stats), [stats]);
  const dist = useMemo(() => responseDistribution(stats, target), [stats, target]);
  const agents = useMemo(() => perAgent(stats, target), [stats, target]);
  // The examples read reply records: only once the charts are on screen.
  const examples = useFailingRules(useAfterFirstRows(data.loaded && total === 0));
  const failing = examples.failing;

  const lineRef = useChart(() => {
    const t = theme();
    return {
      type: 'line',
      data: {
        labels: adherence.weeks.map((w) => day(w)),
        datasets: Object.entries(adherence.rules).map(([rule, values], i) => ({
          label: ruleLabel(rule),
          data: values.map((v) => (v === null ? null : Math.round(v * 100))),
          borderColor: t.palette[i % t.palette.length],
          backgroundColor: t.palette[i % t.palette.length],
          spanGaps: true,
          cubicInterpolationMode: 'monotone',
          borderWidth: 2,
          pointRadius: 3,
        })),
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
        plugins: { legend: { position: 'bottom', labels: { color: t.text, boxWidth: 12 } } },
      },
    };
  }, [adherence]);

  const barRef = useChart(() => {
    const t = theme();
    const edgesMin = [15, 30, 60, 120, 240, 480, 1440, Infinity];
    return {
      type: 'bar',
      data: {
        labels: dist.labels,
        datasets: [
          {
            label: 'Replies',
            data: dist.counts,
            backgroundColor: edgesMin.map((e, i) => ((i === 0 ? 0 : edgesMin[i - 1]!) < target / 60_000 ? t.accent : t.danger)),
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
  }, [dist]);

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
          <div class="rd-card rd-wide">
            <h2>Adherence per standard, by week</h2>
            <div class="rd-chart rd-chart-tall">
              <canvas ref={lineRef} role="img" aria-label="Share of replies meeting each standard, per week" />
            </div>
          </div>
          <div class="rd-card">
            <h2>Response time</h2>
            <p class="rd-muted rd-small">
              {dist.timed ? `${pct(dist.within / dist.timed)} of ${dist.timed} timed replies within the ${Math.round(target / 3_600_000)} h target` : 'No response times recorded.'}
            </p>
            <div class="rd-chart">
              <canvas ref={barRef} role="img" aria-label="Response-time distribution against the target" />
            </div>
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
                    <td class="rd-num">{pct(a.readiness)}</td>
                    <td class="rd-num">{a.withinTarget === null ? '—' : pct(a.withinTarget)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
