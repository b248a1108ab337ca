/**
 * Acknowledgement phrases (issue #4, #12): words that name the customer's feeling or situation, and
 * the generic apology that does not. Features of the acknowledges-feelings model (judge-features.ts)
 * and what the rule (acknowledges-feelings.ts) quotes.
 */
import type { Evidence } from './types';
import { findAll, keywords, sentences } from './text';

export const GENERIC_APOLOGY = /\b(?:(?:we|i)\s+)?(?:(?:sincerely|do)\s+)?(?:apologi[sz]e|(?:am|'m|are|'re)\s+sorry|sorry|apologies)\s+(?:for|about)\s+(?:any|the|this|all the)\s+(?:inconvenience|trouble|confusion|delay|hassle)(?:\s+(?:caused|this (?:may have )?caused))?/gi;

/** "Sorry for the frustration", "apologies for the stress": an apology for a named feeling. */
const SORRY_FOR_FEELING = /\b(?:sorry|apologi[sz]e|apologies) (?:for|about) (?:the|your|all the|any) (?:frustration|stress|worry|disappointment|anxiety|upset|anger)\b/i;

/** A feeling named outright: "worrying", "frustration", "stressed". */
const FEELING = /\b(?:frustrat\w*|stress(?:ed|ful)?|worr(?:y|ied|ying)|upsetting|annoy(?:ed|ing)|disappoint\w*|exhausting|maddening|infuriating|anxi(?:ety|ous)|scary|alarming|nerve-?wracking)\b/i;
/**
 * Owning the failure: "that's on us", "we let you down", "this shouldn't have happened", "that's not the
 * experience we want", "this is unacceptable". Acknowledging phrases (ACKNOWLEDGE) and said outright.
 */
const OWNING: RegExp[] = [
  /\b(?:that's|that is|this is|it's|it is|which is) on (?:us|me)\b|\bis on us\b|\bour (?:mistake|fault|error)\b|\b(?:we|i) (?:let you down|dropped the ball|got this wrong|messed up)\b/gi,
  /\byou (?:shouldn't|should not) have (?:had )?to\b/gi,
  /\bthis (?:shouldn't|should not|should never) have happened\b/gi,
  /\bnot (?:the|a) (?:experience|service|standard) (?:we want|we aim|we expect|you should|you deserve|we'd want)\w*\b/gi,
  /\b(?:we|i) (?:should|would) never (?:cause|put|make|want|give) you\b|\bwe should never (?:have )?(?:cause|put|make)\w*\b/gi,
  /\b(?:is|was|that's|it's) (?:just |simply )?not (?:okay|ok|acceptable|good enough)\b|\b(?:isn't|wasn't) (?:okay|ok|acceptable|good enough)\b|\b(?:this|that|it) (?:is|was) unacceptable\b/gi,
];
const OWNS = new RegExp(OWNING.map((p) => p.source).join('|'), 'i');

/**
 * An acknowledgement that says it outright — names the feeling ("I can see why this is worrying the
 * night before your presentation", "that sounds frustrating") or owns the failure ("Obviously this
 * is unacceptable app behaviour"): GUIDELINE §5's own examples, whatever else the reply says. Under
 * CV no such phrase was a wrong acknowledgement.
 */
export const saysItOutright = (phrase: string): boolean => FEELING.test(phrase) || OWNS.test(phrase);

const ACKNOWLEDGE: RegExp[] = [
  ...OWNING,
  /\bsorry,? (?:the|your|that|about the|about your) (?!inconvenience|trouble|delay|confusion|hassle|wait\b)\w+/gi,
  /\b(?:is|are|was|sounds|(?:does|do) sound|must be|must feel|feels) (?:so |really |truly |just )?(?:awful|frustrating|stressful|worrying|upsetting|maddening|infuriating|exhausting|scary|alarming|embarrassing|disappointing)\b/gi,
  /\byou(?:'ve| have) (?:waited|been waiting|had to wait|had to write|had to chase)|\b(?:far|way|much) too long\b/gi,
  /\bwhat a (?:disappointment|shame|pain|mess|nightmare|worry|scare)\b/gi,
  /\bi (?:completely |totally |fully )?(?:understand|know|see|get) (?:the|that|every|what|how|why)\b/gi,
  // "I'm so sorry you were charged twice", "sorry to hear", "sorry that …", "sorry about the double charge"
  /\b(?:i'm|i am|we're|we are|i['’]m|really|so|truly|very)\s+(?:\w+\s+)?sorry\s+(?:that|you|to hear|to see|about (?:the|your|this|that)|for (?:the|your) (?!inconvenience|trouble|delay|confusion|hassle)\w+(?:\s+\w+)?)/gi,
  /\bsorry (?:that|you(?:'ve|'re| were| have| had)?|to hear)\b/gi,
  /\b(?:apologi[sz]e|apologies) (?:that|to hear that) (?:you|your)\b/gi,
  // "sorry for the frustration": the apology names the feeling itself (not "sorry for the inconvenience").
  new RegExp(SORRY_FOR_FEELING.source, 'gi'),
  // "I understand your…", but not "I get your username" or "I see your order" (abcd: asking for data).
  /\bi (?:completely |totally |fully )?(?:understand|get|see|know) (?:how|why|that you|what a|the frustration|this is|it's|it is)\b|\bi (?:completely |totally |fully )?understand your\b/gi,
  /\bi can (?:see|imagine|understand) (?:how|why|that|what)\b/gi,
  /\bi can(?:'t|not) imagine how\b/gi,
  /\b(?:that|this|it)(?:'s| is| was| must be| must have been| sounds| would be)\s+(?:\w+\s+)?(?:frustrating|stressful|worrying|upsetting|maddening|annoying|disappointing|exhausting|scary|alarming|awful|infuriating|a worry|a pain)\b/gi,
  /\b(?:your|the) (?:frustration|worry|concern|disappointment|anger|stress) (?:is|are) (?:completely |totally |entirely )?(?:understandable|fair|justified|valid)\b/gi,
  /\byou(?:'re| are) (?:right|completely right|absolutely right) to be\b/gi,
  /\b(?:understandably|no wonder you)\b/gi,
  /\bi hear you\b/gi,
  /\b(?:i|we) know (?:how|this|it's|what) (?:much|important|urgent|stressful|frustrating)/gi,
  /\bi understand (?:the|your) (?:urgency|frustration|concern|worry|situation|deadline)\b/gi,
  // "I'd be annoyed too", "anyone would be frustrated", "the last thing you need"
  /\b(?:i(?:'d| would)|anyone would|i would also) (?:be|feel) (?:\w+ )?(?:annoyed|frustrated|upset|angry|furious|worried|livid|fed up|stressed|nervous|disappointed)(?: too| as well)?\b/gi,
  /\b(?:the )?last thing you need(?:ed)?\b/gi,
  /\bthanks? (?:you )?for (?:your|bearing|being) (?:patience|with us)\b(?=[^.]*\b(?:third|again|wait|long|repeat|twice))/gi,
  // Kindness to a customer who blames themselves: "you're not stupid, it's a new addition", "it's a common mistake".
  /\byou(?:'re| are) not (?:being )?(?:stupid|dumb|an idiot|a pain|a bother|alone|the only one)\b|\b(?:it'?s|that'?s|this is) (?:a |an )?(?:very |really )?(?:common|easy|understandable) mistake\b/gi,
];

const NEGATED = /\b(?:don't|do not|can't|cannot|didn't|not|never|fail to)\s+(?:\w+\s+)?$/i;

/**
 * What every apology is about (GUIDELINE §5's formulas): naming these is not naming the customer's
 * problem — not in the words an apology shares with them, nor as what it is for ("sorry for the
 * inconvenience", "the late reply", "your experience", "the hiccup"). Kept as words and compared as
 * `keywords` stems, so a stem is never written by hand ("situation" is "situ").
 */
const GENERIC = new Set(
  'inconvenience inconvenient trouble confusion delay late long slow hassle issue problem hiccup hickup experience bad poor circumstances situation misunderstanding mix-up mixup mess error wait reply response answer bother doubt matter annoyance noise spam typo mistake cause sorry apology apologise apologize'
    .split(' ')
    .flatMap((w) => [...keywords(w)]),
);
const APOLOGY = /\b(?:sorry|apologi[sz]e|apologies)\b/i;

/**
 * An apology that names the customer's specific problem ("I'm sorry: a late parcel right before
 * your daughter's trip…"): the sentence takes up at least two of their own content words.
 */
function specificApology(apologies: readonly Evidence[], customerText: string): Evidence | undefined {
  if (!customerText.trim()) return undefined;
  return apologies.find((s) => sharesTheirWords(s.text.replace(/^(?:hi|hello|hey|dear)\b[^,]{0,40},\s*/i, ''), customerText));
}

/** At least two of the customer's own content words, beyond what every apology is about. */
function sharesTheirWords(text: string, customerText: string): boolean {
  const theirs = keywords(customerText);
  return [...keywords(text)].filter((k) => theirs.has(k) && !GENERIC.has(k)).length >= 2;
}

/**
 * An apology about their problem in at least two of their own content words: "sorry you were charged
 * twice for March", "sorry the jug arrived cracked", "I am sorry: we sent size 14 instead of 10". The words
 * must follow "sorry that / you / the / about / for…" or a colon: "I'm sorry, this is not the place to
 * report Microsoft 365 issues" refuses, and its words are not what the sorry is about.
 */
export function namesTheirProblem(apology: string, customerText: string): boolean {
  if (NEGATED_SORRY.test(apology)) return false;
  const about = SORRY_ABOUT.exec(apology)?.[1];
  return !!about && sharesTheirWords(about, customerText);
}
/**
 * An apology whose "that you / your …" names what happened in specific words of its own: "I'm very
 * sorry your product arrived damaged", "I apologize that you received a faulty product" — not "sorry
 * you had a bad experience", "sorry to hear you're having account issues" (one specific word at most)
 * or "sorry if you…" (GUIDELINE §5: "sorry you've been on hold this long" acknowledges); or one that
 * names the feeling itself ("sorry for the frustration").
 */
export function apologyNamesWhat(apology: string): boolean {
  if (NEGATED_SORRY.test(apology)) return false;
  if (SORRY_FOR_FEELING.test(apology) || namesASituation(apology)) return true;
  const about = SORRY_THAT_YOU.exec(apology)?.[1];
  return !!about && [...keywords(about.split(/[.!?;]/)[0]!)].filter((k) => !GENERIC.has(k)).length >= 2;
}
/**
 * "Sorry about the downtime", "I apologise for the service disruptions", "sorry for the impact on your
 * data", "sorry for the key delay": an apology for the thing that went wrong for them, named. Not for
 * what every apology is about (GUIDELINE §5's formulas: the inconvenience, the trouble, the delay,
 * any issues, your experience, the hiccup) nor for our own reply ("sorry for the late reply").
 */
function namesASituation(apology: string): boolean {
  const object = SORRY_FOR_THE.exec(apology)?.[1];
  const said = object ? [...keywords(object)] : [];
  return said.length > 0 && !said.some((k) => GENERIC.has(k));
}
const SORRY_FOR_THE = /\b(?:sorry|apologi[sz]e|apologies)\s+(?:again\s+)?(?:for|about)\s+(?:the|your|all the|these|those)\s+((?:[\w-]+\s+){0,2}[\w-]+)/i;

const SORRY_THAT_YOU = /\b(?:sorry|apologi[sz]e|apologies)\s+(?:that\s+|to (?:hear|see|learn)\s+(?:that\s+)?)?((?:you|your)\b.*)/i;
const SORRY_ABOUT = /\b(?:sorry|apologi[sz]e|apologies)(?:\s*[:—–]\s*|\s+(?:that|you|your|the|about|for|to hear|to see)\b)(.*)/i;
const NEGATED_SORRY = /\b(?:not|never) (?:\w+ )?sorry\b/i;

export function acknowledgement(draft: string, customerText = ''): Evidence | undefined {
  for (const pattern of ACKNOWLEDGE) {
    for (const hit of findAll(draft, pattern)) {
      const before = draft.slice(Math.max(0, hit.start - 20), hit.start);
      if (NEGATED.test(before) && !/can(?:'t|not) imagine/i.test(hit.text)) continue;
      if (/\b(?:i'm|i am)\s+not\s+sorry/i.test(draft.slice(Math.max(0, hit.start - 10), hit.end))) continue;
      // Sentence around it, so the why quotes the acknowledging words.
      const from = Math.max(...['.', '!', '?', '\n'].map((stop) => draft.lastIndexOf(stop, hit.start - 1) + 1));
      const stop = draft.slice(hit.end).search(/[.!?\n]/);
      const to = stop < 0 ? draft.length : hit.end + stop;
      // Without the salutation the sentence may start with ("Hi Dana, I'm so sorry…").
      const text = draft.slice(from, to).trim().replace(/^(?:hi|hello|hey|dear)\b[^,]{0,40},\s*/i, '');
      const start = draft.indexOf(text, from);
      return { start, end: start + text.length, text };
    }
  }
  // Else the first sentence whose apology names the thing that went wrong ("I apologize for the service
  // disruptions"), or one that takes up their problem in their words.
  const apologies = sentences(draft).filter((s) => APOLOGY.test(s.text) && !NEGATED_SORRY.test(s.text));
  return apologies.find((s) => namesASituation(s.text)) ?? specificApology(apologies, customerText);
}
