/**
 * The reply checklist's engine (issue #4): a pure function of the draft, the customer's latest
 * messages, the customer and the team's standards. Used by the background (live checklist), the
 * CLI (scripts/evaluate.ts) and the benchmark.
 */
import { type Evaluation, type EvaluateInput, type Mood, type Question, type Rule, type RuleContext, type RuleResult } from './types';
import { isEnglish, readLanguage } from './language';
import { quotedMailAt, theirWords } from './mail-text';
import { withdraws } from './wrap-up';
import { findAsks, judgeAddressed } from './judge';
import { LIMITS } from './judge-features';
import { threadMood } from './mood';
import { findQuestions } from './text';
import { markAnswered } from './answers-questions';
import { RULES } from './rules';
import { responseTarget, ruleSettings } from './pack';

/** The customer side only changes when a new message arrives: cache the last analysis. */
let cached: { text: string; english: boolean; questions: Question[]; mood: Mood } | undefined;

function customerSide(text: string) {
  if (cached?.text !== text) {
    const english = isEnglish(text);
    cached = { text, english, questions: english ? asksIn(text) : [], mood: threadMood(text) };
  }
  return cached;
}

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

/**
 * What the customer says now: their own words in each message, not the earlier mail quoted under a
 * reply (lib/standards/mail-text.ts); after a "Never mind, I found it" only that last word, since
 * what they asked before is withdrawn (and "please ignore" asks for nothing).
 */
function customerWords(messages: readonly string[], subject = '') {
  const latest = [...messages.slice(-LIMITS.messages), subject];
  // The same messages on every keystroke while the agent types: read once.
  if (lastWords && lastWords.messages.length === latest.length && lastWords.messages.every((m, i) => m === latest[i])) return lastWords.words;
  const own = withSubject(latest.slice(0, -1).map(theirWords), subject);
  const withdrawn = withdraws(own.at(-1) ?? '');
  const customerMessages = withdrawn ? own.slice(-1) : own;
  const words = { customerMessages, customerText: capText(customerMessages.join('\n\n'), LIMITS.customerChars), withdrawn };
  lastWords = { messages: latest, words };
  return words;
}
let lastWords: { messages: readonly string[]; words: { customerMessages: string[]; customerText: string; withdrawn: boolean } } | undefined;

/**
 * A mail whose body only points to its subject ("See subject.", "As per subject", nothing but a
 * greeting or an attachment) says it in the subject ("Refund for order 1042"): read the subject as
 * their first words. A "Re:"/"Fwd:" is not theirs.
 */
function withSubject(own: string[], subject: string): string[] {
  const about = subject.replace(/^\s*(?:(?:re|fwd?|aw|sv|vs)\s*:\s*)+/i, '').trim();
  if (!about) return own;
  // What is left without what only greets, signs off or signs ("Hi,", "Thanks, Sam", "Uma").
  const parts = own
    .join('\n')
    .split(/\n|(?<=[.!?])\s+/)
    .map((p) => p.trim().replace(/^\W*(?:hi|hello|hey|dear)\b[^,.!?\n]{0,30}[,.!]\s*/i, '').trim())
    .filter(Boolean);
  const said = parts.filter((p, i) => !GREETS_OR_SIGNS.test(p) && !(i > 0 && GREETS_OR_SIGNS.test(parts[i - 1]!) && /^\p{L}[\p{L}.'’ -]{0,24}$/u.test(p)));
  return said.every((p) => SEE_SUBJECT.test(p)) ? [about, ...own] : own;
}
const SEE_SUBJECT = /^\W*(?:(?:please )?(?:see|as per|per|refer to|read) (?:the |my )?subject|(?:as )?subject(?: says it all)?)\W*$/i;
/** A line that only greets or signs off: "Hi,", "Hello Sam,", "Thanks,", "Best regards". */
const GREETS_OR_SIGNS = /^\W*(?:(?:hi|hello|hey|dear)\b[^,.!?]{0,30}|(?:(?:many |big )?thanks?(?: you)?(?: in advance)?|(?:kind |best |warm )?regards|best|cheers|br|sincerely)(?:,\s*\p{L}[\p{L}.'’-]{0,20})?)\W*$/iu;

export function evaluateReply(whole: EvaluateInput): Evaluation {
  // Bounded work (issue #15): the engine reads at most LIMITS characters of each side (the first ones).
  // The agent's own words: a reply box that carries the thread under the reply ("On Mon, Sam wrote:
  // > …") would lend the customer's capitals and hedges to the draft (lib/standards/mail-text.ts).
  const draft = capText(whole.draft, LIMITS.draftChars);
  const input = { ...whole, draft: draft.slice(0, quotedMailAt(draft)) };
  const { customerMessages, customerText, withdrawn } = customerWords(whole.customerMessages, whole.subject);
  const side = customerSide(customerText);
  const unread = notEnglish(side.english, input.draft);
  // A reply in another language is not judged against the asks: none is listed as skipped.
  const questions = unread?.draft || withdrawn ? [] : markAddressed(side.questions, input.draft, customerText);
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
