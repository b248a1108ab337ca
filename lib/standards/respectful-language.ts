/** Respect: no blaming, condescension or shouting. */
import { memoObject } from './memo';
import { fail, pass, type Evidence, type Rule } from './types';
import { findAll, findPhrases, outermost, quote } from './text';
import { shoutedWords } from './lexicon';

export const DISRESPECTFUL = [
  'as I said', 'as I said before', 'like I said', 'as I mentioned', 'as I already mentioned', 'as previously stated', 'as stated before',
  'as already explained', 'as I explained', 'as I already explained', 'you should have', "you should've", 'you should know', 'obviously', 'clearly you',
  'per my last email', 'per my previous email', 'as per my last email', 'calm down', 'relax', 'you need to understand',
  'you failed to', 'you forgot to', "you didn't read", 'you did not read', 'read the manual', 'if you had read', 'if you had bothered',
  'not my problem', "that's not our problem", 'your fault', 'user error', 'it is what it is', 'with all due respect',
  'I already told you', 'we already told you', 'for the last time', 'as anyone would know', 'simply read',
  'you must have', "you're wrong", 'you are wrong', 'be patient', 'stop emailing', 'no need to shout', 'there is no need to be rude',
  // Rudeness outright: swearing at, or calling names, or asking whether they read at all.
  'are you kidding me', 'are you fucking kidding', 'wtf', 'stfu', 'idiot', 'idiots', 'stupid', 'moron', 'troll', 'did you even read', 'can you not read',
  "can't you read", 'learn to read', 'how many times do',
];

const BUILT_IN = new Set(DISRESPECTFUL.map((p) => p.toLowerCase()));
const normal = (text: string) => text.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');

/** "It wasn't at all your fault", "not a user error": the phrase denied, not said. */
const DENIED = /(?:\bnot|n['’]t|\bnever|\bno)\s+(?:\w+\s+){0,2}$/i;
/** "You should have received an email", "…the option under Settings": what they should have by now, not what they did wrong. */
const EXPECTATION = /^\s+(?:received|got|gotten|been|seen|had|access|the|a|an|your|our|one|two|it)\b/i;
/**
 * "Obviously this is unacceptable", "obviously our mistake": the agent owning a fault, not talking
 * down ("Obviously it's in the Export menu" still is). Seen in a real staff reply labelled respectful.
 */
const OWNS_FAULT = /^[\s,]*(?:[\w'’]+\s+){0,5}?(?:unacceptable|not (?:ok|okay|acceptable|good enough|great|ideal|right)|(?:our|my) (?:fault|mistake|bad|error|bug)|on (?:our|my) (?:side|end)|frustrating|annoying|disappointing|sorry)\b/i;
/** Swearing, whoever it is said about ("this fucking bug" still is not for a customer; "that's shitty" about a mishap was labelled civil). */
const SWEARING = /\b(?:fuck\w*|motherfuck\w*)\b/gi;
/** Two question marks or more from the agent read as exasperated ("Can you read the thread???"). */
const EXASPERATED = /\?{2,}|\?!+\?/g;

/** The built-in phrases that are meant: not denied, and "you should have" only as blame. */
function meant(draft: string, hit: Evidence): boolean {
  const phrase = normal(hit.text);
  if (!BUILT_IN.has(phrase)) return true; // the team's own banned phrases count wherever they stand
  if (DENIED.test(draft.slice(Math.max(0, hit.start - 30), hit.start))) return false;
  if (phrase === 'obviously' && OWNS_FAULT.test(draft.slice(hit.end, hit.end + 60))) return false;
  return !(phrase.startsWith('you should') && EXPECTATION.test(draft.slice(hit.end, hit.end + 20)));
}

/** Capitals inside a placeholder ("[FIRST NAME]") are the placeholders rule's business. */
const inPlaceholder = (draft: string, w: Evidence) => /[[{<]/.test(draft.slice(Math.max(0, w.start - 20), w.start).replace(/.*[\]}>]/s, ''));
/** A name or code, not a voice: "@FROZENBARENTS", "#HELP", "EXPOSUREAPP-10939", "MAX_SIZE". */
const isName = (draft: string, w: Evidence) => /[@#/\\_-]$/.test(draft.slice(Math.max(0, w.start - 1), w.start)) || /^[-_/]?\w*\d|^_/.test(draft.slice(w.end, w.end + 3));

/**
 * Shouting: two or more words in capitals. One capitalised word is emphasis ("please do NOT
 * reinstall", "HUGELY appreciated"), which real support staff use in civil replies.
 */
function shouting(draft: string): Evidence[] {
  const shouts = shoutedWords(draft).filter((w) => !inPlaceholder(draft, w) && !isName(draft, w));
  return shouts.length >= 2 ? shouts : [];
}

/** The built-in phrases and the team's banned ones, one list (and pattern) per pack's list (kept while the pack stays). */
const phrasesWith = memoObject((banned: readonly string[]) => [...DISRESPECTFUL, ...banned]);

export const respectfulLanguage: Rule = {
  id: 'respectful-language',
  standard: 'respect',
  label: 'Respectful language',
  reads: 'draft',
  check({ draft, standards }) {
    const hits = outermost([...findPhrases(draft, phrasesWith(standards.bannedPhrases)).filter((h) => meant(draft, h)), ...findAll(draft, SWEARING), ...findAll(draft, EXASPERATED)]);
    const shouts = shouting(draft);
    if (hits.length) return fail(`Reads as blaming or condescending: ${hits.slice(0, 2).map((h) => quote(h.text)).join(', ')}`, [...hits, ...shouts]);
    if (shouts.length) return fail(`Capitals read as shouting: ${shouts.slice(0, 3).map((h) => quote(h.text)).join(', ')}`, shouts);
    return pass('No blaming, condescension or shouting');
  },
};
