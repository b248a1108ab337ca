import { useEffect, useRef } from 'preact/hooks';
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
import { markFirstRows } from '@/lib/dashboard/live';
import type { Adherence, responseDistribution } from '@/lib/dashboard/queries';
import { day } from '../identity';
import { seriesStyle } from '../palette';
import { ruleLabel } from './labels';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

export type ResponseDistribution = ReturnType<typeof responseDistribution>;

export function useChart(config: () => ChartConfiguration, deps: unknown[]) {
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

/** One line per standard: the share of replies meeting it, per week. */
export function adherenceChart(adherence: Adherence): ChartConfiguration {
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
}

/** How long customers waited, in buckets. */
export function responseChart(dist: ResponseDistribution): ChartConfiguration {
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
}
