import { useEffect, useRef } from 'preact/hooks';
import type { SidebarProps, SidebarState } from './model';
import { helpdeskLabel, ticketLabel } from './format';
import { CustomerCard } from './CustomerCard';
import { Notes } from './Notes';
import { ReadProblem } from './ReadProblem';
import { MemoryDetails as MemoryDetailsView, MemoryTop as MemoryTopView } from './memory';
import { ChecklistPanel as ChecklistPanelView } from './checklist';
import { WorkspacePrompt } from './WorkspacePrompt';
import { pure } from './pure';
import { PresentationContext } from './presentation';

// Each panel re-renders only when its own props change (see pure.ts).
const MemoryTop = pure(MemoryTopView);
const MemoryDetails = pure(MemoryDetailsView);
const ChecklistPanel = pure(ChecklistPanelView);

/** The browser command declared in wxt.config.ts (agents may rebind it; this is the default). */
const SHORTCUT = 'Alt+Shift+R';

const Mark = () => (
  <svg class="rp-mark" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
    <path
      fill="currentColor"
      d="M3 1.5h10A2.5 2.5 0 0 1 15.5 4v5.5A2.5 2.5 0 0 1 13 12H8.2L4.6 14.8a.6.6 0 0 1-1-.5V12H3A2.5 2.5 0 0 1 .5 9.5V4A2.5 2.5 0 0 1 3 1.5z"
    />
  </svg>
);

const Chevron = ({ left }: { left?: boolean }) => (
  <svg class="rp-chevron" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
    <path
      d={left ? 'M10 3 5 8l5 5' : 'M6 3l5 5-5 5'}
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
    />
  </svg>
);

/**
 * The Rapport panel docked at the right of the helpdesk. A view: everything it shows arrives in
 * props, everything the agent does leaves as a callback.
 */
export function Sidebar(props: SidebarProps) {
  return (
    <PresentationContext.Provider value={props.presentation ?? false}>
      <SidebarView {...props} />
    </PresentationContext.Provider>
  );
}

function SidebarView({ state, collapsed, onToggleCollapsed, onAddNote, onShowAllNotes, now = Date.now() }: SidebarProps) {
  const toggleButton = useRef<HTMLButtonElement>(null);
  const toggledHere = useRef(false);
  /** Unsaved note text per ticket: survives re-reads of the page, collapsing and switching tickets. */
  const drafts = useRef(new Map<string, string>());

  // The clicked toggle button is replaced by its counterpart; put focus on it rather than losing it
  // to the page. Toggles from the keyboard shortcut leave focus where the agent is typing.
  useEffect(() => {
    const active = document.activeElement;
    if (toggledHere.current && (!active || active === document.body)) toggleButton.current?.focus();
    toggledHere.current = false;
  }, [collapsed]);

  const toggle = () => {
    toggledHere.current = true;
    onToggleCollapsed();
  };
  // Keys typed in the sidebar are ours: the helpdesk's single-key shortcuts must not see them
  // (events leaving a shadow root are retargeted to the host, so it cannot tell they came from a textarea).
  const keep = (e: Event) => e.stopPropagation();

  if (collapsed) {
    return (
      <aside class="rp rp-collapsed" aria-label="Rapport" onKeyDown={keep} onKeyUp={keep} onKeyPress={keep}>
        <button
          ref={toggleButton}
          type="button"
          class="rp-tab"
          aria-label="Show Rapport sidebar"
          aria-expanded={false}
          aria-keyshortcuts={SHORTCUT}
          title={`Show Rapport (${SHORTCUT})`}
          onClick={toggle}
        >
          <Chevron left />
          <span class="rp-tab-word" aria-hidden="true">
            Rapport
          </span>
          <Mark />
        </button>
      </aside>
    );
  }

  const key = `${state.helpdesk}:${state.ticketId}`;
  return (
    <aside class="rp rp-open" aria-label="Rapport" onKeyDown={keep} onKeyUp={keep} onKeyPress={keep}>
      <header class="rp-head">
        <Mark />
        <div class="rp-head-text">
          <h2 class="rp-title">Rapport</h2>
          <p class="rp-where">
            <span data-testid="helpdesk">{helpdeskLabel(state.helpdesk)}</span>
            <span aria-hidden="true"> · </span>
            <span data-testid="ticket-id">{ticketLabel(state.ticketId)}</span>
          </p>
        </div>
        <button
          ref={toggleButton}
          type="button"
          class="rp-icon-btn"
          aria-label="Hide Rapport sidebar"
          aria-expanded={true}
          aria-keyshortcuts={SHORTCUT}
          title={`Hide Rapport (${SHORTCUT})`}
          onClick={toggle}
        >
          <Chevron />
        </button>
      </header>
      <div class="rp-body">
        <Body
          state={state}
          now={now}
          onAddNote={onAddNote}
          onShowAllNotes={onShowAllNotes}
          draft={drafts.current.get(key) ?? ''}
          onDraft={(text) => (text ? drafts.current.set(key, text) : drafts.current.delete(key))}
          draftKey={key}
        />
      </div>
    </aside>
  );
}

interface BodyProps extends Pick<SidebarProps, 'onAddNote' | 'onShowAllNotes'> {
  state: SidebarState;
  now: number;
  draft: string;
  onDraft(text: string): void;
  draftKey: string;
}

function Body({ state, now, onAddNote, onShowAllNotes, draft, onDraft, draftKey }: BodyProps) {
  switch (state.kind) {
    case 'waiting':
      return (
        <div class="rp-waiting" role="status" data-testid="waiting">
          <p class="rp-muted">Reading ticket {ticketLabel(state.ticketId)}…</p>
          <div class="rp-skeleton" aria-hidden="true">
            <span />
            <span />
            <span />
          </div>
        </div>
      );
    case 'unreadable':
      return <ReadProblem missing={state.missing} diagnostics={state.diagnostics} />;
    case 'ticket':
      return (
        <>
          {state.storageError && (
            <p class="rp-banner" role="alert" data-testid="storage-error">
              {state.storageError}
            </p>
          )}
          {state.panels?.workspace && <WorkspacePrompt {...state.panels.workspace} />}
          <CustomerCard state={state} now={now} />
          {state.panels?.memory && <MemoryTop {...state.panels.memory} />}
          {state.panels?.checklist && <ChecklistPanel {...state.panels.checklist} />}
          {/* Keyed by ticket: a half-typed note never follows the agent to another customer. */}
          <Notes
            key={draftKey}
            notes={state.notes}
            total={state.notesTotal}
            totalCapped={state.notesTotalCapped}
            onShowAll={onShowAllNotes}
            now={now}
            onAddNote={onAddNote}
            draft={draft}
            onDraft={onDraft}
          />
          {state.panels?.memory && <MemoryDetails {...state.panels.memory} />}
        </>
      );
  }
}
