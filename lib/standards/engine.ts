/**
 * The reply checklist's engine (issue #4): a pure function of the draft, the customer's latest
 * messages, the customer and the team's standards. Used by the background (live checklist), the
 * CLI (scripts/evaluate.ts) and the benchmark.
 */
import { type Evaluation, type EvaluateInput, type Mood, type Question, type Rule, type RuleContext, type RuleResult } from './types';
import { isEnglish, readLanguage } from './language';
import { agentWords, theirWords, withSubject } from './mail-text';
import { withdraws } from './wrap-up';
import { findAsks, judgeAddressed } from './judge';
import { LIMITS } from './judge-features';
import { moodOfOwnWords } from './mood';
import { findQuestions } from './text';
import { markAnswered } from './answers-questions';
import { RULES } from './rules';
import { responseTarget, ruleSettings } from './pack';

/**
 * What the customer says now, read once per new message (the agent's keystrokes leave it alone):
 * their own words in each message, not what their mail added (lib/standards/mail-text.ts), the
 * subject when the body only points to it; after a "Never mind, I found it" only that last word,
 * since what they asked before is withdrawn (and "please ignore" asks for nothing). Then their
 * language, asks and mood.
 */
function customerSide(messages: readonly string[], subject = ''): CustomerSide {
  const key = [...messages.slice(-LIMITS.messages), subject];
  if (cached && cached.key.length === key.length && cached.key.every((m, i) => m === key[i])) return cached.side;
  const own = withSubject(key.slice(0, -1).map(theirWords), subject);
  const withdrawn = withdraws(own.at(-1) ?? '');
  const customerMessages = withdrawn ? own.slice(-1) : own;
  const customerText = capText(customerMessages.join('\n\n'), LIMITS.customerChars);
  const english = isEnglish(customerText);
  const side = { customerMessages, customerText, withdrawn, english, questions: english ? asksIn(customerText) : [], mood: moodOfOwnWords(customerText) };
  cached = { key, side };
  return side;
}
interface CustomerSide {
  customerMessages: string[];
  customerText: string;
  withdrawn: boolean;
  english: boolean;
  questions: Question[];
  mood: Mood;
}
let cached: { key: readonly string[]; side: CustomerSide } | undefined;

/** The customer's asks; with nothing asked, the complaint itself is what the reply must take up (checklist only; it is not an ask). */
function asksIn(text: string): Question[] {
  const questions: Question[] = findAsks(text).map(({ start, end, text: asked, because, unsure }) => ({ start, end, text: asked, answered: false, because, ...(unsure && { unsure }) }));
  return questions.length ? questions : findQuestions(text).filter((q) => q.implicit);
}

/**
 * Which texts are not in English, the checks' language: the customer's message, the draft. A draft
 * too short to tell ("Hallo Anna,") is taken to be in the customer's language.
 */
function notEnglish(customerEnglish: boolean, draft: string): Evaluation['notEnglish'] {
  const written = readLanguage(draft);
  const draftEnglish = written === undefined ? customerEnglish : written === 'english';
  if (customerEnglish && draftEnglish) return undefined;
  return { ...(!customerEnglish && { customer: true }), ...(!draftEnglish && { draft: true }) } as const;
}

/** A rule that reads a text not in English gives no verdict (Rule.reads). */
function notReadBy(rule: Rule, unread: Evaluation['notEnglish']): RuleResult | undefined {
  const reads = rule.reads ?? 'both';
  if (reads === 'any' || !(unread?.draft || (reads === 'both' && unread?.customer))) return undefined;
  const what = unread.draft ? 'your reply is' : 'their message is';
  return { rule: rule.id, state: 'na', why: `Not checked: ${what} not in English`, evidence: [], notChecked: true };
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
  // The agent's own words: a reply box that carries the thread under the reply ("On Mon, Sam wrote:
  // > …") would lend the customer's capitals and hedges to the draft (lib/standards/mail-text.ts).
  const draft = capText(whole.draft, LIMITS.draftChars);
  const input = { ...whole, draft: agentWords(draft) };
  const side = customerSide(whole.customerMessages, whole.subject);
  const { customerMessages, customerText } = side;
  const unread = notEnglish(side.english, input.draft);
  // A reply in another language is not judged against the asks: none is listed as skipped.
  const questions = unread?.draft || side.withdrawn ? [] : markAddressed(side.questions, input.draft, customerText);
  const ctx: RuleContext = { ...input, customerMessages, customerText, questions, mood: side.mood, ...(unread && { notEnglish: unread }) };
  const results: RuleResult[] = [];
  let earned = 0;
  let possible = 0;
  for (const rule of RULES) {
    const settings = ruleSettings(input.standards, rule.id);
    if (!settings.on) continue;
    const verdict = notReadBy(rule, unread) ?? { rule: rule.id, ...rule.check(ctx) };
    results.push(verdict);
    if (verdict.state === 'na') continue;
    possible += settings.weight;
    if (verdict.state === 'pass') earned += settings.weight;
  }
  const evaluation: Evaluation = {
    results,
    questions,
    mood: side.mood,
    readiness: possible ? Math.round((earned / possible) * 100) / 100 : 1,
    ...(unread && { notEnglish: unread }),
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
