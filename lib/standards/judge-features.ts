/**
 * Features of each judgement the trained models make (issue #12), shared by training
 * (scripts/train.ts) and the engine: the words and parse of the text, plus what the older phrase
 * lists say (as features the model weighs, never as the verdict itself).
 */
import { parse, splitRunOn, type Clause } from './nlp';
import { clauseFeatures, clauseFlags, ngrams, wordBeginnings } from './features';
import { featuresOf, type Features } from './model';
import { findAll, keywordTags, keywords, looksLikeRequest, related, reportsProblem } from './text';
import { moodOf, shoutedWords } from './lexicon';
import { acknowledgement, GENERIC_APOLOGY } from './acknowledgement-phrases';
import { conditionalOffer, stepPhrases } from './step-phrases';
import { draftReadings, genericOffer, markAnswered, saysSomething } from './answers-questions';
import { memoText } from './memo';
import { customerCues, replyCues } from './cues';

/** The phrase lists' readings, kept for the last few texts (the customer's message stays put while the agent types). */
// Wrapped, not passed: the rules import this module back (next-step → judge → here), and a module
// loader that runs imports as objects (vite-node: `npm run train`) has not filled them in yet.
const moodOfText = memoText((text: string) => moodOf(text));
export const stepsOf = memoText((text: string) => stepPhrases(text));
export const acknowledgementOf = memoText((draft: string, customer: string) => acknowledgement(draft, customer));
const tagsOf = memoText((text: string) => keywordTags(text));

/** Caps per evaluation (bounded work, issue #15): longer text is judged on its first part. */
export const LIMITS = { customerChars: 2_500, draftChars: 5_000, messages: 20, clauses: 60, asks: 8 } as const;

const capped = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

export const customerClauses = (text: string): Clause[] => parse(capped(text, LIMITS.customerChars)).clauses.slice(0, LIMITS.clauses);
/** The customer's clauses as asks are found in them: a question run on after a statement stands apart. */
export const askClauses = (text: string): Clause[] => customerClauses(text).flatMap(splitRunOn);
export const replyClauses = (text: string): Clause[] => parse(capped(text, LIMITS.draftChars)).clauses.slice(0, LIMITS.clauses);

/** Everything said in a text: every clause's words, pairs and parse flags. */
function textFeatures(clauses: Clause[], into: Features = new Map()): Features {
  for (const c of clauses) featuresOf(clauseFeatures(c), into);
  return into;
}

const lengthBucket = (n: number) => (n < 80 ? 'len:short' : n > 800 ? 'len:long' : 'len:medium');

/**
 * Upset: the customer's latest message on its own. (Whether a thread was there says more about the
 * source than the mood; the thread's part — repetition, escalation — is lib/standards/mood.ts's.)
 */
export function upsetFeatures(customer: string): Features {
  const f = textFeatures(customerClauses(customer));
  // Words only, no word pairs: the pairs memorised sources rather than moods (dev F1 0.744 -> 0.757, a third of the size).
  for (const k of [...f.keys()]) if (k.startsWith('b:')) f.delete(k);
  const mood = moodOfText(capped(customer, LIMITS.customerChars));
  f.set(`r:mood-${mood.label}`, 1);
  if (mood.score <= -2) f.set('r:score<=-2', 1);
  if (mood.score <= -5) f.set('r:score<=-5', 1);
  if (shoutedWords(capped(customer, LIMITS.customerChars)).length >= 2) f.set('r:shouting', 1);
  f.set(lengthBucket(customer.length), 1);
  featuresOf(customerCues(capped(customer, LIMITS.customerChars)), f);
  featuresOf(wordBeginnings(capped(customer, LIMITS.customerChars)), f);
  return f;
}

/** A wh-word that goes on a sentence already under way: "They have webhooks which should give you…". */
const RELATIVE = /^\W*(?:which|who|whom|whose|where|when)\b/i;

/**
 * Whether clause `i` opens like a request ("please…", "could you…", "which plan is…"). Not a
 * relative clause without a "?" ("…webhooks which should give you all the information you need":
 * listed as an ask on FreeScout, train split).
 */
export function opensRequest(clauses: readonly Clause[], i: number): boolean {
  const c = clauses[i]!;
  const prev = clauses[i - 1];
  // Straight after a word of the same sentence: not after "Quick one:" or "I was wondering,".
  const relative = !!prev && prev.sentence === c.sentence && /[\p{L}\p{N}]$/u.test(prev.text) && RELATIVE.test(c.text) && !c.text.includes('?');
  return !relative && looksLikeRequest(c.text);
}

/** Is this clause of the customer's message a question or request? */
export function askFeatures(clauses: Clause[], i: number): Features {
  const c = clauses[i]!;
  const f = featuresOf(clauseFeatures(c));
  if (opensRequest(clauses, i)) f.set('r:request-opener', 1);
  if (reportsProblem(c.text)) f.set('r:problem', 1);
  if (i === 0) f.set('at:first', 1);
  if (i === clauses.length - 1) f.set('at:last', 1);
  if (c.tokens.length <= 3) f.set('size:tiny', 1);
  else if (c.tokens.length > 30) f.set('size:long', 1);
  const next = clauses[i + 1];
  if (next?.sentence === c.sentence && next.text.includes('?')) f.set('ctx:question-follows', 1);
  // An issue template's heading ("### What happened?"), words in quotes (an error message the customer copies), code.
  if (c.heading) f.set('ctx:heading', 1);
  if (c.tokens.some((t) => /^["“”`]$|^'$/.test(t.text)) || /["“”`]/.test(c.text)) f.set('ctx:quote-mark', 1);
  const prev = clauses[i - 1];
  if (prev && prev.sentence !== c.sentence && /:\s*$/.test(prev.text)) f.set('ctx:after-colon', 1);
  if (prev?.sentence === c.sentence && prev.text.includes('?')) f.set('ctx:question-before', 1);
  return f;
}

/** What an ask brings to the addressed model on its own (kept: the asks stay put while the agent types). */
const askSide = memoText((ask: string) => {
  const f: Features = new Map();
  const askClauses = parse(capped(ask, 2_000)).clauses;
  for (const c of askClauses) for (const flag of clauseFlags(c)) f.set(`ask:${flag}`, 1);
  for (const c of askClauses) for (const w of ngrams(c.tokens, 'ask')) if (w.startsWith('askw:')) f.set(w, 1);
  return { f, asked: [...keywords(ask)] };
}, 16);

/** What the reply brings to the addressed model, the same for every ask (one reading per draft). */
const replySide = memoText((reply: string) => {
  const f: Features = new Map();
  // A generic offer ("Any other questions?") is no question back: its clause gives the reply no parse flags.
  for (const c of replyClauses(reply)) if (!genericOffer(c.text)) for (const flag of clauseFlags(c)) f.set(`reply:${flag}`, 1);
  if (/https?:\/\//.test(reply)) f.set('reply:link', 1);
  f.set(`reply-${lengthBucket(reply.length)}`, 1);
  return { f, said: tagsOf(capped(reply, LIMITS.draftChars)) };
}, 2);

/**
 * The phrase lists' verdict on each ask of a set, read once for the whole set: every ask of a
 * message is judged beside the same others, so the draft is read once per keystroke, not once per
 * ask. (markAnswered's verdicts depend on which asks stand together, not on their order.)
 */
const phraseVerdicts = memoText((asks: string, reply: string, customer: string) => {
  const texts = JSON.parse(asks) as string[];
  const marked = markAnswered(texts.map((text) => ({ start: 0, end: text.length, text, answered: false })), reply, customer);
  return new Map(texts.map((text, i) => [text, marked[i]!.answered]));
}, 2);

/** Does the reply address this ask? Overlap of content words, the reply's parse, the ask's form. */
export function addressedFeatures(ask: string, reply: string, customer: string, otherAsks: readonly string[] = []): Features {
  const a = askSide(ask);
  const r = replySide(reply);
  const f: Features = new Map([...a.f, ...r.f]);
  const shared = a.asked.filter((k) => related(k).some((x) => r.said.has(x))).length;
  f.set(shared === 0 ? 'overlap:0' : shared === 1 ? 'overlap:1' : 'overlap:2+', 1);
  if (a.asked.length) f.set('overlap:ratio', shared / a.asked.length);
  // The phrase lists' verdict with the other asks beside it: each must be met on a word of its own.
  const others = otherAsks.slice(0, LIMITS.asks);
  const verdicts = phraseVerdicts(JSON.stringify([...new Set([ask, ...others])].sort()), capped(reply, LIMITS.draftChars), capped(customer, LIMITS.customerChars));
  if (verdicts.get(ask)) f.set('r:phrase-answered', 1);
  if (others.some((o) => verdicts.get(o))) f.set('r:other-answered', 1);
  for (const x of crossings(f, reply, otherAsks.length + 1)) f.set(x, 1);
  return f;
}

const has = (f: Features, ...keys: string[]) => keys.some((k) => f.has(k));

/** The kind of ask met by the kind of answer it needs ("when?" and a time, "how?" and steps, a request and an action). */
function crossings(f: Features, reply: string, asks: number): string[] {
  const out = [asks === 1 ? 'n:one-ask' : asks === 2 ? 'n:two-asks' : 'n:many-asks'];
  const d = draftReadings(capped(reply, LIMITS.draftChars));
  const action = has(f, 'reply:p:we-will', 'reply:p:we-did', 'reply:p:will-happen', 'reply:p:let-me') || d.acted;
  const steps = has(f, 'reply:p:imperative', 'reply:p:you-instruction', 'reply:link') || d.instructs;
  const request = has(f, 'ask:p:imperative', 'ask:p:modal-request', 'ask:p:please', 'ask:p:i-need');
  if (has(f, 'askw:when', 'askb:how_long', 'askw:eta')) out.push(stepsOf(capped(reply, LIMITS.draftChars)).when ? 'x:when-time' : 'x:when-no-time');
  if (has(f, 'askw:how', 'askw:where')) out.push(steps ? 'x:how-steps' : 'x:how-no-steps');
  if (has(f, 'ask:p:aux-question')) out.push(d.yesNo ? 'x:yesno-answer' : 'x:yesno-no-answer');
  if (request) out.push(action || d.refuses ? 'x:request-action' : steps ? 'x:request-steps' : 'x:request-nothing');
  if (has(f, 'reply:p:question-mark')) out.push('x:asks-back');
  if (d.refuses) out.push('x:refuses');
  // A refusal answers a request too (GUIDELINE §2: "Refusal with a reason addresses the ask").
  if (f.has('overlap:0') && !action && !steps && !d.refuses) out.push('x:nothing-shared-nothing-done');
  if (!saysSomething(capped(reply, LIMITS.draftChars))) out.push('x:says-nothing');
  return out;
}

/** A closing wish is no instruction ("please be safe and stay well", "have a great day!"). */
const WISH = /^\W*(?:and\s+)?(?:please\s+)?(?:be safe|stay (?:safe|well)|take care|have a (?:great|good|nice|lovely|wonderful) (?:day|week|weekend|evening|one))\b[\s\w]*\W*$/i;

/** Next step: a clear action for the customer or what happens next. */
export function nextStepFeatures(reply: string): Features {
  // A generic offer ("Do you have any more questions?") asks for nothing: its "?" is no step (GUIDELINE §3).
  const clauses = replyClauses(reply);
  const offers = clauses.filter((c) => genericOffer(c.text) || conditionalOffer(c.text) || WISH.test(c.text));
  const f = textFeatures(offers.length ? clauses.filter((c) => !offers.includes(c)) : clauses);
  if (offers.length) f.set('r:generic-offer', 1);
  const { done, later, when } = stepsOf(capped(reply, LIMITS.draftChars));
  if (done) f.set('r:done-step', 1);
  if (later) f.set('r:promised-step', 1);
  if (when) f.set('r:when', 1);
  f.set(lengthBucket(reply.length), 1);
  return f;
}

/** Acknowledges feelings: the reply recognises this customer's feeling or situation. */
export function acknowledgesFeatures(reply: string, customer: string): Features {
  const f = textFeatures(replyClauses(reply));
  const r = capped(reply, LIMITS.draftChars);
  if (acknowledgementOf(r, capped(customer, LIMITS.customerChars))) f.set('r:acknowledges', 1);
  if (findAll(r, GENERIC_APOLOGY).length) f.set('r:generic-apology', 1);
  const mood = moodOfText(capped(customer, LIMITS.customerChars)).label;
  if (mood === 'upset' || mood === 'worried') f.set('c:sounds-upset', 1);
  featuresOf(replyCues(r), f);
  return f;
}
