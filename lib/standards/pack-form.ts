/**
 * Plain-words checks for the options page's standards form (#14): each problem is keyed by the field
 * it belongs to, so the page shows it next to that field ("Weight goes from 0 to 10"), never as a
 * schema path ("rules.closing.weight: must be at most 10"). `parsePack` still guards every save.
 */
import { RULES } from './rules';
import { ruleSettings, type StandardsPack } from './pack';

/** Channels and priorities a target can name (the words helpdesks use); a pack may carry others. */
export const CHANNELS = ['email', 'chat', 'web', 'phone', 'messaging', 'social'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

const MAX_MINUTES = 60 * 24 * 30;
const DOMAIN = /^(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/[\w\-./]*)?$/;

/** Field key → what is wrong, in words an agent or lead would use. Empty when the form can be saved. */
export function formProblems(draft: StandardsPack): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of RULES) {
    const { weight } = ruleSettings(draft, rule.id);
    if (!Number.isFinite(weight) || weight < 0 || weight > 10) out[`weight:${rule.id}`] = 'Weight goes from 0 (doesn’t count) to 10.';
  }
  const minutesProblem = (m: number) =>
    !Number.isInteger(m) || m < 1 ? 'Enter a whole number of minutes, 1 or more.' : m > MAX_MINUTES ? 'A target can be at most 30 days (43,200 minutes).' : undefined;
  const defaultProblem = minutesProblem(draft.responseTime.defaultMinutes);
  if (defaultProblem) out.defaultMinutes = defaultProblem;
  const seen = new Map<string, number>();
  draft.responseTime.targets.forEach((t, i) => {
    const m = minutesProblem(t.minutes);
    if (m) out[`target:${i}:minutes`] = m;
    if (!t.channel && !t.priority) out[`target:${i}`] = 'Choose a channel, a priority or both; the default target covers every other reply.';
    const key = `${t.channel ?? ''}|${t.priority ?? ''}`;
    if (seen.has(key)) out[`target:${i}`] = `Same channel and priority as target ${seen.get(key)! + 1}; remove one.`;
    else seen.set(key, i);
  });
  const badDomain = draft.kbDomains.find((d) => !DOMAIN.test(d.toLowerCase()));
  if (badDomain) out.kbDomains = `“${badDomain}” isn’t a domain; write it like help.example.com.`;
  if (draft.kbDomains.length > 50) out.kbDomains = 'At most 50 domains.';
  const longPhrase = draft.bannedPhrases.find((p) => p.length > 100);
  if (longPhrase) out.bannedPhrases = `“${longPhrase.slice(0, 30)}…” is longer than 100 characters; shorten it.`;
  if (draft.bannedPhrases.length > 200) out.bannedPhrases = 'At most 200 phrases.';
  if ((draft.signOff ?? '').length > 200) out.signOff = 'Keep the sign-off under 200 characters.';
  return out;
}
