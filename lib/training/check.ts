/**
 * Scoring a practice reply (issue #16) with the same engine and pack as the sidebar's checklist:
 * `evaluateReply` (lib/standards/engine.ts) on the scenario's latest customer messages, then the
 * sidebar's own `checklistItems` for what to show. No rule is called directly here.
 */
import { evaluateReply } from '../standards/engine';
import { checklistItems } from '../standards/feature';
import type { ReplyEvaluation } from '../standards/messages';
import { ruleSettings, type StandardsPack } from '../standards/pack';
import { RULES } from '../standards/rules';
import type { RuleId } from '../standards/types';
import type { ChecklistItem } from '../../components/checklist/model';
import type { Scenario } from './types';
import { scenarioTicket } from './ticket';

export interface PracticeResult {
  evaluation: ReplyEvaluation;
  items: ChecklistItem[];
  /** 0..100 */
  score: number;
  failing: ChecklistItem[];
}

export function checkReply(scenario: Scenario, draft: string, pack: StandardsPack, realNow: number): PracticeResult {
  const ticket = scenarioTicket(scenario, realNow);
  const customer = ticket.customer;
  const evaluation = evaluateReply({
    draft,
    customerMessages: ticket.latest,
    customer: { ...(customer.name ? { name: customer.name } : {}), ...(customer.preferredName ? { preferredName: customer.preferredName } : {}) },
    standards: pack,
    now: ticket.now,
    channel: scenario.channel,
    ...(ticket.openPromises.length ? { openPromises: ticket.openPromises } : {}),
  });
  const full: ReplyEvaluation = {
    ...evaluation,
    packId: pack.id,
    packVersion: pack.version,
    critical: RULES.filter((r) => ruleSettings(pack, r.id).critical).map((r) => r.id),
    labels: Object.fromEntries(RULES.map((r) => [r.id, r.label])) as Partial<Record<RuleId, string>>,
    ...(pack.explanations ? { explanations: pack.explanations } : {}),
  };
  const items = checklistItems(full);
  return { evaluation: full, items, score: Math.round(full.readiness * 100), failing: items.filter((i) => i.state === 'fail') };
}

/** What the model answer passes that the trainee's reply does not: the strong reply's difference. */
export function differences(mine: PracticeResult, model: PracticeResult): ChecklistItem[] {
  const passedByModel = new Map(model.items.filter((i) => i.state === 'pass').map((i) => [i.rule, i]));
  return mine.failing.map((i) => passedByModel.get(i.rule)).filter((i): i is ChecklistItem => Boolean(i));
}
