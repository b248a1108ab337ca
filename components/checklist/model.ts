/** Props of the reply-checklist panel (issue #4). Owned by the checklist capability. */
import type { TeamExplanations } from '../../lib/standards/explain';
import type { NotEnglish } from '../../lib/standards/types';
import type { ComposerKind } from '../../lib/helpdesks/types';

export type ItemState = 'pass' | 'fail' | 'na';

export interface ChecklistEvidence {
  start: number;
  end: number;
  text: string;
}

export interface ChecklistItem {
  rule: string;
  label: string;
  state: ItemState;
  /** One plain line naming the words behind the verdict. */
  why: string;
  critical: boolean;
  /** Ranges of `draft`. */
  evidence: ChecklistEvidence[];
  /** Not applied: the text is in a language this check does not read. */
  notChecked?: boolean;
}

export interface ChecklistPanelProps {
  /**
   * 'no-composer': no reply box open; 'not-reply': the composer writes a note or a forward (`writing`),
   * which is not checked; 'empty': nothing typed yet; 'ready': `items` describe `draft`.
   */
  status: 'no-composer' | 'not-reply' | 'empty' | 'ready' | 'error';
  /** What the composer writes, where the helpdesk says: only a reply to the customer is checked. */
  writing?: ComposerKind;
  error?: string;
  /** The draft the items describe (shown read-only in the preview). */
  draft: string;
  items: ChecklistItem[];
  /** 0..1 */
  readiness?: number;
  /** The customer's asks; `implicit` marks a complaint taken as the request when they asked nothing outright. */
  questions: { text: string; answered: boolean; implicit?: boolean; unsure?: boolean }[];
  /** The customer's message or the draft is not in English, which the checks read. */
  notEnglish?: NotEnglish;
  /** `unsure`: a reading the model barely leans to ("may be upset"), never critical. */
  mood?: { label: string; words: string[]; unsure?: boolean };
  /** When set, the response-time item counts down to `deadline` live. */
  responseClock?: { deadline: number; targetMs: number };
  /** "Hi Dana," — offered as an insert helper when the greeting rule fails. */
  greeting?: string;
  /** Why the helper greets someone other than the customer on the card ("Bob Marsh wrote the latest message"). */
  greetingWhy?: string;
  onInsertGreeting?(): void;
  /** Fixed clock for tests. */
  now?: () => number;
  /** Rules the agent marked "not right" for this draft: shown as disputed, not counted as failing. */
  disputed?: string[];
  /** "Not right" on an item; `includeText` when the agent ticked "include the text". */
  onDispute?(item: ChecklistItem, includeText: boolean): Promise<{ ok: true } | { ok: false; error: string }>;
  /** The team's own wording of "Why this matters" (the standards pack's `explanations`). */
  explanations?: TeamExplanations;
}
