/**
 * The reply checklist's engine (issue #4): a pure function of the draft, the customer's latest
 * messages, the customer and the team's standards. Used by the background (live checklist), the
 * CLI (scripts/evaluate.ts) and the benchmark.
 */
import { type Evaluation, type EvaluateInput, type Mood, type Question, type RuleContext, type RuleResult } from './types';
import { findAsks, judgeAddressed } from './judge';
import { LIMITS } from './judge-features';
import { threadMood } from './mood';
import { findQuestions } from './text';
import { markAnswered } from './answers-questions';
import { RULES } from './rules';
import { responseTarget, ruleSettings } from './pack';

/** The customer side only changes when a new message arrives: cache the last analysis. */
let cached: { text: string; questions: Question[]; mood: Mood } | undefined;

function customerSide(text: string) {
  if (cached?.text !== text) {
    let questions: Question[] = findAsks(text).map(({ start, end, text: asked, because, unsure }) => ({ start, end, text: asked, answered: false, because, ...(unsure && { unsure }) }));
    // Nothing asked: the complaint itself is what the reply must take up (checklist only; it is not an ask).
    if (!questions.length) questions = findQuestions(text).filter((q) => q.implicit);
    cached = { text, questions, mood: threadMood(text) };
  }
  return cached;
}

const capText = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

/**
 * Each ask judged against the draft by the addressed model (the ask, the reply's parse, shared
 * words), beside the other asks. An ask written twice word for word is one ask, judged once, as
 * judgeExchange measures it.
 */
function markAddressed(questions: Question[], draft: string, customerText: string): Question[] {
  const verdicts = new Map<string, boolean>();
  const addressed = (text: string) => {
    let yes = verdicts.get(text);
    if (yes === undefined) verdicts.set(text, (yes = judgeAddressed(text, draft, customerText, questions.filter((o) => o.text !== text).map((o) => o.text)).yes));
    return yes;
  };
  return questions.map((q) => (q.implicit ? markAnswered([q], draft, customerText)[0]! : { ...q, answered: addressed(q.text) }));
}

export function evaluateReply(whole: EvaluateInput): Evaluation {
  // Bounded work (issue #15): the engine reads at most LIMITS characters of each side (the first ones).
  const input = { ...whole, draft: capText(whole.draft, LIMITS.draftChars) };
  const customerText = capText(whole.customerMessages.slice(-LIMITS.messages).join('\n\n'), LIMITS.customerChars);
  const side = customerSide(customerText);
  const questions = markAddressed(side.questions, input.draft, customerText);
  const ctx: RuleContext = { ...input, customerText, questions, mood: side.mood };
  const results: RuleResult[] = [];
  let earned = 0;
  let possible = 0;
  for (const rule of RULES) {
    const settings = ruleSettings(input.standards, rule.id);
    if (!settings.on) continue;
    const verdict = rule.check(ctx);
    results.push({ rule: rule.id, ...verdict });
    if (verdict.state === 'na') continue;
    possible += settings.weight;
    if (verdict.state === 'pass') earned += settings.weight;
  }
  const evaluation: Evaluation = {
    results,
    questions,
    mood: side.mood,
    readiness: possible ? Math.round((earned / possible) * 100) / 100 : 1,
  };
  if (input.receivedAt !== undefined && ruleSettings(input.standards, 'response-time').on) {
    const targetMs = responseTarget(input.standards, input.channel, input.priority);
    evaluation.responseClock = { receivedAt: input.receivedAt, targetMs, deadline: input.receivedAt + targetMs };
  }
  return evaluation;
}

/** Failing critical rules of an evaluation (shown first in the sidebar; "not ready" while any fails). */
export function failingCritical(evaluation: Evaluation, standards: EvaluateInput['standards']): RuleResult[] {
  return evaluation.results.filter((r) => r.state === 'fail' && ruleSettings(standards, r.rule).critical);
}
