/** What to call a customer. Tiny on purpose: the content script uses it for the greeting helper. */
import type { CustomerName } from './types';

export const NAME = /^\p{L}[\p{L}\p{M}'’.-]*$/u;
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A title before a name ("Dr. Sam Rivera", "Mr Smith"). */
const TITLE = /^(?:mr|mrs|ms|mx|miss|dr|prof|sir|dame)\.?$/i;
/** What a helpdesk shows when it has no name: a role, a mailbox, a placeholder ("Customer", "noreply"). */
const NO_NAME = /^(?:customer|client|user|guest|visitor|unknown|anonymous|n\/?a|none|support|admin|info|sales|billing|help|team|contact|office|noreply|no-reply|donotreply|do-not-reply|mailer-daemon|postmaster)$/i;

/** "SAM" → "Sam": a name a form wrote in capitals; a name written in lower case is kept as written. */
const asWritten = (word: string) => (word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase() ? word[0] + word.slice(1).toLowerCase() : word);

/**
 * The word to greet a helpdesk's requester name with, as real pages write it: "Sam Rivera" → "Sam",
 * "Rivera, Sam" → "Sam", "Dr. Sam Rivera" → "Sam", "Mr Smith" → "Mr Smith", "SAM RIVERA" → "Sam",
 * "sam.rivera" (a mailbox's name) → "Sam"; none for an initial ("J. Smith"), an address or a role
 * ("Customer", "noreply"). Before, the sidebar offered "Insert “Hi Dr.,”".
 */
function fromName(full: string): string | undefined {
  if (full.includes('@')) return undefined;
  const comma = /^([^,\s]+),\s*([^,\s]+)$/.exec(full); // "Rivera, Sam"
  const words = comma ? [comma[2]!, comma[1]!] : full.split(/\s+/);
  if (TITLE.test(words[0] ?? '')) {
    if (words.length === 2 && NAME.test(words[1]!)) return `${words[0]} ${asWritten(words[1]!)}`;
    words.shift();
  }
  let first = words[0];
  // "sam.rivera", "sam_rivera": the name part of a mailbox.
  const box = first && /^(\p{Ll}{2,})[._](\p{Ll}+)$/u.exec(first);
  if (box) first = box[1]![0]!.toUpperCase() + box[1]!.slice(1);
  if (!first || !NAME.test(first) || NO_NAME.test(first) || /^\p{L}\.?$/u.test(first)) return undefined;
  return asWritten(first);
}

/** The name to greet with: preferred name, else the first name of the name; undefined when unusable. */
export function greetingName(customer: CustomerName): string | undefined {
  const preferred = customer.preferredName?.trim();
  if (preferred && NAME.test(preferred.split(/\s+/)[0] ?? '')) return preferred.split(/\s+/)[0];
  const full = customer.name?.trim();
  return full ? fromName(full) : undefined;
}
