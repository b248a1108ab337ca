/**
 * Presentation mode (screen sharing, training): customer names become initials, emails and phone
 * numbers are masked — everywhere a component shows customer identity. Components read it from
 * context so no prop has to be threaded through every view.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export const PresentationContext = createContext(false);

export const usePresentation = () => useContext(PresentationContext);

/** "Samantha Rivera" → "S. R." */
export function maskName(name: string): string {
  const letters = name
    .split(/\s+/)
    .map((part) => part.match(/\p{L}/u)?.[0])
    .filter(Boolean);
  return letters.length ? letters.map((l) => `${l!.toUpperCase()}.`).join(' ') : '•••';
}

/** "sam.rivera@example.com" → "s•••@e•••.com" */
export function maskEmail(email: string): string {
  const [user = '', domain = ''] = email.split('@');
  const dot = domain.lastIndexOf('.');
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${user.slice(0, 1)}•••@${host.slice(0, 1)}•••${tld}`;
}

/** Words of the customers' names on screen that `maskText` turns into initials (see `setMaskedNames`). */
let maskedWords = new Set<string>();
let namesPattern: RegExp | undefined;

const wordsOf = (names: readonly (string | undefined)[]) =>
  names.flatMap((name) => (name?.split(/[\s,]+/u) ?? []).map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').toLowerCase()).filter((w) => [...w].length >= 2));

function compile() {
  const alternatives = [...maskedWords].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  namesPattern = alternatives.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu') : undefined;
}

/**
 * The customer names presentation mode hides inside free text (#16): the checklist's "why" lines
 * ("Open with “Hi Sam,”"), cues, notes, the timeline. Each word of a name (two letters or more)
 * becomes its initial wherever it stands as a word: "Hi Sam," → "Hi S.,". A view that shows one
 * customer sets their names (full, preferred, as greeted) before it renders.
 */
export function setMaskedNames(names: readonly (string | undefined)[]): void {
  maskedWords = new Set(wordsOf(names));
  compile();
}

/** Adds names to those masked in free text (a page listing many customers, as it names each). */
export function addMaskedNames(names: readonly (string | undefined)[]): void {
  const fresh = wordsOf(names).filter((w) => !maskedWords.has(w));
  if (!fresh.length) return;
  for (const w of fresh) maskedWords.add(w);
  compile();
}

/** Masks email addresses, phone numbers and the customers' names (`setMaskedNames`) inside free text (notes, facts, subjects). */
export function maskText(text: string): string {
  const masked = text
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, (m) => maskEmail(m))
    .replace(/\+?\d[\d\s().-]{6,}\d/g, (m) => m.replace(/\d(?=[\d\s().-]{2})/g, '•'));
  return namesPattern ? masked.replace(namesPattern, (m) => `${[...m][0]!.toUpperCase()}.`) : masked;
}

/**
 * The names of the customer a sidebar state shows: as the page names them, as stored (full and
 * preferred) and as the greeting helper greets them — what `setMaskedNames` needs for one ticket.
 */
export function namesShown(state: {
  kind: string;
  customer?: { name?: string };
  panels?: { checklist?: { greeting?: string }; memory?: { context?: { customer: { name?: string; preferredName?: string } } } };
}): (string | undefined)[] {
  const stored = state.panels?.memory?.context?.customer;
  return [state.customer?.name, stored?.name, stored?.preferredName, state.panels?.checklist?.greeting?.match(/^Hi (.+),$/)?.[1]];
}
