/** Props of the customer-memory panels (issue #3). Owned by the memory capability. */
import type { CustomerProfile, Note, TicketRef } from '../../lib/db/types';
import type { CustomerMatch, FollowUpSuggestion, MemoryContext } from '../../lib/memory/messages';
import type { Cue } from '../../lib/memory/cues';

export type ActionResult = { ok: true } | { ok: false; error: string };

/** A save that lost a race with another tab: both versions, for keep theirs / mine / both. */
export type Conflict =
  | { kind: 'profile'; theirs: CustomerProfile; mine: CustomerProfile }
  | { kind: 'note'; noteId: string; theirs: string; mine: string };

export interface MemoryActions {
  saveProfile(profile: CustomerProfile): Promise<ActionResult>;
  resolveConflict(choice: 'theirs' | 'mine' | 'both'): Promise<ActionResult>;
  addFact(text: string, mentionNext: boolean): Promise<ActionResult>;
  flagFact(factId: string, mentionNext: boolean): Promise<ActionResult>;
  factMentioned(factId: string): Promise<ActionResult>;
  addFollowUp(text: string, dueAt: number): Promise<ActionResult>;
  doneFollowUp(followUpId: string): Promise<ActionResult>;
  acceptSuggestion(suggestion: FollowUpSuggestion): Promise<ActionResult>;
  dismissSuggestions(): void;
  editNote(note: Note, text: string): Promise<ActionResult>;
  pinNote(note: Note, pinned: boolean): Promise<ActionResult>;
  search(query: string): Promise<Note[]>;
  findCustomers(query: string): Promise<CustomerMatch[]>;
  merge(otherId: string): Promise<ActionResult>;
  undoMerge(mergeId: string): Promise<ActionResult>;
  /** "Not right" on a cue: recorded for the team lead; the cue is shown as disputed. */
  disputeCue?(cue: Cue): Promise<ActionResult>;
}

export interface MemoryPanelProps {
  /** undefined while the first answer is on its way. */
  context?: MemoryContext;
  /** Could not read memory at all (plain words). */
  error?: string;
  /** Set when the helpdesk's API history could not be fetched: the sidebar shows local history only. */
  apiProblem?: string;
  /** Commitments found in the reply just sent, here or on a page since left (each with its `from`). */
  suggestions?: FollowUpSuggestion[];
  /** The open ticket: a suggestion from another one says where it came from. */
  ticket?: TicketRef;
  conflict?: Conflict;
  /** The agent's "now" (ms), for due times and "it's 23:40 for them". */
  now?: number;
  /** Absent: the panels are read-only. */
  actions?: MemoryActions;
  /** Cues the agent marked "not right" on this ticket, as `${id}|${reason}`: shown as disputed. */
  disputedCues?: string[];
}

/** A cue as disputed: its id and wording (the same cue re-worded is a new verdict). */
export const cueKey = (cue: { id: string; reason: string }): string => `${cue.id}|${cue.reason}`;
