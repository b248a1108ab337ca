import type { Customer } from '@/lib/db/types';
import { maskEmail, maskName, maskText } from '../presentation';

/** How a customer is named on screen, masked in presentation mode. */
export function displayName(c: Customer | undefined, masked: boolean): string {
  const name = c?.displayName ?? c?.name ?? c?.emails[0] ?? 'Unknown customer';
  if (!masked) return name;
  return c?.displayName ?? c?.name ? maskName(name) : maskEmail(name);
}

export const showEmail = (email: string, masked: boolean) => (masked ? maskEmail(email) : email);
export const showText = (text: string, masked: boolean) => (masked ? maskText(text) : text);
export const fromWho = (author: string | undefined) => (author ? `from ${author}` : 'you');

/** Dates as every Rapport surface writes them (components/format.ts). */
export { formatDate as day, dayTime } from '../format';
