import type { Customer } from '@/lib/db/types';
import { addMaskedNames, maskEmail, maskName, maskText } from '../presentation';

/** How a customer is named on screen, masked in presentation mode. */
export function displayName(c: Customer | undefined, masked: boolean): string {
  const name = c?.displayName ?? c?.name ?? c?.emails[0] ?? 'Unknown customer';
  if (!masked) return name;
  addMaskedNames([c?.name, c?.displayName, c?.preferredName]); // and inside notes and timelines (#16)
  return c?.displayName ?? c?.name ? maskName(name) : maskEmail(name);
}

export const showEmail = (email: string, masked: boolean) => (masked ? maskEmail(email) : email);
export const showText = (text: string, masked: boolean) => (masked ? maskText(text) : text);
export const fromWho = (author: string | undefined) => (author ? `from ${author}` : 'you');

/** Dates as every Rapport surface writes them (components/format.ts). */
export { formatDate as day, dayTime } from '../format';
