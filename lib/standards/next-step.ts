/** Follow-through: a clear next action and when ("I've refunded it; you'll see it in 3–5 days"). */
import { fail, pass, type Evidence, type Rule } from './types';
import { findFirst, quote } from './text';

/** Done already: the when is now ("I've refunded it", "the invoice is attached"). */
const DONE: RegExp[] = [
  /\b(?:i|we)(?:'ve| have)\s+(?:just\s+|now\s+|already\s+|also\s+)?(?:refunded|sent|issued|escalated|reset|restored|fixed|updated|changed|cancel+ed|credited|reversed|processed|reissued|regenerated|added|removed|re-?sent|shipped|upgraded|arranged|booked|raised|logged|filed|passed|forwarded|applied|enabled|disabled|unlocked|extended|scheduled|created|merged|corrected|replaced|ordered|renewed|cleared|signed|locked|switched|attached|confirmed)\b/gi,
  /\b(?:is|are|was|were|has been|have been|it's)\s+(?:now\s+|just\s+|already\s+)?(?:attached|processed|refunded|sent|restored|back|fixed|renewed|shipped|corrected|cancel+ed|live|ready|resolved|reissued|regenerated|updated|on (?:its|their) way)\b/gi,
  /(?:^|[.!?\n:;]\s*|\band\s+)(?:go to|open|click|choose|pick|select|create|clear|sign in|reset|enable|turn on|reconnect|try|visit|follow|head to|please \w+|send (?:me|us)|reply with|share|forward|upload)\b/gim,
];

/** Promised for later: needs a when ("I'll look into it" — by when?). */
const LATER: RegExp[] = [
  /\b(?:i|we)(?:'ll| will| am going to|'m going to| are going to)\s+(?:also\s+|then\s+)?\w+/gi,
  /\b(?:it|they|this|the \w+)(?:'ll| will)?\s+(?:installs?|arrives?|ships?|goes? out|leaves?|lands?|updates?|runs?|finish(?:es)?|starts?|reaches?|resumes?)\b/gi,
  /\b(?:you(?:'ll| will| should)|it(?:'ll| will| should)|they(?:'ll| will))\s+(?:\w+\s+)?(?:see|receive|get|have|find|be able|notice|hear|arrive|show|resume|ship|come)\b/gi,
  /\b(?:could you|can you|would you)\s+(?:\w+\s+)?(?:try|send|reply|click|restart|clear|log|sign|update|check|confirm|forward|share|attach|upload|let me know|tell me)\b/gi,
  /\b(?:arrives?|ships?|leaves?|comes?)\b/gi,
  /\b(?:next step|next steps|what happens next|here's what happens|from here|is being|are being|working on it|looking into)\b/gi,
];

const WHEN: RegExp[] = [
  /\b(?:within|in|over) (?:the next )?(?:\d+|a|an|one|two|three|few|couple(?: of)?)(?:\s*[-–]\s*\d+)?\s*(?:business |working )?(?:minutes?|hours?|days?|weeks?)\b/gi,
  /\b(?:by|before|on|until|this|next) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|today|end of (?:the )?(?:day|week)|eod|noon|morning|afternoon|evening|week|month|\d{1,2}(?::\d\d)?\s*(?:am|pm)?)\b/gi,
  /\b(?:today|tomorrow|tonight|right away|immediately|now|shortly|as soon as|once|when (?:it|they|you|the))\b/gi,
  /\b\d+\s*[-–]\s*\d+\s*(?:business |working )?days\b/gi,
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b/gi,
];

const DELAYED = /refund|credit|revers|cancel|processed/i;
const NOT_A_STEP = /^(?:please (?:be|note|check)\b)/i;

/** Evidence without the punctuation the pattern needed to find a sentence start. */
function trimmed(hit: Evidence | undefined): Evidence | undefined {
  if (!hit) return undefined;
  const lead = hit.text.length - hit.text.replace(/^[\s.!?:;\n]+/, '').length;
  const text = hit.text.slice(lead);
  if (NOT_A_STEP.test(text)) return undefined;
  return { start: hit.start + lead, end: hit.end, text };
}

export const nextStep: Rule = {
  id: 'next-step',
  standard: 'follow-through',
  label: 'Next step and when',
  check({ draft }) {
    const done = trimmed(findFirst(draft, DONE));
    const when = findFirst(draft, WHEN);
    // Money and cancellations take effect later: the customer needs to know when they'll see it.
    if (done && (!DELAYED.test(done.text) || when)) return pass(`Next step: ${quote(done.text)}${when ? ` … ${quote(when.text)}` : ''}`, when ? [done, when] : [done]);
    if (done) return fail(`Says what (${quote(done.text)}) but not when they'll see it`, [done]);
    const action = trimmed(findFirst(draft, LATER));
    if (!action) return fail('No next step: say what happens next and when');
    if (!when) return fail(`Says what (${quote(action.text)}) but not when`, [action]);
    return pass(`Next step: ${quote(action.text)} … ${quote(when.text)}`, [action, when]);
  },
};
