/**
 * Bounded work (issue #15): the engine's time on pathological drafts and messages (target: at most
 * 50 ms a call). The caps (lib/standards/judge-features.ts LIMITS) keep each evaluation linear in
 * bounded text.   npx vite-node scripts/bench-bounds.ts → JSON (median of five calls per case)
 */
import { performance } from 'node:perf_hooks';
import { evaluateReply } from '../lib/standards/engine';
import { DEFAULT_PACK } from '../lib/standards/pack';

const distinctQuestions = (n: number, seed: number) =>
  Array.from({ length: n }, (_, i) => `Can you tell me why order ${seed * 10_000 + i} shows status ${(i * 7919) % 1000}?`).join(' ');

const CASES: [string, string[], string][] = [
  ['repeated questions', ['Can you help me? '.repeat(1200)], 'Hi, sure. '.repeat(300)],
  ['no spaces', ['x'.repeat(20_000)], 'y'.repeat(20_000)],
  ['one 20,000-character line of words', ['refund please now '.repeat(1100)], 'We will refund it today '.repeat(800)],
  ['emoji', ['😡🔥 why?? '.repeat(2500)], '🙏 sorry '.repeat(2000)],
  ['20 messages × 20,000 characters of distinct questions', Array.from({ length: 20 }, (_, m) => distinctQuestions(20_000 / 60, m).slice(0, 20_000)), distinctQuestions(50, 99)],
  // Mail-shaped: every line a header field, every paragraph a signature's (lib/standards/mail-text.ts, mail-footer.ts).
  ['20,000 characters of header fields', [`Hi,\n\n${'From: Sam\nDate: today\n'.repeat(800)}`.slice(0, 20_000)], `Hi Sam,\n\n${'-- \nSam\n\n'.repeat(1500)}`],
  ['20,000 characters of "again" (each one read for a repeat claim)', ['This is ridiculous, it broke again and I opened it again. '.repeat(345).slice(0, 20_000)], 'Sorry. '.repeat(100)],
  ['20,000 characters of signature blocks', [`Hi,\n\n${'Sam Rivera\nAcme Ltd\nTel: 0800 123 456\n\n'.repeat(600)}`.slice(0, 20_000)], 'Hi Sam, sorry. '.repeat(100)],
  ['a draft of 20,000 characters against a long message', [distinctQuestions(300, 1)], "I'm so sorry. I've refunded it; you'll see it within 3 days. ".repeat(330)],
];

function time(customerMessages: string[], draft: string): number {
  const t0 = performance.now();
  evaluateReply({ draft, customerMessages, customer: { name: 'Dana' }, standards: DEFAULT_PACK, now: 0 });
  return performance.now() - t0;
}

const median = (xs: number[]) => Math.round(xs.sort((a, b) => a - b)[2]! * 10) / 10;
const cases = CASES.map(([name, messages, draft]) => {
  time(messages, draft); // parser warm-up, as after the worker starts
  const newMessage = median([1, 2, 3, 4, 5].map((i) => time([...messages.slice(0, -1), `${messages.at(-1)} ${i}`], draft)));
  const typed = median([1, 2, 3, 4, 5].map((i) => time([...messages.slice(0, -1), `${messages.at(-1)} 5`], `${draft}${'z'.repeat(i)}`)));
  return { name, newMessageMs: newMessage, draftTypedMs: typed };
});
console.log(JSON.stringify({ budgetMs: 50, cases }, null, 2));
