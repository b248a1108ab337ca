/**
 * Text helpers shared by the checklist rules: sentences with their positions, phrase search that
 * returns evidence, question detection (with or without "?"), keywords, salutations and sign-offs.
 * The customer's mood as the words say it is lexicon.ts's.
 */
import { sentences as splitSentences } from 'sbd';
import type { Evidence, Question } from './types';

export type Sentence = Evidence;

/** Sentences of `text` with their character ranges (sbd does the splitting, newlines are boundaries). */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  if (!text.trim()) return out;
  let cursor = 0;
  for (const part of splitSentences(text, { newline_boundaries: true, sanitize: false, preserve_whitespace: true })) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const found = locateSentence(text, trimmed, cursor);
    if (!found) continue;
    out.push({ start: found[0], end: found[1], text: text.slice(found[0], found[1]) });
    cursor = found[1];
  }
  return out;
}

/**
 * Where sbd's sentence is in the text. sbd gives a run of spaces, a tab or a no-break space back as
 * one space whatever its options, so a sentence with two spaces after a comma (or the &nbsp; an
 * editor writes for them) was not found and silently dropped: a customer's whole report vanished
 * from the checklist (seen in a fresh dev set on FreeScout). Whitespace matches whitespace.
 */
function locateSentence(text: string, sentence: string, from: number): [number, number] | null {
  const at = text.indexOf(sentence, from);
  if (at >= 0) return [at, at + sentence.length];
  // Within a window after the last sentence (sbd keeps order), so a sentence it changed in some
  // other way costs one short search, not a scan of the rest of a long message.
  const pattern = new RegExp(sentence.split(/\s+/).map(escapeRegExp).join('\\s+'));
  const m = pattern.exec(text.slice(from, from + 4 * sentence.length + 200));
  return m ? [from + m.index, from + m.index + m[0].length] : null;
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

/**
 * The first match, in text order, of any of `patterns` (each global) that `accept` takes, as
 * findAllInOrder would list them (on the same start, the earlier pattern first); each pattern runs
 * only as far as needed. A long draft with a step in its first lines is not searched to its end.
 */
export function firstInOrder<T>(text: string, patterns: readonly RegExp[], accept: (hit: Evidence) => T | undefined): T | undefined {
  // Copies, as matchAll makes: `accept` may search with the same patterns.
  const own = patterns.map((p) => new RegExp(p.source, p.flags));
  const next = own.map((p) => nextMatch(text, p));
  for (;;) {
    let k = -1;
    for (let j = 0; j < next.length; j++) if (next[j] && (k < 0 || next[j]!.start < next[k]!.start)) k = j;
    if (k < 0) return undefined;
    const out = accept(next[k]!);
    if (out !== undefined) return out;
    next[k] = nextMatch(text, own[k]!);
  }
}

function nextMatch(text: string, pattern: RegExp): Evidence | undefined {
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0]) return { start: m.index, end: m.index + m[0].length, text: m[0] };
    pattern.lastIndex = m.index + 1;
  }
  return undefined;
}

/** Every match of a list of patterns, in text order. */
export function findAllInOrder(text: string, patterns: readonly RegExp[]): Evidence[] {
  return patterns.flatMap((p) => findAll(text, p)).sort((a, b) => a.start - b.start);
}

export const quote = (s: string, max = 60) => {
  const clean = s.replace(/\s+/g, ' ').trim();
  return `“${clean.length > max ? `${clean.slice(0, max - 1)}…` : clean}”`;
};

const patterns = new WeakMap<readonly string[], RegExp>();

/** Phrases as a global, case-insensitive pattern (built once per list: the rules ask on every keystroke). */
function phrasePattern(phrases: readonly string[]): RegExp {
  let known = patterns.get(phrases);
  if (!known) patterns.set(phrases, (known = buildPattern(phrases)));
  return known;
}

/** Text to match literally inside a RegExp. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Is `words` in `text` as whole words, case aside ("could you" in "Could you help?")? */
export const hasWords = (text: string, words: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(words)}(?![\\p{L}\\p{N}])`, 'iu').test(text);

/** The pattern ends on a word's end; where it starts is findPhrases's to check. */
function buildPattern(phrases: readonly string[]): RegExp {
  const escaped = phrases.map((p) => escapeRegExp(p.trim()).replace(/\s+/g, '\\s+').replace(/'/g, "['’]"));
  return new RegExp(`(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

const ENDS_IN_WORD = /[\p{L}\p{N}]$/u;

/**
 * Every place a phrase of the list stands as whole words, case aside ("Sorry for any
 * inconvenience", not "unsorry"). A match inside a word is passed over and the search goes on from
 * its next character: the same matches a leading lookbehind gives, which V8 would try at every
 * position of the draft (three times slower on a 3,000-character draft).
 */
export function findPhrases(text: string, phrases: readonly string[]): Evidence[] {
  const pattern = phrasePattern(phrases);
  const out: Evidence[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const inWord = ENDS_IN_WORD.test(text.slice(Math.max(0, m.index - 2), m.index));
    if (inWord || !m[0]) pattern.lastIndex = m.index + 1;
    else out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
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
    ['deliver', 'arriv ship shipp dispatch deliv deliveri'],
    ['restor', 'recover back-up backup'],
    ['plan', 'roadmap plann'],
    ['price', 'cost pric charg fee'],
    ['cancel', 'cancell terminat'],
    ['fix', 'repair resolv solv amend chang updat switch modifi edit'],
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
  ['error', 'bug', 'issu', 'problem', 'fault', 'wrong'],
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

/**
 * Crude English stem: enough to match "refund"/"refunded"/"refunds", "export"/"exporting",
 * "try"/"tried"/"trying", "installed"/"installations". A final "y" after a consonant reads as "i"
 * ("reply"/"replies"/"replied" as "repli"): a customer's "I've tried" and a reply's "Try going to…"
 * shared no word, and the reply read as an unedited macro (real replies, train split).
 */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/’/g, "'").replace(/'s$/, '');
  if (w.length > 5) w = w.replace(/(?:ing|ed|es|ly|ment|ness|ations?|ions?)$/, '').replace(/([b-df-hj-np-tv-z])\1$/, '$1');
  // "fixed", "saved", "added" as "fix", "sav", "add" ("fixes" and "save" stem so already); not "need", "speed".
  else if (w.length === 5 && /[^e]ed$/.test(w)) w = w.slice(0, -2).replace(/([b-df-hj-np-tv-z])\1$/, '$1');
  if (w.length > 3) w = w.replace(/s$/, '');
  w = w.replace(/e$/, '');
  if (w.length >= 3) w = w.replace(/([b-df-hj-np-tv-xz])y$/, '$1i');
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

/** What a customer asks for when they ask for help in general ("any advice", "any tips welcome"): asks and bare calls read it. */
export const HELP_WANTED = 'help|advice|suggestions?|ideas?|thoughts|comments?|tips|pointers|recommendations?|experiences?|info(?:rmation)?';

/** What may come before an opener: a salutation, then a linking word ("Hi Dana, also could you…", "So what is…"). */
const OPENER_LEAD = '^(?:\\W*)(?:(?:hi|hello|hey|dear)\\b[^,.!?]{0,30}[,.!]\\s*)?(?:(?:also|and|but|so|then|oh|ok|quick one|thus|therefore|hence|additionally|plus|just)[,:]?\\s+)?';
/** Requests and questions written without a question mark ("I need to know how…", "please tell me…"). */
const REQUEST_OPENERS = new RegExp(
  OPENER_LEAD + '(?:' +
    [
      'i(?: need| want| would like|\'d like| am trying|\'m trying) to (?:know|understand|find out|figure out|learn)',
      // Telegraphic: "…and need to know if I have a defective product" (seen on FreeScout, train split).
      'need to (?:know|understand|find out)\\b',
      // "Additionally I wanted to ask if…", "I'm curious about the cost of…" (a fresh dev set of GitHub support threads).
      'i (?:wanted|was going) to ask\\b',
      'i(?:[\'’]m| am) (?:just )?curious (?:about|if|whether|as to|how|what|why|when)\\b',
      'i(?: need| want| would like|\'d like) (?:to (?:ask|get|change|cancel|return|request|update|upgrade|downgrade|move|transfer|switch|delete|remove|add|have|see|check|confirm|report)|you to|someone to|somebody to|an? |the |my |our |your |help|a refund|my money|access)',
      // "I demand a refund", "im … requesting a full credits recharge" (seen on FreeScout, train split).
      'i (?:request|demand|expect)\\b',
      // "I kindly ask you to review my account", "I really urge you to let us keep our equipment" (train split).
      "i (?:(?:would|really|kindly|strongly|must|['’]d)\\s+)*(?:urge|beg|implore|ask) you to\\b",
      '(?:i[\'’]?m |i am )?(?:requesting|demanding|asking for)\\b',
      '(?:please|pls|kindly)\\s+\\w+',
      '(?:can|could|would|will) (?:you|someone|somebody|anyone|u)\\b',
      '(?:can|could|may|should|do|shall) (?:i|we)\\b',
      '(?:is|are) there\\b',
      'let me know',
      'tell me',
      // "I'm wondering if I configured…": the contraction has no space before its "'m".
      "(?:i(?: was| am|['’]m) )?wondering",
      'i wonder',
      'is there (?:a|any) way',
      'how (?:do|can|should|would|to)\\b',
      '(?:what|when|where|which|who|why)(?: (?:one|ones|time|day|part|plan|option|version|number|date))? (?:is|are|do|does|did|can|should|will|would|was|happens)\\b',
      '(?:what|where|when|who|how)[\'’]s\\b',
      // "Why won't it take my payment." and "How come every time I sign in it…": asked without "?".
      'why (?:won|can|doesn|isn|aren|didn|don|wouldn|couldn|hasn|haven|weren|wasn)[\'’]?t\\b',
      'how come\\b',
      'how (?:long|much|many|often|soon)\\b',
      `any (?:idea|update|news|(?:${HELP_WANTED})\\b)`,
      // A forum's audience asked (GUIDELINE §1): "Does anybody know if…", "Just wondered if anyone…",
      // "Would be keen to know…", "Any advice, suggestions, comments welcome" (above), "I'm just looking for suggestions…".
      '(?:(?:does|do|did|has|have|is) )?(?:any(?:one|body)|some(?:one|body))(?: here| else)? (?:know|knows|had|have|has|used|tried|flown|experienced?|experiencing|having|seeing|getting|got|been)\\b',
      '(?:i )?(?:just )?wondered (?:if|whether)\\b',
      "(?:(?:would|i'd|i would) be |i(?:'m| am) )?keen to (?:know|hear|find out)\\b",
      "i(?:'m| am) (?:just )?looking for (?:advice|suggestions?|recommendations?|tips|help|info(?:rmation)?|a way|ways)\\b",
      'do you (?:know|have|offer|support)',
      'does (?:it|this|the)',
      'is it possible',
      "i(?: was| am|'m)? hoping (?:to|that|you|we|for|someone|somebody)\\b",
      'i hope (?:you|my request|someone|somebody|that you|this can)\\b',
      'i (?:just|only|really) (?:want|need)\\b',
    ].join('|') +
    ')',
  'i',
);

/**
 * The forms of a question written without "?" that the request openers above do not cover: a
 * question's word order ("what's the rate limit on it.", "does the plan include SSO.") and "I'd also
 * like to know…".
 */
const QUESTION_FORM = new RegExp(
  OPENER_LEAD + '(?:' +
    [
      "i(?:['’]d|['’]m| would| am)? (?:also|really|just) (?:need|want|like|trying) to (?:know|understand|find out|figure out|learn|ask)",
      '(?:is|are|do|does|did|can|could|will|would|should|has|have) (?:it|this|that|there|i|we|you|the)\\b',
      '(?:how|what|when|where|which|who|why)\\b',
    ].join('|') +
    ')',
  'i',
);
/** "It would be great if you could send me the invoice", "I'd appreciate it if someone can…": a request to them, however wrapped. */
const IF_YOU_COULD = /\bif (?:you|someone|somebody|anyone) (?:could|can|would|might|are able to)\b/i;
/** Asked outright: a "?", a question's form, a request's opening (`looksLikeRequest`) or "if you could". */
export const asksOutright = (text: string) => text.includes('?') || QUESTION_FORM.test(text) || IF_YOU_COULD.test(text) || looksLikeRequest(text);

/** Sentences that only look like requests: politeness and venting. */
const NOT_A_REQUEST = /^(?:\W*)(?:please (?:note|be advised|advise|help)\b(?!\s+me)|thanks|thank you)/i;

/** The request openers' verdict on one sentence or clause ("please …", "could you …", "I need to know …"). */
export function looksLikeRequest(text: string): boolean {
  return REQUEST_OPENERS.test(text) && !NOT_A_REQUEST.test(text);
}

/** A sentence that reports a problem ("still hasn't shipped", "keeps crashing"). */
export const reportsProblem = (text: string) => PROBLEM.test(text);

/** A markdown heading ("### What happened?") or a line that is all bold ("**Describe the bug**"): a template's label. */
export const HEADING = /^\s{0,3}#{1,6}\s|^\s*(?:\*\*|__)[^*_]+(?:\*\*|__)\s*:?\s*$/;

/** Questions and requests in the customer's text, with their ranges. `answered` is filled by the engine. */
export function findQuestions(text: string): Question[] {
  const out: Question[] = [];
  // A template's heading labels what follows: never an ask nor the report ("**Describe the bug**", seen on FreeScout).
  const said = sentences(text).filter((s) => !HEADING.test(s.text));
  for (const s of said) {
    // "Hi Dana," / sign-offs are not questions; a sentence may hold several clauses ending in "?"
    const isQuestion = /\?\s*$/.test(s.text) || /\?/.test(s.text);
    const isRequest = REQUEST_OPENERS.test(s.text) && !NOT_A_REQUEST.test(s.text);
    if (!isQuestion && !isRequest) continue;
    if (s.text.length < 8) continue;
    out.push({ ...s, answered: false });
  }
  if (out.length) return out;
  // No question asked: a complaint is an implicit request to fix it ("my order still hasn't shipped").
  // A feeling alone ("Really annoying.") names no problem: the sentence before it does ("The app
  // logs me out every few minutes."), as the list showed "Really annoying." for the problem to fix.
  for (const [i, s] of said.entries()) {
    if (!PROBLEM.test(s.text) || s.text.length < 12) continue;
    const about = FEELING_ONLY.test(s.text) ? (said[i - 1] ?? said[i + 1]) : s;
    if (about) return [{ ...about, answered: false, implicit: true }];
  }
  return out;
}

/** A sentence that only says how the problem feels. */
const FEELING_ONLY = /^\W*(?:(?:this|it|that)(?:'s| is)\s+|so\s+|really\s+|very\s+|super\s+|extremely\s+|quite\s+|just\s+)*(?:annoying|frustrating|infuriating|irritating|annoyed|frustrated)\W*$/i;

const PROBLEM = /\b(?:keeps? \w+ing|broke|soaked|ruined|drops?|dropping|crash\w*|freez\w*|fails?|bug|annoy\w*|frustrat\w*|hasn't|haven't|isn't|aren't|doesn't|don't|didn't|won't|can't|cannot|couldn't|not working|stopped|broken|charged|cancel|refund|disappeared|missing|lost|failed|reloads|down|wrong|still|waiting|error|found (?:no|nothing)|no longer)\b/i;

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

/** Verbs before what a screen shows ("select RESTORE", "click SAVE", "hit ENTER"), lower case and capitalised. */
const PRESSED_VERBS = 'select|selected|selecting|click|clicked|clicking|press|pressed|pressing|tap|tapped|tapping|choose|chose|choosing|hit|hitting|type|typed|enter|entered|toggle|toggled'
  .split('|')
  .flatMap((v) => [v, v[0]!.toUpperCase() + v.slice(1)])
  .join('|');
const PRESSED_LABEL = new RegExp(`\\b(?:${PRESSED_VERBS})\\s+(?:the\\s+|on\\s+)?((?:[A-Z][A-Z']+\\s+){0,2}[A-Z][A-Z']+)\\b`, 'g');

/**
 * Where a label the customer pressed or chose stands ("select RESTORE", "click on SAVE CHANGES"): what
 * the screen says, in capitals, not their voice. The lexicon's shouting and the parse's p:caps read it.
 */
export function pressedLabels(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(PRESSED_LABEL)) {
    const end = m.index! + m[0].length;
    out.push([end - m[1]!.length, end]);
  }
  return out;
}
