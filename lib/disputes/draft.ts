/**
 * How long a "not right" on a checklist item holds (issue #12), pure and tiny (content script).
 *
 * A dispute is about one verdict on one draft: it holds while the draft is not empty and the rule's
 * verdict stays the one disputed — same state, same reason line, same evidence words. Typing that
 * does not change that verdict keeps the item quiet; an edit that changes it (the rule now judges
 * other words, or passes/fails differently), clearing the draft or sending the reply re-arms it.
 */
export interface JudgedItem {
  rule: string;
  state: string;
  why: string;
  evidence: { start?: number; end?: number; text: string }[];
}

export const verdictKey = (item: JudgedItem): string => [item.state, item.why, ...item.evidence.map((e) => e.text)].join('\u0000');

/** The disputes (rule → verdictKey) that still hold for `items` judged on `draft`. */
export function stillDisputed(disputed: ReadonlyMap<string, string>, items: JudgedItem[], draft: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!draft.trim()) return out;
  for (const item of items) {
    const key = disputed.get(item.rule);
    if (key !== undefined && key === verdictKey(item)) out.set(item.rule, key);
  }
  return out;
}
