/**
 * What the trained models see: words and word pairs of a clause, and what its parse says
 * (imperative, "could you…" request, instruction to "you", our future commitment, completed
 * action, question form, negation). Feature names are readable so a verdict can name them.
 */
import type { Clause, Token } from './nlp';
import { memoObject } from './memo';
import { pressedLabels } from './text';

const LEAD = new Set(['please', 'pls', 'plz', 'kindly', 'just', 'also', 'and', 'so', 'then', 'now', 'first', 'simply', 'but', 'ok', 'okay', 'oh', 'hi', 'hello', 'hey', 'dear', 'well', 'btw', 'still']);
const GREETING = new Set(['hi', 'hello', 'hey', 'dear', 'thanks']);
const WH = new Set(['what', 'which', 'when', 'where', 'who', 'why', 'how', "what's", "where's", "when's", "how's", "who's"]);
const MODAL = new Set(['can', 'could', 'would', 'will', 'ca', 'wo']);
const ADDRESSEE = new Set(['you', 'u', 'someone', 'somebody', 'anyone', 'anybody', 'ya']);
const WE = new Set(['i', 'we']);
const FUTURE = new Set(["'ll", 'will', 'shall', 'wil']);
/** Auxiliaries of a tense or a passive: "you were charged", "you've been", "you had to write". */
const PAST_OR_PASSIVE = new Set(['was', 'were', 'had', 'did', "'ve", 'have', 'has', 'been', 'are', "'re", 'am', 'is', "'d"]);
const NEED = new Set(['need', 'want', 'expect', 'require', 'demand', 'wish']);

/** A token in the model's vocabulary: links, addresses, handles, numbers and emoji folded. */
export function normal(t: Token): string {
  if (/^(?:https?:|www\.)/i.test(t.text)) return '<url>';
  if (/^`.+`$/s.test(t.text)) return '<code>';
  if (/^["“].+["”]$/s.test(t.text)) return '<quote>';
  if (/\S@\S/.test(t.text)) return '<email>';
  if (t.text.startsWith('@') && t.text.length > 1) return '<handle>';
  if (t.text.startsWith('#') && t.text.length > 1) return '<hashtag>';
  if (/^\d[\d.,:/-]*$/.test(t.text)) return '<num>';
  if (/\p{Extended_Pictographic}/u.test(t.text)) return '<emoji>';
  return t.lower;
}

/** Index of the first token that carries the clause (after "please", "hi Dana,", "and", …). */
function head(tokens: Token[]): number {
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.pos === 'PUNCT' || t.pos === 'SYM' || LEAD.has(t.lower) || t.text.startsWith('@')) i++;
    else if ((t.pos === 'PROPN' || t.pos === 'INTJ') && tokens[i + 1]?.text === ',') i += 2;
    else break;
  }
  return i;
}

/** The parse's verdicts on a clause, as feature names ("p:imperative", "p:modal-request", …). */
export const clauseFlags = memoObject(computeFlags);

function computeFlags(c: Clause): string[] {
  const t = c.tokens;
  const h = head(t);
  const first = t[h];
  const second = t[h + 1];
  const third = t[h + 2];
  const out: string[] = [];
  if (!first) return out;
  const lowers = t.map((x) => x.lower);
  if (first.pos === 'VERB' && !/(?:ed|ing|s)$/.test(first.lower) && first.lower !== 'thank' && first.lower !== 'hope') out.push('p:imperative');
  if (t.slice(0, h).some((x) => x.lower === 'please' || x.lower === 'pls' || x.lower === 'kindly')) out.push('p:please');
  if (MODAL.has(first.lower) && second && ADDRESSEE.has(second.lower)) out.push('p:modal-request');
  if ((first.pos === 'AUX' || MODAL.has(first.lower)) && second && (second.pos === 'PRON' || second.pos === 'DET' || second.pos === 'PROPN' || second.pos === 'NOUN')) out.push('p:aux-question');
  if (WH.has(first.lower)) out.push('p:wh');
  if (WE.has(first.lower) && second && NEED.has(second.lower)) out.push('p:i-need');
  if (WE.has(first.lower) && second && (second.lower === "'d" || second.lower === 'would') && third?.lower === 'like') out.push('p:i-need');
  for (let i = 0; i + 1 < t.length; i++) {
    const a = t[i]!;
    const b = t[i + 1]!;
    const c3 = t[i + 2];
    // Not what happened to them ("you were charged", "you have received"): a tense or a passive is no instruction.
    if (ADDRESSEE.has(a.lower) && ((b.pos === 'AUX' && !PAST_OR_PASSIVE.has(b.lower)) || MODAL.has(b.lower) || NEED.has(b.lower)) && c3 && (c3.pos === 'VERB' || c3.lower === 'to')) out.push('p:you-instruction');
    if (WE.has(a.lower) && FUTURE.has(b.lower)) out.push('p:we-will');
    if (WE.has(a.lower) && (b.lower === "'m" || b.lower === 'am' || b.lower === 'are' || b.lower === "'re") && c3?.lower === 'going') out.push('p:we-will');
    if (WE.has(a.lower) && (b.lower === "'ve" || b.lower === 'have') && c3?.pos === 'VERB' && /(?:ed|en|t|ne)$/.test(c3.lower)) out.push('p:we-did');
    if ((a.lower === 'will' || a.lower === "'ll") && b.pos === 'VERB' && !WE.has(t[i - 1]?.lower ?? '')) out.push('p:will-happen');
    if (a.lower === 'let' && (b.lower === 'me' || b.lower === 'us') && c3?.pos === 'VERB' && c3.lower !== 'know') out.push('p:let-me');
  }
  if (lowers.includes('?') || c.text.includes('?')) out.push('p:question-mark');
  if (/!{2,}|\?{2,}|\?!|!\?/.test(c.text)) out.push('p:repeated-punct');
  if (t.some((x) => x.negated)) out.push('p:negated');
  if (shouts(c)) out.push('p:caps');
  return [...new Set(out)];
}

/** A word in capitals that is no name and no label the customer pressed ("select RESTORE"). */
function shouts(c: Clause): boolean {
  const caps = c.tokens.filter((x) => /^[A-Z]{3,}$/.test(x.text) && x.pos !== 'PROPN');
  if (!caps.length) return false;
  const labels = pressedLabels(c.text);
  return caps.some((x) => !labels.some(([s, e]) => x.start - c.start >= s && x.end - c.start <= e));
}

/** Words ("w:refund") and word pairs ("b:could_you") of a run of tokens; punctuation except ?/! dropped. */
export function ngrams(tokens: Token[], prefix = ''): string[] {
  const kept = tokens.filter((t) => t.pos !== 'PUNCT' || t.text === '?' || t.text === '!');
  // The name in a greeting ("Hi Dana") says nothing about the reply: one token for every name.
  const words = kept.map((t, i) => (i > 0 && GREETING.has(kept[i - 1]!.lower) && /^\p{Lu}/u.test(t.text) ? '<name>' : normal(t)));
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    out.push(`${prefix}w:${words[i]}`);
    if (i + 1 < words.length) out.push(`${prefix}b:${words[i]}_${words[i + 1]}`);
  }
  out.push(`${prefix}b:<s>_${words[0] ?? ''}`);
  return out;
}

/** Every feature of a clause: its words, pairs and parse flags. Negated words are marked ("w:!happy"). */
export const clauseFeatures = memoObject((c: Clause): readonly string[] => {
  const marked = c.tokens.map((t) => (t.negated && t.pos !== 'PART' && t.pos !== 'AUX' ? { ...t, lower: `!${t.lower}` } : t));
  return [...new Set([...ngrams(marked), ...clauseFlags(c)])];
});

/**
 * Word beginnings ("s:frust" for frustrated, frustrating, frustration): one feature for a word's
 * forms, where the words alone have too few examples of each. The upset model's only: it gained on
 * CV and the fresh dev part there (docs/checklist.md, twenty-fifth session); asks, next step and
 * acknowledges were flat or fell.
 */
export function wordBeginnings(text: string): string[] {
  const out: string[] = [];
  for (const [word] of text.toLowerCase().matchAll(/[\p{L}']+/gu)) if (word.length > 5) out.push(`s:${word.slice(0, 5)}`);
  return out;
}

/** The word of `text` a beginning feature ("s:frust") stands for, as written, or undefined. */
export function wordOfBeginning(feature: string, text: string): string | undefined {
  const start = feature.slice(2);
  for (const [word] of text.matchAll(/[\p{L}']+/gu)) if (word.length > 5 && word.toLowerCase().startsWith(start)) return word;
  return undefined;
}
