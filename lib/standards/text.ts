/**
 * Text helpers shared by the checklist rules: sentences with their positions, phrase search that
 * returns evidence, question detection (with or without "?"), keywords, and the customer's mood.
 */
import { sentences as splitSentences } from 'sbd';
import afinn from 'sentiment/languages/en/labels.json';
import negators from 'sentiment/languages/en/negators.json';
import type { Evidence, Mood, MoodLabel, Question } from './types';

export type Sentence = Evidence;

/** Sentences of `text` with their character ranges (sbd does the splitting, newlines are boundaries). */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  if (!text.trim()) return out;
  let cursor = 0;
  for (const part of splitSentences(text, { newline_boundaries: true, sanitize: false, preserve_whitespace: true })) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const start = text.indexOf(trimmed, cursor);
    if (start < 0) continue;
    out.push({ start, end: start + trimmed.length, text: trimmed });
    cursor = start + trimmed.length;
  }
  return out;
}

/** Every match of `pattern` (must be global) as evidence; `group` narrows to a capture group. */
export function findAll(text: string, pattern: RegExp, offset = 0): Evidence[] {
  const out: Evidence[] = [];
  for (const m of text.matchAll(pattern)) {
    if (m.index === undefined || !m[0]) continue;
    out.push({ start: offset + m.index, end: offset + m.index + m[0].length, text: m[0] });
  }
  return out;
}

/** The first match of a list of patterns, in text order. */
export function findFirst(text: string, patterns: RegExp[]): Evidence | undefined {
  let best: Evidence | undefined;
  for (const p of patterns) {
    const hit = findAll(text, p)[0];
    if (hit && (!best || hit.start < best.start)) best = hit;
  }
  return best;
}

export const quote = (s: string, max = 60) => {
  const clean = s.replace(/\s+/g, ' ').trim();
  return `“${clean.length > max ? `${clean.slice(0, max - 1)}…` : clean}”`;
};

const patterns = new WeakMap<readonly string[], RegExp>();

/** Phrases as a global, case-insensitive, word-bounded pattern (built once per list: the rules ask on every keystroke). */
export function phrasePattern(phrases: readonly string[]): RegExp {
  let known = patterns.get(phrases);
  if (!known) patterns.set(phrases, (known = buildPattern(phrases)));
  return known;
}

function buildPattern(phrases: readonly string[]): RegExp {
  const escaped = phrases.map((p) => p.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+').replace(/'/g, "['’]"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+|-[\p{L}\p{N}]+)*/gu;

export interface Word extends Evidence {
  lower: string;
}

export function words(text: string, offset = 0): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = offset + (m.index ?? 0);
    out.push({ start, end: start + m[0].length, text: m[0], lower: m[0].toLowerCase().replace(/’/g, "'") });
  }
  return out;
}

const STOP = new Set(
  (
    'a an the and or but if then so to of in on at by for from with about as into over after before is are was were be been being ' +
    'do does did done have has had having i me my mine we us our you your yours he she it its they them their this that these those ' +
    'there here what which who whom whose when where why how can could would should will shall may might must not no yes ' +
    'please thanks thank hi hello hey dear just also still any some all more most very really much many one two get got ' +
    'need want like know tell let make im ive id ill youre dont cant wont isnt didnt doesnt again now today time way ' +
    'actually even ever already else elsewhere anyway maybe perhaps quite rather thing things ' +
    "i'm i've i'd i'll you're don't can't won't isn't didn't doesn't it's that's there's what's"
  ).split(' '),
);

/** Words customers and agents use for the same thing, folded to one stem ("delivered" ~ "arrive" ~ "ship"). */
const SYNONYMS = new Map<string, string>(
  [
    ['refund', 'back money reimburs repay refun credit'],
    ['send', 'sent resend attach forward reissu'],
    ['deliver', 'arriv ship shipp dispatch deliv delivery'],
    ['restor', 'recover back-up backup'],
    ['plan', 'roadmap plann'],
    ['price', 'cost pric charg fee'],
    ['cancel', 'cancell terminat'],
    ['fix', 'repair resolv solv amend chang updat switch modify edit'],
    ['login', 'log sign signin'],
  ].flatMap(([to, from]) => from!.split(' ').map((f) => [f, to!] as [string, string])),
);

/**
 * Words that mean the same thing in one sense but belong to several ("back" is money back and a
 * restored file): each stem's related stems, used when matching a question to the draft.
 */
const RELATED_GROUPS: string[][] = [
  ['refund', 'restor', 'return'],
  ['packag', 'parcel', 'order', 'shipment', 'box', 'deliver'],
  ['file', 'document', 'doc', 'copi', 'pdf'],
  ['invoic', 'receipt', 'bill', 'statement'],
  ['account', 'profil', 'workspac'],
  ['password', 'login', 'credential'],
  ['error', 'bug', 'issu', 'problem', 'fault'],
  ['limit', 'maximum', 'max', 'cap', 'quota', 'size', 'bigger', 'larger'],
  ['long', 'day', 'hour', 'week', 'minut', 'time'],
  ['where', 'locat', 'find'],
  ['right', 'correct', 'fix', 'wrong'],
];
const RELATED = new Map<string, string[]>();
for (const group of RELATED_GROUPS) for (const w of group) RELATED.set(w, [...(RELATED.get(w) ?? []), ...group.filter((o) => o !== w)]);

/** A stem and the stems related to it (itself first). */
export function related(stemmed: string): string[] {
  return [stemmed, ...(RELATED.get(stemmed) ?? [])];
}

/** Content words of `text` with their related stems: what a question can be matched against. */
export function keywordTags(text: string): Set<string> {
  const out = new Set<string>();
  for (const k of keywords(text)) for (const r of related(k)) out.add(r);
  return out;
}

/** Crude English stem: enough to match "refund"/"refunded"/"refunds", "export"/"exporting". */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/’/g, "'").replace(/'s$/, '');
  if (w.length > 5) w = w.replace(/(?:ing|ed|es|ly|ment|ation|ions?)$/, '').replace(/([b-df-hj-np-tv-z])\1$/, '$1');
  if (w.length > 3) w = w.replace(/s$/, '');
  w = w.replace(/e$/, '');
  return SYNONYMS.get(w) ?? w;
}

/**
 * The last few texts' keywords: one evaluation asks for the draft's in several rules, and the
 * customer's messages stay the same while the agent types.
 */
const keywordCache = new Map<string, ReadonlySet<string>>();

/** Content words of `text` (stems), without stop words or short tokens. Shared: do not mutate. */
export function keywords(text: string): ReadonlySet<string> {
  const known = keywordCache.get(text);
  if (known) return known;
  const out = computeKeywords(text);
  if (keywordCache.size >= 8) keywordCache.delete(keywordCache.keys().next().value!);
  keywordCache.set(text, out);
  return out;
}

/** Keywords of single lines, kept across drafts: a word never spans a line end, so a text's keywords are its lines'. */
const lineKeywords = new Map<string, ReadonlySet<string>>();

function computeKeywords(text: string): ReadonlySet<string> {
  if (!text.includes('\n')) return keywordsOfLine(text);
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    let known = lineKeywords.get(line);
    if (!known) {
      if (lineKeywords.size >= 256) lineKeywords.delete(lineKeywords.keys().next().value!);
      lineKeywords.set(line, (known = keywordsOfLine(line)));
    }
    for (const k of known) out.add(k);
  }
  return out;
}

function keywordsOfLine(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) {
    if (w.lower.length < 2 || STOP.has(w.lower) || (w.lower.length < 3 && !/^\d+$/.test(w.lower))) continue;
    out.add(stem(w.lower));
  }
  return out;
}

// — Questions ————————————————————————————————————————————————————————————————

/** Requests and questions written without a question mark ("I need to know how…", "please tell me…"). */
const REQUEST_OPENERS = new RegExp(
  '^(?:\\W*)(?:(?:hi|hello|hey|dear)\\b[^,.!?]{0,30}[,.!]\\s*)?(?:(?:also|and|but|so|oh|ok|quick one)[,:]?\\s+)?(?:' +
    [
      'i(?: need| want| would like|\'d like| am trying|\'m trying) to (?:know|understand|find out|figure out|learn)',
      'i(?: need| want| would like|\'d like) (?:to (?:ask|get|change|cancel|return|request|update|upgrade|downgrade|move|transfer|switch|delete|remove|add|have|see|check|confirm|report)|you to|someone to|somebody to|an? |the |my |our |your |help|a refund|my money|access)',
      '(?:please|pls|kindly)\\s+\\w+',
      '(?:can|could|would|will) (?:you|someone|somebody|anyone|u)\\b',
      '(?:can|could|may|should|do|shall) (?:i|we)\\b',
      '(?:is|are) there\\b',
      'let me know',
      'tell me',
      '(?:i (?:was|am|\'m) )?wondering',
      'i wonder',
      'is there (?:a|any) way',
      'how (?:do|can|should|would|to)\\b',
      '(?:what|when|where|which|who|why)(?: (?:one|ones|time|day|part|plan|option|version|number|date))? (?:is|are|do|does|did|can|should|will|would|was|happens)\\b',
      '(?:what|where|when|who|how)[\'’]s\\b',
      'how (?:long|much|many|often|soon)\\b',
      'any (?:idea|update|news)',
      'do you (?:know|have|offer|support)',
      'does (?:it|this|the)',
      'is it possible',
    ].join('|') +
    ')',
  'i',
);

/** Sentences that only look like requests: politeness and venting. */
const NOT_A_REQUEST = /^(?:\W*)(?:please (?:note|be advised|advise|help)\b(?!\s+me)|thanks|thank you)/i;

/** The request openers' verdict on one sentence or clause ("please …", "could you …", "I need to know …"). */
export function looksLikeRequest(text: string): boolean {
  return REQUEST_OPENERS.test(text) && !NOT_A_REQUEST.test(text);
}

/** A sentence that reports a problem ("still hasn't shipped", "keeps crashing"). */
export const reportsProblem = (text: string) => PROBLEM.test(text);

/** Questions and requests in the customer's text, with their ranges. `answered` is filled by the engine. */
export function findQuestions(text: string): Question[] {
  const out: Question[] = [];
  for (const s of sentences(text)) {
    // "Hi Dana," / sign-offs are not questions; a sentence may hold several clauses ending in "?"
    const isQuestion = /\?\s*$/.test(s.text) || /\?/.test(s.text);
    const isRequest = REQUEST_OPENERS.test(s.text) && !NOT_A_REQUEST.test(s.text);
    if (!isQuestion && !isRequest) continue;
    if (s.text.length < 8) continue;
    out.push({ ...s, answered: false });
  }
  if (out.length) return out;
  // No question asked: a complaint is an implicit request to fix it ("my order still hasn't shipped").
  for (const s of sentences(text)) {
    if (PROBLEM.test(s.text) && s.text.length >= 12) out.push({ ...s, answered: false, implicit: true });
    if (out.length === 1) break;
  }
  return out;
}

const PROBLEM = /\b(?:keeps? \w+ing|broke|soaked|ruined|drops?|dropping|crash\w*|freez\w*|fails?|bug|annoy\w*|frustrat\w*|hasn't|haven't|isn't|aren't|doesn't|don't|didn't|won't|can't|cannot|couldn't|not working|stopped|broken|charged|cancel|refund|disappeared|missing|lost|failed|reloads|down|wrong|still|waiting|error)\b/i;

// — Mood ————————————————————————————————————————————————————————————————————

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
};

/** "Outstanding" before what is still owed or open ("the outstanding balance", "outstanding issues"): not praise. */
const STILL_OPEN = /^\s+(?:balance|invoices?|amounts?|payments?|charges?|fees?|debts?|issues?|bugs?|tickets?|requests?|items?|orders?|tasks?|questions?)\b/i;

/**
 * What products, plans and actions are called ("contacted support", "Brave Rewards", "Gold plan", "my
 * favorites", "saved files", "free trial"): they keep their lexicon value in the score, but never make
 * or name a pleased customer (seen on FreeScout as "sounds positive — “rewards”"). Negated they are
 * heard as any word is ("no support", "didn't save").
 */
const THING_WORDS = new Set(['support', 'supporter', 'supporters', 'save', 'saved', 'reward', 'rewards', 'rewarded', 'benefit', 'benefits',
  'gift', 'gold', 'secure', 'favorite', 'favorites', 'favourite', 'favourites', 'free', 'top', 'advantage', 'advantages']);

/** Words of a feeling that a courtesy may carry ("sorry for my frustration"): such a courtesy still counts. */
const FELT = /frustrat|angr|upset|annoy|\bmad\b|\brant|\bvent|harsh|rude|\btone\b|caps|shout|yell|disappoint/i;

/**
 * A customer's courtesies, which say nothing of their mood: their own apology ("I apologise for my
 * poor English, as well as for the overall inconvenience", "sorry to bother you") and thanks said
 * again ("Thanks again", "Again I am truly hopeful"). Seen on FreeScout as "upset — “apologise”,
 * “poor”, “inconvenience”" and as repeat contact.
 */
const COURTESY = /\b(?:(?:i\s+(?:do\s+)?)?apologi[sz]e|(?:my\s+)?apologies|(?:i['’]?m\s+|i\s+am\s+)?(?:so\s+|very\s+|really\s+)?sorry|(?:please\s+)?(?:excuse|pardon))\s+(?:for|about|to\s+bother|in\s+advance|my|me)\b[^.!?\n]*?(?=,?\s+but\b|[.!?\n]|$)|\b(?:thanks|thank\s+you)(?:\s+(?:so|very)\s+much)?\s+again\b|\bagain,?\s+(?:thanks|thank\s+you|i\s+(?:am|['’]m)\s+(?:\w+\s+)?(?:hopeful|grateful|thankful|sorry)|i\s+apologi[sz]e|sorry)\b/gi;

/** `text` with the customer's courtesies blanked out (same length, so every range still points at the text). */
export function withoutCourtesy(text: string): string {
  return text.replace(COURTESY, (m) => (FELT.test(m) ? m : ' '.repeat(m.length)));
}

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

/** Words written in capitals that are not acronyms, names or quoted labels: shouting. */
export function shoutedWords(text: string): Evidence[] {
  const names = findAll(text, NAME_RUN).map((m) => [m.end - m.text.replace(/^\S+\s+/, '').length, m.end] as const);
  const quoted = findAll(text, QUOTED_LABEL).map((m) => [m.start, m.end] as const);
  const named = (w: Evidence) => [...names, ...quoted].some(([s, e]) => w.start >= s && w.end <= e);
  return findAll(text, SHOUT).filter((w) => !ACRONYMS.has(w.text.replace(/'.*$/, '')) && /[AEIOUY]/.test(w.text) && !named(w));
}

/**
 * Shouted words as the runs a reader sees: "YO LET ME BACK ON", not "LET", "BACK" (seen on
 * FreeScout). Neighbouring shouts and the short capital words around them join.
 */
function shoutedRuns(text: string, shouts: readonly Evidence[]): Evidence[] {
  const runs: Evidence[] = [];
  for (const w of shouts) {
    const last = runs.at(-1);
    if (last && /^(?:\s+[A-Z'\d]{1,2})*\s+$/.test(text.slice(last.end, w.start))) last.end = w.end;
    else runs.push({ start: w.start, end: w.end, text: '' });
  }
  return runs.map((r) => {
    const start = r.start - (/(?:\b[A-Z'\d]{1,2}\s+)+$/.exec(text.slice(Math.max(0, r.start - 12), r.start))?.[0].length ?? 0);
    const end = r.end + (/^(?:\s+[A-Z'\d]{1,2}\b)+/.exec(text.slice(r.end, r.end + 12))?.[0].length ?? 0);
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

/** The words a salutation opens with ("Hi", "Dear", "Good morning"), as a pattern source. */
export const GREETING_WORDS = 'hi|hello|hey|dear|good (?:morning|afternoon|evening)';
/** The words a sign-off opens with ("Thanks", "Best regards", "Kind regards", "Sincerely"), as a pattern source. */
export const SIGN_OFF_WORDS = '(?:(?:best|kind|warm|many)\\s+)?(?:regards|cheers|thanks?|thank you|best|sincerely)';
/** A line that is a sign-off ("Thanks", "Kind regards, Sam"). */
export const SIGN_OFF = new RegExp(`^\\s*${SIGN_OFF_WORDS}\\b`, 'i');

/** In text order, without a range inside another ("fucking" inside "are you fucking kidding"). */
export function outermost(hits: readonly Evidence[]): Evidence[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  return sorted.filter((h, i) => !sorted.slice(0, i).some((o) => h.start >= o.start && h.end <= o.end));
}

/** The customer's mood across their messages: label, score and the words behind it. */
export function moodOf(message: string): LexiconMood {
  const text = withoutCourtesy(message);
  const against: Evidence[] = [];
  const mild: Evidence[] = [];
  const pleased: Evidence[] = [];
  // By range: the same words can be a lexicon hit and a shout ("TWICE"); the stronger reading counts.
  const weights = new Map<string, number>();
  const weigh = (hit: Evidence, value: number) => weights.set(`${hit.start}:${hit.end}`, Math.max(value, weights.get(`${hit.start}:${hit.end}`) ?? 0));
  let score = 0;
  let negative = 0;
  let strongest = 0;
  let things = 0;
  const list = words(text);
  const covered: [number, number][] = [];
  for (const [pattern, value] of MOOD_PHRASES) {
    for (const hit of findAll(text, pattern)) {
      covered.push([hit.start, hit.end]);
      (value < 0 ? against : pleased).push(hit);
      weigh(hit, Math.abs(value));
      score += value;
      negative += Math.min(0, value);
      strongest = Math.min(strongest, value);
    }
  }
  const fields = fieldValues(text);
  const inside = (w: Word, ranges: [number, number][]) => ranges.some(([s, e]) => w.start >= s && w.end <= e);
  for (let i = 0; i < list.length; i++) {
    const w = list[i]!;
    if (inside(w, covered) || inside(w, fields)) continue;
    let value = w.lower in SUPPORT_WORDS ? SUPPORT_WORDS[w.lower]! : (LEXICON[w.lower] ?? 0);
    if (!value || (value > 0 && COURTESY_NEXT.test(text.slice(w.end, w.end + 12)))) continue;
    // "on Discord", "Hope from billing": a capitalised mild word inside a sentence names something
    // (strong ones, "I am Furious", are still heard).
    if (Math.abs(value) <= 2 && PROPER.test(w.text) && !SENTENCE_START.test(text.slice(Math.max(0, w.start - 3), w.start))) continue;
    // "in the past two days alone", "this month alone": only, not lonely.
    if (w.lower === 'alone' && ONLY_AFTER.test(list[i - 1]?.lower ?? '')) continue;
    if (w.lower === 'outstanding' && STILL_OPEN.test(text.slice(w.end, w.end + 20))) continue;
    // Intensified: "really annoyed", "so frustrated".
    const prev = list[i - 1]?.lower;
    if (value < 0 && prev && /^(?:really|so|very|extremely|incredibly|getting|totally|absolutely)$/.test(prev)) value = Math.floor(value * 1.5);
    // Negation within two words ("not happy", "never worried", "don't like"): a negated complaint
    // ("not upset") says nothing; negated praise ("not happy") is a mild complaint, named with its negation.
    const negator = list.slice(Math.max(0, i - 2), i).find((p) => NEGATORS[p.lower] || EXTRA_NEGATORS.has(p.lower));
    if (negator) value = value > 0 ? -Math.min(value, 2) : 0;
    if (!value) continue;
    score += value;
    if (value < 0) {
      negative += value;
      strongest = Math.min(strongest, value);
      const from = negator?.start ?? w.start;
      const hit = { start: from, end: w.end, text: text.slice(from, w.end) };
      against.push(hit);
      weigh(hit, -value);
      if (TOPIC_WORDS.has(w.lower) && !negator) mild.push(hit);
    } else if (THING_WORDS.has(w.lower)) things += value;
    else if (value >= 2) pleased.push({ start: w.start, end: w.end, text: w.text });
  }
  const shouts = shoutedWords(text);
  if (shouts.length >= 2 || shouts.some((s) => s.text.length >= 5)) {
    const value = -Math.min(3, shouts.length);
    score += value;
    negative += value;
    for (const run of shoutedRuns(text, shouts).slice(0, 3)) {
      against.push(run);
      weigh(run, 3);
    }
  }
  const exclaims = (text.match(/!{2,}|\?!|!\?/g) ?? []).length;
  if (exclaims) {
    score -= Math.min(2, exclaims);
    negative -= Math.min(2, exclaims);
  }
  const unhappy = outermost(against);
  const happy = outermost(pleased);
  let label: MoodLabel = 'neutral';
  if (score <= -2 || negative <= -4 || strongest <= -3) {
    // Worry (loss, urgency, fear) or upset (anger, blame, repetition): whichever has more words.
    const worry = unhappy.filter((e) => WORRY.test(e.text)).length;
    label = worry * 2 > unhappy.length ? 'worried' : 'upset';
  } else if (score - things >= 3) label = 'positive';
  // The evidence says why the label is what it is: never a pleased word behind an upset reading.
  const evidence = label === 'positive' ? happy : label === 'neutral' ? outermost([...unhappy, ...happy]) : unhappy;
  return { label, score, evidence, against: unhappy, strong: unhappy.filter((e) => !mild.includes(e)), pleased: happy, weightOf: (hit) => weights.get(`${hit.start}:${hit.end}`) ?? 0 };
}
