/** Knowledge: every question or request in the customer's latest message(s) is addressed. */
import { fail, na, pass, type Question, type Rule } from './types';
import { keywords, quote } from './text';

/** Verbs that say little about what was asked: a request made only of them is met by any action. */
const WEAK = new Set(['look', 'check', 'help', 'fix', 'sort', 'assist', 'handl', 'send', 'get', 'use', 'mak', 'giv', 'tak', 'com', 'tri', 'quick', 'asap', 'someth', 'anyth', 'anyon', 'thing', 'team', 'confirm', 'statu', 'request', 'last', 'week', 'month', 'news', 'info', 'question', 'possibl', 'anyon', 'someon', 'hey', 'hello']);
const YES_NO = /\b(?:do|does|did|is|are|was|can|could|will|would|have|has|should|may)\s+(?:i|we|you|it|they|the|this|that|there|my|our|anyone|someone)\b|^\W*any\b/i;
const YES_NO_ANSWER = /\b(?:yes|no|yep|nope|of course|sure|absolutely|definitely|unfortunately|sadly|not yet|correct)\b/i;
const ACTION = /\b(?:i|we)(?:'ve| have|'ll| will| am| are|'m|'re)\s+(?:just\s+|now\s+|already\s+|going to\s+)?\w+(?:ed|ing)?\b|\b(?:is|are|it's) (?:back|fixed|done|resolved|restored|here|on (?:its|their) way|being \w+|investigating|looking|working)\b|\b(?:will|'ll) (?:\w+\s+)?(?:arrive|be|ship|update|follow|send|resume)\b|^\W*(?:please|just)\s+\w+|[.!?\n,]\s*(?:please|just)\s+\w+|\b(?:go to|open|click|clear|reconnect|reset|enable|choose|select)\b/im;

/** Marks each question answered when the draft takes up what it is about. */
export function markAnswered(questions: Question[], draft: string): Question[] {
  const said = keywords(draft);
  const acted = ACTION.test(draft);
  const yesNo = YES_NO_ANSWER.test(draft);
  return questions.map((q) => {
    const asked = [...keywords(q.text)];
    const strong = asked.filter((k) => !WEAK.has(k));
    const sharedStrong = strong.filter((k) => said.has(k)).length;
    let answered: boolean;
    if (!strong.length || q.implicit) answered = acted || yesNo || sharedStrong > 0 || asked.some((k) => said.has(k));
    else if (strong.length <= 6) answered = sharedStrong >= 1;
    else answered = sharedStrong >= Math.max(2, Math.ceil(strong.length * 0.25));
    if (!answered && yesNo && YES_NO.test(q.text) && strong.length <= 4) answered = true;
    return { ...q, answered };
  });
}

export const answersQuestions: Rule = {
  id: 'answers-questions',
  standard: 'knowledge',
  label: 'Answers every question',
  check({ questions }) {
    if (!questions.length) return na('No question in the customer’s latest message');
    const open = questions.filter((q) => !q.answered);
    if (!open.length) return pass(`Addresses all ${questions.length === 1 ? 'the question' : `${questions.length} questions`}`);
    return fail(`${open.length} of ${questions.length} not addressed: ${quote(open[0]!.text, 70)}`);
  },
};
