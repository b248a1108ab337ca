/**
 * Scenario packs as files (issue #16): validated like bundles. A file is refused whole with one
 * plain sentence naming the problem; nothing is stored unless every scenario in it is valid.
 */
import { isTimeZone } from '../../components/intl';
import * as v from 'valibot';
import { PRINCIPLE_IDS, type Scenario } from './types';
import { issuePath } from '../exchange/read';

export const SCENARIO_PACK_FORMAT = 'rapport-scenarios';
export const SCENARIO_PACK_VERSION = 1;
export const MAX_PACK_BYTES = 2 * 1024 * 1024;
export const MAX_SCENARIOS = 200;

const str = (max: number, what = 'text') =>
  v.pipe(v.string(`must be ${what}`), v.trim(), v.minLength(1, 'cannot be empty'), v.maxLength(max, `must be at most ${max} characters`));
const optStr = (max: number) => v.optional(v.pipe(v.string('must be text'), v.trim(), v.maxLength(max, `must be at most ${max} characters`)));
const int = (min: number, max: number) => v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(min, `must be ${min} or more`), v.maxValue(max, `must be at most ${max}`));
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item, 'must be a list'), v.maxLength(max, `at most ${max} entries`));

export const ScenarioSchema = v.strictObject({
  id: v.pipe(str(80), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes')),
  title: str(120),
  principle: v.picklist(PRINCIPLE_IDS, `must be one of: ${PRINCIPLE_IDS.join(', ')}`),
  why: str(2000),
  strongReply: list(str(400), 12),
  modelAnswer: str(6000),
  subject: str(200),
  channel: v.picklist(['email', 'chat'], 'must be email or chat'),
  customer: v.strictObject({
    name: str(120),
    email: v.pipe(str(200), v.email('must be an email address')),
    preferredName: optStr(80),
    pronunciation: optStr(80),
    timeZone: v.optional(v.pipe(v.string('must be text'), v.check(isTimeZone, 'must be a time zone like Europe/Oslo'))),
    organization: optStr(120),
    tier: optStr(60),
    vip: v.optional(v.boolean('must be true or false')),
    customerForDays: int(0, 36500),
    importantDates: v.optional(list(v.strictObject({ label: str(80), inDays: int(-366, 366) }), 10)),
  }),
  thread: v.pipe(
    list(v.strictObject({ from: v.picklist(['customer', 'agent'], 'must be customer or agent'), text: str(6000), minutesAgo: int(0, 525600), author: optStr(80) }), 30),
    v.check((t) => t.some((m) => m.from === 'customer'), 'needs at least one message from the customer'),
    v.check((t) => t.at(-1)?.from === 'customer', 'must end with the customer’s message the trainee answers'),
  ),
  history: list(v.strictObject({ ticketId: v.pipe(str(20), v.regex(/^[A-Za-z0-9-]+$/, 'must be letters, digits or dashes')), subject: str(200), daysAgo: int(0, 36500), solved: v.boolean('must be true or false'), mood: v.optional(int(-5, 5)), tags: v.optional(list(str(40), 10)) }), 30),
  facts: list(v.strictObject({ text: str(300), daysAgo: int(0, 36500), mentionNext: v.boolean('must be true or false') }), 20),
  promises: list(v.strictObject({ text: str(300), dueInMinutes: int(-525600, 525600) }), 10),
  localClock: v.optional(v.pipe(v.string(), v.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 23:40'))),
});


export const ScenarioPackSchema = v.strictObject({
  format: v.literal(SCENARIO_PACK_FORMAT, 'this is not a Rapport scenario pack'),
  version: v.literal(SCENARIO_PACK_VERSION, `only version ${SCENARIO_PACK_VERSION} scenario packs can be read`),
  exportedAt: v.optional(v.pipe(v.string(), v.isoTimestamp('must be a date and time'))),
  scenarios: v.pipe(
    list(ScenarioSchema, MAX_SCENARIOS),
    v.minLength(1, 'the pack has no scenarios'),
    v.check((s) => new Set(s.map((x) => x.id)).size === s.length, 'two scenarios have the same id'),
  ),
});

export type ScenarioParse = { ok: true; scenario: Scenario } | { ok: false; error: string };
export type PackParse = { ok: true; scenarios: Scenario[] } | { ok: false; error: string };

function describe(issue: v.BaseIssue<unknown>): string {
  const path = issuePath(issue);
  let message = issue.message;
  if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.input !== undefined && issue.path?.length) message = 'this field is not part of a scenario';
  else if (issue.kind === 'schema' && issue.input === undefined) message = 'is missing';
  return path ? `${path}: ${message}` : message;
}

/** `__proto__` and `constructor` keys anywhere: refused outright (they would reach object prototypes). */
function hostileKey(value: unknown, depth = 0): string | undefined {
  if (depth > 20 || !value || typeof value !== 'object') return undefined;
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') return key;
    const found = hostileKey((value as Record<string, unknown>)[key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

export function parseScenario(value: unknown): ScenarioParse {
  const bad = hostileKey(value);
  if (bad) return { ok: false, error: `The scenario contains a field named “${bad}”, which Rapport never writes.` };
  const result = v.safeParse(ScenarioSchema, value);
  return result.success ? { ok: true, scenario: result.output as Scenario } : { ok: false, error: describe(result.issues[0]!) };
}

/** Reads a scenario pack file's text. Never throws; the error is one sentence for the trainer. */
export function parseScenarioPack(text: string): PackParse {
  if (text.length > MAX_PACK_BYTES) return { ok: false, error: `This file is larger than ${MAX_PACK_BYTES / 1024 / 1024} MB: not a scenario pack.` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: text.trim() ? 'This file is not valid JSON: is it a Rapport scenario pack?' : 'This file is empty.' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: 'This is not a Rapport scenario pack (expected an object with “format” and “scenarios”).' };
  const bad = hostileKey(value);
  if (bad) return { ok: false, error: `Refused: the file contains a field named “${bad}”, which Rapport never writes.` };
  const result = v.safeParse(ScenarioPackSchema, value);
  if (!result.success) return { ok: false, error: `Refused: ${describe(result.issues[0]!)}. Nothing was imported.` };
  return { ok: true, scenarios: result.output.scenarios as Scenario[] };
}

/** A scenario pack file's text. */
export function exportScenarioPack(scenarios: readonly Scenario[], now: number): string {
  const pack = { format: SCENARIO_PACK_FORMAT, version: SCENARIO_PACK_VERSION, exportedAt: new Date(now).toISOString(), scenarios: scenarios.map(plain) };
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/** Only the scenario's own fields (not stored bookkeeping such as `source`). */
export function plain(s: Scenario): Scenario {
  const { id, title, principle, why, strongReply, modelAnswer, subject, channel, customer, thread, history, facts, promises, localClock } = s;
  return { id, title, principle, why, strongReply, modelAnswer, subject, channel, customer, thread, history, facts, promises, ...(localClock ? { localClock } : {}) };
}
