/**
 * The lexicon reading of a customer's mood (issue #4, #12): AFINN-165 from the `sentiment` package
 * tuned for support text (pleasantries carry no mood; complaint, loss and urgency do; software words
 * in their software sense), negation, phrases that carry a mood better than their words (sarcasm,
 * repetition, urgency), shouting, and the customer's courtesies left out. A feature of the upset
 * model and the words a mood line names; lib/standards/mood.ts is the product's one mood.
 */
import afinn from 'sentiment/languages/en/labels.json';
import negators from 'sentiment/languages/en/negators.json';
import { findAll, outermost, pressedLabels, words, type Word } from './text';
import { memoText } from './memo';
import type { Evidence, Mood, MoodLabel } from './types';

const LEXICON = afinn as Record<string, number>;
const NEGATORS = negators as Record<string, number>;
const EXTRA_NEGATORS = new Set(['never', 'no', 'nobody', 'nothing', "haven't", 'havent', "wasn't", "aren't", "didn't", 'didnt', 'without', 'hardly']);

/**
 * Support-specific tuning of the AFINN lexicon: pleasantries every customer writes ("thanks",
 * "please", "help", "I'd like") carry no mood; the words of complaints, loss and urgency do.
 */
const SUPPORT_WORDS: Record<string, number> = {
  thanks: 0, thank: 0, please: 0, help: 0, like: 0, want: 0, hope: 0, hoping: 0, yes: 0, ok: 0, okay: 0,
  kind: 0, kindly: 0, dear: 0, appreciate: 1, appreciated: 1, cool: 0, sure: 0, pretty: 0, fine: 0, well: 0,
  no: 0, shy: 0, problem: -1, issue: -1, issues: -1, question: 0, cancel: -1, charge: 0, charged: 0, charges: 0,
  twice: -1, again: -1, still: -1, nobody: -2, ignored: -3, ignoring: -3, waiting: -1, waited: -2,
  cancelling: -2, canceling: -2, dispute: -3, disputing: -3, chargeback: -3, refund: 0, lawyer: -3, mistake: -1, big: 0, deal: 0,
  urgent: -2, urgently: -2, asap: -2, deadline: -2, tomorrow: 0, immediately: -1, emergency: -3,
  worried: -3, worry: -2, anxious: -3, nervous: -2, concerned: -2, scared: -3, panic: -3, panicking: -3,
  soaked: -2, ruined: -3, destroyed: -3, theft: -3, stolen: -3, scam: -3,
  lost: -2, losing: -2, missing: -2, disappeared: -2, deleted: -1, gone: -1, corrupted: -2, broken: -2,
  stuck: -2, unusable: -3, frustrating: -3, frustrated: -3, frustration: -3, annoying: -2, annoyed: -2,
  ridiculous: -3, unacceptable: -3, useless: -3, joke: -2, disappointed: -3, disappointing: -3,
  terrible: -3, awful: -3, worst: -3, furious: -4, livid: -4, fed: 0, fail: -2, failed: -2, failing: -2,
  error: -1, errors: -1, wrong: -2, overcharged: -3, garbled: -2, damaged: -2, late: -1, delayed: -2,
  crashes: -2, crashing: -2, crash: -2, down: 0, outage: -3, wait: 0, sorry: 0, greetings: 0, great: 2, love: 2, awesome: 3,
  // The software sense of a word, which is the one support text means ("kill the process", "a warning
  // dialog", "in the spam folder", "a sentence in the docs", "set it to true"): seen on FreeScout as
  // "upset — “worst”, “sentence”, …".
  sentence: 0, sentences: 0, kill: 0, killed: 0, kills: 0, warning: 0, warnings: 0, spam: 0, fire: 0,
  clean: 0, true: 0, false: 0, positive: 0, negative: 0, ghost: 0, slave: 0,
  // Discord the chat platform ("i send a message on discord yesterday", seen on FreeScout), not strife.
  discord: 0,
};

/** "Outstanding" before what is still owed or open ("the outstanding balance", "outstanding issues"): not praise. */
const STILL_OPEN = /^\s+(?:balance|invoices?|amounts?|payments?|charges?|fees?|debts?|issues?|bugs?|tickets?|requests?|items?|orders?|tasks?|questions?)\b/i;

/**
 * What "still" goes on to say when nothing persists against the customer ("is it still possible",
 * "the position was still there", "still in stock"): no grievance, in the lexicon or the mood line.
 */
const STILL_FINE = '(?:possible|available|valid|the case|open|active|eligible|supported|relevant|alive|a thing|offered|on sale|in stock|free|there|exists?)\\b';
const STILL_FINE_AFTER = new RegExp(`^\\s+${STILL_FINE}`, 'i');

/**
 * What products, plans and actions are called ("contacted support", "Brave Rewards", "Gold plan", "my
 * favorites", "saved files", "free trial"): they keep their lexicon value in the score, but never make
 * or name a pleased customer (seen on FreeScout as "sounds positive — “rewards”"). Negated they are
 * heard as any word is ("no support", "didn't save").
 */
const THING_WORDS = new Set(['support', 'supporter', 'supporters', 'save', 'saved', 'reward', 'rewards', 'rewarded', 'benefit', 'benefits',
  'gift', 'gold', 'secure', 'favorite', 'favorites', 'favourite', 'favourites', 'free', 'top', 'advantage', 'advantages',
  // In-app currencies and items ("I touched the gem instead of the gold": seen on FreeScout as "sounds positive — “gem”").
  'gem', 'diamond', 'treasure', 'boost']);

/** Words of a feeling that a courtesy may carry ("sorry for my frustration"): such a courtesy still counts. */
const FELT = /frustrat|angr|upset|annoy|\bmad\b|\brant|\bvent|harsh|rude|\btone\b|caps|shout|yell|disappoint/i;

/**
 * A customer's courtesies, which say nothing of their mood: their own apology ("I apologise for my
 * poor English, as well as for the overall inconvenience", "sorry to bother you") and thanks said
 * again ("Thanks again", "Again I am truly hopeful"). Seen on FreeScout as "upset — “apologise”,
 * “poor”, “inconvenience”" and as repeat contact.
 */
const COURTESY = /\b(?:(?:i\s+(?:do\s+)?)?apologi[sz]e|(?:my\s+)?apologies|(?:i['’]?m\s+|i\s+am\s+)?(?:so\s+|very\s+|really\s+)?sorry|(?:please\s+)?(?:excuse|pardon))\s+(?:for|about|to\s+bother|in\s+advance|my|me)\b[^.!?\n]*?(?=,?\s+but\b|[.!?\n]|$)|\b(?:thanks|thank\s+you)(?:\s+(?:so|very)\s+much)?\s+again\b|\bagain,?\s+(?:thanks|thank\s+you|i\s+(?:am|['’]m)\s+(?:\w+\s+)?(?:hopeful|grateful|thankful|sorry)|i\s+apologi[sz]e|sorry)\b/gi;

/**
 * A sign-off line ("Best regards, Bjorn", "Best,", "Kind regards"): "best" there is no praise (seen
 * on FreeScout as "positive — “Best”"). Narrower than text.ts's SIGN_OFF_WORDS on purpose: a closing
 * "Thanks!" or "Cheers" is still the customer's own word, and a whole line, name and all, is blanked.
 */
const SIGN_OFF_LINE = /^[ \t]*(?:(?:best|kind|warm|warmest|many|with)\s+)?(?:regards|wishes|best|sincerely|respectfully)[ \t]*(?:[,.;:!–—-][ \t]*(?:\p{Lu}[\p{L}.'’-]*(?:[ \t]+\p{Lu}[\p{L}.'’-]*){0,2})?)?[ \t]*$/gimu;

/**
 * `text` with the customer's courtesies blanked out (same length, so every range still points at the
 * text). Kept for the last few messages: the lexicon, the cues, their spans and the repeat reading
 * each ask about the same message.
 */
export const withoutCourtesy = memoText((text: string): string =>
  text.replace(COURTESY, (m) => (FELT.test(m) ? m : ' '.repeat(m.length))).replace(SIGN_OFF_LINE, (m) => ' '.repeat(m.length)),
);

/**
 * What a report is about ("issue", "errors", "cancel", "pay"), not how the customer feels about it: they count
 * toward the mood but name it only when nothing plainer does.
 */
const TOPIC_WORDS = new Set(['issue', 'issues', 'problem', 'problems', 'error', 'errors', 'bug', 'bugs', 'cancel', 'cancelled', 'canceled', 'pay']);

/** Phrases that carry the mood better than their words (sarcasm, repetition, urgency). */
const MOOD_PHRASES: [RegExp, number][] = [
  [/\b(?:not (?:a )?(?:big |huge )?deal|no (?:worries|rush|hurry|stress)|not urgent|no big deal|when(?:ever)? you (?:have|get) (?:a )?(?:time|chance|minute|moment)|not (?:upset|angry|annoyed|worried|in a hurry))\b/gi, 2],
  [/\b(?:for ages|so long|forever|for hours|for days|for weeks|is anyone there|anybody there|hello\?{2,})\b/gi, -2],
  [/\bor else\b/gi, -3],
  [/\b(?:two|three|four|five|several|multiple|many|\d+) times\b/gi, -2],
  [/\b(?:was|were) (?:supposed|meant|promised) to\b|\bshould have (?:arrived|been|come)\b/gi, -2],
  [/\b(?:thanks|thank you) (?:a lot )?for nothing\b/gi, -4],
  [/\b(?:oh|just|so|really) (?:great|wonderful|fantastic|perfect|brilliant|lovely)\b/gi, -3],
  [/\bgreat job\b(?=[^.!?]*(?:again|another|broke|broken|not|never|lost))/gi, -3],
  [/\byeah,? right\b/gi, -3],
  [/\bwhat a (?:joke|surprise)\b/gi, -3],
  [/\blove (?:how|that|it when) (?:you|i have|nobody|no one|it)\b/gi, -3],
  [/\b(?:third|fourth|fifth|3rd|4th|5th) (?:time|email|message|request)\b/gi, -3],
  [/\bfed up\b/gi, -3],
  [/\b(?:was|were|am) (?:surprised|shocked) to (?:find|see|learn|discover|get|receive|notice)\b|\bto my (?:surprise|dismay|horror)\b/gi, -2],
  [/\bsick (?:and tired|of)\b/gi, -3],
  [/\bno (?:one|reply|response|answer)\b/gi, -2],
  [/\b(?:as soon as possible|right away|by (?:today|tonight|tomorrow|end of (?:the )?day))\b/gi, -2],
  [/\bnot (?:working|happy|acceptable|good enough|ok|okay)\b/gi, -2],
  [/\b(?:can't|cannot|couldn't|unable to) (?:log ?in|sign in|access|pay|work|use|open|launch|go live|ship|send|print|upload|download)\b/gi, -2],
  [/\b(?:won't|will not|doesn't|does not|didn't) (?:turn on|start|boot|load|open|charge|work)\b/gi, -2],
  [/\b(?:still|again) (?:isn't|is not|hasn't|has not|doesn't|does not|won't|not)\b|\b(?:isn't|is not|hasn't|has not) \w+ing (?:again|still)\b/gi, -2],
  [/\bi (?:paid|spent) [£$€]?\s?\d[\d,.]*\s?(?:[£$€]|dollars|euros|pounds)? for (?:this|it|that)\b/gi, -2],
  [/\b(?:go(?:ing)? live|launch(?:ing)?|presentation|deadline|appointment|exam) (?:is |are )?(?:tomorrow|tonight|today|in (?:two|2|three|3|a few) (?:days|hours))\b|\b(?:we|i) go live (?:tomorrow|tonight|today)\b/gi, -2],
];

/** Anger or frustration named outright: the customer is upset, whatever else worries them. */
const ANGER = /^(?:frustrat\w*|annoy\w*|angry|anger|furious|livid|infuriat\w*|unacceptable|ridiculous|outrage\w*|disgust\w*|fed up|sick of\b.*|hate)$/i;
const WORRY = /^(?:worr\w*|(?:we|i) go live .*|go(?:ing)? live .*|launch.*|presentation .*|deadline .*|appointment .*|anxious|nervous|concerned|scared|panic\w*|urgent\w*|asap|deadline|emergency|lost|losing|missing|disappeared|deleted|gone|corrupted|afraid|fear\w*|stress\w*|as soon as possible|right away|by (?:today|tonight|tomorrow|end of (?:the )?day)|can't .*|cannot .*|unable to .*)$/i;
const SHOUT = /\b[A-Z][A-Z']{2,}\b/g;
const ACRONYMS = new Set(['PDF', 'API', 'CSV', 'URL', 'SSO', 'VAT', 'USA', 'FAQ', 'USB', 'ETA', 'EOD', 'IBAN', 'SKU', 'HTML', 'HTTP', 'HTTPS', 'SMS', 'CEO', 'CTO', 'iOS', 'GDPR', 'UTC', 'ASAP', 'EUR', 'USD', 'GBP', 'PST', 'EST', 'CET', 'UPS', 'DHL', 'DPD', 'MFA', 'TOTP', 'OTP', 'JSON', 'XML', 'SDK', 'IMAP', 'SMTP', 'DNS', 'SSL', 'TLS', 'VPN', 'LLC', 'LTD', 'INC', 'ID', 'UK', 'EU', 'OK', 'TV', 'PC']);

/**
 * "in GITHUB DESKTOP", "with MYSQL": capitals right after a place-like preposition name a product
 * (seen in a real report: "upset — “GITHUB”, “DEKSTOP”"); "to CANCEL", "for NOTHING" stay voices.
 */
const NAME_RUN = /\b(?:in|on|with|from|using|via|into|at)\s+(?!(?:THIS|THAT|THESE|THOSE|THE|YOUR|MY|OUR|ANY|ALL|EVERY|NO|YOU|ME|US|IT|THEM|HIM|HER|LEAST|LAST|ONCE)\b)((?:[A-Z][A-Z'\d]+\s+){0,3}[A-Z][A-Z'\d]+)\b/g;

/** A label in quotes ("PRIVATE REPOS" enabled, the “SAVE” button): what the screen says, not the customer's voice. */
const QUOTED_LABEL = /"[^"\n]{1,60}"|“[^”\n]{1,60}”/g;

/**
 * Code and links: a fenced block, inline code, a URL. Their capitals are a machine's, not a voice
 * ("curl …/forecast/REDACTED/…" was read on FreeScout as "may be upset — “REDACTED”").
 */
const CODE_OR_LINK = /(?:^|\n)[ \t]{0,3}(?:```|~~~)[\s\S]*?(?:\n[ \t]{0,3}(?:```|~~~)|$)|`[^`\n]+`|\b(?:https?:\/\/|www\.)\S+/g;
/**
 * A line of a log or a stack trace pasted without a fence: a timestamp or a bracketed level first, a
 * stack frame, a traceback's or an exception's opening. Its "ERROR", "FATAL", "refused" are the
 * program's (seen as "may be upset — “02 ERROR”, “refused”, “03 FATAL”"). A time alone opens a log
 * line only before a level: "[10:14:02] Sam: this is ridiculous" is a chat transcript, theirs.
 */
const LOG_LINE = /^[ \t]*(?:\[?\d{4}[-/.]\d{2}[-/.]\d{2}[T ]\d{1,2}:\d{2}|\[?\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\]?[ \t]+\[?(?:ERROR|ERR|WARN|WARNING|INFO|DEBUG|FATAL|TRACE|CRITICAL|SEVERE)\b|\[(?:ERROR|ERR|WARN|WARNING|INFO|DEBUG|FATAL|TRACE|CRITICAL|SEVERE)\]|at[ \t]+[\w$.<>]+[ \t]*\([^\n]*:\d+(?::\d+)?\)[ \t]*$|File[ \t]+"[^"\n]+",[ \t]+line[ \t]+\d+|Traceback \(most recent call last\)|Caused by:|Exception in thread\b|[\w.$]+(?:Exception|Error):[ \t])[^\n]*/gm;
/** Where code, logs and links stand: neither shouted words nor words of a mood ("502 Bad Gateway" in a fenced log). */
const codeRanges = (text: string): [number, number][] => [...findAll(text, CODE_OR_LINK), ...findAll(text, LOG_LINE)].map((m) => [m.start, m.end]);

/** Words written in capitals that are not acronyms, names, quoted labels, code or links: shouting. */
export function shoutedWords(text: string): Evidence[] {
  // Read once per text, not once per word in capitals (the respectful rule runs this on every draft).
  const named: (readonly [number, number])[] = [
    ...findAll(text, NAME_RUN).map((m) => [m.end - m.text.replace(/^\S+\s+/, '').length, m.end] as const),
    ...findAll(text, QUOTED_LABEL).map((m) => [m.start, m.end] as const),
    ...codeRanges(text),
    ...pressedLabels(text),
  ];
  const isNamed = (w: Evidence) => named.some(([s, e]) => w.start >= s && w.end <= e);
  return findAll(text, SHOUT).filter((w) => voiced(w.text.replace(/'.*$/, '')) && !isNamed(w));
}

/**
 * Short words people shout ("NOT", "NOW", "LET ME BACK ON", "DON'T"). A word of three or four capitals
 * not among them is far more often a product's or a standard's name ("PCI", "KVM", "NAS": seen on
 * FreeScout as "upset — “PCI”") than a voice.
 */
const SHORT_SHOUTS = new Set(
  ('NOT NOW YOU ALL ANY DID MUST ONLY STOP READ THE AND WILL CAN HAVE YOUR WHY HOW WHAT WHO HELP FIX MAD LIE LIES SCAM EVER DONE SICK HATE ' +
    'JUST THIS THAT WITH FROM BACK LET OUT GET GIVE WANT NEED SAME VERY SAID TOLD LOST GONE DEAD WORK HOLD CALL BAD WTF OMG FFS DON WON ' +
    'ISN DIDN AREN WASN HASN DOES ARE WAS WERE BEEN EVEN ONCE MORE LONG DAYS TIME FREE PAID PAY RUDE SLOW UGLY FAKE LATE SOON THEM THEY ' +
    'KEEP MONTH WEEK HOUR').split(' '),
);

/** A word in capitals that is a voice, not an acronym. */
const voiced = (word: string) => (word.length >= 5 ? !ACRONYMS.has(word) && /[AEIOUY]/.test(word) : SHORT_SHOUTS.has(word));

/**
 * Shouted words as the runs a reader sees: "YO LET ME BACK ON", not "LET", "BACK" (seen on
 * FreeScout). Neighbouring shouts and the capital words around them join, on one line: "I HAVE A
 * VIDEO OF THIS IN A NEW POST I MADE", not a quote cut at "IN A" because "NEW" is no shout alone.
 */
function shoutedRuns(text: string, shouts: readonly Evidence[]): Evidence[] {
  const runs: Evidence[] = [];
  for (const w of shouts) {
    const last = runs.at(-1);
    if (last && /^(?:[^\S\n]+[A-Z'\d]+)*[^\S\n]+$/.test(text.slice(last.end, w.start))) last.end = w.end;
    else runs.push({ start: w.start, end: w.end, text: '' });
  }
  return runs.map((r) => {
    const start = r.start - (/(?:\b[A-Z'\d]+[^\S\n]+)+$/.exec(text.slice(Math.max(0, r.start - 30), r.start))?.[0].length ?? 0);
    const end = r.end + (/^(?:[^\S\n]+[A-Z'\d]+\b)+/.exec(text.slice(r.end, r.end + 30))?.[0].length ?? 0);
    return { start, end, text: text.slice(start, end) };
  });
}

/** A lexicon reading: the words that pull each way, each list in text order without overlaps. */
export interface LexiconMood extends Mood {
  /** Words, phrases and capitals against us: complaint, worry, sarcasm, repetition. */
  against: Evidence[];
  /** The part of `against` that says how they feel, not only what the report is about ("issue", "errors"). */
  strong: Evidence[];
  /** Words and phrases of a pleased customer. */
  pleased: Evidence[];
  /** How strongly a hit of `against` pulls (its lexicon value; 0 for anything else). */
  weightOf: (hit: Evidence) => number;
}

/** "Good morning", "have a nice day": a courtesy, not a pleased customer. */
const COURTESY_NEXT = /^\s+(?:morning|afternoon|evening|day|night|weekend|one)\b/i;
/** A capitalised word ("Discord"), and what comes before a sentence's first word. */
const PROPER = /^\p{Lu}\p{Ll}+$/u;
const SENTENCE_START = /(?:^|[.!?:\n]\s*|["“(]\s*)$/;
/** Words after which "alone" means "only" ("two days alone", "this month alone", "in March alone"). */
const ONLY_AFTER = /^(?:\d+|hours?|days?|weeks?|months?|years?|today|yesterday|week|month|year|morning|night|january|february|march|april|may|june|july|august|september|october|november|december|that|this)$/;
/** The one-word value of a form or template line ("MySQL: false", "Status: failed"): a setting, not a feeling. */
const FIELD_VALUE = /^[ \t]*[^\s:][^:\n]{0,40}:[ \t]*\S+[ \t]*$/gm;

/** Ranges of the one-word values of "Key: value" lines. */
function fieldValues(text: string): [number, number][] {
  return findAll(text, FIELD_VALUE).map((line) => {
    const value = /\S+(?=[ \t]*$)/.exec(line.text)!;
    return [line.start + value.index, line.start + value.index + value[0].length];
  });
}

/** What the passes over a message add up to: the score and the words that pull each way. */
class Tally {
  readonly against: Evidence[] = [];
  /** Hits of `against` that only say what the report is about ("issue", "errors"). */
  readonly mild: Evidence[] = [];
  readonly pleased: Evidence[] = [];
  score = 0;
  negative = 0;
  strongest = 0;
  /** The part of the score that names of things make ("Rewards", "Gold plan"). */
  things = 0;
  // By range: the same words can be a lexicon hit and a shout ("TWICE"); the stronger reading counts.
  private readonly weights = new Map<string, number>();

  private weigh(hit: Evidence, value: number) {
    const key = `${hit.start}:${hit.end}`;
    this.weights.set(key, Math.max(value, this.weights.get(key) ?? 0));
  }

  readonly weightOf = (hit: Evidence) => this.weights.get(`${hit.start}:${hit.end}`) ?? 0;

  /** Words or a phrase against us (value < 0). */
  complaint(hit: Evidence, value: number, mild = false) {
    this.against.push(hit);
    this.weigh(hit, -value);
    if (mild) this.mild.push(hit);
    this.score += value;
    this.negative += value;
    this.strongest = Math.min(this.strongest, value);
  }

  /** A phrase of a pleased customer ("no rush", "not a big deal"). */
  pleasedPhrase(hit: Evidence, value: number) {
    this.pleased.push(hit);
    this.weigh(hit, value);
    this.score += value;
  }

  /** A word for us: named only when it says something ("great", not "fine") and is not the name of a thing. */
  pleasedWord(word: Word, value: number) {
    this.score += value;
    if (THING_WORDS.has(word.lower)) this.things += value;
    else if (value >= 2) this.pleased.push({ start: word.start, end: word.end, text: word.text });
  }

  /** Shouting: counted against us, named as the runs a reader sees. */
  shouting(runs: Evidence[], value: number) {
    this.score += value;
    this.negative += value;
    for (const run of runs) {
      this.against.push(run);
      this.weigh(run, 3);
    }
  }

  /** "!!", "?!": counted, not named. */
  exclaims(count: number) {
    this.score -= count;
    this.negative -= count;
  }
}

/** The phrases that carry the mood better than their words; returns their ranges, which the word pass skips. */
function readPhrases(text: string, tally: Tally): [number, number][] {
  const covered: [number, number][] = [];
  for (const [pattern, value] of MOOD_PHRASES) {
    for (const hit of findAll(text, pattern)) {
      covered.push([hit.start, hit.end]);
      if (value < 0) tally.complaint(hit, value);
      else tally.pleasedPhrase(hit, value);
    }
  }
  return covered;
}

/** Before a pleased word, a wish: "would be nice", "could be really helpful", "it'd be great". */
const WISHED = /\b(?:would|could|might)\s+(?:be|have\s+been)\s+(?:(?:so|really|very|super|quite|much)\s+)?$|['’]d\s+be\s+(?:(?:so|really|very|super|quite)\s+)?$/i;

/**
 * Whether the "still" that ends at `end` persists a problem, said within the next few words of its
 * sentence: a negation ("still can't", "still no reply"), a word that complains ("still stuck",
 * "still refused to load") or one of a failure's ordinary words ("still having the issue", "still
 * charged", "still get the same error"). Not what is fine ("still possible", STILL_FINE), nor a
 * state that goes on: "I was still logged in, so that scared me", "my data is still on my computer"
 * (seen on FreeScout as "upset — “still”, “scared”"; of the 112 upset readings over train + dev that
 * named "still", about a third were such states). The lexicon and the mood line read it here alike.
 */
export function stillPersistsAProblem(text: string, end: number): boolean {
  if (STILL_FINE_AFTER.test(text.slice(end, end + 20))) return false;
  return saysAProblem(words(text.slice(end, end + 60).split(/[.!?\n]/)[0]!).slice(0, STILL_REACH), STILL_PROBLEM);
}
const STILL_PROBLEM = /^(?:not|no|never|neither|nor|nothing|nobody|cannot|unable|without|\w+n['’]t|(?:do|does|did|ca|wo|is|are|was|were|have|has|had|could|would|should)nt|havnt|having|get|gets|getting|got|keeps?|kept|persists?|happen\w*|shows?|showing|same|down|empty|charged|deducted|billed|waiting|wait|pending|loading|crash\w*|fail\w*)$/i;
const STILL_REACH = 4;

/**
 * Whether the "again" that starts at `start` repeats a problem, a contact or a try, said within the few
 * words before it in its sentence ("it crashed again", "I was charged again", "I emailed again", "tried
 * again", "gone again"), not an action done once more ("make it work again", "open it again", "log in
 * again"). The mood line names a bare "again" only then; the lexicon still scores every "again" (read
 * there too, upset on fresh dev fell 0.727 → 0.722 with the model retrained).
 */
export function againRepeatsAProblem(text: string, start: number): boolean {
  return saysAProblem(words(text.slice(Math.max(0, start - 60), start).split(/[.!?\n]/).at(-1)!).slice(-AGAIN_REACH), AGAIN_PROBLEM);
}
const AGAIN_PROBLEM = /^(?:not|no|never|nothing|cannot|unable|\w+n['’]t|(?:do|does|did|ca|wo|is|are|was|were|have|has|had)nt|happen\w*|crash\w*|fail\w*|broke\w*|stopp?\w*|charged|billed|deducted|down|gone|lost|wiped|reset|disappear\w*|deleted|missing|empty|same|keeps?|kept|back|tr(?:y|ied|ying)|emailed|e-mailed|wrote|writ\w*|asked|asking|reported|contact\w*|called|calling|messag\w*|sent|request\w*|reach\w*|pinged)$/i;
const AGAIN_REACH = 4;

/** Whether any of these words complains in the lexicon or is one of a problem's ordinary words (`ordinary`). */
const saysAProblem = (list: readonly Word[], ordinary: RegExp) => list.some((w) => ordinary.test(w.lower) || lexiconValue(w.lower) < 0);

/** A word's value in the support-tuned lexicon, out of context. */
const lexiconValue = (lower: string) => (lower in SUPPORT_WORDS ? SUPPORT_WORDS[lower]! : (LEXICON[lower] ?? 0));

/** One word's value in its place (0 when it says nothing there), and the negation that turned it. */
function wordValue(text: string, list: Word[], i: number): { value: number; negator?: Word } {
  const w = list[i]!;
  let value = lexiconValue(w.lower);
  if (!value || (value > 0 && COURTESY_NEXT.test(text.slice(w.end, w.end + 12)))) return { value: 0 };
  // "on Discord", "Hope from billing": a capitalised mild word inside a sentence names something
  // (strong ones, "I am Furious", are still heard).
  if (Math.abs(value) <= 2 && PROPER.test(w.text) && !SENTENCE_START.test(text.slice(Math.max(0, w.start - 3), w.start))) return { value: 0 };
  // "in the past two days alone", "this month alone": only, not lonely.
  if (w.lower === 'alone' && ONLY_AFTER.test(list[i - 1]?.lower ?? '')) return { value: 0 };
  if (w.lower === 'outstanding' && STILL_OPEN.test(text.slice(w.end, w.end + 20))) return { value: 0 };
  if (w.lower === 'still' && !stillPersistsAProblem(text, w.end)) return { value: 0 };
  // "Would be nice to have some info", "it'd be great if…": a wish, not praise (seen on FreeScout as "positive — “nice”").
  if (value > 0 && WISHED.test(text.slice(Math.max(0, w.start - 24), w.start))) return { value: 0 };
  // Intensified: "really annoyed", "so frustrated".
  const prev = list[i - 1]?.lower;
  if (value < 0 && prev && /^(?:really|so|very|extremely|incredibly|getting|totally|absolutely)$/.test(prev)) value = Math.floor(value * 1.5);
  // Negation within two words ("not happy", "never worried", "don't like"): a negated complaint
  // ("not upset") says nothing; negated praise ("not happy") is a mild complaint, named with its negation.
  const negator = list.slice(Math.max(0, i - 2), i).find((p) => NEGATORS[p.lower] || EXTRA_NEGATORS.has(p.lower));
  if (negator) value = value > 0 ? -Math.min(value, 2) : 0;
  return { value, negator };
}

/** The lexicon's words, outside the phrases and the values of "Key: value" lines. */
function readWords(text: string, tally: Tally, skip: [number, number][]) {
  const list = words(text);
  // Words come in text order: one pass over the ranges by start, keeping the farthest end reached.
  const ranges = [...skip].sort((a, b) => a[0] - b[0]);
  let next = 0;
  let reach = -1;
  const skipped = (w: Word) => {
    while (next < ranges.length && ranges[next]![0] <= w.start) reach = Math.max(reach, ranges[next++]![1]);
    return w.end <= reach;
  };
  list.forEach((w, i) => {
    if (skipped(w)) return;
    const { value, negator } = wordValue(text, list, i);
    if (value < 0) {
      const from = negator?.start ?? w.start;
      tally.complaint({ start: from, end: w.end, text: text.slice(from, w.end) }, value, TOPIC_WORDS.has(w.lower) && !negator);
    } else if (value > 0) tally.pleasedWord(w, value);
  });
}

const COURTESY_SHOUT = /^(?:THANKS?(?: YOU)?|THANKYOU|THX|HELLO|REGARDS|CHEERS)$/;

/** Capitals and "!!": how it is written. */
function readShape(text: string, tally: Tally) {
  const shouts = shoutedWords(text);
  // A courtesy in capitals on its own ("THANKS" on its last line) counts as the writing it is, but is not
  // named as a raised voice (seen on FreeScout as "upset — …, “THANKS”").
  const named = shoutedRuns(text, shouts).filter((r) => !COURTESY_SHOUT.test(r.text));
  if (shouts.length >= 2 || shouts.some((s) => s.text.length >= 5)) tally.shouting(named.slice(0, 3), -Math.min(3, shouts.length));
  const exclaims = (text.match(/!{2,}|\?!|!\?/g) ?? []).length;
  if (exclaims) tally.exclaims(Math.min(2, exclaims));
}

/** The label the tally adds up to, and the words that say why. */
function reading(tally: Tally): LexiconMood {
  const unhappy = outermost(tally.against);
  const happy = outermost(tally.pleased);
  let label: MoodLabel = 'neutral';
  if (tally.score <= -2 || tally.negative <= -4 || tally.strongest <= -3) {
    // Worry (loss, urgency, fear) or upset (anger, blame, repetition): whichever has more words, unless
    // they name their anger outright ("This is incredibly frustrating as I've lost hours of work": upset,
    // however much was lost; seen on FreeScout).
    const worry = unhappy.filter((e) => WORRY.test(e.text)).length;
    label = worry * 2 > unhappy.length && !unhappy.some((e) => ANGER.test(e.text)) ? 'worried' : 'upset';
  } else if (tally.score - tally.things >= 3) label = 'positive';
  // The evidence says why the label is what it is: never a pleased word behind an upset reading.
  const evidence = label === 'positive' ? happy : label === 'neutral' ? outermost([...unhappy, ...happy]) : unhappy;
  return { label, score: tally.score, evidence, against: unhappy, strong: unhappy.filter((e) => !tally.mild.includes(e)), pleased: happy, weightOf: tally.weightOf };
}

/**
 * Links, e-mail addresses and domain names: their words name places, not moods ("go to
 * docs.insomnia.rest" is no sleepless customer; seen on FreeScout). Lower-case domains only, so a
 * sentence run on after a stop ("again.Does") is still read.
 */
const ADDRESS = /^\W*(?:https?:\/\/|www\.|[^@\s]+@[^@\s]+\.|(?:[a-z0-9-]+\.)+[a-z]{2,6}(?:$|[/:?#.,;!)]))/;
/** Each word (run without spaces) that is or holds an address, tested on its own so the work stays linear; a run of 300+ characters is read as one, not word by word. */
function addressRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(/\S+/g)) if (m[0].length >= 300 || ADDRESS.test(m[0])) out.push([m.index!, m.index! + m[0].length]);
  return out;
}

/** The customer's mood across their messages: label, score and the words behind it. */
export function moodOf(message: string): LexiconMood {
  const text = withoutCourtesy(message);
  const tally = new Tally();
  const covered = readPhrases(text, tally);
  readWords(text, tally, [...covered, ...fieldValues(text), ...addressRanges(text), ...codeRanges(text)]);
  readShape(text, tally);
  return reading(tally);
}
