/**
 * What the team's "not right" clicks add up to (issue #12): disagreement per rule for the dashboard,
 * and the disputed cases as an evaluation file for `npm run evaluate` (the JSONL of
 * lib/standards/cli.ts, with `expected` labels as in test/corpus/*.jsonl). Pure functions of rows.
 */
import type { Dispute } from '../db/disputes';
import type { ReplyWeek } from '../db/reply-stats';

export interface RuleDisagreement {
  rule: string;
  kind: Dispute['kind'];
  disputes: number;
  /** Verdicts recorded for the rule on sent replies (pass + fail), where replies were recorded. */
  verdicts?: number;
  /** disputes / verdicts, when there are verdicts. Disputes on drafts never sent count too. */
  share?: number;
  latest: number;
}

/** One row per disputed rule or cue, most disputed first. */
export function disagreementsByRule(disputes: Dispute[], weeks: ReplyWeek[]): RuleDisagreement[] {
  const verdicts = new Map<string, number>();
  for (const w of weeks) for (const [rule, [passed, failed]] of Object.entries(w.rules)) verdicts.set(rule, (verdicts.get(rule) ?? 0) + passed + failed);
  const rows = new Map<string, RuleDisagreement>();
  for (const d of disputes) {
    const key = `${d.kind}:${d.rule}`;
    const row = rows.get(key) ?? { rule: d.rule, kind: d.kind, disputes: 0, latest: 0 };
    row.disputes++;
    row.latest = Math.max(row.latest, d.at);
    rows.set(key, row);
  }
  for (const row of rows.values()) {
    const n = row.kind === 'rule' ? verdicts.get(row.rule) : undefined;
    if (n) {
      row.verdicts = n;
      row.share = row.disputes / n;
    }
  }
  return [...rows.values()].sort((a, b) => b.disputes - a.disputes || b.latest - a.latest || a.rule.localeCompare(b.rule));
}

/** What the agent says the verdict should have been: the other of pass/fail; unknown for n/a. */
const CORRECTED: Record<string, string | undefined> = { pass: 'fail', fail: 'pass' };

export interface EvaluationExport {
  /** One JSON object per line, each accepted by `npm run evaluate`. */
  jsonl: string;
  exported: number;
  /** Checklist disputes stored without the text (the agent did not tick "include the text"). */
  withoutText: number;
  /** Cue disputes: not replies, so not cases for the reply evaluator. */
  cues: number;
}

export function evaluationFile(disputes: Dispute[]): EvaluationExport {
  const lines: string[] = [];
  let withoutText = 0;
  let cues = 0;
  for (const d of [...disputes].sort((a, b) => a.at - b.at)) {
    if (d.kind === 'cue') {
      cues++;
      continue;
    }
    if (d.draft === undefined || !d.customerMessages?.length) {
      withoutText++;
      continue;
    }
    const corrected = CORRECTED[d.verdict];
    lines.push(
      JSON.stringify({
        id: `dispute-${d.id}`,
        customerMessages: d.customerMessages,
        draft: d.draft,
        ...(corrected ? { expected: { [d.rule]: corrected } } : {}),
        disputed: { rule: d.rule, verdict: d.verdict, why: d.why, evidence: d.evidence, at: new Date(d.at).toISOString(), ...(d.packId ? { packId: d.packId, packVersion: d.packVersion } : {}) },
      }),
    );
  }
  return { jsonl: lines.map((l) => `${l}\n`).join(''), exported: lines.length, withoutText, cues };
}

/** "Exported 3 cases; 2 left out for lack of text; 1 cue dispute is not a reply case." */
export function describeExport(e: EvaluationExport): string {
  const parts = [`Exported ${e.exported} ${e.exported === 1 ? 'case' : 'cases'}`];
  if (e.withoutText) parts.push(`${e.withoutText} left out for lack of text (saved without “include the text”)`);
  if (e.cues) parts.push(e.cues === 1 ? '1 cue dispute is not a reply case' : `${e.cues} cue disputes are not reply cases`);
  return `${parts.join('; ')}.`;
}
