/**
 * The engine's speed-ups keep its verdicts (6 Dec 2026): phrase lists found without a leading
 * lookbehind, answers kept per argument, an ask written twice judged once.
 */
import { findAllInOrder, findPhrases, firstInOrder } from '../../../lib/standards/text';
import { memoText } from '../../../lib/standards/memo';
import { evaluateReply } from '../../../lib/standards/engine';
import { customerCueSpans, trailingOff } from '../../../lib/standards/cues';
import { judgeAddressed } from '../../../lib/standards/judge';
import { DEFAULT_PACK } from '../../../lib/standards/pack';

/** The pattern findPhrases stands for: whole words by lookbehind and lookahead. */
function byLookbehind(text: string, phrases: string[]) {
  const escaped = phrases.map((p) => p.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+').replace(/'/g, "['’]"));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return [...text.matchAll(re)].filter((m) => m[0]).map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0] }));
}

describe('findPhrases', () => {
  const phrases = ['as I said', 'as I said before', 'maybe', 'sorry for any inconvenience', 'I think', "you're wrong", 'kind of'];
  it('finds whole words only, and goes on after a match inside a word', () => {
    expect(findPhrases('unmaybe, maybe not; xas I said as I said before', phrases).map((h) => h.text)).toEqual(['maybe', 'as I said']);
    expect(findPhrases('Maybe?', phrases).map((h) => h.start)).toEqual([0]);
    expect(findPhrases('𝐀maybe 1maybe _maybe', phrases).map((h) => h.start)).toEqual([16]); // "_" is no letter
  });
  it('gives the same matches as a leading lookbehind on random text', () => {
    const bits = ['as', ' ', 'I', 'said', 'before', 'may', 'be', 'maybe', 'x', '𝐀', '1', '.', 'sorry for any inconvenience', 'kind of', 'You’re wrong', 'I  think', '\n', 'é'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: 1 + (next() % 30) }, () => bits[next() % bits.length]).join(next() % 2 ? '' : ' ');
      expect(findPhrases(text, phrases)).toEqual(byLookbehind(text, phrases));
    }
  });
});

describe('firstInOrder', () => {
  const patterns = [/\bwe(?:'ll| will) \w+/gi, /\bplease \w+/gi, /\b(?:by|within) (?:friday|\d+ days)\b/gi, /x*/g];
  it('takes the first accepted match in text order, as findAllInOrder lists them', () => {
    const bits = ["we'll send", 'please try', 'by Friday', 'within 3 days', 'x', ' ', '.', 'We will', 'please', 'ok'];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 1000; n++) {
      const text = Array.from({ length: 1 + (next() % 20) }, () => bits[next() % bits.length]).join(' ');
      const skip = next() % 3; // accept only from the skip-th match on
      let seen = 0;
      const accept = (h: { start: number; text: string }) => (seen++ >= skip ? h : undefined);
      const want = findAllInOrder(text, patterns)[skip];
      // `accept` may search with the same patterns (step-phrases does): the search must not lose its place.
      const searchesAgain = (h: { start: number; text: string }) => (firstInOrder(text, patterns, () => undefined), accept(h));
      expect(firstInOrder(text, patterns, searchesAgain), text).toEqual(want);
    }
  });
});

describe('memoText', () => {
  it('keys by every argument and keeps the last few answers', () => {
    let calls = 0;
    const joined = memoText((a: string, b: string) => ({ v: `${a}|${b}`, n: ++calls }), 2);
    const first = joined('ab', 'c');
    expect(joined('ab', 'c')).toBe(first);
    expect(joined('a', 'bc').v).toBe('a|bc'); // not mistaken for ("ab", "c")
    expect(calls).toBe(2);
    joined('x', 'y'); // the oldest, ("ab", "c"), is forgotten
    expect(joined('a', 'bc').n).toBe(2);
    expect(joined('ab', 'c')).not.toBe(first);
    expect(calls).toBe(4);
  });
});

describe('an ask written twice word for word', () => {
  it('is listed and judged once, beside the other asks only', () => {
    const a = 'Can you tell me when the refund will arrive?';
    const b = 'Which plan includes SSO?';
    const customer = `${a} ${b} ${a}`;
    // Counted as another ask, the twin turned "The refund is on its way." from no (0.29) to yes (0.31) on 6 Dec.
    // (Between the twins the model finds no ask in "Which plan includes SSO?": the others come from what it found.)
    for (const draft of ['Hi Dana, the Business plan includes SSO. Thanks!', 'The refund is on its way.']) {
      const e = evaluateReply({ draft, customerMessages: [customer], customer: { name: 'Dana' }, standards: DEFAULT_PACK, now: 0 });
      // Since 6 Dec (22nd session) the twin is the same ask said twice (askedOnce): one entry, judged beside the others only.
      const twice = e.questions.filter((q) => q.text === a);
      expect(twice).toHaveLength(1);
      const others = e.questions.filter((q) => q.text !== a).map((q) => q.text);
      const alone = judgeAddressed(a, draft, customer, others).yes;
      expect(twice.map((q) => q.answered)).toEqual([alone]);
    }
  });
});

describe('the sarcasm cue: a trailing-off found by its dots', () => {
  // The pattern before: the words before the dots inside the regex, tried at every position (0.9 ms per new message).
  const BEFORE = /\b(?:yeah right|thanks a lot|great job|well done|way to go|so much for|good luck with)\b|[-–—]\s*not\b(?=\s*(?:[.!?]|$))|#\w*(?:never|fail|worst|shame)\w*|\b(?:indeed|of course)\b[.!]*\s*$|(?:\b[^.!?\n…]{0,60})?\.{3,}\s*$|\bwow\b/im;
  it('quotes the same words as the pattern before, on random text', () => {
    const bits = ['wow', '...', ' of course', '....', 'Nice thing', '\n', '!', '?', ' ', 'a', '…', ' indeed.', 'great job', '- not', ' word', 'x...', '.. ', '#neverAgain', '  ', 'é'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: 1 + (next() % 30) }, () => bits[next() % bits.length]).join('');
      const m = BEFORE.exec(text);
      const sarcasm = customerCueSpans(text).filter((c) => BEFORE.test(c.text) && c.start === m?.index);
      expect(m ? sarcasm.map((c) => c.text) : []).toEqual(m ? [m[0]] : []);
    }
  });
  it('quotes the sentence that trails off, not the dots', () => {
    expect(customerCueSpans('It took ten minutes to load. Nice thing you have got going here...').map((c) => c.text)).toContain('Nice thing you have got going here...');
    expect(trailingOff('ok...', 2)).toBe(0);
    expect(trailingOff('ok. ...', 4)).toBe(4);
  });
});
