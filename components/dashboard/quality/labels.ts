import type { StandardsPack } from '@/lib/standards/pack';
import { duration } from '@/lib/standards/response-time';
import { joinWords } from '../../format';

export const ruleLabel = (id: string) => id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
export const pct = (x: number) => `${Math.round(x * 100)}%`;

/** "chat 5 min, urgent 1 h, email and low priority 1 day; otherwise 4 h". */
export function describeTargets(pack: StandardsPack): string {
  const each = pack.responseTime.targets.map((t) => {
    const what = [t.channel, t.priority && `${t.priority} priority`].filter(Boolean).join(' and ') || 'any reply';
    return `${what} ${duration(t.minutes * 60_000)}`;
  });
  const otherwise = `${each.length ? 'otherwise ' : ''}${duration(pack.responseTime.defaultMinutes * 60_000)}`;
  return each.length ? `${joinWords(each)}; ${otherwise}` : otherwise;
}
