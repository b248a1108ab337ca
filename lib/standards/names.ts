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

/** A sign-off alone on its line ("Thanks,", "Much thanks,", "Kind regards", "Cheers -"). */
const SIGN_OFF_LINE = /^(?:(?:many|much|big|best|kind|warm|warmest|with|all the)\s+)*(?:thanks|thank you|thx|regards|cheers|best|sincerely|wishes|rgds|greetings|cordially|respectfully|thanks again|thanks in advance)[\s,.;:!–—-]*$/i;
/** A word on the name line that makes it no person's name ("Acme Inc", "The Smiths", "Sent from my iPhone"). */
const NOT_A_PERSON = /^(?:the|sent|from|get|my|our|your|team|support|inc|ltd|llc|gmbh|co|corp|company|family|department|dept|office)$/i;
/** Another mail quoted in the message: its sign-off may be somebody else's (ours, often). */
const QUOTED = /^\s*>|\bwrote:\s*$|^-{2,}\s*original message|^(?:from|sent|von|de):\s/im;

/**
 * Who signed the message: the name on the line after a sign-off that is alone on its line, the
 * message's last two lines ("Much thanks,\nDavid"). Not "Thanks John!" on one line (it may thank the
 * agent), not a message quoting another mail (its sign-off may be ours), not a line that is no
 * person's name ("Sent from my iPhone", "Acme Inc").
 */
export function signedName(message: string): string | undefined {
  if (message.length > 20_000 || QUOTED.test(message)) return undefined;
  const [off, name] = message.split('\n').map((l) => l.trim()).filter(Boolean).slice(-2);
  if (!off || !name || !SIGN_OFF_LINE.test(off)) return undefined;
  const words = name.replace(/[.!]+$/, '').split(/\s+/);
  if (words.length > 2 || words.some((w) => NOT_A_PERSON.test(w) || !/^\p{Lu}/u.test(w))) return undefined;
  return fromName(words.join(' '));
}
