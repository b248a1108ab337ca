/**
 * Rapport's wording for views: helpdesk names, the visit line, note dates, missing fields. Dates,
 * times, numbers and plurals come from components/intl.ts (re-exported here), the one Intl module.
 */
import type { HelpdeskId, ReadableField } from '../lib/helpdesks/types';
import { adapterById, adapters } from '../lib/helpdesks';
import type { VisitSummary } from '../lib/messages';
import { daysAgo, formatDate, formatNumber, relativeDays, timesWord } from './intl';

export * from './intl';

/** "Zendesk" (the adapter's label); an id no adapter has is shown as is. */
export const helpdeskLabel = (id: HelpdeskId): string => adapterById(id)?.label ?? (id === 'custom' ? 'Custom helpdesk' : id);

/** "Zendesk or Freshdesk": every registered helpdesk's label, for hints such as "Open a … ticket". */
export const helpdeskNames = (): string => {
  const labels = adapters.map((a) => a.label);
  return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}` : (labels[0] ?? '');
};

/** "#123"; tolerates ids that already carry the hash. */
export const ticketLabel = (ticketId: string): string => (ticketId.startsWith('#') ? ticketId : `#${ticketId}`);

/** "today", "yesterday", "3 days ago" within the last week; undefined otherwise (or in the future). */
export function relativeDay(at: number, now: number): string | undefined {
  const d = daysAgo(at, now);
  if (!(d >= 0 && d <= 6)) return undefined;
  return relativeDays(-d);
}

/** The visit line under the customer's name. */
export function describeVisits(history: VisitSummary | undefined, now: number, locale?: string): string {
  if (!history) return 'Looking up history…';
  if (history.ticketsSeen <= 0 && history.checking) return "Checking the helpdesk's history…";
  if (history.ticketsSeen <= 0) return history.customerSaysRepeat ? 'New to Rapport — they say it is not the first time' : 'First time we see this customer';
  const seen = history.ticketsSeenCapped ? `Seen ${formatNumber(history.ticketsSeen)}+ times` : `Seen ${timesWord(history.ticketsSeen)}`;
  if (history.lastSeen === undefined) return seen;
  const rel = relativeDay(history.lastSeen, now);
  return `${seen}, last on ${formatDate(history.lastSeen, locale)}${rel ? ` (${rel})` : ''}`;
}

/** A note's date: "today", "yesterday", else the date. */
export function noteDate(at: number, now: number, locale?: string): string {
  const d = daysAgo(at, now);
  return d === 0 || d === 1 ? relativeDays(-d) : formatDate(at, locale);
}

const MISSING: Record<ReadableField, string> = {
  pane: "the ticket's pane",
  subject: "the ticket's subject",
  status: "the ticket's status",
  'requester-name': "the requester's name",
  'requester-email': "the requester's email",
  conversation: 'the conversation',
  'older-messages': 'the older messages behind “show more”',
  composer: 'the reply box',
};

/** Plain words for a field the page did not show ("the requester's email"). */
export const missingLabel = (field: ReadableField): string => MISSING[field] ?? field;

/** "a", "a and b", "a, b and c". */
export function joinWords(words: string[]): string {
  if (words.length < 2) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** First letter of the first two words that have one, for the avatar; "?" when there is none. */
export function initials(name: string | undefined): string {
  const letters = (name ?? '').split(/\s+/).flatMap((w) => w.match(/\p{L}/u) ?? []);
  return letters.slice(0, 2).join('').toUpperCase() || '?';
}
