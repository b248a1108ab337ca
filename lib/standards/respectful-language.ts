/** Respect: no blaming, condescension or shouting. */
import { memoObject } from './memo';
import { fail, pass, type Evidence, type Rule } from './types';
import { findAll, phrasePattern, quote, shoutedWords } from './text';

export const DISRESPECTFUL = [
  'as I said', 'as I said before', 'like I said', 'as I mentioned', 'as I already mentioned', 'as previously stated', 'as stated before',
  'as already explained', 'as I explained', 'as I already explained', 'you should have', "you should've", 'you should know', 'obviously', 'clearly you',
  'per my last email', 'per my previous email', 'as per my last email', 'calm down', 'relax', 'you need to understand',
  'you failed to', 'you forgot to', "you didn't read", 'you did not read', 'read the manual', 'if you had read', 'if you had bothered',
  'not my problem', "that's not our problem", 'your fault', 'user error', 'it is what it is', 'with all due respect',
  'I already told you', 'we already told you', 'once again', 'for the last time', 'as anyone would know', 'simply read',
  'you must have', "you're wrong", 'you are wrong', 'be patient', 'stop emailing', 'no need to shout', 'there is no need to be rude',
];

const SHOUT_WORDS = new Set(['NOT', 'YOU', 'NOW', 'ALL', 'ANY', 'NEVER', 'DO', 'DID', 'MUST', 'ONLY', 'STOP', 'READ', 'THE', 'AND', 'WILL', 'CAN', 'HAVE', 'ALREADY', 'PLEASE', 'YOUR', 'NO']);

/** The built-in phrases and the team's banned ones, one pattern per pack's list (kept while the pack stays). */
const patternWith = memoObject((banned: readonly string[]) => phrasePattern([...DISRESPECTFUL, ...banned]));

export const respectfulLanguage: Rule = {
  id: 'respectful-language',
  standard: 'respect',
  label: 'Respectful language',
  check({ draft, standards }) {
    const hits: Evidence[] = findAll(draft, patternWith(standards.bannedPhrases));
    // Capitals inside a placeholder ("[FIRST NAME]") are the placeholders rule's business.
    const inPlaceholder = (w: Evidence) => /[[{<]/.test(draft.slice(Math.max(0, w.start - 20), w.start).replace(/.*[\]}>]/s, ''));
    const shouts = shoutedWords(draft).filter((w) => (w.text.length >= 5 || SHOUT_WORDS.has(w.text)) && !inPlaceholder(w));
    if (hits.length) return fail(`Reads as blaming or condescending: ${hits.slice(0, 2).map((h) => quote(h.text)).join(', ')}`, [...hits, ...shouts]);
    if (shouts.length) return fail(`Capitals read as shouting: ${shouts.slice(0, 3).map((h) => quote(h.text)).join(', ')}`, shouts);
    return pass('No blaming, condescension or shouting');
  },
};
