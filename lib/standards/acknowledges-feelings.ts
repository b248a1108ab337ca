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
    // A reading the model barely leans to is said (the mood line: "may be upset"), not counted against
    // the reply: on real sent replies such warnings were right about half the time (test 36 / 49,
    // fresh test 32 / 33, CV 81 / 67), against four in five for a sure reading. Like an ask the model
    // is unsure of, it stays in view without failing the item.
    if (mood.sure === false) return na(`They may be ${mood.label} (${cues}): not counted — if they are, say you understand what happened`);
    const generic = findAll(draft, GENERIC_APOLOGY)[0];
    // The mood words are how they feel, not what went wrong (a FreeScout read showed "name what went wrong (“stop”, “complaint”)").
    return generic
      ? fail(`Apologises without acknowledging: ${quote(generic.text)} — say what they went through (they wrote ${cues})`, [generic])
      : fail(`The customer sounds ${mood.label} (${cues}): say you understand what happened`);
  },
};
