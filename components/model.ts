/**
 * What the sidebar shows. The content script builds this from the adapter's read and the
 * background's answers; views only render it (no storage calls in components/).
 */
import type { HelpdeskId, ReadableField } from '../lib/helpdesks/types';
import type { VisitSummary } from '../lib/messages';
import type { MemoryPanelProps } from './memory/model';
import type { ChecklistPanelProps } from './checklist/model';
import type { WorkspacePromptProps } from './WorkspacePrompt';

/** Panels that capabilities add to a ticket's sidebar (see lib/page/features.ts). */
export interface Panels {
  memory?: MemoryPanelProps;
  checklist?: ChecklistPanelProps;
  /** The workspace question (#15), asked once. */
  workspace?: WorkspacePromptProps;
}

export interface NoteView {
  id: string;
  text: string;
  tags: string[];
  createdAt: number;
  /** Set when the note was written on a ticket, e.g. "#123". */
  ticketLabel?: string;
}

export type SidebarState =
  /** The page is a ticket but the pane has not rendered yet. */
  | { kind: 'waiting'; helpdesk: HelpdeskId; ticketId: string }
  /** The pane could not be found at all (`missing` says what). */
  | { kind: 'unreadable'; helpdesk: HelpdeskId; ticketId: string; missing: ReadableField[]; diagnostics?: DiagnosticsReport }
  | {
      kind: 'ticket';
      helpdesk: HelpdeskId;
      ticketId: string;
      subject?: string;
      customer: { name?: string; email?: string };
      /** Fields the page did not show; the sidebar says so in plain words. */
      missing: ReadableField[];
      /** The "Copy diagnostics" report when fields other than the composer were not read (#13). */
      diagnostics?: DiagnosticsReport;
      /** undefined while the background is answering. */
      history?: VisitSummary;
      notes?: NoteView[];
      /** All the customer's notes, when more exist than `notes` holds. */
      notesTotal?: number;
      /** `notesTotal` is a lower bound (shown as "100+"). */
      notesTotalCapped?: boolean;
      /** A problem talking to local storage, in plain words (e.g. "storage is full"). */
      storageError?: string;
      /** Set by ticket features once the customer is looked up. */
      panels?: Panels;
    };

export type NoteSaveResult = { ok: true } | { ok: false; error: string };

export interface SidebarProps {
  state: SidebarState;
  collapsed: boolean;
  /** The agent is writing in the helpdesk's composer: the checklist comes first, the rest folds. */
  composing?: boolean;
  /** The docked panel's width in CSS pixels, with `onResize` (the page side clamps and remembers it). */
  width?: number;
  /** The agent resized the panel, to a width or by a step (`done` when the drag or key press ended: remember it then). */
  onResize?(change: { to: number } | { by: number }, done: boolean): void;
  /** A drag of the resize handle began at this screen x (the page side follows it outside the frame). */
  onResizeStart?(screenX: number): void;
  onToggleCollapsed(): void;
  /** Saves a note for the current customer. The input keeps its text unless the save succeeded. */
  onAddNote(text: string): Promise<NoteSaveResult>;
  /** Loads every note of the customer (the ticket opens with the newest page only). */
  onShowAllNotes?(): void;
  /** Presentation mode: customer names as initials, emails and phone numbers masked. */
  presentation?: boolean;
  /** Fixed "now" for tests; defaults to Date.now(). */
  now?: number;
}

/**
 * Builds the "Copy diagnostics" report on demand (it walks the helpdesk page). In the sidebar frame
 * a call crosses the port, so it answers a promise.
 */
export type DiagnosticsReport = () => string | Promise<string>;
