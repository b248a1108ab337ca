/**
 * The trained judgements of the checklist engine (issue #12): upset, questions/requests, addressed,
 * next step, acknowledges feelings. Each answers with the clause that decided it and the model's
 * strongest features, so the checklist's "show" can point at the words. Background only.
 */
import upsetModel from './models/upset.json';
import askModel from './models/ask.json';
import addressedModel from './models/addressed.json';
import nextStepModel from './models/next-step.json';
import acknowledgesModel from './models/acknowledges.json';
import { asksAgain, BULLET, presentedRanges, type Clause } from './nlp';
import { clauseFeatures, wordBeginnings, wordOfBeginning } from './features';
import { readable, score, type LinearModel, type Scored } from './model';
import { acknowledgementOf, acknowledgesFeatures, addressedFeatures, askClauses, askFeatures, customerClauses, LIMITS, nextStepFeatures, opensRequest, replyClauses, stepsOf, upsetFeatures } from './judge-features';
import type { Evidence } from './types';
import { apologyNamesWhat, namesTheirProblem, saysItOutright } from './acknowledgement-phrases';
import type { Exchange } from './judgement';
import { respectfulLanguage } from './respectful-language';
import { asksOutright, keywords, SIGN_OFF } from './text';
import { onlyThanks } from './wrap-up';
import { answersYesNo, handledAtOnce, handsOn, handledOtherwise, saysSomething } from './answers-questions';
import { namesNothing, offersOrProtests } from './ask-phrases';
import { doneKinds, inRelease, setInMotion } from './step-phrases';
import { recurringFailure } from './cues';
import { DEFAULT_PACK } from './pack';

export const MODELS = {
  upset: upsetModel as LinearModel,
  ask: askModel as LinearModel,
  addressed: addressedModel as LinearModel,
  nextStep: nextStepModel as LinearModel,
  acknowledges: acknowledgesModel as LinearModel,
};

export interface Judged {
  yes: boolean;
  probability: number;
  /** The clause that weighed most toward the verdict (a range of the text judged). */
  clause?: Evidence;
  /** The model's strongest features as words ("could you", "imperative"). */
  because: string[];
}

/** A salutation a sentence opens with ("Hi Dana, ", "Hello all, "): not part of what it says. */
const SALUTATION = /^(?:hi|hello|hey|dear)\b[^,\n]{0,40},\s*/i;

/** The clause whose own words and parse push hardest toward the verdict. */
function decidingClause(model: LinearModel, clauses: Clause[], yes: boolean, featuresOfClause: ClauseFeatures): Evidence | undefined {
  let best: { c: Clause; s: number } | undefined;
  for (const c of clauses) {
    let s = 0;
    for (const f of featuresOfClause(c)) s += model.weights[f] ?? 0;
    if (!yes) s = -s;
    if (!best || s > best.s) best = { c, s };
  }
  if (!best || best.s <= 0) return undefined;
  // Without the salutation the clause may start with ("Hi Dana, I'm so sorry…") or its closing stop.
  const lead = SALUTATION.exec(best.c.text)?.[0].length ?? 0;
  const text = best.c.text.slice(lead).replace(/[\s.,;:!]+$/, '');
  return text ? { start: best.c.start + lead, end: best.c.start + lead + text.length, text } : undefined;
}

/** A clause's own features, as its model reads them. */
type ClauseFeatures = (c: Clause) => Iterable<string>;
/** The upset model also reads word beginnings (judge-features.ts upsetFeatures). */
const upsetClauseFeatures: ClauseFeatures = (c) => [...clauseFeatures(c), ...wordBeginnings(c.text)];

function judged(model: LinearModel, scored: Scored, clauses: Clause[], featuresOfClause: ClauseFeatures = clauseFeatures): Judged {
  return {
    yes: scored.yes,
    probability: scored.probability,
    clause: decidingClause(model, clauses, scored.yes, featuresOfClause),
    because: [...new Set(scored.strongest.flatMap((s) => wordsOf(s.feature, clauses)))],
  };
}

/** A feature as the words an agent reads: a word beginning ("s:frust") as the word the customer wrote ("frustrating"). */
function wordsOf(feature: string, clauses: Clause[]): string[] {
  if (!feature.startsWith('s:')) return [readable(feature)];
  for (const c of clauses) {
    const word = wordOfBeginning(feature, c.text);
    if (word) return [word];
  }
  return [];
}

/** Is the customer's latest message upset (frustration, anger, worry, urgency, loss)? */
export function judgeUpset(customer: string): Judged {
  let verdict = judged(MODELS.upset, score(MODELS.upset, upsetFeatures(customer)), customerClauses(customer), upsetClauseFeatures);
  if (verdict.yes && verdict.probability < GRATITUDE_VETO && (onlyThanks(customer) || CALM.test(customer))) verdict = { ...verdict, yes: false };
  // A recurring failure is upset even told flatly (GUIDELINE §4): the reading names it, and stays lukewarm.
  const recurs = verdict.yes ? undefined : recurringFailure(customer.slice(0, LIMITS.customerChars));
  return recurs ? { ...verdict, yes: true, clause: recurs, because: [recurs.text, ...verdict.because].slice(0, 3) } : verdict;
}

const GRATITUDE_VETO = 0.8;
/** They say outright it can wait ("Nothing urgent, but the logo looks blurry", "no rush", "not a big deal"). */
const CALM = /\b(?:nothing urgent|not urgent|no rush|no hurry|not a big deal|no big deal|low priority|minor (?:issue|thing|bug|point)|whenever you (?:get|have) (?:a chance|time)|when you get a chance|just (?:a )?(?:fyi|heads up)|not a priority)\b/i;

export interface Ask extends Evidence {
  probability: number;
  because: string[];
  /** Read below SURE_ASK: listed, but a skip of it is not called "not addressed". */
  unsure?: boolean;
}

/**
 * A phrase list that agrees with a model that leans yes tips the verdict: the lists are precise
 * but narrow, the model broad but short of examples ("I'd be upset too" had none).
 */
function backstop(s: Scored, phrase: boolean, lean = BACKSTOP): Scored {
  return !s.yes && phrase && s.probability >= lean ? { ...s, yes: true } : s;
}
const BACKSTOP = 0.2;

/**
 * Questions and requests in the customer's text: the clauses the model picks, each widened to its
 * sentence's neighbouring clauses that are not asks themselves ("Quick one: which plan…").
 */
export function findAsks(customer: string): Ask[] {
  const clauses = askClauses(customer);
  const presented = presentedRanges(customer.slice(0, LIMITS.customerChars)); // as far as the clauses go
  const reported = reportedFrom(clauses);
  const scored = clauses.map((c, i) => {
    const s = backstop(score(MODELS.ask, askFeatures(clauses, i)), opensRequest(clauses, i));
    // A template's heading ("### What happened?", "**Expected behaviour**") labels what follows, and
    // a message the customer copies ("it says\n\nPlease try again.") or reports ("It asked me to bring
    // changes or leave them") is not theirs: none of them asks anything.
    return notTheirAsk(customer, c, presented, reported) ? { ...s, yes: false } : s;
  });
  askListItems(customer, clauses, scored);
  withoutIntroductions(clauses, scored);
  const out: (Ask & { opens: boolean })[] = [];
  let i = 0;
  while (i < clauses.length) {
    if (!scored[i]!.yes) {
      i++;
      continue;
    }
    const [from, to] = widened(clauses, scored, i);
    // Not the dots or dashes a clause can open with ("......Please if it can't be solved…").
    // Nor the "and" a second question opens with ("…stored and is it possible to get it back?").
    const start = asksAgain(clauses[from]!) ? clauses[from]!.tokens[1]!.start : clauses[from]!.start + (LEAD.exec(customer.slice(clauses[from]!.start, clauses[to]!.end))?.[0].length ?? 0);
    const end = clauses[to]!.end;
    const best = scored.slice(i, to + 1).reduce((a, b) => (b.probability > a.probability ? b : a));
    // Whether one of its clauses opens like a request ("…and need to know if…", "which plan…").
    const opens = clauses.slice(from, to + 1).some((_, k) => opensRequest(clauses, from + k));
    const last = out.at(-1);
    if (last && followsUp(customer, last, start, clauses.slice(from, to + 1))) {
      // "Do you know if there is a way of recovering the notes? With a downgrade perhaps?": one ask.
      out[out.length - 1] = { ...last, end, text: customer.slice(last.start, end), probability: Math.max(last.probability, best.probability), opens: last.opens || opens };
    } else out.push({ start, end, text: customer.slice(start, end), probability: best.probability, because: best.strongest.map((x) => readable(x.feature)), opens });
    i = to + 1;
  }
  // "Please help" beside a specific ask the model is sure of is that ask said twice (one ask per thing
  // the reply must do); beside only a lukewarm guess it is the ask (CV question/request 0.857 → 0.859);
  // "let me know if you need more details" offers, and "Seriously?" protests: neither asks anything;
  // nor does a "?" or "$250?" without a word (a bare "?" nudge was listed as their question "?").
  const offered = bareAsksTogether(customer, out.filter((a) => /\p{L}/u.test(a.text) && !offersOrProtests(a.text)));
  const kept = offered.some((a) => !namesNothing(a.text) && a.probability >= SURE_ASK) ? withBareAsksJoined(customer, offered) : offered.map((a) => (namesNothing(a.text) ? withWhatItIsFor(customer, clauses, a, offered) : a));
  // Beside the clearest ask, another must be clear on its own (or open like a request: "which plan…",
  // "can I…"): a lukewarm second clause is far more often background, a guess or a complaint
  // ("Maybe I typed my email wrong?") than a second ask.
  const once = askedOnce(kept);
  const clearest = Math.max(...once.map((a) => a.probability));
  const asks = once.filter((a) => a.probability === clearest || a.probability >= ANOTHER_ASK || a.opens);
  return asks
    .sort((a, b) => b.probability - a.probability)
    .slice(0, LIMITS.asks)
    .sort((a, b) => a.start - b.start)
    .map(({ opens: _, ...ask }) => (countsIfSkipped(ask) ? ask : { ...ask, unsure: true }));
}

/**
 * The clauses one ask takes in, from clause i (an ask): the sentence's clauses before it that are not
 * asks, and after it every clause up to the sentence's last ask, other asks included ("Could you
 * check my order, and let me know when it ships?" is one ask), except one that opens with "and" and a
 * question of its own ("Where are notes stored and is it possible to get it back?": two).
 */
function widened(clauses: readonly Clause[], scored: readonly Scored[], i: number): [number, number] {
  const sentence = clauses[i]!.sentence;
  const inSentence = (k: number) => k >= 0 && k < clauses.length && clauses[k]!.sentence === sentence;
  let from = i;
  while (inSentence(from - 1) && !scored[from - 1]!.yes) from--;
  let to = i;
  const laterAsk = (k: number) => scored.slice(k).some((s, n) => s.yes && inSentence(k + n));
  while (inSentence(to + 1) && ((scored[to + 1]!.yes && !asksAgain(clauses[to + 1]!)) || !laterAsk(to + 1))) to++;
  return [from, to];
}

/**
 * The same ask said twice in one message ("Please initiate the refund for the same. … Please check and
 * initiate the refund."): one ask, the wording the model is surer of kept (the first on a tie). Said
 * again means two content words or more and most of the shorter wording's shared, in wordings of
 * like length: a long account of the problem holds a short ask's words without restating it. CV over
 * train + dev: 2 phantom asks gone, none lost (question/request 0.867 → 0.868); fresh dev the same.
 */
function askedOnce(asks: readonly Found[]): Found[] {
  const out: { ask: Found; said: ReadonlySet<string> }[] = [];
  for (const a of asks) {
    const said = keywords(a.text);
    const k = out.findIndex((b) => restates(said, b.said));
    if (k < 0) {
      out.push({ ask: a, said });
      continue;
    }
    const b = out[k]!.ask;
    const kept = a.probability > b.probability ? a : b;
    out[k] = { ask: { ...kept, probability: Math.max(a.probability, b.probability), opens: a.opens || b.opens }, said: kept === a ? said : out[k]!.said };
  }
  return out.map((o) => o.ask);
}
/** Whether two wordings' content words say the same ask (see askedOnce). */
function restates(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const shared = [...a].filter((k) => b.has(k)).length;
  const [fewer, more] = [Math.min(a.size, b.size), Math.max(a.size, b.size)];
  return shared >= 2 && shared >= 0.6 * fewer && fewer >= 0.5 * more;
}

const LEAD = /^[\s.…,;:\-–—]+(?=\S)/;

/**
 * What someone or something else asked of the customer, told as what happened ("It asked me to bring
 * changes or leave changes", "The App asked me to enter my password", "Someone in Reddit told me to
 * write a bug report here"): a report, not an ask of theirs. Seen on FreeScout as a listed question;
 * none of the four such clauses in train, dev and the fresh dev part is a labelled ask.
 */
const REPORTED_ASK = /\b(?:asked|told|prompted|instructed|advised|required)\s+(?:me|us)\s+to\b/i;
/**
 * A web form's question with the customer's answer after a colon ("How can we help?: I need an
 * invoice…", "What is your order number?: 10423"): the form asks, the answer is theirs.
 */
const formLabel = (customer: string, c: Clause) => /\?\s*$/.test(c.text) && /^[ \t]*:(?![-^']?[()DPpOo/\\|3*[\]])/.test(customer.slice(c.end)); // not "? :)"

/**
 * A pointer to what they attached ("Please see attached.", "Please find attached the screenshot",
 * "I've attached the log"): it shows, it asks nothing of the reply. "Please see attached." was
 * listed as a question the reply skipped; beside "The export button does nothing" it stood in for
 * the problem.
 */
const ATTACHED = /^\W*(?:(?:hi|hello|hey)\b[^,.!]{0,30}[,.!]?\s*)?(?:(?:please|kindly)\s+)?(?:(?:see|find|check|look at|refer to)\s+(?:the\s+|my\s+)?(?:attached|enclosed|attachments?|screenshots?\s+(?:below|attached))|(?:find|see)\s+(?:attached|enclosed)\b|(?:attached|enclosed)\s+(?:is|are|please find)\b|I(?:'ve| have)\s+(?:also\s+)?attached\b)/i;

/** A clause that asks nothing of the reply whatever its words: a heading, a form's label, a pointer to an attachment, a report, copied text. */
function notTheirAsk(customer: string, c: Clause, presented: readonly [number, number][], reported: ReadonlyMap<number, number>): boolean {
  return !!c.heading || formLabel(customer, c) || ATTACHED.test(c.text) || statedAsWhat(c.text) || c.start >= (reported.get(c.sentence) ?? Infinity) || presented.some(([from, to]) => c.start >= from && c.start < to);
}

/**
 * "What's FRUSTRATING about it is that I lose all my equipment", "What's weird is that it works in
 * Chrome": a statement put as "what … is that", which opens like a question (train split, read on
 * FreeScout as one of their questions). Not "What I need is a refund": that one asks.
 */
const STATED_AS_WHAT = /^\W*(?:(?:but|and|so|also)\s+)?what(?:['’]s|\s+is|\s+was)\s+(?:[\p{L}'’-]+\s+){0,4}?(?:is|was)\s+(?:that|how)\b/iu;
const statedAsWhat = (text: string) => STATED_AS_WHAT.test(text) && !text.includes('?');

/** Per sentence, where a report of what was asked of the customer starts: the rest of that sentence is the report. */
function reportedFrom(clauses: readonly Clause[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const c of clauses) if (!out.has(c.sentence) && REPORTED_ASK.test(c.text)) out.set(c.sentence, c.start);
  return out;
}

type Found = Ask & { opens: boolean };
/**
 * A bare call for help with no specific ask beside it takes in the sentence just before it, in the same
 * paragraph: "I can't find how to add our VAT number to the invoices. Can you please help me out?" is
 * one ask, and the agent should read what the help is for (a fresh dev set; GUIDELINE §1: a statement
 * of the customer's goal is an ask). Not a greeting, a heading, a line that introduces what follows, or
 * a sentence that is an ask itself.
 */
function withWhatItIsFor(customer: string, clauses: readonly Clause[], bare: Found, asks: readonly Found[]): Found {
  const first = clauses.find((c) => c.end > bare.start);
  const previous = first ? clauses.filter((c) => c.sentence === first.sentence - 1) : [];
  // Not a sentence that is an ask of its own (even one the model is unsure of).
  if (!previous.length || previous.some((c) => c.heading || asks.some((a) => a.start < c.end && a.end > c.start))) return bare;
  const start = previous[0]!.start;
  const sentence = customer.slice(start, previous.at(-1)!.end);
  if (!oneParagraph(customer, previous.at(-1)!.end, bare.start) || /:\s*$/.test(sentence) || sentence.replace(/\W+/g, ' ').trim().split(' ').length < 4) return bare;
  const from = start + (SALUTATION.exec(sentence)?.[0].length ?? 0);
  return { ...bare, start: from, text: customer.slice(from, bare.end) };
}

/** No blank line between `from` and `to`: still the same paragraph. */
const oneParagraph = (customer: string, from: number, to: number) => !/\n\s*\n/.test(customer.slice(Math.min(from, to), Math.max(from, to)));

/**
 * The asks without the bare calls for help; one written right next to an ask, in the same paragraph,
 * becomes part of its span ("…get to Barcelona by Friday night. Any suggestions?"): the same ask,
 * whichever half a reader would quote.
 */
function withBareAsksJoined(customer: string, asks: readonly Found[]): Found[] {
  const kept = asks.filter((a) => !namesNothing(a.text));
  for (const bare of asks.filter((a) => namesNothing(a.text))) {
    const k = kept.findIndex((a) => sideBySide(customer, a, bare));
    if (k < 0) continue;
    const a = kept[k]!;
    const start = Math.min(a.start, bare.start);
    const end = Math.max(a.end, bare.end);
    kept[k] = { ...a, start, end, text: customer.slice(start, end) };
  }
  return kept;
}

/** Nothing but spaces and punctuation between two spans, in one paragraph: written side by side. */
function sideBySide(customer: string, a: Evidence, b: Evidence): boolean {
  const [from, to] = a.end <= b.start ? [a.end, b.start] : [b.end, a.start];
  return /^[\s.,;:!?…\-–—]*$/.test(customer.slice(from, to)) && oneParagraph(customer, from, to);
}

/** Two bare calls for help side by side ("Please sort out. How to fix this now?") are one call, said twice. */
function bareAsksTogether(customer: string, asks: readonly Found[]): Found[] {
  const out: Found[] = [];
  for (const a of asks) {
    const last = out.at(-1);
    if (last && namesNothing(last.text) && namesNothing(a.text) && sideBySide(customer, last, a)) {
      out[out.length - 1] = { ...last, end: a.end, text: customer.slice(last.start, a.end), probability: Math.max(last.probability, a.probability), opens: last.opens || a.opens };
    } else out.push(a);
  }
  return out;
}

/**
 * A short question without a verb right after an ask, in the same paragraph, says more about that
 * ask ("With a downgrade perhaps?", "Or by email?"); so does what to do with its answer ("If so,
 * I'd like a refund.", "If not, please point me to the right page."): neither is an ask of its own.
 */
function followsUp(customer: string, previous: Ask, start: number, clauses: readonly Clause[]): boolean {
  const words = clauses.flatMap((c) => c.tokens).filter((t) => t.pos !== 'PUNCT' && t.pos !== 'SYM');
  const text = customer.slice(start, clauses.at(-1)!.end);
  // Not a protest or an offer ("Seriously?", "Or what?"): merged, it would take the ask down with it.
  if (offersOrProtests(text) || !/\?\s*$/.test(previous.text) || !oneParagraph(customer, previous.end, start)) return false;
  // "Is there a device limit? If so, I would like a refund.": what to do with the answer, not a new ask.
  if (ON_THE_ANSWER.test(text)) return true;
  return /\?\s*$/.test(text) && words.length <= 6 && !words.some((t) => t.pos === 'VERB' || t.pos === 'AUX');
}
const ON_THE_ANSWER = /^\W*(?:if (?:so|not|yes|no|that(?:'s| is) (?:the case|so|not the case))|otherwise|or else)\b/i;
/**
 * Below this the ask model is unsure an ask is one: a skip of it is not called "not addressed" (the
 * checklist, the send guard, the warnings); it stays listed. Chosen by 5-fold CV over train + dev (13th
 * session): the 5 "not addressed" warnings on real sent replies for asks read below 0.7 were all wrong
 * (3 of them no ask at all), and the project's own drafts lose nothing; at 0.8 and 0.9 (10 of 10 wrong
 * below it) the held-out drafts that skip a clear question start to pass (holdout-2 0.933 → 0.911 / 0.889).
 */
const SURE_ASK = 0.7;
/**
 * Between SURE_ASK and this, a skipped ask fails the reply only when it is put outright: a question
 * ("?", "what's the rate limit on it.", "I'd also like to know how long…", "if you could…") or a
 * request's opening ("please…", "can you…", "I was hoping we could…"). A lukewarm wish or statement
 * ("It would be useful to have an export", "Still neither the items … nor …", a bare imperative
 * copied from a form) stays listed, not counted. Chosen on CV over train + dev and the fresh dev part
 * (27th session): wrong "not addressed" warnings on real sent replies 12 → 9 (CV) and 5 → 4, no right
 * one lost; the project's drafts lose nothing (answers-questions on replies.jsonl 0.889 → 0.912,
 * holdout-2 0.933). Questions alone: 4 / 8 and 4 / 2, one right lost, and a "please cancel" list
 * item or "I was hoping we could stop billing" would no longer count; bare imperatives too: 4 / 10.
 */
const SURE_WARN = 0.9;
/** Whether a skip of this ask counts against the reply ("not addressed"). */
const countsIfSkipped = (ask: { probability: number; text: string }) => ask.probability >= SURE_WARN || (ask.probability >= SURE_ASK && asksOutright(ask.text));
/**
 * How sure the ask model must be of a second (third…) ask in one message, unless one of its clauses
 * opens like a request. Chosen on dev (5 Dec 2026, after the second labelling pass): question/request
 * F1 0.865 → 0.882 (0.884 with the opener exemption read per clause), better on every source; 0.7 to
 * 0.9 all land within 0.01 of it. On dev it cut 22 phantom asks and lost 5 real ones.
 */
const ANOTHER_ASK = 0.8;

/** A line that only introduces a list of requests ("Please:", "Could you:", "I would like you to:"). */
const LIST_INTRO = /^\W*(?:please|kindly|(?:can|could|would) you(?: please)?|i(?:'d| would) like(?: you)? to|i (?:need|want) you to)\s*:\s*$/i;

/** A list item's line: "- cancel my plan", "2) refund the charge", "1." on a line of its own (the parser's markers). */
const LIST_ITEM = new RegExp(`^[ \\t]*${BULLET.source.slice(1, -1)}(?:\\s|$)`);

/**
 * "Could you help me:" followed by a list ("1. Cancel the subscription 2. Refund the balance"): the
 * items are the asks, one each, and the line that introduces them asks nothing of its own. Items
 * are imperatives without "please", which the model alone often scores as statements.
 */
function askListItems(customer: string, clauses: readonly Clause[], scored: Scored[]): void {
  // A marked item, or a line of its own without a full stop (markup often loses the markers).
  const onListLine = (c: Clause, stops: boolean) => {
    const from = customer.lastIndexOf('\n', c.start - 1) + 1;
    const to = customer.indexOf('\n', c.end);
    const line = customer.slice(from, to < 0 ? customer.length : to).trim();
    return LIST_ITEM.test(line) || (line === c.text.trim() && (stops || !/[.!?]$/.test(line)) && /\s/.test(line) && !SIGN_OFF.test(line));
  };
  for (let i = 0; i < clauses.length; i++) {
    // After a bare "Please:" each line is an item, full stop or not ("Cancel my current subscription.").
    const intro = LIST_INTRO.test(clauses[i]!.text);
    if (!(scored[i]!.yes || intro) || !clauses[i]!.text.trimEnd().endsWith(':')) continue;
    const items: number[] = [];
    // The list ends at the first line that is not an item, or at a blank line after an item.
    for (let j = i + 1; j < clauses.length && onListLine(clauses[j]!, intro); j++) {
      const last = items.at(-1);
      if (last !== undefined && /\n[ \t]*\n/.test(customer.slice(clauses[last]!.end, clauses[j]!.start))) break;
      if (!BULLET.test(clauses[j]!.text.trim())) items.push(j);
    }
    if (!items.length) continue;
    // The items are asks alike, as sure as the surest of them and the line that introduced them; under a
    // bare "Please:" each is a clear request, as sure as a skipped ask must be to count against the reply.
    const sure = Math.max(scored[i]!.probability, ...items.map((j) => scored[j]!.probability), intro ? SURE_WARN : 0);
    for (const j of items) scored[j] = { ...scored[i]!, yes: true, probability: sure };
    scored[i] = { ...scored[i]!, yes: false };
  }
}

/**
 * A line that introduces the asks after it ("I need to know:", then three questions) asks nothing of
 * its own, as a list's introduction does not (askListItems): the asks are what follows. CV over train
 * + dev: one phantom ask gone, none lost (question/request 0.868 → 0.869); fresh dev the same.
 */
function withoutIntroductions(clauses: readonly Clause[], scored: Scored[]): void {
  for (let i = 0; i + 1 < clauses.length; i++) {
    const introduces = /:\s*$/.test(clauses[i]!.text) && clauses[i + 1]!.sentence !== clauses[i]!.sentence && scored[i + 1]!.yes;
    if (scored[i]!.yes && introduces) scored[i] = { ...scored[i]!, yes: false };
  }
}

const ENGAGES = ['reply:p:imperative', 'reply:p:we-will', 'reply:p:we-did', 'reply:p:question-mark', 'reply:p:you-instruction', 'reply:p:will-happen', 'reply:link'];

/** Does the reply address this ask (answer it, say how/when it is handled, or ask for what is needed)? */
export function judgeAddressed(ask: string, reply: string, customer: string, otherAsks: readonly string[] = []): Judged {
  const f = addressedFeatures(ask, reply, customer, otherAsks);
  let s = score(MODELS.addressed, f);
  const draft = reply.slice(0, LIMITS.draftChars);
  // A reply that takes up nothing of the ask, does nothing (no step, no question back, no link) and
  // says nothing beyond courtesy ("Hi Robin, thanks for asking!") does not address it.
  if (s.yes && !f.has('r:phrase-answered') && f.has('overlap:0') && !ENGAGES.some((k) => f.has(k)) && !saysSomething(draft)) s = { ...s, yes: false };
  // With several asks, one reply can meet one and skip another: a yes must be met on the ask's own words too —
  // unless the reply asks back, hands on or reports a deed done ("email?", "I've cancelled your
  // subscription"), or takes up none of its words and promises one: real staff handle several asks
  // at once that way (on train this guard was wrong 15 times in 19). A deed done, whatever words it
  // shares, and "on it" as a promise took wrong "not addressed" warnings from 38 to 33 on train and
  // 10 to 6 on dev, no right one lost. "I'll check on the invoice" still misses a second ask about
  // PO numbers (the project corpus's partial replies).
  const handled = handledAtOnce(draft) || (f.has('overlap:0') && handledOtherwise(draft));
  if (s.yes && otherAsks.length && !f.has('r:phrase-answered') && s.probability < 0.5 && !handled) s = { ...s, yes: false };
  // A lone ask is also addressed by a reply that asks for what is needed, hands it to whoever can
  // handle it, or says it is done (the guideline's ways besides an answer), or opens with a yes or a
  // no to a yes/no question, whatever words it uses. Beside other asks, a hand-on ("Please contact
  // support about your issue") handles each of them: "says how it will be handled (another team…)"
  // (dev accuracy 0.919 → 0.926).
  s = backstop(s, otherAsks.length ? handsOn(draft) : handledOtherwise(draft) || answersYesNo(ask, draft), 0);
  return { yes: s.yes, probability: s.probability, because: s.strongest.map((x) => readable(x.feature)) };
}

/**
 * How sure the next-step model must be to keep a step in a reply whose only step is a deed done.
 * Chosen on 5-fold CV over train + dev with the fresh dev set (6 Dec 2026): without the guard 0.918 /
 * 0.863, at 0.7 0.920 / 0.869, at 0.9 and 0.95 0.923 / 0.870, always 0.919 / 0.872.
 */
const DEED_ONLY_SURE = 0.9;
/**
 * A deed of ours or a done state, and nothing for the customer to do or to expect: no instruction,
 * promise, question, link or outcome ("…, so you stay signed in": what happens next, GUIDELINE §3).
 */
function onlyADeed(draft: string, steps: ReturnType<typeof stepsOf>): boolean {
  const kinds = doneKinds(draft);
  return kinds.deed && !kinds.instruction && !steps.later && !/\?|\b(?:https?:\/\/|www\.)/i.test(draft) && !OUTCOME.test(draft);
}
const OUTCOME = /\bso (?:that )?(?:you|it|they|your)\b|\b(?:you|it|they)(?:'re| are| is|'ll| will)? now\b|\bnow (?:you|it|they)\b/i;

/** Does the reply give a clear next step (an action for the customer, or what happens next)? */
export function judgeNextStep(reply: string): Judged {
  const draft = reply.slice(0, LIMITS.draftChars);
  const steps = stepsOf(draft);
  const inMotion = setInMotion(draft) || inRelease(draft);
  let s = backstop(backstop(score(MODELS.nextStep, nextStepFeatures(reply)), !!(steps.done || steps.later), 0.2), inMotion || !!steps.advice, 0);
  // "Done, nothing follows" ("I've unbanned you", "This was resolved via email") is no next step
  // (GUIDELINE §3) unless the model is sure; not beside an instruction, a promise, a question or a link.
  if (s.yes && s.probability < DEED_ONLY_SURE && !inMotion && onlyADeed(draft, steps)) s = { ...s, yes: false };
  return judged(MODELS.nextStep, s, replyClauses(reply));
}

/** Does the reply specifically acknowledge the customer's feeling or situation? */
export function judgeAcknowledges(reply: string, customer: string): Judged {
  const f = acknowledgesFeatures(reply, customer);
  const phrase = acknowledgementOf(reply.slice(0, LIMITS.draftChars), customer.slice(0, LIMITS.customerChars));
  // Naming the feeling ("I'd be annoyed too", "that sounds exhausting") — not a "sorry" formula,
  // unless the apology names their problem in their words ("sorry you were charged twice for March").
  const apology = !!phrase && /\b(?:sorry|apolog)/i.test(phrase.text);
  const named = !!phrase && (!apology || namesTheirProblem(phrase.text, customer.slice(0, LIMITS.customerChars)));
  // An apology that names what happened in words of its own ("sorry your product arrived damaged")
  // is the guideline's own example of acknowledging, whatever the model reads around it.
  // So is a sentence that names the feeling or owns the failure: a long, practical reply around it does not undo it.
  const namesWhat = apology ? apologyNamesWhat(phrase.text) : !!phrase && saysItOutright(phrase.text);
  let s = backstop(backstop(score(MODELS.acknowledges, f), named, 0.05), namesWhat, 0);
  // A lukewarm yes with nothing that names a feeling or situation outside a negation ("I don't understand
  // why you're upset") is a no; so is one whose only sign is an apology that names nothing ("Sorry about
  // your experience", "sorry you had a bad experience": GUIDELINE §5's generic formulas).
  const bareApology = apology && !named && !namesWhat;
  const cue = [...f.keys()].some((k) => k.startsWith('a:') && (!bareApology || !k.startsWith('a:sorry')));
  if (s.yes && (!phrase || bareApology) && s.probability < 0.6 && !cue) s = { ...s, yes: false };
  const verdict = judged(MODELS.acknowledges, s, replyClauses(reply));
  // The words to show are the acknowledgement itself where one was found: the clause whose own
  // features weigh most was often another ("So we do a batch process every 15 mins" beside "my
  // apologies for the delay in getting the license key"; 13 of the 44 yes on real train + dev replies).
  return verdict.yes && phrase ? { ...verdict, clause: phrase } : verdict;
}

export interface Prediction {
  upset: boolean;
  asks: (Evidence & { addressed: boolean | null; unsure?: boolean })[];
  nextStep: boolean | null;
  when: boolean | null;
  acknowledgesFeelings: boolean | null;
  respectful: boolean | null;
}

/** The engine's labels for one labelled exchange, in the labels' own shape (for evaluation). */
export function judgeExchange(row: Pick<Exchange, 'customer' | 'reply' | 'thread'>): Prediction {
  const { customer, reply } = row;
  const found = findAsks(customer);
  const asks = found.map(({ start, end, text, unsure }) => ({ start, end, text, unsure, addressed: reply ? judgeAddressed(text, reply, customer, found.filter((o) => o.text !== text).map((o) => o.text)).yes : null }));
  if (!reply) return { upset: judgeUpset(customer).yes, asks, nextStep: null, when: null, acknowledgesFeelings: null, respectful: null };
  const nextStep = judgeNextStep(reply).yes;
  return {
    upset: judgeUpset(customer).yes,
    asks,
    nextStep,
    // A when belongs to a step (the guideline: only meaningful when there is a next step).
    when: nextStep && !!stepsOf(reply).when,
    acknowledgesFeelings: judgeAcknowledges(reply, customer).yes,
    respectful: respectfulLanguage.check({ draft: reply, standards: DEFAULT_PACK } as Parameters<typeof respectfulLanguage.check>[0]).state !== 'fail',
  };
}

/** Addressed, judged on the labelled asks themselves (so its accuracy does not depend on finding them). */
export function judgeAddressedOn(row: Pick<Exchange, 'customer' | 'reply'>, asks: readonly { text: string }[]): boolean[] {
  return asks.map((a) => (row.reply ? judgeAddressed(a.text, row.reply, row.customer, asks.filter((o) => o !== a).map((o) => o.text)).yes : false));
}
