/** Scoring the engine against a labelled corpus (test/corpus/replies.jsonl): shared by the bench script and the floor test. */
import { evaluateLine, type EvaluatedLine } from './cli';
import { RULE_IDS, type RuleId, type RuleState } from './types';

export interface CorpusRow {
  id: string;
  expected: Partial<Record<RuleId, RuleState>>;
  [key: string]: unknown;
}

export interface RuleScore {
  rule: RuleId;
  labelled: number;
  accuracy: number;
  /** Of the replies the engine failed, the share a team lead would fail too. */
  failPrecision: number;
  /** Of the replies a team lead would fail, the share the engine failed. */
  failRecall: number;
  passPrecision: number;
  passRecall: number;
  mistakes: { id: string; expected: RuleState; got: RuleState; why: string }[];
}

const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : 1);

export function scoreCorpus(jsonl: string): RuleScore[] {
  const rows = jsonl.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as CorpusRow);
  const got = new Map<string, EvaluatedLine>();
  rows.forEach((row, i) => {
    const out = evaluateLine(JSON.stringify(row), i + 1);
    if (out && 'results' in out) got.set(row.id, out);
  });
  return RULE_IDS.map((rule) => {
    const pairs: { id: string; expected: RuleState; got: RuleState; why: string }[] = [];
    for (const row of rows) {
      const expected = row.expected[rule];
      if (!expected) continue;
      const result = got.get(row.id)?.results.find((r) => r.rule === rule);
      pairs.push({ id: row.id, expected, got: result?.state ?? 'na', why: result?.why ?? '' });
    }
    const count = (pred: (p: (typeof pairs)[number]) => boolean) => pairs.filter(pred).length;
    return {
      rule,
      labelled: pairs.length,
      accuracy: ratio(count((p) => p.expected === p.got), pairs.length),
      failPrecision: ratio(count((p) => p.got === 'fail' && p.expected === 'fail'), count((p) => p.got === 'fail')),
      failRecall: ratio(count((p) => p.got === 'fail' && p.expected === 'fail'), count((p) => p.expected === 'fail')),
      passPrecision: ratio(count((p) => p.got === 'pass' && p.expected === 'pass'), count((p) => p.got === 'pass')),
      passRecall: ratio(count((p) => p.got === 'pass' && p.expected === 'pass'), count((p) => p.expected === 'pass')),
      mistakes: pairs.filter((p) => p.expected !== p.got),
    };
  });
}
