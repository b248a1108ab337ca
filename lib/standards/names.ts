/** What to call a customer. Tiny on purpose: the content script uses it for the greeting helper. */
import type { CustomerName } from './types';

export const NAME = /^\p{L}[\p{L}\p{M}'’.-]*$/u;
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The name to greet with: preferred name, else the first word of the name; undefined when unusable. */
export function greetingName(customer: CustomerName): string | undefined {
  const preferred = customer.preferredName?.trim();
  if (preferred && NAME.test(preferred.split(/\s+/)[0] ?? '')) return preferred.split(/\s+/)[0];
  const first = customer.name?.trim().split(/\s+/)[0];
  if (!first || first.includes('@') || !NAME.test(first)) return undefined;
  return first;
}

