/** A warm close: offers further help or thanks; the team's sign-off when the pack requires one. */
// "Do you have anymore questions?" (abcd, read on FreeScout): chat agents write "anymore" as one word.
import { fail, pass, type Rule } from './types';
import { findAll, quote } from './text';

const CLOSE = /\b(?:let (?:me|us) know|feel free|(?:happy|glad) to help|here (?:if|for|to help)|reach out|any(?: ?more| other| further)? questions?|anything else|just reply|reply to this|reply here|just ask|don't hesitate|do not hesitate|thanks|thank you|many thanks|cheers|have a (?:great|good|lovely|nice) (?:day|week|weekend|evening)|hope (?:this|that) helps|take care|write back|get back to me|i'm around|we're here|(?:i'm|i am) here (?:if|until|till|all day|for you|to help)|enjoy|good luck|happy (?:birthday|holidays|\w+ing)|how can i help|i'm listening|any ?time|(?:happy|glad) to \w+|i'll stay with you)\b/gi;

export const closing: Rule = {
  id: 'closing',
  standard: 'warm-close',
  label: 'Warm close',
  reads: 'draft',
  check({ draft, standards }) {
    const tailStart = draft.length < 140 ? 0 : Math.max(0, draft.length - 300, Math.floor(draft.length * 0.55));
    const tail = draft.slice(tailStart);
    const hits = findAll(tail, CLOSE, tailStart);
    const signOff = standards.signOff?.trim();
    if (signOff && !draft.slice(Math.max(0, draft.length - 200)).toLowerCase().includes(signOff.toLowerCase())) {
      return fail(`Missing the team's sign-off ${quote(signOff)}`, hits);
    }
    const last = hits[hits.length - 1];
    if (last) return pass(`Closes warmly: ${quote(last.text)}`, [last]);
    return fail('No warm close: offer more help or thank them (“Let me know if anything else comes up.”)');
  },
};
