/**
 * Empathy: when the customer is frustrated, worried, in a hurry or has lost something, the reply
 * names it specifically. "Sorry for the inconvenience" is an apology, not an acknowledgement.
 */
import { fail, moodWords, na, pass, type Rule } from './types';
import { findAll, quote } from './text';
import { judgeAcknowledges } from './judge';
import { acknowledgement, GENERIC_APOLOGY } from './acknowledgement-phrases';

export const acknowledgesFeelings: Rule = {
  id: 'acknowledges-feelings',
  standard: 'empathy',
  label: 'Acknowledges feelings',
  check({ draft, mood, customerText }) {
    if (mood.label === 'neutral' || mood.label === 'positive') return na('The customer sounds calm');
    const judged = judgeAcknowledges(draft, customerText);
    if (judged.yes) {
      const hit = judged.clause ?? acknowledgement(draft, customerText);
      return pass(hit ? `Acknowledges: ${quote(hit.text)}` : `Acknowledges (${judged.because.join(', ')})`, hit ? [hit] : []);
    }
    const cues = moodWords(mood.evidence, 3).map((w) => quote(w, 20)).join(', ');
    const generic = findAll(draft, GENERIC_APOLOGY)[0];
    // The mood words are how they feel, not what went wrong (a FreeScout read showed "name what went wrong (“stop”, “complaint”)").
    const verdict = generic
      ? fail(`Apologises without acknowledging: ${quote(generic.text)} — say what they went through (they wrote ${cues})`, [generic])
      : fail(`The customer ${mood.sure === false ? 'may be' : 'sounds'} ${mood.label} (${cues}): say you understand what happened`);
    // A reading the model barely leans to is worth saying, not worth holding the reply for.
    return mood.sure === false ? { ...verdict, unsure: true } : verdict;
  },
};
