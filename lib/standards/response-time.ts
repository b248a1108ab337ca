/** Prompt attention: time since the customer's last message against the team's target. */
import { fail, na, pass, type Rule } from './types';
import { responseTarget } from './pack';

/** "1 h 5 min", "12 min", "45 s". */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

export const responseTime: Rule = {
  id: 'response-time',
  standard: 'prompt-attention',
  label: 'Response time',
  reads: 'any',
  check({ receivedAt, now, standards, channel, priority }) {
    if (receivedAt === undefined || !Number.isFinite(receivedAt)) return na('When the customer wrote is unknown');
    const target = responseTarget(standards, channel, priority);
    const waited = Math.max(0, now - receivedAt);
    if (waited <= target) return pass(`${duration(target - waited)} left of the ${duration(target)} target`);
    return fail(`Target breached: customer waiting ${duration(waited)} (target ${duration(target)})`);
  },
};
