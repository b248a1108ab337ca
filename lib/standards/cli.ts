/**
 * The line handler of the offline evaluator (`npm run --silent evaluate < in.jsonl > out.jsonl`):
 * one JSON object in, one JSON object out. A malformed line answers `{ id, error }`; it never throws.
 */
import * as v from 'valibot';
import { evaluateReply } from './engine';
import { DEFAULT_PACK, type StandardsPack } from './pack';
import type { Evidence, Mood, Question, RuleResult } from './types';

const when = v.union([v.pipe(v.number(), v.finite()), v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 time'))], 'must be epoch milliseconds or an ISO 8601 time');
const message = v.pipe(v.string('must be text'), v.maxLength(50_000, 'is longer than 50,000 characters'));

const LineSchema = v.pipe(
  v.looseObject({
    id: v.optional(v.union([v.string(), v.number()])),
    draft: message,
    customerMessage: v.optional(message),
    customerMessages: v.optional(v.pipe(v.array(message, 'must be a list of texts'), v.maxLength(200))),
    customer: v.optional(
      v.looseObject({ name: v.optional(v.string('must be text')), preferredName: v.optional(v.string('must be text')) }),
      {},
    ),
    receivedAt: v.optional(when),
    lastReplyAt: v.optional(when),
    now: v.optional(when),
    channel: v.optional(v.string()),
    priority: v.optional(v.string()),
    openPromises: v.optional(v.array(v.looseObject({ text: v.string(), dueAt: v.optional(v.number()) }))),
  }),
  v.check((line) => line.customerMessage !== undefined || line.customerMessages !== undefined, 'needs "customerMessage" or "customerMessages"'),
);

export interface EvaluatedLine {
  id: string | number | null;
  results: { rule: RuleResult['rule']; state: RuleResult['state']; why: string; evidence: Evidence[] }[];
  questions: Question[];
  mood: Mood;
}
export interface ErrorLine {
  id: string | number | null;
  error: string;
}

const toMillis = (t: number | string | undefined) => (t === undefined ? undefined : typeof t === 'number' ? t : Date.parse(t));

/** Handles one input line. `lineNo` (1-based) names the line in errors when it has no id. */
export function evaluateLine(line: string, lineNo: number, standards: StandardsPack = DEFAULT_PACK, clock: () => number = Date.now): EvaluatedLine | ErrorLine | undefined {
  if (!line.trim()) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (error) {
    return { id: null, error: `line ${lineNo}: not valid JSON (${(error as Error).message})` };
  }
  const id = raw && typeof raw === 'object' && 'id' in raw && (typeof raw.id === 'string' || typeof raw.id === 'number') ? raw.id : null;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { id, error: `line ${lineNo}: expected a JSON object` };
  const parsed = v.safeParse(LineSchema, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue?.path?.map((p) => String(p.key)).join('.');
    return { id, error: `line ${lineNo}: ${path ? `${path} ` : ''}${issue?.message ?? 'invalid'}`.replace(/Invalid type: Expected (\w+) but received/, 'expected $1, got') };
  }
  const input = parsed.output;
  const evaluation = evaluateReply({
    draft: input.draft,
    customerMessages: input.customerMessages ?? [input.customerMessage ?? ''],
    customer: { name: input.customer.name, preferredName: input.customer.preferredName },
    standards,
    now: toMillis(input.now) ?? clock(),
    receivedAt: toMillis(input.receivedAt),
    lastReplyAt: toMillis(input.lastReplyAt),
    channel: input.channel,
    priority: input.priority,
    openPromises: input.openPromises,
  });
  return {
    id,
    results: evaluation.results.map(({ rule, state, why, evidence }) => ({ rule, state, why, evidence })),
    questions: evaluation.questions,
    mood: { label: evaluation.mood.label, score: evaluation.mood.score, evidence: evaluation.mood.evidence, reasons: evaluation.mood.reasons ?? [], sure: evaluation.mood.sure ?? false },
  };
}
