/**
 * The one mood of the product (issue #12): the checklist, the stored visit mood, the cues and the
 * dashboard all read it. The trained upset model decides upset or not on the customer's latest
 * message, with the earlier messages of the thread as context; the lexicon tells worry from anger
 * and calm from pleased; the thread adds escalation ("third time", upset again after being upset).
 * Pure and background only (the model and the parser are large).
 */
import { judgeUpset } from './judge';
import { LIMITS } from './judge-features';
import { hasWords, outermost } from './text';
import { isEnglish } from './language';
import { theirWords } from './mail-text';
import { againRepeatsAProblem, moodOf as lexiconMood, stillPersistsAProblem, withoutCourtesy, type LexiconMood } from './lexicon';
import { customerCueSpans, recurringFailure } from './cues';
import { repeatClaimIn } from '../memory/repeat-contact';
import { eachWordOnce, MOOD_LINE_WORDS, type Evidence, type Mood, type MoodLabel } from './types';

export interface ThreadMood extends Mood {
  /** Probability of upset from the model, 0..1. */
  probability: number;
  /** The same reading on the stored scale, -5 (very upset) .. 5 (pleased). */
  scale: number;
  /** The customer is upset and the thread shows it growing (repeat contact, earlier upset messages). */
  escalating: boolean;
  /** Plain reasons, strongest first ("“third time”", "upset in an earlier message too"). */
  reasons: string[];
}

/**
 * Words of repetition or persistence ("third time", "twice", "yet again", "still"): they strengthen an
 * upset reading and are quoted for it. Whether the customer says they wrote before is another question,
 * read once for the cues and the mood's reasons (repeatClaimIn).
 */
const PERSISTS = new RegExp(`\\b(?:(?:second|third|fourth|fifth|2nd|3rd|4th|5th|\\d+(?:st|nd|rd|th)) time|(?:twice|again|still|once more|yet again)\\b|(?:two|three|four|five|several|many|\\d+) times|same (?:thing|problem|issue) (?:again|happened))`, 'gi');

/** The repetition and persistence said in a text; a "still" only of a problem (stillPersistsAProblem). */
const persisting = (text: string) => [...text.matchAll(PERSISTS)].filter((m) => !/^still$/i.test(m[0]) || stillPersistsAProblem(text, m.index! + m[0].length));

const WORRY_LABELS = new Set<MoodLabel>(['worried']);

/**
 * How hard the upset model must lean before a reading may make an item critical (repetition said
 * outright and an earlier upset message are sure too). Chosen by 5-fold CV over train + dev when the
 * upset model became NBSVM-scaled (5 Dec 2026): the surest cut whose critical "acknowledge their
 * feelings" warnings are right at least as often as before (85%): 0.8 → 83% (135 / 28), 0.85 → 86%
 * (119 / 20), 0.9 → 87% (105 / 16). The scaled model's probabilities are sharper than the plain one's.
 * With word beginnings and L2 10 (6 Dec 2026, twenty-fifth session) they are softer: 0.85 gave 104 / 17,
 * 0.8 gives 120 / 24 (83%) and 0.75 132 / 32 (80%), against 137 / 29 (82.5%) for the model before.
 * Kept: 0.8, the most right warnings at no smaller a right share (fresh dev: 53 / 8, before 59 / 13).
 */
const SURE_AT = 0.8;

/**
 * Repetition said outright ("third time", "twice", "3 times", "yet again"). A bare "again" or "still"
 * is repeat contact too, but it does not make a reading sure: on dev such readings were right 7
 * times in 10 (train 21 / 11), no better than a lukewarm reading, against 84% for the model's own.
 */
const OUTRIGHT = (repeat: Evidence) => !/^(?:again|still)$/i.test(repeat.text);

/**
 * The mood of the customer's latest message, reading the thread before it (oldest first, the
 * customer's own earlier messages; agent turns may be included and are only context).
 */
export function threadMood(message: string, thread: readonly string[] = []): ThreadMood {
  // The customer's own words: not the earlier mail quoted under a reply (ranges stay those of `message`).
  return moodOfOwnWords(theirWords(message), thread.map(theirWords));
}

/** `threadMood` of texts that are already the customer's own words (`theirWords`), as the engine holds them. */
export function moodOfOwnWords(latest: string, earlier: readonly string[] = []): ThreadMood {
  // A message in another language is not read: no mood rather than a wrong one (lib/standards/language.ts).
  if (!isEnglish(latest)) return { label: 'neutral', score: 0, evidence: [], probability: 0, scale: 0, escalating: false, reasons: [], notEnglish: true };
  const upset = judgeUpset(latest);
  const lexicon = lexiconMood(latest);
  const ownWords = withoutCourtesy(latest); // their words without the courtesies, ranges unchanged
  const persists: Evidence[] = persisting(ownWords).slice(0, 3).map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0] }));
  const earlierUpset = upset.yes && earlier.slice(-3).some((m) => judgeUpset(m).yes);
  const claim = upset.yes ? repeatClaimIn(latest) : undefined;
  let label: MoodLabel;
  if (upset.yes) label = WORRY_LABELS.has(lexicon.label) ? 'worried' : 'upset';
  else label = lexicon.label === 'positive' ? 'positive' : 'neutral';
  // Only the words that pull the way of the reading: a "good" or "welcome" never stands behind upset.
  // A recurring failure ("keeps crashing") says it as plainly as repetition does, though it is no repeat contact.
  const recurs = upset.yes ? recurringFailure(latest.slice(0, LIMITS.customerChars)) : undefined;
  const evidence = upset.yes ? mergeEvidence(ownWords, lexicon, recurs ? [...persists, recurs] : persists, customerCueSpans(latest), upset.clause) : lexicon.label === 'positive' ? lexicon.pleased : [];
  const reasons = [
    // Only the model's words the customer wrote: its cue and lexicon features ("waited", "score<=-2",
    // "mood-upset") are names, not quotes, and the evidence already shows what they matched.
    ...(upset.yes ? upset.because.filter((w) => hasWords(latest, w)).map((w) => `“${w}”`) : []),
    // Repeat contact as the cues read it (one reader, lib/memory/repeat-contact.ts): "I still cannot log
    // in" persists, it does not say they wrote before.
    ...(upset.yes && claim ? [`repeat contact: “${claim.words}”`] : []),
    ...(earlierUpset ? ['upset in an earlier message too'] : []),
  ];
  const scale = upset.yes ? -Math.max(1, Math.min(5, Math.round(upset.probability * 5) + (earlierUpset || persists.length ? 1 : 0))) : label === 'positive' ? Math.min(5, Math.max(1, Math.round(lexicon.score / 2))) : 0;
  return {
    label,
    score: upset.yes ? Math.min(lexicon.score, scale) : lexicon.score,
    evidence,
    probability: upset.probability,
    scale,
    escalating: upset.yes && (earlierUpset || claim !== undefined),
    // Only an upset or worried reading is sure or not: "may be" never reaches a calm or pleased one.
    ...(upset.yes ? { sure: upset.probability >= SURE_AT || earlierUpset || persists.some(OUTRIGHT) } : {}),
    reasons: [...new Set(reasons)].slice(0, 5),
  };
}

/**
 * The strongest few words first (each once), each group in text order: "furious", "unacceptable"
 * before "still", "wrong" when a long message has more than a line can name.
 */
function strongestFirst(hits: Evidence[], weight: (e: Evidence) => number): Evidence[] {
  if (hits.length <= MOOD_LINE_WORDS) return hits;
  const top = new Set(eachWordOnce([...hits].sort((a, b) => weight(b) - weight(a) || a.start - b.start)).slice(0, MOOD_LINE_WORDS));
  return [...hits.filter((h) => top.has(h)), ...hits.filter((h) => !top.has(h))];
}

/**
 * Words that say it plainly and repetition, without overlaps, in text order; without them the cues
 * the model weighed ("please help", ":{") with the mild words ("issue", "not solved": bug reports
 * are full of them), and only then its deciding clause (a whole sentence names too much).
 */
function mergeEvidence(text: string, lexicon: LexiconMood, persists: Evidence[], cues: (Evidence & { telling: boolean; stake?: true })[], clause: Evidence | undefined): Evidence[] {
  // A telling cue adds what the words do not say ("for over two months"). Over a strong word it would
  // only lengthen it ("NOBODY has"), so the word stays; over a weak one it says more ("still haven't"
  // for "still"), so the cue does.
  const strongWords = lexicon.strong.filter((w) => lexicon.weightOf(w) >= 2);
  const telling = cues.filter((c) => c.telling && !strongWords.some((w) => w.start < c.end && c.start < w.end));
  // A bare word ("still", "again") that a telling cue opens with ("still get", "Still no") is said by the cue.
  const said = new Set(telling.map((c) => c.text.split(/\s+/)[0]!.toLowerCase()));
  // Nor an "again" of an action done once more ("make it work again", "open it again"): it is no repetition.
  const named = (e: Evidence) => (/\s/.test(e.text) || !said.has(e.text.toLowerCase())) && (!/^again$/i.test(e.text) || againRepeatsAProblem(text, e.start));
  const strong = lexicon.strong.filter(named);
  const plain = [...persists.filter(named), ...telling];
  const out = outermost([...strong, ...plain]);
  if ((lexicon.strong.length || persists.length) && out.length) return strongestFirst(out, (e) => Math.max(lexicon.weightOf(e), plain.includes(e) ? 2 : 0));
  const weaker = outermost([...cues, ...lexicon.against.filter(named)]);
  // What is at stake ("refund", "paid") only where nothing else is named (dev split on FreeScout:
  // "may be upset — “refund”" beside "been more then a week … no email from support").
  const felt = weaker.filter((e) => !('stake' in e));
  if (felt.length) return felt;
  if (weaker.length) return weaker;
  return clause ? [clause] : [];
}
