/** Personal recognition: the reply opens with the customer's preferred (else first) name. */
import { fail, na, pass, type CustomerName, type NotEnglish, type Rule, type RuleContext } from './types';
import { escapeRegExp, GREETING_WORDS, quote } from './text';
import { NAME, fold, greetingName } from './names';

export { greetingName };

function lastName(customer: CustomerName): string | undefined {
  const parts = customer.name?.trim().split(/\s+/) ?? [];
  const last = parts.length > 1 ? parts[parts.length - 1] : undefined;
  return last && NAME.test(last) ? last : undefined;
}

/** "Hi Dana", "Dear Mr. Smith": the salutation and the name after it. */
const SALUTED = new RegExp(`^(\\s*(?:${GREETING_WORDS})[ ,]+(?:(?:mr|mrs|ms|mx|dr|miss)\\.?\\s+)?)(\\p{Lu}[\\p{L}'’-]{1,30})(?=[\\s,!.:;]|$)`, 'iu');

/** What to open with: "“Hi Dana,”", or only the name in a reply not in English (no English salutation to offer). */
const opener = (name: string, notEnglish: NotEnglish | undefined) => (notEnglish?.draft ? `their name, “${name}”` : `“Hi ${name},”`);

/** Words after "Hi" that are not somebody's name. */
const NOT_A_NAME = new Set(['there', 'team', 'all', 'everyone', 'everybody', 'folks', 'again', 'friend', 'friends', 'customer', 'sir', 'madam', 'and', 'guys', 'both', 'you']);

/**
 * Another person's name in the salutation ("Hi Dana," to Sam: a macro or a reply from another
 * ticket), as its word and index in `opening`. A part of the customer's own name, or a short form
 * of it ("Sam" for Samantha), is not another name.
 */
function otherName(opening: string, customer: CustomerName, name: string): { word: string; index: number } | undefined {
  const m = SALUTED.exec(opening);
  const word = m?.[2];
  if (!m || !word || !/^\p{Lu}/u.test(word) || NOT_A_NAME.has(word.toLowerCase())) return undefined;
  const own = [name, ...(customer.name ?? '').split(/\s+/), ...(customer.preferredName ?? '').split(/\s+/)].map(fold).filter(Boolean);
  const w = fold(word);
  if (own.some((part) => part === w || (w.length >= 3 && part.startsWith(w)) || (part.length >= 3 && w.startsWith(part)))) return undefined;
  return { word, index: m[1]!.length };
}

export const greetsByName: Rule = {
  id: 'greets-by-name',
  standard: 'personal-recognition',
  label: 'Greets by name',
  reads: 'any',
  check(ctx) {
    const { draft, customer, notEnglish } = ctx;
    // Whom the helper offers: who wrote or signed the newest message, else the customer.
    const offer = customer.greetAs && NAME.test(customer.greetAs) ? customer.greetAs : undefined;
    const name = greetingName(customer) ?? offer;
    if (!name) return na('No usable name for this customer');
    const suggest = offer ?? name;
    const lead = /^\s*(.{0,80})/su.exec(draft)?.[1] ?? '';
    // The first sentence, not cut after a title's dot ("Hi Mr. Smith,", "Dear Dr. Rivera").
    const opening = lead.split(/\n|(?<!\b(?:Mr|Mrs|Ms|Mx|Dr|Prof))[.!?](?:\s|$)/i)[0] ?? '';
    const offset = draft.indexOf(opening);
    const find = (word: string, folded = false) => {
      const hay = folded ? fold(opening) : opening.toLowerCase();
      const needle = folded ? fold(word) : word.toLowerCase();
      const re = new RegExp(`(?<![\\p{L}])${escapeRegExp(needle)}(?![\\p{L}])`, 'u');
      const m = re.exec(hay);
      return m ? { start: offset + m.index, end: offset + m.index + word.length, text: draft.slice(offset + m.index, offset + m.index + word.length) } : undefined;
    };
    const exact = find(name);
    if (exact && exact.text === name) {
      // Quote the salutation only: up to the comma (or end) after the name.
      const after = draft.slice(exact.end).match(/^[^,\n.!?]{0,20}[,!]?/)?.[0] ?? '';
      return pass(`Greets by name: ${quote(draft.slice(offset, exact.end + after.length).trim())}`, [exact]);
    }
    if (exact) return fail(`Write the name as they do: “${name}”, not ${quote(exact.text)}`, [exact]);
    const folded = find(name, true);
    if (folded) return fail(`Spell the name as they do: “${name}”, not ${quote(folded.text)}`, [folded]);
    const last = lastName(customer);
    if (!customer.preferredName && last) {
      const titled = new RegExp(`\\b(?:Mr|Mrs|Ms|Mx|Dr)\\.?\\s+${escapeRegExp(last)}(?![\\p{L}])`, 'u').exec(opening);
      if (titled) {
        const start = offset + titled.index;
        return pass(`Greets by name: ${quote(titled[0])}`, [{ start, end: start + titled[0].length, text: titled[0] }]);
      }
    }
    if (customer.preferredName && customer.name && find(customer.name.split(/\s+/)[0] ?? '')) {
      return fail(`They go by “${name}”: open with ${opener(name, notEnglish)}`);
    }
    const writer = (customer.alsoWriting ?? []).map((n) => n.trim().split(/\s+/)[0] ?? '').filter((first) => NAME.test(first)).map((first) => find(first)).find(Boolean);
    if (writer) return pass(`Greets by name: ${quote(writer.text)}, who wrote their latest message`, [writer]);
    const wrong = otherName(opening, customer, name);
    if (wrong) {
      const start = offset + wrong.index;
      const who = customer.name?.trim() || name;
      return fail(`Greets “${wrong.word}”, but this is ${who}: open with ${opener(suggest, notEnglish)}`, [{ start, end: start + wrong.word.length, text: wrong.word }]);
    }
    const generic = /\b(?:dear (?:customer|sir|madam|user|valued customer)|hi there|hello there)\b/i.exec(opening);
    if (generic) {
      const start = offset + generic.index;
      return fail(`Generic greeting ${quote(generic[0])}: open with ${opener(suggest, notEnglish)}`, [{ start, end: start + generic[0].length, text: generic[0] }]);
    }
    const live = liveExchange(ctx);
    if (live) return na(`Mid-conversation: they answered your last reply ${live} — no new greeting needed`);
    return fail(`No greeting by name: open with ${opener(suggest, notEnglish)}`);
  },
};

/** How soon after the team's reply an answer makes the ticket a conversation under way, and how long it stays one. */
const LIVE_ANSWER_MS = 30 * 60_000;
const LIVE_FOR_MS = 2 * 3_600_000;

/**
 * A back-and-forth under way: they answered the team's last reply within half an hour, and that reply
 * is under two hours old. Nobody opens each line of a chat with "Hi Sam," (a one-line "Have a great
 * day!" in a 22-turn chat failed "Greets by name" on FreeScout); a greeting still passes, a wrong name
 * still fails. Says how soon they answered ("within 2 minutes"), or nothing.
 */
function liveExchange({ receivedAt, lastReplyAt, now }: RuleContext): string | undefined {
  if (receivedAt === undefined || lastReplyAt === undefined) return undefined;
  const answeredIn = receivedAt - lastReplyAt;
  if (answeredIn < 0 || answeredIn > LIVE_ANSWER_MS || now - lastReplyAt > LIVE_FOR_MS) return undefined;
  const minutes = Math.max(1, Math.round(answeredIn / 60_000));
  return `within ${minutes} minute${minutes === 1 ? '' : 's'}`;
}
