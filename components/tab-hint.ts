/**
 * What the collapsed tab hints at (issue #14): at 1280 px the sidebar is a slim tab while the agent
 * reads, and a bare tab never says whether opening it is worth it. Decided from what the sidebar
 * state already holds: the customer's cues (lib/memory/cues.ts), less those the agent marked "not
 * right". The tab shows their number; the weighty ones (the memory panel's "high" cues: an open or
 * overdue follow-up, unresolved or upset last time, a repeat contact) make it stand out and are named
 * for screen readers. No customer text: a cue's reason quotes the customer, so only its kind is named.
 */
import type { SidebarState } from './model';
import { cueKey } from './memory/model';
import type { CueId } from '../lib/memory/cues';
import { plural } from './intl';

/** The weight from which a cue is "high" in the memory panel (components/memory/index.tsx). */
export const WEIGHTY = 80;

/** What each kind of cue is called on the tab; the customer's words never are. */
const KIND: Record<CueId, string> = {
  'open-promise': 'an open follow-up',
  'unresolved-last-time': 'unresolved last time',
  'repeat-contact': 'a repeat contact',
  'negative-last-time': 'upset last time',
  vip: 'a VIP',
  'late-local-time': 'late for them now',
  'mention-this': 'something to ask about',
  'important-date-soon': 'a date coming up',
  'preferred-name': 'a preferred name',
  pronunciation: 'how to say their name',
  'first-contact': 'their first ticket',
  'long-time-customer': 'a long-time customer',
};

export interface TabHint {
  /** Cues to know (the number on the tab). */
  count: number;
  /** At least one weighty cue. */
  weighty: boolean;
  /** For screen readers and the tooltip, e.g. "2 things to know: an open follow-up, upset last time". */
  label: string;
}

export function tabHint(state: SidebarState): TabHint | undefined {
  if (state.kind !== 'ticket') return undefined;
  const memory = state.panels?.memory;
  const disputed = new Set(memory?.disputedCues ?? []);
  const cues = (memory?.context?.cues ?? []).filter((cue) => !disputed.has(cueKey(cue)));
  if (cues.length === 0) return undefined;
  const weighty = cues.filter((cue) => cue.weight >= WEIGHTY).map((cue) => KIND[cue.id] ?? 'something to know');
  const things = `${plural(cues.length, 'thing')} to know`;
  return { count: cues.length, weighty: weighty.length > 0, label: weighty.length ? `${things}: ${[...new Set(weighty)].join(', ')}` : things };
}
