/** Shapes of the reply checklist (issue #4): what a rule sees and what it answers. */
import type { RuleState } from '../db/types';
import type { StandardsPack } from './pack';
import type { RuleId } from './rule-ids';

export type { RuleState };
export { RULE_IDS, type RuleId } from './rule-ids';

/** A range of characters. In rule results it is a range of the draft; in questions and mood, of the customer's text. */
export interface Evidence {
  start: number;
  end: number;
  text: string;
}

export interface RuleResult {
  rule: RuleId;
  state: RuleState;
  /** One plain line naming the words that decided it. */
  why: string;
  evidence: Evidence[];
  /** Not applied because the text is in a language the rule does not read (state 'na'). */
  notChecked?: true;
}

export interface Question extends Evidence {
  answered: boolean;
  /** A complaint taken as the request when the customer asked nothing outright. */
  implicit?: boolean;
  /**
   * The ask model read it below SURE_ASK (judge.ts): listed with the questions, but a reply that skips it
   * does not fail the checklist or hold a send (most such "asks" are no ask at all).
   */
  unsure?: boolean;
  /** The words and parse that made it an ask ("could you", "imperative"). */
  because?: string[];
}

export type MoodLabel = 'upset' | 'worried' | 'neutral' | 'positive';

export interface Mood {
  label: MoodLabel;
  /** Sum of word scores (AFINN-style, negation-aware, tuned for support); negative: unhappy. */
  score: number;
  /** The customer's words behind the score, as ranges of the joined customer text. */
  evidence: Evidence[];
  /** Why, in plain words (strongest first): the model's deciding words, repeat contact. */
  reasons?: string[];
  /** Set on an upset or worried reading only: sure of it (the model leans hard that way, or the thread shows it growing) or not. */
  sure?: boolean;
  /** The message is not in English, which the mood model reads: nothing was read, the label is neutral. */
  notEnglish?: true;
}

/** Which texts are not in English, the language the checks read (lib/standards/language.ts). */
export interface NotEnglish {
  customer?: true;
  draft?: true;
}

export interface CustomerName {
  name?: string;
  preferredName?: string;
  /**
   * Others who wrote the customer's latest messages (a colleague on copy answering for them, as the
   * helpdesk names them on their messages): a reply greeting one of them greets by name.
   */
  alsoWriting?: string[];
  /**
   * Whom to greet when it is not the customer's own name: who wrote or signed their newest message
   * (the greeting helper offers it; a failing greeting suggests it).
   */
  greetAs?: string;
}

/** A promise made to this customer that is still open (customer memory's follow-ups). */
export interface OpenPromise {
  text: string;
  dueAt?: number;
}

export interface EvaluateInput {
  draft: string;
  customerMessages: string[];
  /** The ticket's subject: what they say when their message only points to it ("See subject") or is empty. */
  subject?: string;
  customer: CustomerName;
  standards: StandardsPack;
  now: number;
  /** When the customer's latest message arrived (ms). */
  receivedAt?: number;
  /** When the team last replied publicly on the ticket, before that message (ms): a live exchange needs no new greeting. */
  lastReplyAt?: number;
  channel?: string;
  priority?: string;
  openPromises?: OpenPromise[];
}

/** What every rule is given: the input plus the analysis shared by several rules, computed once. */
export interface RuleContext extends EvaluateInput {
  /** The customer's messages joined with blank lines; question and mood ranges point into it. */
  customerText: string;
  questions: Question[];
  mood: Mood;
  /** Which texts are not in English (rules that read English are not applied to them; see Rule.reads). */
  notEnglish?: NotEnglish;
}

export type Verdict = Omit<RuleResult, 'rule'>;

export interface Rule {
  id: RuleId;
  /** The service standard it belongs to (personal recognition, empathy, …). */
  standard: string;
  /** Short label for the sidebar. */
  label: string;
  /**
   * Which texts it reads as English (lib/standards/language.ts): 'both' (the default) the draft and the
   * customer's message, 'draft' the draft only, 'any' neither (a name, a placeholder, a clock). A rule
   * is not applied to a text in another language: no verdict rather than a wrong one.
   */
  reads?: 'both' | 'draft' | 'any';
  check(ctx: RuleContext): Verdict;
}

export interface ResponseClock {
  receivedAt: number;
  targetMs: number;
  deadline: number;
}

export interface Evaluation {
  results: RuleResult[];
  questions: Question[];
  mood: Mood;
  /** 0..1: weighted share of the applicable rules that pass. */
  readiness: number;
  /** Set when the response-time rule applies: lets the sidebar count down live. */
  responseClock?: ResponseClock;
  /** Set when the customer's message or the draft is not in English, the checks' language (lib/standards/language.ts). */
  notEnglish?: NotEnglish;
}

export const pass = (why: string, evidence: Evidence[] = []): Verdict => ({ state: 'pass', why, evidence });
export const fail = (why: string, evidence: Evidence[] = []): Verdict => ({ state: 'fail', why, evidence });
export const na = (why: string): Verdict => ({ state: 'na', why, evidence: [] });

/** How many words the sidebar's mood line names (the acknowledges item names three of them). */
export const MOOD_LINE_WORDS = 4;

/** What the sidebar's mood line shows: the label, the words behind it and whether it is only a "may be". */
export function moodLine(mood: Mood, max = MOOD_LINE_WORDS): { label: string; words: string[]; unsure?: boolean } {
  return { label: mood.label, words: moodWords(mood.evidence, max), ...(mood.sure === false ? { unsure: true } : {}) };
}

/** An ask the reply has not met and that counts against it (not one the ask model is unsure of). */
export const countsAgainstReply = (q: Pick<Question, 'answered' | 'unsure'>) => !q.answered && !q.unsure;

/** What the question map shows of each ask (not its offsets or features: the view crosses to the sidebar frame). */
export function questionsView(questions: readonly Question[]): { text: string; answered: boolean; implicit?: boolean; unsure?: boolean }[] {
  return questions.map((q) => ({ text: q.text, answered: q.answered, implicit: q.implicit, unsure: q.unsure }));
}

/** The words a mood line names: each once ("killed", not "killed", "killed", "killed"), in text order, at most `max`. */
export function moodWords(evidence: readonly Evidence[], max: number): string[] {
  return eachWordOnce(evidence).slice(0, max).map((e) => e.text);
}

/** The first hit of each word, case aside, in the order given. */
export function eachWordOnce(hits: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return hits.filter((h) => !seen.has(h.text.toLowerCase()) && !!seen.add(h.text.toLowerCase()));
}
