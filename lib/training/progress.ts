/**
 * Trainees' progress (issue #16): scores per standard over time, and the CSV and JSON reports a
 * trainer hands on. CSV cells go through the exchange's `safeCell` (formula cells neutralised).
 */
import Papa from 'papaparse';
import { safeCell } from '../exchange/csv';
import type { Attempt } from './types';

export interface StandardTrend {
  rule: string;
  label: string;
  /** Per attempt, oldest first: the item's state (undefined when the rule was off then). */
  states: (Attempt['states'][string] | undefined)[];
  /** Share of applicable attempts that passed, 0..100; undefined when never applicable. */
  passRate?: number;
}

export interface TraineeProgress {
  trainee: string;
  attempts: Attempt[];
  /** Average score of the attempts, 0..100. */
  average: number;
  /** Score of the latest attempt minus the first one. */
  change: number;
  standards: StandardTrend[];
}

export function traineeProgress(trainee: string, attempts: Attempt[], labels: Record<string, string>): TraineeProgress {
  const sorted = [...attempts].sort((a, b) => a.at - b.at);
  const rules = Object.keys(labels).filter((rule) => sorted.some((a) => a.states[rule] !== undefined));
  const standards = rules.map((rule): StandardTrend => {
    const states = sorted.map((a) => a.states[rule]);
    const applicable = states.filter((s) => s === 'pass' || s === 'fail');
    const passed = applicable.filter((s) => s === 'pass').length;
    return { rule, label: labels[rule] ?? rule, states, ...(applicable.length ? { passRate: Math.round((passed / applicable.length) * 100) } : {}) };
  });
  const average = sorted.length ? Math.round(sorted.reduce((sum, a) => sum + a.score, 0) / sorted.length) : 0;
  const change = sorted.length > 1 ? sorted.at(-1)!.score - sorted[0]!.score : 0;
  return { trainee, attempts: sorted, average, change, standards };
}

const iso = (at: number) => new Date(at).toISOString();

/** One row per attempt, one column per standard. */
export function attemptsCsv(attempts: Attempt[], labels: Record<string, string>): string {
  const rules = Object.keys(labels);
  const rows = [...attempts]
    .sort((a, b) => a.trainee.localeCompare(b.trainee) || a.at - b.at)
    .map((a) => ({
      trainee: safeCell(a.trainee),
      when: iso(a.at),
      scenario: safeCell(a.scenarioTitle),
      score: String(a.score),
      pack: safeCell(`${a.packId} v${a.packVersion}`),
      ...Object.fromEntries(rules.map((r) => [labels[r] ?? r, a.states[r] ?? ''])),
      reply: safeCell(a.draft),
    }));
  return Papa.unparse(rows, { quotes: true, newline: '\r\n' });
}

/** A report for the trainer: per trainee, their average, change and pass rate per standard. */
export function progressReport(progress: TraineeProgress[], now: number) {
  return {
    format: 'rapport-training-report',
    version: 1,
    createdAt: iso(now),
    trainees: progress.map((p) => ({
      trainee: p.trainee,
      attempts: p.attempts.length,
      averageScore: p.average,
      change: p.change,
      standards: Object.fromEntries(p.standards.map((s) => [s.label, { passRate: s.passRate ?? null, states: s.states.map((x) => x ?? null) }])),
      history: p.attempts.map((a) => ({ at: iso(a.at), scenario: a.scenarioTitle, score: a.score })),
    })),
  };
}
