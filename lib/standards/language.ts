/**
 * Whether a customer's message or a reply is written in English (issue #12: verdicts an agent can
 * trust on real tickets). Every model, phrase list and lexicon of the checklist reads English: on a
 * German ticket they called a customer who writes "das dritte Mal" calm and a reply that closes "Viele
 * Grüße" cold. A text in another language gets no verdict on its wording rather than a wrong one.
 *
 * Three readings, cheapest first (thresholds chosen on real text, docs/language.md):
 * - Letters of another script (Cyrillic, Chinese, Japanese…) outnumbering Latin ones: not English.
 * - English prose is a fifth or more function words ("the", "to", "you", "please"…): English, settled
 *   without the detector (every keystroke of an English draft).
 * - Otherwise the trigram detector `franc-min` (MIT, wooorm; 82 languages) decides: another language
 *   only if it names one and English function words are rare, or it puts English well below it.
 * Too little text to tell (under MIN_LETTERS Latin letters, "Danke!") is undecided. Links, e-mail
 * addresses, @handles and `code` are left out first: they are the same in every language. Which
 * language it is goes unsaid: on real text the detector named Russian "Bulgarian" and Turkish
 * "Malay", and "not in English" is what the agent needs to know.
 */
import { francAll } from 'franc-min';
import { memoText } from './memo';

/**
 * Below this many letters a Latin-script text says too little to tell ("Danke!", "Welcher Browser?").
 * At 35, seven English texts of 5,369 were taken for another language (short shouts and chat lines);
 * at 40, two (docs/language.md).
 */
const MIN_LETTERS = 40;
/** At or above this share of English function words a text is English, whatever the detector says. */
const ENGLISH_SHARE = 0.2;
/**
 * Below this share, the detector's word decides; from it up to ENGLISH_SHARE, English must also score
 * under ENGLISH_BELOW of the detector's best (a German message quoting an English error message).
 */
const FOREIGN_SHARE = 0.05;
const ENGLISH_BELOW = 0.9;
/** This many letters of another script, outnumbering the Latin ones, are never English. */
const OTHER_SCRIPT = 5;

/**
 * Frequent English function and courtesy words that other languages written in Latin letters do not
 * share as words: not "a", "in", "is", "so", "also", "was", "will", "no", "he", "has", "over", "problem", "me" or "do".
 * "I" counts only as a capital (the Italian article is "i").
 */
const FUNCTION_WORDS = new Set(
  (
    "the to and of for with from by about at this that these those there here it it's its be been being are were " +
    "have had having does did doesn't didn't don't can't cannot couldn't won't wouldn't isn't aren't wasn't " +
    "not can could would should shall may might must you your yours you're you've you'll we our us they them their " +
    "she his her him my mine what which who whom whose when where why how if then than but or because " +
    "please thanks thank hi hello hey just any some all every each get got getting still now again " +
    "after before into out up same other more most very much many one two i'm i've i'll i'd " +
    "let know need want would like help issue account order sorry sure regards"
  ).split(' '),
);

/** Links, addresses, handles and code: the same in every language, and often English in any text. */
const OPAQUE = /```[\s\S]*?```|`[^`\n]*`|\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@[\w-]+/g;

/** How much of `prose` is English function words, and how many of its letters are Latin or another script. */
function englishShare(prose: string): { share: number; latin: number; other: number } {
  const words = prose.match(/[\p{L}][\p{L}'’]*/gu) ?? [];
  let english = 0;
  let letters = 0;
  for (const w of words) {
    letters += w.length;
    if (w === 'I' || FUNCTION_WORDS.has(w.toLowerCase().replace(/’/g, "'"))) english++;
  }
  const latin = prose.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return { share: english / Math.max(words.length, 1), latin, other: letters - latin };
}

/**
 * How much of a text is read: its language shows in its first lines, and a draft that grows at its end
 * keeps the same opening, so a long draft is read once (the reading cost 0.18 ms a keystroke on a
 * 3,000-character English draft when it read the whole text).
 */
const SAMPLE = 1000;

/**
 * Whether `text` is in English (see the header): 'english', 'other', or undefined when it is too short
 * to tell and has no English function word ("Hallo Anna,").
 */
export const readLanguage = (text: string): 'english' | 'other' | undefined => readSample(text.slice(0, SAMPLE));

const readSample = memoText((text: string): 'english' | 'other' | undefined => {
  const prose = text.replace(OPAQUE, ' ');
  const { share, latin, other } = englishShare(prose);
  if (other >= OTHER_SCRIPT && other > latin) return 'other';
  if (share >= ENGLISH_SHARE) return 'english';
  if (latin < MIN_LETTERS) return undefined;
  const scores = francAll(prose, { minLength: 10 });
  const best = scores[0]![0];
  if (best === 'eng' || best === 'und') return 'english';
  const english = scores.find(([code]) => code === 'eng')?.[1] ?? 0;
  return share < FOREIGN_SHARE || english < ENGLISH_BELOW ? 'other' : 'english';
}, 8);

/** Whether `text` is in English; a text too short to tell is read as English, the checks' own language. */
export const isEnglish = (text: string): boolean => readLanguage(text) !== 'other';
