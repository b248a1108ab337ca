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
import { parse } from '../standards/nlp';

export interface RepeatClaim {
  /** How many times they say they have written/had it, when they give a number ("third time" → 3). */
  times?: number;
  /**
   * The number is a count or a figure of speech, not an ordinal they wrote ("emailed you twice",
   * "several times", "the umpteenth time"): the cue says it is not the first time rather than make up
   * "the second time" (twice before and now makes three) or "the 10th time".
   */
  counted?: true;
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
  /** The number is not an ordinal as written (see RepeatClaim.counted). */
  counted?: (m: RegExpExecArray) => boolean;
}

/** Ordinals that are figures of speech, not counts. */
const LOOSE_ORDINALS = new Set(['umpteenth', 'millionth', 'nth']);

const ORD = Object.keys(ORDINALS).join('|');
const CNT = Object.keys(COUNTS).join('|').replace(/ /g, '\\s+');
const CONTACT = '(?:time|email|message|ticket|request|call|attempt|week|day)';
const CONTACT_VERB = "(?:wr[oi]te|written|writing|e-?mailed|messaged|asked|called|contacted|reported|told|raised|chased|been\\s+in\\s+touch)";

/** What "I" or "we" did to be in touch ("I've emailed", "we tried calling", "I sent a ticket"). */
const GOT_IN_TOUCH = [
  'e-?mailed', 'e-?mailing', 'contacted', 'contacting', 'messaged', 'messaging', 'complained', 'reached\\s+out',
  // A phone call, not "I called `sync --init`".
  '(?:called|phoned|calling|phoning)(?=\\s+(?:you|them|support|customer|your|in\\b|the\\s+(?:support|hotline|helpline|company|office|number|airline|station|bank|store|shop|call)|twice|several|multiple|many|\\d|again|before|last|yesterday|today|on\\b))',
  // "wrote to you", not "wrote an incorrect surname".
  '(?:wrote|written)\\s+(?:to|you|an?\\s+(?:e-?mail|message|ticket|letter|complaint))',
  'dropped\\s+(?:you\\s+)?an?\\s+(?:e-?mail|message|line)',
  'sent\\s+(?:you\\s+|them\\s+|support\\s+|in\\s+)?(?:an?\\s+|the\\s+|my\\s+|several\\s+|multiple\\s+|many\\s+|\\d+\\s+)?(?:e-?mails?|messages?|tickets?|requests?|dms?)\\b',
  'submitted\\s+(?:an?|the|my)\\s+(?:ticket|form|request|contact)',
  'filed\\s+(?:an?|the)\\s+(?:ticket|complaint|claim|report|request)',
  'opened\\s+(?:an?|the)\\s+(?:ticket|case|support)',
  'made\\s+an?\\s+(?:refund\\s+)?(?:request|claim|complaint|appeal)',
  'asked\\s+(?:you|support|them)\\b',
  'tried\\s+(?:calling|contacting|reaching|emailing|messaging|to\\s+(?:contact|reach|call|email))',
  '(?:kept|keep|been)\\s+trying\\s+to\\s+(?:contact|reach|call)',
];
const WE_DID = "\\b(?:i|we)(?:['’]ve|\\s+have|\\s+had|['’]d)?\\s+(?:also\\s+|already\\s+|even\\s+|previously\\s+|just\\s+|then\\s+)?(?:been\\s+)?";
const IN_TOUCH = new RegExp(
  [
    `${WE_DID}(?:${GOT_IN_TOUCH.join('|')})`,
    '\\bmade\\s+(?:several|multiple|many|numerous|\\d+)\\s+(?:calls|phone\\s+calls|attempts)',
    '\\b(?:writing|opening|creating|filing|submitting)\\s+another\\s+(?:issue|ticket|request|e-?mail)',
  ].join('|'),
  'iu',
);

/** A contact unanswered. */
const UNANSWERED = new RegExp(
  [
    '\\bno\\s*(?:one|body)\\s+(?:has\\s+|ever\\s+)?(?:replied|responded|answered|got\\s+back|gets\\s+back)', // "nobody has answered"
    '\\bno\\s+(?:reply|response|answer|word)\\s+(?:yet|from|to|on|for|since|after|at\\s+all)\\b', // "no reply yet"
    "\\bha(?:ve|s)n['’]?t\\s+(?:heard\\s+back|(?:got(?:ten)?|received)\\s+(?:a|any)\\s+(?:reply|response|answer))", // "I haven't heard back"
    '\\b(?:not|never)\\s+(?:answering|responding|replying|got\\s+(?:a|any)\\s+(?:reply|response|answer))', // "you're not answering"
    '\\bfollow(?:ing)?[- ]?up\\s+on|\\bbump(?:ing)?\\s+(?:this|my)\\b', // "following up on my message"
    '\\bwaiting\\s+(?:for|on)\\s+(?:a|an|your|any)\\s+(?:reply|response|answer|support)', // "waiting for a response"
    '\\bany\\s+(?:news|updates?)(?:\\s+on\\s+(?:this|my|the)\\b[^?.!\\n]{0,30})?\\s*\\?', // "any update on this?"
  ].join('|'),
  'iu',
);

/** Strongest first: a numbered claim wins over a bare "again". */
const SOURCES: Pattern[] = [
  // "the THIRD time I'm writing", "my 4th email about this", "for the umpteenth time"
  {
    re: new RegExp(`\\b(${ORD})\\s+(?:\\w+\\s+)?${CONTACT}s?\\b(?!\\s+address)`, 'iu'),
    times: (m) => ORDINALS[m[1]!.toLowerCase()],
    counted: (m) => LOOSE_ORDINALS.has(m[1]!.toLowerCase()),
  },
  // "twice now", "three times already", "I've asked several times", "emailed you twice" — a count
  // of tries ("I've tried twice") is not a count of contacts.
  {
    re: new RegExp(`\\b(?:${CONTACT_VERB})\\s+(?:\\w+\\s+){0,3}?(${CNT})\\b|\\b(${CNT})\\s+(?:now|already|before|this\\s+(?:week|month)|today)\\b`, 'iu'),
    times: (m) => COUNTS[(m[1] ?? m[2])!.toLowerCase().replace(/\s+/g, ' ')],
    counted: () => true,
  },
  // "GOT WIPED 3 TIMES", "it has happened 4 times", "this has occurred twice", "Sent 5 emails"; a
  // card "charged twice" is one double charge, not a repeat.
  {
    re: /\b(?:happen\w*|occur\w*|wiped|crash\w*|fail\w*|broke|broken|lost|replaced|deleted|banned|sent)\s+(?:\w+\s+){0,3}?(?:(?:more\s+than\s+)?(\d{1,2}|two|three|four|five|several|multiple|many)\s+(?:times|e-?mails|messages|tickets)|(twice))\b/iu,
    times: (m) => (m[2] ? 2 : /^\d+$/.test(m[1]!) ? Number(m[1]) : COUNTS[`${m[1]!.toLowerCase()} times`]),
    counted: () => true,
  },
  // "this isn't the first time", "not the first time"
  { re: /\b(?:is\s*n[o']t|is\s+not|not)\s+the\s+first\s+time\b/iu },
  // "same thing happened last week", "same problem as last month", "like last time"
  { re: /\b(?:same\s+(?:thing|issue|problem|error|bug)\b[^.!?\n]{0,40}?\b(?:last|before|again|previous(?:ly)?)\b|same\s+(?:thing|issue|problem|error|bug)\s+(?:\w+\s+){0,3}?(?:yesterday|earlier|ago)\b|like\s+last\s+time|as\s+i\s+(?:said|mentioned|explained)\s+(?:before|earlier|last\s+time))/iu },
  // "I already wrote / reported / asked", "I've contacted you before"
  { re: /\b(?:already|previously)\s+(?:wrote|written|emailed|reported|asked|contacted|called|told|raised|opened)\b|\b(?:wrote|emailed|contacted|called|reported|asked)\s+(?:you\s+|this\s+|about\s+this\s+)?(?:before|previously|last\s+(?:week|month|time))\b/iu },
  // "I emailed you on Monday", "we've contacted support", "I tried calling", "I sent a ticket": in
  // touch before. (GUIDELINE §7; on the labelled dev rows these were most of what the cue missed.)
  { re: IN_TOUCH },
  // "no reply yet", "nobody has answered", "I haven't heard back", "following up on this": a contact unanswered.
  { re: UNANSWERED },
  // "still not fixed", "still no answer", "still charged", "still waiting for the refund": it goes on
  // after a report, a request or a promise. A state that simply goes on ("I still have my key",
  // "turned it off, still no notifications") is no claim.
  {
    re: /\bstill\s+(?:(?:not|n[o']t|never)\s+(?:been\s+)?(?:fixed|resolved|solved|sorted|refunded|answered|replied)|(?:ha(?:ve|s)n['’]?t|have\s+not|has\s+not|did\s*n['’]?t|did\s+not)\s+(?:heard\s+back|(?:got(?:ten)?|received|had)\s+(?:a|an|any|my|the)\s+(?:reply|response|answer|refund))|no\s+(?:reply|response|answer|word|refund|fix|solution)|waiting\s+(?:for|on)\s+(?:a|an|the|your|any|my)\s+(?:reply|response|answer|refund|fix)|(?:being\s+|getting\s+|got\s+|been\s+)?(?:charged|billed|debited|deducted))\b/iu,
  },
  // "charged after cancelation", "you charged me anyway", "the issue is not solved": it goes on after a request or a fix.
  {
    re: /\b(?:charged|billed|debited|deducted)\s+(?:\w+\s+){0,4}?(?:after|despite|although|even\s+though|though)\s+(?:\w+\s+){0,3}?(?:cancel\w*|unsubscrib\w*|deleted)|\bcharged\s+(?:me\s+)?anyway\b|\b(?:is|has|was)\s*n[o']?t\s+(?:been\s+)?(?:solved|resolved|fixed)\b/iu,
  },
  // "broke AGAIN", "happened again", "once again": only where the "again" is a failure come back
  // (againComesBack reads its clause); "logged in again", "it works again", "if it happens again" are no claim.
  { re: /\bagain\b/iu },
];

const PATTERNS = SOURCES.map(({ re, times, counted }) => ({ re: new RegExp(re.source, `${re.flags}g`), times, counted, bare: re.source === '\\bagain\\b' }));

/** Every claim has one of these words: a message without any costs one scan. */
const CUES = /again|time|twice|still|before|same|already|previously|umpteenth|several|multiple|many|three|four|five|last|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|millionth|nth|2nd|3rd|[4-9]th|10th|mail|contact|call|phon|messag|complain|reach|wr[oi]te|written|sent|submit|filed|opened|made|asked|tried|trying|kept|keep|reply|repli|respon|answer|heard|follow|bump|news|update|charg|billed|debit|deduct|solved|fixed/iu;

/**
 * A failure, a loss or a charge come back: the words of the "again" clause that make it one
 * ("crashed", "down", "charged", "gone", "the same", "happened", a negated verb: "will once again not
 * accept"). Without one, "again" is something done again ("logged in again", "buy it again") or
 * something back to normal ("it works again", "I can see my notes again").
 */
const CAME_BACK = /^(?:crash\w*|fail\w*|broke|broken|break\w*|down|dead|died|dies|gone|lost|lose|losing|disappear\w*|vanish\w*|reset|wiped|deleted|erased|missing|charged|billed|debited|deducted|banned|blocked|suspended|locked|kicked|killed|stopped|stuck|froze|frozen|freez\w*|errors?|wrong|happen\w*|occur\w*|same|problem|issue|bug|rejected|declined|expired|empty|blank|unable|unusable)$/;
/** A wish or a condition: even "yet again" is not told then ("if it breaks yet again"). */
const WISH = /^(?:if|hope\w*|prevent\w*|avoid\w*|wish\w*|chances?)$/;
/** A wish, a fear, a plan or a question: "how can I prevent it from happening again", "I'll check again". */
const NOT_TOLD = /^(?:if|prevent\w*|avoid\w*|chances?|hope\w*|want\w*|wanna|wish\w*|would|will|'ll|'d|might|may|could|should|shall|need|needs|going|gonna|afraid|worried|curious|whether|how|what|why)$/;
/** Something done again: "when I opened it again", "I have to buy it again", "tried again". A failure told in the past right before the "again" still counts ("when it happened again"). */
const DONE_AGAIN = /^(?:when|whenever|once|until|after|try\w*|tried|able|to)$/;
const TOLD_PAST = /^(?:happened|occurred|crashed|failed|broke|died|stopped|froze|disappeared|vanished|reset|charged|billed|banned|blocked|locked|gone|down|dead|broken)$/;

/** Whether the "again" at `at` tells of a failure that came back (its clause, as the parse reads it). */
function againComesBack(text: string, at: number): boolean {
  // Only the words around it are parsed (its line, 300 characters either side): a long message costs no more.
  const from = Math.max(text.lastIndexOf('\n', at) + 1, at - 300);
  const end = text.indexOf('\n', at);
  const parsed = parse(text.slice(from, Math.min(end < 0 ? text.length : end, at + 300)));
  const whole = parsed.clauses.find((c) => c.start <= at - from && at - from < c.end);
  if (!whole) return false;
  const found = whole.tokens.findIndex((t) => t.start === at - from);
  // The dozen words before it and a few after: "again again again…" is read word by word, not clause by clause.
  const first = Math.max(0, found - 12);
  const words = whole.tokens.slice(first, found + 6);
  const i = found - first;
  const before = words.slice(0, Math.max(0, i));
  // "Again, not working": said at the start, it is said again ("Again I am hopeful" is only a word).
  if ((i === 0 || (i === 1 && words[0]!.pos === 'CCONJ')) && words[i + 1]?.text === ',') return true;
  // "yet again", "once again": a repeat told outright.
  if (/^(?:yet|once)$/.test(before.at(-1)?.lower ?? '') && !words.some((t) => WISH.test(t.lower))) return true;
  if (words.some((t) => NOT_TOLD.test(t.lower))) return false;
  if (TOLD_PAST.test(before.at(-1)?.lower ?? '')) return true;
  if (words.some((t) => DONE_AGAIN.test(t.lower))) return false;
  return words.some((t) => CAME_BACK.test(t.lower) || (t.negated && t.pos === 'VERB'));
}

/** "not again", "hopefully not again", "never again", "doesn't happen again": a wish or a threat, not a repeat. */
const NEGATED_AGAIN = /\b(?:not|never)\s+(?:\w+\s+){0,2}?again\b|n['’]t\s+(?:\w+\s+)?(?:happen|occur)\s+again\b|\b(?:do|does)\s+(?:it|that|this)\s+again\b|\bagain\s+(?:later|tomorrow|soon|in\s+(?:the\s+)?future)\b|\bhi\s+again\b|\b(?:tried|try|trying)\s+(?:it\s+)?again\b|\bthanks?\s+(?:you\s+)?again\b|\bthank\s+you\s+again\b/iu;

/** Quoted earlier mail ("On Mon, X wrote:" and what follows, "> ..." lines) is not what the customer says now. */
function ownWords(text: string): string {
  return blankQuotedLines(theirWords(text));
}

/**
 * After an agent's reply, a problem that goes on is one that went on past a fix the thread suggested
 * (GUIDELINE §7): "Still getting the popup", "that didn't work". In a first message it is only their
 * own tries ("turned it off, still no notifications"); "same issue" there is mostly another user's.
 */
const AFTER_REPLY = /\bstill\s+(?:not|n['’]t|can['’]?t|cannot|unable|getting|get|the\s+same|no|nothing|having|happening|failing|broken|showing|shows|seeing|see)\b|\b(?:that|it|this)\s+(?:didn['’]?t|did\s+not|doesn['’]?t|does\s+not)\s+(?:work|help|fix|change)\b/giu;

const MAX_AGAINS = 16;

export interface ClaimOptions {
  /** The message answers an agent's reply on the same ticket. */
  afterReply?: boolean;
}

/** The customer's claim to have written (or had the problem) before, if their message makes one. */
export function repeatClaimIn(message: string, { afterReply = false }: ClaimOptions = {}): RepeatClaim | undefined {
  if (!CUES.test(message) && !(afterReply && /still|n['’]t\b|\bnot\b/iu.test(message))) return undefined;
  const text = ownWords(message.slice(0, 20_000));
  for (const { re, times, counted, bare } of afterReply ? [...PATTERNS, { re: AFTER_REPLY, times: undefined, counted: undefined, bare: false }] : PATTERNS) {
    re.lastIndex = 0;
    let agains = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // Each "again" costs a parse of its words: the first sixteen are read (a claim is made early, and once).
      if (bare && ++agains > MAX_AGAINS) break;
      if (bare && (againIsNegated(text, m.index) || !againComesBack(text, m.index))) continue;
      const number = times?.(m);
      return { times: number, ...(number && counted?.(m) ? { counted: true as const } : {}), phrase: sentenceAround(text, m.index, m[0].length), start: m.index, words: m[0] };
    }
  }
  return undefined;
}

/** The strongest claim over several customer messages (the highest count; else the newest). */
export function repeatClaimInMessages(messages: readonly ({ text: string } & ClaimOptions)[]): RepeatClaim | undefined {
  let best: RepeatClaim | undefined;
  for (const { text, afterReply } of messages) {
    const claim = repeatClaimIn(text, { afterReply });
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

/** The sentence holding the match, at most 80 characters around it, cut between words ("…" where cut). */
function sentenceAround(text: string, at: number, length: number): string {
  const before = text.slice(0, at);
  const start = before.search(/[^.!?\n]*$/u);
  const from = start < at - 40 ? text.indexOf(' ', at - 40) + 1 || at : start;
  const rest = text.slice(at + length);
  const stop = rest.search(/[.!?\n]/u);
  const end = at + length + (stop < 0 ? rest.length : stop);
  let phrase = text.slice(from, end).replace(/\s+/g, ' ').trim();
  if (phrase.length > 80) phrase = `${phrase.slice(0, 79).replace(/\s+\S*$/u, '')}…`;
  return `${from > start ? '…' : ''}${phrase}`;
}
