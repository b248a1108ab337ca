/**
 * The language layer of the checklist engine: sentences, clauses and their parse (part of speech,
 * negation) from wink-nlp with its light English web model. Background only (the model is ~1 MB
 * gzip); the content script never imports this.
 *
 * Segmentation keeps emails, URLs, @handles and emoji whole (wink's tokenizer), breaks at line ends
 * and bullets, drops quoted text ("> …", "On … wrote:"), and splits sentences into clauses at ";",
 * dashes and conjunctions that start a new action ("remove the app and add it again").
 */
import winkNLP, { type ItemSentence } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Evidence } from './types';
import { HEADING } from './text';
import { QUOTED_MAIL_LINE, quotedMailAt } from './mail-text';

export interface Token {
  text: string;
  /** Lowercase, curly apostrophes straightened. */
  lower: string;
  /** Universal part of speech (VERB, AUX, PRON, NOUN, INTJ, PUNCT, …). */
  pos: string;
  /** Inside the scope of a negation ("I do n't *think it works*"). */
  negated: boolean;
  start: number;
  end: number;
}

export interface Clause extends Evidence {
  tokens: Token[];
  /** Index of its sentence in `Parsed.sentences`. */
  sentence: number;
  /** On a markdown heading line ("### What happened?", "**Expected behaviour**"): a template's label, never an ask. */
  heading?: boolean;
}

export interface Parsed {
  sentences: Evidence[];
  clauses: Clause[];
}

let nlp: ReturnType<typeof winkNLP> | undefined;
const load = () => (nlp ??= winkNLP(model, ['sbd', 'pos', 'negation']));

/**
 * Ranges of quoted earlier mail: "> …" lines and everything from a reply header on, after words of
 * their own (a bare forward is what they raise; lib/standards/mail-text.ts).
 */
export function quotedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const wrote = quotedMailAt(text);
  for (const m of text.matchAll(QUOTED_MAIL_LINE)) out.push([m.index!, m.index! + m[0].length]);
  if (wrote < text.length) out.push([wrote, text.length]);
  return out;
}

/**
 * Stretches of a line read as one word: inline code, a quoted string (an error message or a UI
 * label the customer copies: "Please try again."), and runs of 100+ characters without a space
 * (pasted logs, base64 cost wink seconds). Their full stops are not sentence ends, their
 * "please" is not the customer's.
 */
const OPAQUE = /`[^`\n]{2,}`|"[^"\n]{4,300}"|“[^”\n]{4,300}”|\S{100,}/g;
const PLACEHOLDER = 'opaque';

/** `text` with each opaque stretch replaced by one placeholder word of the same length, and where each stretch ends. */
function maskOpaque(text: string): { masked: string; ends: Map<number, number> } {
  const ends = new Map<number, number>();
  const masked = text.replace(OPAQUE, (run, at: number) => {
    if (run.length < PLACEHOLDER.length) return run;
    ends.set(at, at + run.length);
    return PLACEHOLDER + ' '.repeat(run.length - PLACEHOLDER.length);
  });
  return { masked, ends };
}

/** A line that introduces text the customer copies rather than says: "…but it says", "the error shows this.", "I get:". */
const INTRO =
  /(?:\b(?:says?|said|saying|shows?(?: this| me| up| the following)?|showing|reads|displays?|displaying|(?:i|we) (?:get|got|see|saw|receive|received)(?: this| the following| an? (?:error|message))?|getting(?: this)?|the following)\s*[:.]?|\b(?:error|message|popup|pop-up|banner|notification|response|output|log)s?(?:\s+(?:is|was)(?: this)?\s*[:.]?|\s*:))\s*$/i;

/** A line in quotes or backticks of its own ("`Please contact support.`"): the copied text ends with it. */
const QUOTED_LINE = /^\s*(?:`[^`]+`|"[^"]+"|“[^”]+”)\s*$/;

/**
 * Ranges of presented text: the lines after an introducing line, up to the next blank line after
 * them ("it says\n\nInvalid login. Please try again.\n\n…"), or up to a first line that quotes itself
 * ("the following message:\n`Please contact support.`\nDo you have more information?": a helpdesk's
 * page text has no blank lines, so the customer's own question came after the copied text there,
 * seen on FreeScout). On train, none of the 12 clauses there was an ask.
 */
export function presentedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  let open = -1;
  let seen = false;
  for (const line of text.split('\n')) {
    const from = at;
    at += line.length + 1;
    if (open >= 0 && !line.trim() && seen) {
      out.push([open, from]);
      open = -1;
    } else if (open >= 0 && !seen && QUOTED_LINE.test(line)) {
      out.push([open, Math.min(at, text.length)]);
      open = -1;
    } else if (open >= 0 && line.trim()) seen = true;
    if (open < 0 && line.trim() && INTRO.test(line)) {
      open = at;
      seen = false;
    }
  }
  if (open >= 0 && seen) out.push([open, text.length]);
  return out;
}

/** Tokens of `text` with their character ranges (wink does not give offsets: find them in order). */
function tokensOf(text: string): { tokens: Token[]; sentenceEnds: Set<number> } {
  const { masked, ends } = maskOpaque(text);
  const doc = load().readDoc(masked);
  const its = load().its;
  const values = doc.tokens().out();
  const pos = doc.tokens().out(its.pos) as string[];
  const neg = doc.tokens().out(its.negationFlag) as unknown as boolean[];
  const tokens: Token[] = [];
  const linkEnds = new Set<number>();
  let cursor = 0;
  const byIndex: number[] = [];
  values.forEach((word, i) => {
    const at = masked.indexOf(word, cursor);
    if (!word.trim() || at < 0) return void byIndex.push(-1);
    const value = word === PLACEHOLDER && ends.has(at) ? text.slice(at, ends.get(at)) : text.slice(at, at + word.length);
    cursor = at + value.length;
    // A link or address swallows the full stop after it ("visit https://x.com/a. Then…"): give it back.
    // Its marks stay tokens of their own, so "Could you check [this](https://x.com/a)?" keeps its "?".
    const tail = /^(?:https?:|www\.|\S+@)/i.test(value) ? (/[.,;:!?)\]]+$/.exec(value)?.[0] ?? '') : '';
    const end = at + value.length - tail.length;
    tokens.push({ text: value.slice(0, value.length - tail.length), lower: value.slice(0, value.length - tail.length).toLowerCase().replace(/’/g, "'"), pos: pos[i] ?? 'X', negated: !!neg[i], start: at, end });
    [...tail].forEach((mark, k) => tokens.push({ text: mark, lower: mark, pos: 'PUNCT', negated: false, start: end + k, end: end + k + 1 }));
    if (/[.!?]/.test(tail)) linkEnds.add(tokens.length - 1);
    // Where wink's sentence ends at this word, ours ends after its marks.
    byIndex.push(tokens.length - 1);
  });
  const sentenceEnds = linkEnds;
  doc.sentences().each((s: ItemSentence) => {
    const span = s.out(its.span) as unknown as [number, number];
    for (let k = span[1]; k >= span[0]; k--) if ((byIndex[k] ?? -1) >= 0) return void sentenceEnds.add(byIndex[k]!);
  });
  tokens.forEach((_, i) => endsUnseen(tokens, i) && sentenceEnds.add(i));
  return { tokens, sentenceEnds };
}

const ELLIPSIS = /^(?:\.{2,}|…)$/;
/**
 * A sentence end wink reads on through: a stop with no space after it ("wiped it all again.Does it
 * save?", "these charges.I do not…") and an ellipsis before a capital ("the spot was gone... Help??").
 * Not before a name ("I tried... Chrome and Firefox"), nor inside an address ("docs.Google.com").
 */
function endsUnseen(tokens: Token[], i: number): boolean {
  const [prev, t, next] = [tokens[i - 1], tokens[i]!, tokens[i + 1]];
  if (!prev || !next || next.pos === 'PROPN' || !/^\p{Lu}/u.test(next.text)) return false;
  if (ELLIPSIS.test(t.text)) return true;
  return /^[.!?]$/.test(t.text) && t.start === prev.end && next.start === t.end && /^\p{Ll}{2,}$/u.test(prev.text) && tokens[i + 2]?.text !== '.';
}

/** A list marker on its own: "-", "•", "1.", "2)" (dropped from a clause's start; judge.ts reads lists by it). */
export const BULLET = /^(?:[-*•·‣◦]|\d{1,2}[.)])$/;
const CLAUSE_BREAK = new Set([';', '—', '–', '-', ':']);
/** Conjunctions after which a new clause starts when a verb or subject follows. */
const JOINERS = new Set(['and', 'but', 'so', 'then', 'also', 'because', 'or']);

/** True when token i starts a new sentence: a line break before it, or wink's boundary after i-1. */
function startsSentence(text: string, tokens: Token[], i: number, ends: Set<number>): boolean {
  if (i === 0) return true;
  // No sentence starts inside a word: "v3.2.1", "file.txt", "e.g." (but "again.Does it…" is two).
  if (ends.has(i - 1)) return tokens[i - 1]!.end < tokens[i]!.start || !/^[\p{L}\p{N}]/u.test(tokens[i]!.text) || endsUnseen(tokens, i - 1);
  return text.slice(tokens[i - 1]!.end, tokens[i]!.start).includes('\n');
}

const SUBJECT_BREAK = new Set(['INTJ', 'NOUN', 'PROPN', 'NUM', 'SYM']);

/**
 * A hyphen or colon inside a word, or a dash in a range, is no clause break: "two-factor", "sign-in",
 * "10 - 15 minutes", "10:30" (seen splitting "reset your two-factor authentication?" into two clauses).
 */
function joins(tokens: Token[], k: number): boolean {
  const [before, mark, after] = [tokens[k - 1], tokens[k]!, tokens[k + 1]];
  const left = !!before && before.end === mark.start;
  const right = !!after && mark.end === after.start;
  // "Oslo- have to change", "file - we will", "broken—nothing loads": a dash with a space on one side, or an em dash, still breaks.
  if (mark.text === '—') return false;
  return (left && right && mark.text !== '–') || (mark.text !== ':' && before?.pos === 'NUM' && after?.pos === 'NUM');
}

/** Modals that open a question before their subject: "May I have your name?" ("May" is read as the month). */
const MODAL_OPENERS = new Set(['may', 'might', 'must', 'can', 'could', 'would', 'should', 'shall', 'will']);

function startsClause(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const t = tokens[i]!;
  const next = tokens[i + 1];
  if (prev && CLAUSE_BREAK.has(prev.text) && prev.pos === 'PUNCT' && !joins(tokens, i - 1)) return true;
  // "help me pls I need my invoice": a new subject after a word that cannot govern it.
  if ((t.lower === 'i' || t.lower === 'we') && prev && SUBJECT_BREAK.has(prev.pos) && !MODAL_OPENERS.has(prev.lower) && (next?.pos === 'VERB' || next?.pos === 'AUX')) return true;
  if (JOINERS.has(t.lower) && next && (next.pos === 'VERB' || next.pos === 'PRON' || next.pos === 'AUX' || PLEASE.has(next.lower)) && i > 1) return true;
  return false;
}

/** A question or a "please" request run on after a statement without a stop: "lost all my progress how can i get it back" (at token i). */
const runsOnAt = (tokens: Token[], i: number) => {
  const prev = tokens[i - 1];
  if (!prev) return false;
  // An emoticon ends what came before it, as a full stop would: "the ads are all here too :/ just need
  // to know if I have to use a code" (a fresh dev message whose ask was missed).
  if (EMOTICON.test(prev.text) && tokens[i]!.pos !== 'PUNCT' && tokens[i]!.pos !== 'SYM') return true;
  // After a comma, a question that opens inverted and ends in "?": "My character was wiped after the
  // update, will my character come back?" (seen on FreeScout), "…it crashed, how can I get it back?".
  // So does one that opens with a capital, "?" or not: 'The page said "Lifetime updates", Does this mean
  // the licence is paid once.' (a fresh dev set).
  const wh = WH_WORDS.has(tokens[i]!.lower);
  if (prev.text === ',' && (tokens.slice(i).some((t) => t.text === '?') || /^[A-Z][a-z]/.test(tokens[i]!.text))) return (wh || AUX_OPENERS.has(tokens[i]!.lower)) && invertedAt(tokens, wh ? i + 1 : i);
  // A request run on after a statement: "…an error occurred please help me log in", "my order never
  // arrived please refund me" (missed as asks on train and dev). Not "I would please ask…" (an AUX
  // before it) nor "could you kindly help…" (the request's own addressee).
  if (PLEASE.has(tokens[i]!.lower) && tokens[i + 1]?.pos === 'VERB') return !NO_BREAK_AFTER.has(prev.pos) && !EMBEDS.has(prev.lower) && !PLEASE.has(prev.lower) && !ADDRESSED.has(prev.lower);
  return wh && invertedAfter(tokens, i) && !EMBEDS.has(prev.lower) && !NO_BREAK_AFTER.has(prev.pos);
};
/**
 * "…and is it possible to get it back?", "…and how do I access it?": "and", then a question of its own
 * (an auxiliary before its subject, or a question word before one) at token i.
 */
const andAsksAgainAt = (tokens: Token[], i: number) =>
  tokens[i]?.lower === 'and' && (invertedAt(tokens, i + 1) || (WH_WORDS.has(tokens[i + 1]?.lower ?? '') && invertedAfter(tokens, i + 1)));
/** "and" opening a question of its own at token i, not after "know" ("I'd like to know how and when…") or a question word. */
const joinedQuestionAt = (tokens: Token[], i: number) => andAsksAgainAt(tokens, i) && !EMBEDS.has(tokens[i - 1]!.lower) && !WH_WORDS.has(tokens[i - 1]!.lower);
/** Whether a clause opens with "and" and a question of its own: a second ask, not more of the first. */
export const asksAgain = (c: Clause) => andAsksAgainAt(c.tokens, 0);
/** A text emoticon as the tokenizer keeps it whole (":/", ":(", ";)", ":p", ":-D", "xD"). */
const EMOTICON = /^(?:[:;=8]-?[()/\\|pPdDoO3*[\]]|xD|XD)$/;
/** Auxiliaries a yes/no question opens with. */
const AUX_OPENERS = new Set(['will', 'would', 'can', 'could', 'should', 'is', 'are', 'was', 'were', 'do', 'does', 'did', 'has', 'have', 'may']);

/**
 * A clause split where a question runs on after a statement, for finding asks (the other judgements
 * keep the clause whole: the upset model read the split halves worse on dev).
 */
export function splitRunOn(c: Clause): Clause[] {
  const at = c.tokens.findIndex((_, i) => i > 0 && (runsOnAt(c.tokens, i) || joinedQuestionAt(c.tokens, i)));
  if (at < 0) return [c];
  const part = (tokens: Token[]): Clause => {
    const start = tokens[0]!.start;
    const end = tokens[tokens.length - 1]!.end;
    return { ...c, tokens, start, end, text: c.text.slice(start - c.start, end - c.start) };
  };
  return [part(c.tokens.slice(0, at)), ...splitRunOn(part(c.tokens.slice(at)))];
}

const PLEASE = new Set(['please', 'pls', 'plz', 'kindly']);
/** Whom a request is put to ("could you kindly…", "can someone please…"). */
const ADDRESSED = new Set(['you', 'u', 'ya', 'someone', 'somebody', 'anyone', 'anybody']);
const WH_WORDS = new Set(['how', 'what', 'where', 'when', 'why', 'which', 'who']);
/** Words after which a question word starts an embedded question, not a new one ("I don't know how…", "tell me what…"). */
const EMBEDS = new Set(['know', 'knows', 'knew', 'wonder', 'wondering', 'ask', 'asking', 'asked', 'tell', 'told', 'me', 'us', 'him', 'her', 'them', 'explain', 'understand', 'idea', 'sure', 'see', 'show', 'learn', 'figure', 'out', 'clue', 'matter', 'regardless', 'exactly', 'is', 'was', 'and', 'or', 'but', 'to', 'no']);
const NO_BREAK_AFTER = new Set(['ADP', 'DET', 'CCONJ', 'SCONJ', 'PART', 'AUX', 'PUNCT']);

/** "how can I", "what is the", "where do we": a question word, then an auxiliary, then its subject. */
function invertedAfter(tokens: Token[], i: number): boolean {
  let k = i + 1;
  if (tokens[k] && (tokens[k]!.lower === 'long' || tokens[k]!.lower === 'much' || tokens[k]!.lower === 'many')) k++;
  return invertedAt(tokens, k);
}

/** An auxiliary at k, then its subject ("can I", "will my character"). */
function invertedAt(tokens: Token[], k: number): boolean {
  const aux = tokens[k];
  const subject = tokens[k + 1];
  return !!aux && !!subject && (aux.pos === 'AUX' || /^(?:can|could|would|will|should|do|does|did|is|are)$/.test(aux.lower)) && (subject.pos === 'PRON' || subject.pos === 'DET' || subject.pos === 'PROPN' || subject.pos === 'NOUN');
}

const cache = new Map<string, Parsed>();
const lines = new Map<string, Parsed>();

/** `map.get(key)`, refreshed as the most recently used. */
function recall<V>(map: Map<string, V>, key: string): V | undefined {
  const known = map.get(key);
  if (known !== undefined) {
    map.delete(key);
    map.set(key, known);
  }
  return known;
}

function remember<V>(map: Map<string, V>, key: string, value: V, size: number): V {
  if (map.size >= size) map.delete(map.keys().next().value!);
  map.set(key, value);
  return value;
}

/**
 * Sentences and clauses of `text` (quoted mail left out), cached for the last few texts.
 * A line end always ends a sentence, so each line is parsed on its own and kept: while an agent
 * types, only the line being typed is parsed again (the lines before it keep their place).
 */
export function parse(text: string): Parsed {
  const known = recall(cache, text);
  if (known) return known;
  const quoted = quotedRanges(text);
  const out: Parsed = { sentences: [], clauses: [] };
  let at = 0;
  let fenced = false;
  for (const line of unwrapped(text).split('\n')) {
    const from = at;
    at += line.length + 1;
    // A code fence's lines are code, not words to the agent.
    const fence = FENCE.test(line);
    if (fence) fenced = !fenced;
    // Quoted mail is always whole lines ("> …", everything from "On … wrote:" on).
    if (fenced || fence || !line.trim() || quoted.some(([s, e]) => from >= s && from < e)) continue;
    const key = `${from}|${out.sentences.length}|${line}`;
    const parsed = recall(lines, key) ?? remember(lines, key, parseLine(line, from, out.sentences.length), 256);
    out.sentences.push(...parsed.sentences);
    out.clauses.push(...parsed.clauses);
  }
  return remember(cache, text, out, 16);
}

const FENCE = /^\s{0,3}(?:```|~~~)/;

/** A line a mail program wrapped: long, no closing mark (an emoticon or emoji closes: "3hrs lost :("), not a list item, quote or heading. */
const WRAPPED_LINE = /^(?![ \t]*(?:[-*>•#]|\d{1,2}[.)]\s))[^\n]{40,}[^\s.!?:;,()…\p{Extended_Pictographic}]\s*$/u;

/**
 * `text` with hard-wrapped lines joined (the line break becomes a space, so every offset stays):
 * "Let me look into it and get back to\nyou." is one sentence. Only a line of 40+ characters without
 * a closing mark whose next line starts in lower case counts as wrapped; an agent's own line break
 * before "Thanks" or a list item stays.
 */
export function unwrapped(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  return lines.map((line, i) => (i + 1 < lines.length && WRAPPED_LINE.test(line) && /^\p{Ll}/u.test(lines[i + 1]!) ? `${line} ` : `${line}\n`)).join('').slice(0, text.length);
}

/** One line's sentences and clauses, at `offset` in the whole text, numbering sentences from `firstSentence`. */
function parseLine(line: string, offset: number, firstSentence: number): Parsed {
  const heading = HEADING.test(line);
  const { tokens: all, sentenceEnds } = tokensOf(line);
  const sentences: Evidence[] = [];
  const clauses: Clause[] = [];
  let current: Token[] = [];
  let sentenceStart = -1;
  let firstClause = 0;
  const closeClause = () => {
    while (current.length && BULLET.test(current[0]!.text)) current.shift();
    if (current.length) {
      const start = current[0]!.start;
      const end = current[current.length - 1]!.end;
      const tokens = current.map((t) => ({ ...t, start: t.start + offset, end: t.end + offset }));
      clauses.push({ start: start + offset, end: end + offset, text: line.slice(start, end), tokens, sentence: firstSentence + sentences.length, ...(heading ? { heading } : {}) });
    }
    current = [];
  };
  const closeSentence = () => {
    closeClause();
    if (clauses.length > firstClause) {
      const start = clauses[firstClause]!.start;
      const end = clauses.at(-1)!.end;
      sentences.push({ start, end, text: line.slice(start - offset, end - offset) });
    }
    firstClause = clauses.length;
    sentenceStart = -1;
  };
  all.forEach((t, i) => {
    if (startsSentence(line, all, i, sentenceEnds) && sentenceStart >= 0) closeSentence();
    else if (current.length && startsClause(all, i)) closeClause();
    if (sentenceStart < 0) sentenceStart = t.start;
    current.push(t);
  });
  closeSentence();
  return { sentences, clauses };
}
