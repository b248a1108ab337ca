import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { attemptsCsv, progressReport, traineeProgress } from '@/lib/training/progress';
import type { Attempt } from '@/lib/training/types';

const labels = { 'greets-by-name': 'Greets by name', closing: 'Warm close', 'knowledge-link': 'Links the help article' };
const attempt = (at: number, score: number, states: Attempt['states'], extra: Partial<Attempt> = {}): Attempt => ({
  id: `a${at}`,
  trainee: 'Ana',
  scenarioId: 's',
  scenarioTitle: 'The upset repeat customer',
  at,
  draft: 'Hi Dana',
  score,
  states,
  packId: 'rapport-default',
  packVersion: 1,
  ...extra,
});

describe('trainee progress', () => {
  it('gives each standard its states over time and pass rate, the average and the change', () => {
    const p = traineeProgress('Ana', [attempt(30, 90, { 'greets-by-name': 'pass', closing: 'pass' }), attempt(10, 40, { 'greets-by-name': 'fail', closing: 'na' })], labels);
    expect(p.attempts.map((a) => a.at)).toEqual([10, 30]);
    expect(p.average).toBe(65);
    expect(p.change).toBe(50);
    expect(p.standards).toEqual([
      { rule: 'greets-by-name', label: 'Greets by name', states: ['fail', 'pass'], passRate: 50 },
      { rule: 'closing', label: 'Warm close', states: ['na', 'pass'], passRate: 100 },
    ]);
    const report = progressReport([p], Date.UTC(2026, 0, 1));
    expect(report.trainees[0]).toMatchObject({ trainee: 'Ana', attempts: 2, averageScore: 65, change: 50, standards: { 'Greets by name': { passRate: 50 } } });
  });

  it('CSV: one row per attempt, a column per standard, formula cells neutralised', () => {
    const csv = attemptsCsv([attempt(10, 40, { 'greets-by-name': 'fail' }, { trainee: '=cmd|calc', draft: '@SUM(A1)', scenarioTitle: '+1' })], labels);
    const [header, row] = Papa.parse<string[]>(csv).data;
    expect(header).toEqual(['trainee', 'when', 'scenario', 'score', 'pack', 'Greets by name', 'Warm close', 'Links the help article', 'reply']);
    expect(row).toEqual(["'=cmd|calc", new Date(10).toISOString(), "'+1", '40', 'rapport-default v1', 'fail', '', '', "'@SUM(A1)"]);
    expect(csv.startsWith('"trainee"')).toBe(true);
  });
});
