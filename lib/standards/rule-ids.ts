/** The checklist's rules, by id (issue #4): the one list every pack, report and import is checked against. */
export const RULE_IDS = [
  'greets-by-name',
  'acknowledges-feelings',
  'answers-questions',
  'next-step',
  'knowledge-link',
  'respectful-language',
  'sincere-wording',
  'confident-wording',
  'closing',
  'response-time',
  'placeholders',
  'follow-through',
] as const;
export type RuleId = (typeof RULE_IDS)[number];
