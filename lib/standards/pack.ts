/**
 * Standards packs: the team's service standards as versioned JSON (issue #4). Which rules are on,
 * their weights, which are critical, response-time targets, extra banned phrases, a required
 * sign-off and the knowledge-base domains. `parsePack` rejects a bad pack with the exact problem.
 */
import * as v from 'valibot';
import { RULE_IDS, type RuleId } from './rule-ids';

const RuleSettingsSchema = v.strictObject({
  on: v.boolean('must be true or false'),
  weight: v.pipe(v.number('must be a number'), v.minValue(0, 'must be 0 or more'), v.maxValue(10, 'must be at most 10')),
  critical: v.boolean('must be true or false'),
});

const minutes = v.pipe(
  v.number('must be a number of minutes'),
  v.integer('must be a whole number of minutes'),
  v.minValue(1, 'must be at least 1 minute'),
  v.maxValue(60 * 24 * 30, 'must be at most 30 days'),
);
const shortText = (max: number) => v.pipe(v.string('must be text'), v.trim(), v.minLength(1, 'cannot be empty'), v.maxLength(max, `must be at most ${max} characters`));

const ruleEntries = Object.fromEntries(RULE_IDS.map((id) => [id, v.optional(RuleSettingsSchema)])) as {
  [K in RuleId]: v.OptionalSchema<typeof RuleSettingsSchema, undefined>;
};

/** A team's wording of one rule's explanation: any of its four parts. */
const ExplanationSchema = v.strictObject({
  why: v.optional(shortText(600)),
  checks: v.optional(shortText(400)),
  good: v.optional(shortText(300)),
  weak: v.optional(shortText(300)),
});
const explanationEntries = Object.fromEntries(RULE_IDS.map((id) => [id, v.optional(ExplanationSchema)])) as {
  [K in RuleId]: v.OptionalSchema<typeof ExplanationSchema, undefined>;
};

export const PackSchema = v.strictObject({
  id: v.pipe(shortText(80), v.regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lower-case letters, digits, ".", "_" or "-"')),
  version: v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'must be 1 or more')),
  name: v.optional(shortText(120)),
  rules: v.strictObject(ruleEntries, (issue) => `unknown rule “${String(issue.input)}”; known rules: ${RULE_IDS.join(', ')}`),
  responseTime: v.strictObject({
    defaultMinutes: minutes,
    targets: v.pipe(
      v.array(
        v.strictObject({
          channel: v.optional(shortText(40)),
          priority: v.optional(shortText(40)),
          minutes,
        }),
        'must be a list',
      ),
      v.maxLength(50, 'at most 50 targets'),
    ),
  }),
  bannedPhrases: v.pipe(v.array(shortText(100), 'must be a list of phrases'), v.maxLength(200, 'at most 200 phrases')),
  signOff: v.optional(v.pipe(v.string('must be text'), v.trim(), v.maxLength(200, 'must be at most 200 characters'))),
  kbDomains: v.pipe(
    v.array(v.pipe(shortText(253), v.toLowerCase(), v.regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/[\w\-./]*)?$/, 'must be a domain like help.example.com')), 'must be a list of domains'),
    v.maxLength(50, 'at most 50 domains'),
  ),
  /**
   * Ask before sending (issue #16, meant for new agents): when a critical item fails and the agent
   * sends, Rapport asks "Send anyway / Keep editing" once. Absent means off.
   */
  askBeforeSending: v.optional(v.boolean('must be true or false')),
  /**
   * Whether a next step must say when (issue #12: "whether a when is given is a separate, weaker
   * signal: report it, and let the standards pack decide if it is required"). Absent means yes.
   */
  stepNeedsWhen: v.optional(v.boolean('must be true or false')),
  /**
   * The team's own words for "Why this matters" (issue #16: explanations editable per team), per
   * rule and per part; a part left out keeps Rapport's text (lib/standards/explain.ts).
   */
  explanations: v.optional(
    v.strictObject(explanationEntries, (issue) => `unknown rule “${String(issue.input)}”; known rules: ${RULE_IDS.join(', ')}`),
  ),
});

export type StandardsPack = v.InferOutput<typeof PackSchema>;
export interface RuleSettings {
  on: boolean;
  weight: number;
  critical: boolean;
}

const rule = (weight: number, critical = false): RuleSettings => ({ on: true, weight, critical });

/** The default pack: personal recognition, empathy, prompt attention, knowledge, respect, sincerity, follow-through, a warm close. */
export const DEFAULT_PACK: StandardsPack = {
  id: 'rapport-default',
  version: 1,
  name: 'Rapport default standards',
  rules: {
    'greets-by-name': rule(1),
    'acknowledges-feelings': rule(2, true),
    'answers-questions': rule(3),
    'next-step': rule(2),
    'knowledge-link': rule(1),
    'respectful-language': rule(3, true),
    'sincere-wording': rule(1),
    'confident-wording': rule(1),
    closing: rule(1),
    'response-time': rule(1),
    placeholders: rule(3, true),
    'follow-through': rule(2),
  },
  responseTime: {
    defaultMinutes: 240,
    targets: [
      { channel: 'chat', minutes: 5 },
      { priority: 'urgent', minutes: 60 },
      { priority: 'high', minutes: 120 },
      { channel: 'email', priority: 'low', minutes: 24 * 60 },
    ],
  },
  bannedPhrases: [],
  signOff: '',
  kbDomains: [],
};

/** Settings of one rule in a pack (rules a pack leaves out keep the default settings). */
export function ruleSettings(pack: StandardsPack, id: RuleId): RuleSettings {
  return pack.rules[id] ?? DEFAULT_PACK.rules[id] ?? rule(1);
}

/** The response-time target for a channel/priority: the most specific matching target wins. */
export function responseTarget(pack: StandardsPack, channel?: string, priority?: string): number {
  const c = channel?.toLowerCase();
  const p = priority?.toLowerCase();
  let best: { minutes: number; specificity: number } | undefined;
  for (const t of pack.responseTime.targets) {
    if (t.channel && t.channel.toLowerCase() !== c) continue;
    if (t.priority && t.priority.toLowerCase() !== p) continue;
    const specificity = (t.channel ? 2 : 0) + (t.priority ? 1 : 0);
    if (!best || specificity > best.specificity || (specificity === best.specificity && t.minutes < best.minutes)) best = { minutes: t.minutes, specificity };
  }
  return (best?.minutes ?? pack.responseTime.defaultMinutes) * 60_000;
}

export type PackParse = { ok: true; pack: StandardsPack } | { ok: false; error: string };

/** Parses a pack from JSON text (or an already parsed value). The error names the field and the problem. */
export function parsePack(json: unknown): PackParse {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      return { ok: false, error: `Not valid JSON: ${(error as Error).message}` };
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, error: 'Pack must be an object with id, version, rules, responseTime, bannedPhrases and kbDomains' };
  }
  const result = v.safeParse(PackSchema, value);
  if (result.success) return { ok: true, pack: result.output };
  const issue = result.issues[0];
  const path = issue?.path?.map((p) => String(p.key)).join('.');
  let message = issue?.message ?? 'invalid pack';
  if (issue?.kind === 'schema' && issue.type === 'strict_object' && issue.input === undefined) message = 'is missing';
  else if (/^Invalid key/.test(message)) message = `unknown field “${path?.split('.').pop()}”`;
  return { ok: false, error: path ? `${path}: ${message}` : message };
}

/** A pack as pretty JSON for export. */
export const exportPack = (pack: StandardsPack) => `${JSON.stringify(pack, null, 2)}\n`;
