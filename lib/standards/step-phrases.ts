/**
 * The next-step phrase lists (issue #4, #12): a step done already, one promised for later, and a
 * when. Features of the next-step model (judge-features.ts) and what the rule (next-step.ts) quotes.
 */
import type { Evidence } from './types';
import { findAllInOrder, firstInOrder } from './text';
import { memoText } from './memo';

/** Done already: the when is now ("I've refunded it", "the invoice is attached"). */
const DONE: RegExp[] = [
  /\b(?:i|we)(?:'ve| have)\s+(?:just\s+|now\s+|already\s+|also\s+)?(?:refunded|sent|issued|escalated|reset|restored|fixed|updated|changed|cancel+ed|credited|reversed|processed|reissued|regenerated|added|removed|re-?sent|shipped|upgraded|arranged|booked|raised|logged|filed|passed|forwarded|applied|enabled|disabled|unlocked|extended|scheduled|created|merged|corrected|replaced|ordered|renewed|cleared|signed|locked|switched|attached|confirmed)\b/gi,
  /\b(?:is|are|was|were|has been|have been|it's)\s+(?:now\s+|just\s+|already\s+)?(?:attached|processed|refunded|sent|restored|back|fixed|renewed|shipped|corrected|cancel+ed|live|ready|resolved|reissued|regenerated|updated|on (?:its|their) way)\b/gi,
  // Done, said in the passive ("your refund has been submitted", "it's been resolved and a new email dispatched").
  /\b\w+(?:\s+has|\s+have|'s|’s)\s+(?:now\s+|just\s+|already\s+)?been\s+(?:now\s+|just\s+|already\s+)?(?:submitted|dispatched|approved|activated|reactivated|deployed|released|credited|delivered|completed|initiated|issued|escalated|forwarded|unlocked|granted|applied|extended|upgraded|verified|re-?enabled|removed|deleted|added|merged|resolved|fixed|restored|reset|sent|processed|refunded|cancel+ed)\b/gi,
  /(?:^|[.!?\n:;,—–]\s*|\band\s+)(?:(?:just|simply|then|first|now)\s+)?(?:go to|open|click|tap|press|type|enter|paste|copy|choose|pick|select|create|clear|sign in|log in|reset|restart|reinstall|install|refresh|enable|disable|turn on|turn off|reconnect|switch|scan|compress|resize|remove|change|try|visit|follow|head to|please \w+|send (?:me|us)|reply with|share|forward|upload|download|use (?:the|your|a|an|same|this|that|our)\b)\b/gim,
  // Any other completed action of ours ("we've rolled it back", "I've deleted it") — not what we only noticed or received.
  /\b(?:i|we)(?:'ve| have)\s+(?:just\s+|now\s+|already\s+|also\s+)?(?!(?:received|noticed|seen|heard|read|understood|looked|tried|wondered|considered|realised|realized|learned|been|had|got|asked|checked|investigated|reviewed|passed on your)\b)(?:[a-z]+ed|put|set|made|taken|written|rebuilt|sent|paid|given|moved)\b(?:\s+(?:it\s+)?(?:back|up|off|out))?/gi,
  // The customer can do it themselves now ("You can create a key under Settings → API"); "attached" / "enclosed".
  /\byou can (?:now |also |simply |just )?(?!(?:be|see why|imagine|not)\b)[a-z]+\b/gi,
];

/** DONE's deeds of ours and done states; the rest are something for the customer to do (an instruction, "you can…"). */
const DEEDS = [0, 1, 2, 4].map((i) => DONE[i]!);
const INSTRUCTIONS = [3, 5].map((i) => DONE[i]!);
/** Which of DONE's kinds a draft holds. */
export const doneKinds = memoText((draft: string) => ({
  deed: firstInOrder(draft, DEEDS, (hit) => hit) !== undefined,
  instruction: firstInOrder(draft, INSTRUCTIONS, (hit) => hit) !== undefined,
}));

/**
 * A step put as advice or a plain request to write to someone ("My suggestion would be to contact them
 * again", "I recommend watching that PR", "we would like to ask that you reach out to our support team",
 * "please email us directly at…", "Shoot me your UUID"): an action for the customer (GUIDELINE §3),
 * however much else the reply says ("We're closing this issue…"). Not an offer ("please contact us if
 * you have any other questions"). On train + dev 52 replies say one and all 52 give a next step.
 */
const ADVICE = /\b(?:my|our) (?:suggestion|advice|recommendation) (?:would be|is) to\b|\b(?:i|we)(?:'d| would)? (?:recommend|suggest|advise)\b|\b(?:we|i) (?:would like to )?ask that you\b|\bplease (?:e-?mail|contact|reach out to|write to|get in touch with|message|dm) (?:us|me|our|the|them|[a-z@]\S*)(?![^.!?\n]*\b(?:if|should|whenever|in case|any (?:other|further|more))\b)|\bshoot (?:me|us) (?:an? |your )/i;
/** The advice a draft gives, from its opening words to the end of its sentence (what the rule quotes). */
export function adviceIn(draft: string): Evidence | undefined {
  const m = ADVICE.exec(draft);
  if (!m) return undefined;
  const end = m.index + m[0].length + (/^[^.!?\n]*/.exec(draft.slice(m.index + m[0].length))?.[0].length ?? 0);
  return { start: m.index, end, text: draft.slice(m.index, end) };
}

/** A step asked of the customer ("Could you send me the log?"), as a pattern source. */
const ASKS_THEM = '(?:could you|can you|would you)';
const ASKED_OPENING = new RegExp(`^${ASKS_THEM}\\b`, 'i');
/** A `later` step that is asked of the customer, not promised by us: theirs to time, so no when is owed. */
export const askedOfThem = (step: Evidence) => ASKED_OPENING.test(step.text);

/** Promised for later: needs a when ("I'll look into it" — by when?). */
const LATER: RegExp[] = [
  // Not an offer ("Is there anything else we can do?", "if there's anything I can do"), nor what cannot
  // be done ("There's nothing we can do about delayed webhooks", seen on FreeScout).
  // Nor a refusal or a thought ("I can no longer…", "we will not…", "I can think of", "we will consider it", "we'll do better").
  /(?<!\b(?:anything|something|whatever|what|nothing|little|not much)(?:\s+else)?\s+)\b(?:i|we)(?:'ll| will| am going to|'m going to| are going to| can)\s+(?:also\s+|then\s+)?(?!(?:no|not|never|think|imagine|consider|see|understand|do better|do our best)\b)\w+/gi,
  // A colleague's commitment ("My colleague David will arrange a replacement", seen on FreeScout).
  /\b(?:my|our) (?:colleagues?|team(?:mates?)?|managers?|supervisors?|engineers?|developers?|devs|specialists?|technicians?|department|(?:billing|support|customer service|tech(?:nical)?|shipping|finance|sales) team)(?: \p{Lu}\p{Ll}+)? (?:will|'ll|is going to|are going to) (?!(?:not|never)\b)\w+/giu,
  // Not a feeling ("glad to hear it's working", "happy to see you back").
  /\blet me (?!know\b)\w+|\b(?:happy|glad) to (?!(?:help|hear|see|know|read|learn)\b)\w+/gi,
  /\b(?:your|the|this|that|our) \w+(?: \w+)? (?:will|should) (?:be \w+|end|expire|renew|start|stop|change|close|reopen|update|arrive|ship|appear)\b|\b(?:expects?|plans?|aims?) (?:a fix|to (?:ship|fix|release|have))\b/gi,
  /\b(?:it|they|this|the \w+)(?:'ll| will)?\s+(?:installs?|arrives?|ships?|goes? out|leaves?|lands?|updates?|runs?|finish(?:es)?|starts?|reaches?|resumes?)\b/gi,
  /\b(?:you(?:'ll| will| should)|it(?:'ll| will| should)|they(?:'ll| will))\s+(?:\w+\s+)?(?:see|receive|get|have|find|be able|notice|hear|arrive|show|resume|ship|come)\b/gi,
  // A promise without its "I" ("Will handle all login problems on Saturday", "will do").
  /(?:^|[.!?\n]\s*)will (?!(?:not|never|be able)\b)\w+/gim,
  new RegExp(`\\b${ASKS_THEM}\\s+(?:\\w+\\s+)?(?:try|send|reply|click|restart|clear|log|sign|update|check|confirm|forward|share|attach|upload|let me know|tell me)\\b`, 'gi'),
  /\b(?:arrives?|ships?)\b/gi,
  // What happens next, whoever's the subject ("anything you've triggered will start running shortly").
  /\b(?:will|'ll|should) (?:start|resume|begin|restart|be back|be restored|be processed|be available|be fixed|be live|be reviewed|be sent)\b/gi,
  /\b(?:next step|next steps|what happens next|here's what happens|from here|is being|are being|working on it|looking into)\b/gi,
];

/**
 * When the step happens or how long it takes. Not "soon", "shortly" or "asap" (no time at all: the
 * guideline since the second labelling pass, whose adjudication decided every such case that way;
 * dev when F1 0.806 → 0.867, train 0.584 → 0.682). Not "now" ("this is now fixed" says what, not when),
 * "once" / "when you…" / "as soon as" (a condition, not a time), "the moment" or a bare "today"
 * ("anything else today?"): on train those were wrong far more often than right (now 8 of 62, once
 * 3 of 12, when-you/it/the 2 of 11, today 2 of 10).
 */
export const WHEN: RegExp[] = [
  // Not a time past ("it has been over 3 weeks", "2 days ago").
  /(?<!\bbeen )\b(?:within|in|over|under|less than|about|around|take|takes|taking|up to|give it|wait)(?: at ?least)? (?:the next |another )?(?:\d+|a|an|one|two|three|four|five|(?:a )?few|(?:a )?couple(?: of)?)(?:\s*[-–]\s*\d+)?\s*(?:more )?(?:business |working )?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\b(?! ago\b)/gi,
  /\b(?:in|by|until|before|early|mid|late|end of) (?:january|february|march|april|june|july|august|september|october|november|december)\b/gi,
  /\b(?:by|before|on|until|this|next|later) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|today|end of (?:the )?(?:day|week|month)|eod|noon|morning|afternoon|evening|week|month|\d{1,2}(?::\d\d)?\s*(?:am|pm)?)\b/gi,
  /\b(?:tomorrow|tonight|right away|right now|eta)\b/gi,
  // "today" or "in the morning" with a future verb before it ("I'll respond today"), not "anything else today?".
  /\b(?:will|'ll|going to)\s[^.!?\n]{0,40}?\b(?:today|in the (?:morning|afternoon|evening))\b/gi,
  /\b\d+\s*(?:[-–]|to)\s*\d+\s*(?:business |working )?(?:days|hours|hrs|minutes|mins|weeks)\b/gi,
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b/gi,
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi,
  /\b\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/gi,
  /\b(?:for|in|over|within) the next (?:\d+|two|three|few|couple of) (?:minutes|hours|days)\b|\bwithin the hour\b/gi,
];

/** Money and cancellations take effect later: the customer needs to know when they'll see it. */
export const DELAYED = /refund|credit|revers|cancel|processed/i;
const NOT_A_STEP = /^(?:please (?:be|note|check|calm|bear|understand|wait|stay|don't|do not)\b|you can not\b)/i;
/**
 * A generic offer on a condition is no step (GUIDELINE §3): "Please let me know if you're still seeing
 * this", "feel free to comment and I will re-open the issue if it comes back", "please open a new issue
 * if anyone still has problems". A conditional instruction ("if it persists, clear your cache") still is.
 */
const OFFER = /^(?:please\s+|just\s+|and\s+)*(?:let (?:me|us) know|feel free|reach out|get in touch|(?:re-?)?open (?:a new|another|the|this)? ?(?:issue|ticket)|(?:add a )?comment(?: here)?|you can (?:ping|reach|contact|email|message) (?:me|us)|(?:i|we)(?:'ll| will) (?:re-?open|take a look|look (?:into|at) it))\b/i;
/** Where a sentence or clause ends: a stop before a space or the end, not the dots of "1.7.3" or "fastmail.com". */
const STOP = /[.!?;](?=\s|$)|\n/;
const STOPS = new RegExp(STOP.source, 'g');
/** The text after the last stop in `text` (the sentence or clause it ends with). */
const sinceLastStop = (text: string) => text.slice(([...text.matchAll(STOPS)].at(-1)?.index ?? -1) + 1);
/** What puts an offer on a condition. */
const CONDITION = /\bif\b/i;
/** A hedged step is not a clear one ("I think you can…", "maybe try…"). */
const HEDGED = /\b(?:i think|i guess|i believe|maybe|perhaps|probably|might|not (?:sure|certain)|unsure|no idea|(?:can(?:no|')?t|can not|could(?:n't| not)|don't|do not|won't) (?:guarantee|promise)|no guarantee)\b/i;

/**
 * A promise about the product's future, not this customer's next step: "We'll definitely add this to
 * our wish list", "we will be working on improvements to the billing system later this year", "I'll
 * work to improve it" (labelled no step each time in train, dev and the fresh dev set).
 */
const ROADMAP = /\b(?:wish ?list|road ?map|backlog|later this year|next year|some ?day|at some point|eventually|(?:work|try|strive) to improve)\b/i;
/** Where the clause that starts at or holds `at` ends (a stop, a semicolon or a line end), at most 300 characters on. */
const clauseEnd = (draft: string, at: number) => {
  const rest = draft.slice(at, at + 300);
  const stop = rest.search(STOP);
  return at + (stop < 0 ? rest.length : stop);
};

/**
 * After "you should have": how things stand, not what happens next ("But you should have the ability
 * to convert gems to gold", "you should have received an email"; seen on FreeScout).
 */
const SETTLED = /^\s+(?:the (?:ability|option|right)|access|already|been|received|gotten|got|had)\b/i;

/** Evidence without the punctuation the pattern needed to find a sentence start. */
function trimmed(draft: string, hit: Evidence | undefined): Evidence | undefined {
  if (!hit) return undefined;
  const lead = hit.text.length - hit.text.replace(/^[\s.!?:;,—–\n]+/, '').length;
  const text = hit.text.slice(lead);
  if (NOT_A_STEP.test(text)) return undefined;
  if (/\bshould (?:\w+ )?have$/i.test(text) && SETTLED.test(draft.slice(hit.end, hit.end + 40))) return undefined;
  // The clause up to the step: "I think you can…", "maybe try…" (a hedge after it, "probably next week", is the when's business).
  const from = Math.max(0, ...['.', '!', '?', '\n', ',', ';', '—'].map((c) => draft.lastIndexOf(c, hit.start + lead - 1) + 1));
  if (HEDGED.test(draft.slice(from, hit.end))) return undefined;
  if (ROADMAP.test(draft.slice(from, clauseEnd(draft, hit.end)))) return undefined;
  if (offeredOnCondition(draft, from, hit.start + lead)) return undefined;
  return widened(draft, { start: hit.start + lead, end: hit.end, text });
}

/** A step that ends on a verb saying nothing yet ("I will have", "we'll get"). */
const LIGHT_VERB = /\b(?:have|get|make|be|do|ask|keep|let)$/i;

/**
 * "I will have" tells the agent nothing: such a step runs on to its clause's end, up to 60
 * characters and a whole word ("I will have our support team contact you"; seen on FreeScout).
 */
function widened(draft: string, step: Evidence): Evidence {
  return LIGHT_VERB.test(step.text) ? wholeStep(draft, step) : step;
}

/**
 * A step as the agent reads it: the words found ("Try", "please email", "I've fixed") run on to their
 * clause's end, up to 60 characters and a whole word, the when left to be quoted on its own. On the
 * real train + dev replies "Next step: “Try”" and "Next step: “Download”" said what kind of step, not
 * which.
 */
export function wholeStep(draft: string, step: Evidence): Evidence {
  const rest = draft.slice(step.end, step.end + 60);
  const stop = rest.search(/[.!?;](?=\s|$)|[,\n]/);
  // Cut at 60 characters, the last word may be half a word: leave it out.
  let run = stop >= 0 ? rest.slice(0, stop) : step.end + 60 < draft.length ? rest.replace(/\s+\S*$/, '') : rest;
  // Up to its when, which is quoted on its own ("We'll get back to you" … "by Friday").
  const when = findAllInOrder(run, WHEN)[0];
  if (when) run = run.slice(0, when.start).replace(/\s+(?:by|at|before|until)\s+(?:the\s+)?end(?:\s+of)?\s*$/i, '');
  // Not into a link's text cut short ("replace config with [this one"), nor onto a colon.
  const open = run.lastIndexOf('[');
  if (open >= 0 && !run.includes(']', open)) run = run.slice(0, open);
  run = run.replace(/(?:\s+(?:and|or|but|the|a|an|to|of|with|for|in|on|at|by))*[\s:]*$/i, '');
  return { start: step.start, end: step.end + run.length, text: step.text + run };
}

/**
 * Something set in motion for the customer, said in the passive: "your refund has been submitted",
 * "a password reset has now been issued", "this charge has been refunded". What happens next is
 * theirs to see (the money, the email), so it is a next step whatever the model reads around it; on
 * train and dev 6 of 7 such replies were labelled one (the seventh is the same words as a sixth). Not
 * "has been fixed / resolved / restored": a status, labelled no step as often as not.
 */
const IN_MOTION = /\b(?:refunds?|credits?|(?:password |account )?resets?|replacements?|returns?|charges?|payments?|invoices?|keys?|codes?|invit(?:e|ation)s?|labels?|cancellations?)\s+(?:has|have)\s+(?:now\s+|already\s+|just\s+|also\s+)?been\s+(?:submitted|issued|processed|initiated|sent|approved|refunded|credited)\b/i;
export const setInMotion = (draft: string): boolean => IN_MOTION.test(draft);

/**
 * A fix or feature placed in a release ("It'll be fixed in 1.3.1", "Fixed in the latest release",
 * "the latest version 5.12.4 fixes that"): the customer's step is to update (GUIDELINE §3, as the
 * labels of every source read it). The words "fixed" and "short" hide it from the next-step model:
 * five such replies in all the training data, every one labelled a step.
 */
const IN_RELEASE = /\b(?:fixed|resolved|solved|added|available|included|implemented|addressed|supported|shipped|out|live)\s+(?:now\s+)?(?:in|by|with|for|since)\s+(?:the\s+)?(?:(?:latest|next|new|newest|later|upcoming|last|current)\s+(?:\w+\s+)?(?:version|release|update|build|beta|nightly)s?\b|v?\d+(?:\.\d+)+\b|(?:version|release|build)\s+v?\d)|\b(?:latest|new|next)\s+(?:version|release|update|build)(?:\s+\(?v?\d+(?:\.\d+)*\)?)?\s+(?:fixes|solves|resolves|addresses|adds|includes|should fix)\b|\b(?:update|upgrade)\s+to\s+(?:the\s+)?(?:latest|newest|new|v?\d+(?:\.\d+)+)/i;

export const inRelease = (reply: string): boolean => IN_RELEASE.test(reply);

/** A clause or sentence that is only a generic offer on a condition ("Please let me know if you're still seeing this"). */
export const conditionalOffer = (text: string) => OFFER.test(text.trim()) && CONDITION.test(text);

/** Is the step at `at` a generic offer in a sentence that puts it on a condition ("… if it happens again")? */
function offeredOnCondition(draft: string, from: number, at: number): boolean {
  const step = draft.slice(at, clauseEnd(draft, at));
  return OFFER.test(step) && CONDITION.test(sinceLastStop(draft.slice(Math.max(0, from - 300), at)) + step);
}

/** The first match of any pattern that is a clear step (not hedged, not "please note"). */
function firstStep(draft: string, patterns: RegExp[]): Evidence | undefined {
  return firstInOrder(draft, patterns, (hit) => trimmed(draft, hit));
}

/** Said of what already happened ("I sent you the key on 22 October", "it reached them at Apr 10"): a date, not a when. */
const PAST = /\b(?:sent|received|reached|was|were|had|did|got|happened|wrote|bought|paid|ordered|made|posted|emailed|mailed|asked|released)\b/i;

/** Where the last part of a clause begins: "…you was denied, try again in 2 weeks" dates the retry, not the denial. */
const LAST_PART = /[,;:][^,;:]*$/;

/** The first when that is not a date something already happened on. */
function firstWhen(draft: string): Evidence | undefined {
  return firstInOrder(draft, WHEN, (hit) => {
    // The clause before it, at most 120 characters back. "…will send you the list of carts that were
    // abandoned by tomorrow" still says when.
    const clause = sinceLastStop(draft.slice(Math.max(0, hit.start - 120), hit.start));
    return !PAST.test(clause.slice(clause.search(LAST_PART) + 1)) || /\b(?:will|'ll|going to|shall)\b/i.test(clause + hit.text) ? hit : undefined;
  });
}

/** What the phrase lists find: a done step, a promised one and a when (features of the next-step model). */
export const stepPhrases = memoText((draft: string): { done?: Evidence; later?: Evidence; when?: Evidence; advice?: Evidence } => ({
  done: firstStep(draft, DONE),
  later: firstStep(draft, LATER),
  when: firstWhen(draft),
  advice: adviceIn(draft),
}));
