/**
 * What the customer says about having written before (issue #12): "this is the THIRD time",
 * "again", "still not fixed", "twice now", "same thing happened last week". Rapport's own history
 * may not know (new install, another channel, the same ticket written to three times); the customer
 * does, and a "First ticket — welcome them" next to "this is the third time" is the contradiction an
 * agent remembers. Pure and small: it runs in the background when a ticket is opened.
 *
 * Negation: "not again" / "hopefully not again" is a wish, not a report; "this isn't the first
 * time" and "not the first time" ARE reports of a repeat.
 */
import { blankQuotedLines, theirWords } from '../standards/mail-text';

export interface RepeatClaim {
  /** How many times they say they have written/had it, when they give a number ("third time" → 3). */
  times?: number;
  /** The words that decided it, as written (at most 80 characters). */
  phrase: string;
  /** Where `phrase` starts in the message. */
  start: number;
  /** The words themselves ("third time", "still charged", "again"), as written. */
  words: string;
}

const ORDINALS: Record<string, number> = {
  second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, '5th': 5, sixth: 6, '6th': 6,
  seventh: 7, '7th': 7, eighth: 8, '8th': 8, ninth: 9, '9th': 9, tenth: 10, '10th': 10, umpteenth: 10,
  millionth: 10, nth: 10,
};
const COUNTS: Record<string, number> = { twice: 2, 'two times': 2, 'three times': 3, 'four times': 4, 'five times': 5, 'several times': 3, 'multiple times': 3, 'many times': 3 };

interface Pattern {
  re: RegExp;
  times?: (m: RegExpExecArray) => number | undefined;
}

const ORD = Object.keys(ORDINALS).join('|');
const CNT = Object.keys(COUNTS).join('|').replace(/ /g, '\\s+');
const CONTACT = '(?:time|email|message|ticket|request|call|attempt|week|day)';
const CONTACT_VERB = "(?:wr[oi]te|written|writing|e-?mailed|messaged|asked|called|contacted|reported|told|raised|chased|been\\s+in\\s+touch)";

/** Strongest first: a numbered claim wins over a bare "again". */
const SOURCES: Pattern[] = [
  // "the THIRD time I'm writing", "my 4th email about this", "for the umpteenth time"
  { re: new RegExp(`\\b(${ORD})\\s+(?:\\w+\\s+)?${CONTACT}s?\\b`, 'iu'), times: (m) => ORDINALS[m[1]!.toLowerCase()] },
  // "twice now", "three times already", "I've asked several times", "emailed you twice" — a count
  // of tries ("I've tried twice") is not a count of contacts.
  {
    re: new RegExp(`\\b(?:${CONTACT_VERB})\\s+(?:\\w+\\s+){0,3}?(${CNT})\\b|\\b(${CNT})\\s+(?:now|already|before|this\\s+(?:week|month)|today)\\b`, 'iu'),
    times: (m) => COUNTS[(m[1] ?? m[2])!.toLowerCase().replace(/\s+/g, ' ')],
  },
  // "this isn't the first time", "not the first time"
  { re: /\b(?:is\s*n[o']t|is\s+not|not)\s+the\s+first\s+time\b/iu },
  // "same thing happened last week", "same problem as last month", "like last time"
  { re: /\b(?:same\s+(?:thing|issue|problem|error|bug)\b[^.!?\n]{0,40}?\b(?:last|before|again|previous(?:ly)?)\b|like\s+last\s+time|as\s+i\s+(?:said|mentioned|explained)\s+(?:before|earlier|last\s+time))/iu },
  // "I already wrote / reported / asked", "I've contacted you before"
  { re: /\b(?:already|previously)\s+(?:wrote|written|emailed|reported|asked|contacted|called|told|raised|opened)\b|\b(?:wrote|emailed|contacted|called|reported|asked)\s+(?:you\s+|this\s+|about\s+this\s+)?(?:before|previously|last\s+(?:week|month|time))\b/iu },
  // "still not fixed", "still broken", "still waiting", "still haven't heard"
  { re: /\bstill\s+(?:not|n[o']t|no|broken|waiting|hav(?:e|en['’]?t)|getting|happening|charged|failing|down|the\s+same|nothing)\b/iu },
  // "broke AGAIN", "happened again", "again!" — the bare word last, with the wish-negations below.
  { re: /\bagain\b/iu },
];

const PATTERNS = SOURCES.map(({ re, times }) => ({ re: new RegExp(re.source, `${re.flags}g`), times, bare: re.source === '\\bagain\\b' }));

/** Every claim has one of these words: a message without any costs one scan. */
const CUES = /again|time|twice|still|before|same|already|previously|umpteenth|several|multiple|many|three|four|five|last|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|millionth|nth|2nd|3rd|[4-9]th|10th/iu;

/** "not again", "hopefully not again", "never again", "doesn't happen again": a wish or a threat, not a repeat. */
const NEGATED_AGAIN = /\b(?:not|never)\s+(?:\w+\s+){0,2}?again\b|n['’]t\s+(?:\w+\s+)?(?:happen|occur)\s+again\b|\b(?:do|does)\s+(?:it|that|this)\s+again\b|\bagain\s+(?:later|tomorrow|soon|in\s+(?:the\s+)?future)\b|\bhi\s+again\b|\b(?:tried|try|trying)\s+(?:it\s+)?again\b|\bthanks?\s+(?:you\s+)?again\b|\bthank\s+you\s+again\b/iu;

/** Quoted earlier mail ("On Mon, X wrote:" and what follows, "> ..." lines) is not what the customer says now. */
function ownWords(text: string): string {
  return blankQuotedLines(theirWords(text));
}

/** The customer's claim to have written (or had the problem) before, if their message makes one. */
export function repeatClaimIn(message: string): RepeatClaim | undefined {
  if (!CUES.test(message)) return undefined;
  const text = ownWords(message.slice(0, 20_000));
  for (const { re, times, bare } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (bare && againIsNegated(text, m.index)) continue;
      return { times: times?.(m), phrase: sentenceAround(text, m.index, m[0].length), start: m.index, words: m[0] };
    }
  }
  return undefined;
}

/** The strongest claim over several customer messages (the highest count; else the newest). */
export function repeatClaimInMessages(messages: string[]): RepeatClaim | undefined {
  let best: RepeatClaim | undefined;
  for (const text of messages) {
    const claim = repeatClaimIn(text);
    if (claim && (!best || (claim.times ?? 0) >= (best.times ?? 0))) best = claim;
  }
  return best;
}

function againIsNegated(text: string, at: number): boolean {
  const window = text.slice(Math.max(0, at - 30), at + 25);
  const local = NEGATED_AGAIN.exec(window);
  if (!local) return false;
  // The negation must cover this "again" (the match ends at or after it).
  const start = Math.max(0, at - 30) + local.index;
  return start <= at && start + local[0].length >= at + 5;
}

/** The clause holding the match, trimmed to 80 characters around it. */
function sentenceAround(text: string, at: number, length: number): string {
  const before = text.slice(0, at);
  const from = Math.max(before.search(/[^.!?\n]*$/u), at - 40);
  const rest = text.slice(at + length);
  const stop = rest.search(/[.!?\n]/u);
  const to = at + length + Math.min(stop < 0 ? rest.length : stop, 40);
  return text.slice(from, to).trim().replace(/\s+/g, ' ').slice(0, 80);
}
