/** Knowledge: no hedges that undermine what the agent knows. */
import { fail, pass, type Evidence, type Rule } from './types';
import { findPhrases, quote } from './text';

export const HEDGES = [
  'I think', 'I guess', 'I suppose', 'I believe', 'maybe', 'perhaps', 'probably', 'possibly', 'not sure', 'not entirely sure',
  "I'm not certain", 'I am not certain', 'not 100% sure', "I don't know", 'I do not know', 'no idea', 'might work', 'may work',
  'should hopefully', 'hopefully', 'it seems like', 'I assume', 'kind of', 'sort of', 'fingers crossed', 'I could be wrong',
];

/** "Do you maybe have little disk space left?": an adverb hedge inside a question asks, it hedges no answer. */
const ADVERB = /^(?:maybe|perhaps|possibly|probably)$/i;
const inQuestion = (draft: string, end: number) => /^[^.!?\n]*\?/.test(draft.slice(end));

/** "the kind of work", "what sort of plan": a noun phrase, not a hedge. */
const nounPhrase = (draft: string, h: Evidence) => /^(?:kind|sort) of$/i.test(h.text) && /\b(?:the|this|that|these|those|what|which|any|some|every|a|one|same)\s+$/i.test(draft.slice(Math.max(0, h.start - 12), h.start));

/**
 * "So sorry, not sure how I missed your post": doubt about our own lapse, said in apology, hedges no
 * answer (seen on FreeScout as "Hedges undermine the answer: “not sure”").
 */
const OWN_LAPSE = /^[ \t]+(?:how|why)[ \t]+(?:i|we)[ \t]+(?:(?:had|have|could|did)[ \t]+)?(?:missed|overlooked|forgot|lost|skipped|didn['’]?t|did not|never|misread|misunderstood|ignored)\b/i;
const ownLapse = (draft: string, h: Evidence) => /^(?:not sure|no idea)$/i.test(h.text) && OWN_LAPSE.test(draft.slice(h.end, h.end + 40));

export const confidentWording: Rule = {
  id: 'confident-wording',
  standard: 'knowledge',
  label: 'Confident wording',
  reads: 'draft',
  check({ draft }) {
    const hits = findPhrases(draft, HEDGES).filter((h) => !nounPhrase(draft, h) && !ownLapse(draft, h) && !(ADVERB.test(h.text) && inQuestion(draft, h.end)));
    if (hits.length) return fail(`Hedges undermine the answer: ${hits.slice(0, 3).map((h) => quote(h.text)).join(', ')}`, hits);
    return pass('No hedging');
  },
};
