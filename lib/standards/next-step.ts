/** Follow-through: a clear next action and when ("I've refunded it; you'll see it in 3–5 days"). */
import { fail, na, pass, type Evidence, type Rule } from './types';
import { quote } from './text';
import { judgeNextStep } from './judge';
import { askedOfThem, DELAYED, stepPhrases, wholeStep } from './step-phrases';
import { isDone } from './wrap-up';

export const nextStep: Rule = {
  id: 'next-step',
  standard: 'follow-through',
  label: 'Next step and when',
  reads: 'draft',
  check({ draft, customerMessages, standards }) {
    // Whether there is a step at all is the model's call (a question back, an instruction, what
    // happens next); the phrase lists then say what it is and whether a when goes with it.
    const step = judgeNextStep(draft);
    const { done, later, when, advice } = stepPhrases(draft);
    // Shown whole ("Try using the previous version", not "Try"); what a step is, is read off the words found.
    const deed = done && wholeStep(draft, done);
    const delayed = !!done && DELAYED.test(done.text);
    if (!step.yes && isDone(customerMessages.at(-1) ?? '')) return na('They are wrapping up: no next step needed');
    // A step without a time fails only if the team's standards ask for a when (`stepNeedsWhen`, absent = yes).
    const withoutWhen = (said: Evidence, why: string) => (standards.stepNeedsWhen === false ? pass(`Next step: ${quote(said.text)} (no when said)`, [said]) : fail(why, [said]));
    // "I've unbanned you": a deed done with nothing after it (GUIDELINE §3). Money and cancellations
    // take effect later: "I've refunded it" still owes when they'll see it.
    const notWhenTheySeeIt = (said: Evidence) => withoutWhen(said, `Says what (${quote(said.text)}) but not when they'll see it`);
    if (!step.yes && deed) return delayed ? notWhenTheySeeIt(deed) : fail(`Says what was done (${quote(deed.text)}), not what happens next`, [deed]);
    if (!step.yes) return fail('No next step: say what happens next and when');
    // Money and cancellations take effect later: the customer needs to know when they'll see it.
    if (deed && (!delayed || when)) return pass(`Next step: ${quote(deed.text)}${when ? ` … ${quote(when.text)}` : ''}`, when ? [deed, when] : [deed]);
    if (deed) return notWhenTheySeeIt(deed);
    const action = later;
    if (!action) {
      // Advice is the step when it is there ("I'd suggest a disk clone first"), not the model's deciding clause.
      const clause = advice ?? step.clause;
      return pass(clause ? `Next step: ${quote(clause.text)}` : `Next step (${step.because.join(', ')})`, clause ? [clause] : []);
    }
    // Something asked of the customer ("Could you send me the log?") is theirs to time: no when to promise.
    const said = wholeStep(draft, action);
    if (!when && askedOfThem(action)) return pass(`Next step: ${quote(said.text)}`, [said]);
    if (!when) return withoutWhen(said, `Says what (${quote(said.text)}) but not when`);
    return pass(`Next step: ${quote(said.text)} … ${quote(when.text)}`, [said, when]);
  },
};
