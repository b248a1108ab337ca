/** Follow-through: a clear next action and when ("I've refunded it; you'll see it in 3–5 days"). */
import { fail, pass, type Rule } from './types';
import { quote } from './text';
import { judgeNextStep } from './judge';
import { DELAYED, stepPhrases } from './step-phrases';

export const nextStep: Rule = {
  id: 'next-step',
  standard: 'follow-through',
  label: 'Next step and when',
  check({ draft }) {
    // Whether there is a step at all is the model's call (a question back, an instruction, what
    // happens next); the phrase lists then say what it is and whether a when goes with it.
    const step = judgeNextStep(draft);
    if (!step.yes) return fail('No next step: say what happens next and when');
    const { done, later, when } = stepPhrases(draft);
    // Money and cancellations take effect later: the customer needs to know when they'll see it.
    if (done && (!DELAYED.test(done.text) || when)) return pass(`Next step: ${quote(done.text)}${when ? ` … ${quote(when.text)}` : ''}`, when ? [done, when] : [done]);
    if (done) return fail(`Says what (${quote(done.text)}) but not when they'll see it`, [done]);
    const action = later;
    if (!action) {
      const clause = step.clause;
      return pass(clause ? `Next step: ${quote(clause.text)}` : `Next step (${step.because.join(', ')})`, clause ? [clause] : []);
    }
    if (!when) return fail(`Says what (${quote(action.text)}) but not when`, [action]);
    return pass(`Next step: ${quote(action.text)} … ${quote(when.text)}`, [action, when]);
  },
};
