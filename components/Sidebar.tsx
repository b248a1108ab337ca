import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HelpdeskId } from '../lib/helpdesks/types';
import type { SidebarProps, SidebarState } from './model';
import { helpdeskLabel, plural, ticketLabel } from './format';
import { CustomerCard } from './CustomerCard';
import { Notes } from './Notes';
import { ReadProblem } from './ReadProblem';
import { MemoryDetails as MemoryDetailsView, MemoryTop as MemoryTopView } from './memory';
import { ChecklistPanel as ChecklistPanelView } from './checklist';
import { WorkspacePrompt } from './WorkspacePrompt';
import { pure } from './pure';
import { DOCK } from '../lib/page/dock';
import { tabHint } from './tab-hint';
import { PresentationContext, maskName, usePresentation as usePresentationFlag } from './presentation';

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

function SidebarView({ state, collapsed, composing = false, onToggleCollapsed, onAddNote, onShowAllNotes, onResize, onResizeStart, width, now = Date.now() }: SidebarProps) {
  const toggleButton = useRef<HTMLButtonElement>(null);
  const toggledHere = useRef(false);
  /** Unsaved note text per ticket: survives re-reads of the page, collapsing and switching tickets. */
  const drafts = useRef(new Map<string, string>());
  const body = useRef<HTMLDivElement>(null);

  // The agent went to the composer: the checklist moves to the top; show it from there.
  useEffect(() => {
    if (composing && body.current) body.current.scrollTop = 0;
  }, [composing]);

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
    const hint = tabHint(state);
    return (
      <aside class="rp rp-collapsed" aria-label="Rapport" onKeyDown={keep} onKeyUp={keep} onKeyPress={keep}>
        <button
          ref={toggleButton}
          type="button"
          class="rp-tab"
          aria-label={hint ? `Show Rapport sidebar: ${hint.label}` : 'Show Rapport sidebar'}
          aria-expanded={false}
          aria-keyshortcuts={SHORTCUT}
          title={hint ? `${hint.label} — show Rapport (${SHORTCUT})` : `Show Rapport (${SHORTCUT})`}
          onClick={toggle}
        >
          {hint && (
            <span class={`rp-tab-hint${hint.weighty ? ' rp-tab-hint-weighty' : ''}`} data-testid="tab-hint" aria-hidden="true">
              {hint.count}
            </span>
          )}
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
      {onResize && width !== undefined && <ResizeHandle width={width} onResize={onResize} onDragStart={onResizeStart} />}
      <SidebarHead helpdesk={state.helpdesk} ticketId={state.ticketId}>
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
      </SidebarHead>
      <div class="rp-body" ref={body}>
        <Body
          state={state}
          composing={composing}
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

/** The panel's title bar: Rapport, the helpdesk and the ticket; `children` go at its end (the hide button). */
export function SidebarHead({ helpdesk, ticketId, children }: { helpdesk: HelpdeskId; ticketId?: string; children?: ComponentChildren }) {
  return (
    <header class="rp-head">
      <Mark />
      <div class="rp-head-text">
        <h2 class="rp-title">Rapport</h2>
        <p class="rp-where">
          <span data-testid="helpdesk">{helpdeskLabel(helpdesk)}</span>
          {ticketId && (
            <>
              <span aria-hidden="true"> · </span>
              <span data-testid="ticket-id">{ticketLabel(ticketId)}</span>
            </>
          )}
        </p>
      </div>
      {children}
    </header>
  );
}

interface BodyProps extends Pick<SidebarProps, 'onAddNote' | 'onShowAllNotes'> {
  state: SidebarState;
  composing: boolean;
  now: number;
  draft: string;
  onDraft(text: string): void;
  draftKey: string;
}

function Body({ state, composing, now, onAddNote, onShowAllNotes, draft, onDraft, draftKey }: BodyProps) {
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
      return <TicketBody {...{ state, composing, now, onAddNote, onShowAllNotes, draft, onDraft, draftKey }} />;
  }
}

/**
 * The ticket's panels. While the agent is in the composer the checklist comes first and the
 * customer's card, memory and notes fold into one line (CSS `order` and `hidden`: every panel stays
 * mounted, so nothing half-typed or opened is lost when the agent goes back and forth).
 */
function TicketBody({ state, composing, now, onAddNote, onShowAllNotes, draft, onDraft, draftKey }: BodyProps & { state: Extract<SidebarState, { kind: 'ticket' }> }) {
  const [unfolded, setUnfolded] = useState(false);
  useEffect(() => {
    if (!composing) setUnfolded(false);
  }, [composing]);
  const folded = composing && !!state.panels?.checklist && !unfolded;
  const cls = `rp-stack${composing && state.panels?.checklist ? ' rp-composing' : ''}`;
  return (
    <div class={cls}>
      {state.storageError && (
        <p class="rp-banner" role="alert" data-testid="storage-error">
          {state.storageError}
        </p>
      )}
      {state.panels?.workspace && <WorkspacePrompt {...state.panels.workspace} />}
      <div class="rp-slot" hidden={folded}>
        <CustomerCard state={state} now={now} />
      </div>
      {state.panels?.memory && (
        <div class="rp-slot" hidden={folded}>
          <MemoryTop {...state.panels.memory} />
        </div>
      )}
      {state.panels?.checklist && (
        <div class="rp-slot rp-slot-checklist">
          <ChecklistPanel {...state.panels.checklist} />
        </div>
      )}
      {composing && state.panels?.checklist && <FoldLine state={state} unfolded={unfolded} onToggle={() => setUnfolded(!unfolded)} />}
      {/* Keyed by ticket: a half-typed note never follows the agent to another customer. */}
      <div class="rp-slot" hidden={folded}>
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
      </div>
      {state.panels?.memory && (
        <div class="rp-slot" hidden={folded}>
          <MemoryDetails {...state.panels.memory} />
        </div>
      )}
    </div>
  );
}

/** "About Dana Whitfield · 1 cue · 3 notes": the folded customer panels while the agent writes. */
function FoldLine({ state, unfolded, onToggle }: { state: Extract<SidebarState, { kind: 'ticket' }>; unfolded: boolean; onToggle(): void }) {
  const presenting = usePresentationFlag();
  const name = state.customer.name ? (presenting ? maskName(state.customer.name) : state.customer.name) : 'this customer';
  const cues = state.panels?.memory?.context?.cues.length ?? 0;
  const notes = state.notesTotal ?? state.notes?.length ?? 0;
  const parts = [`About ${name}`, cues ? plural(cues, 'cue') : '', notes ? plural(notes, 'note') : ''].filter(Boolean);
  return (
    <button type="button" class="rp-fold-line" data-testid="composing-fold" aria-expanded={unfolded} onClick={onToggle}>
      <span class="rp-fold-text">{parts.join(' · ')}</span>
      <span class="rp-fold-action" aria-hidden="true">
        {unfolded ? 'fold' : 'show'}
      </span>
    </button>
  );
}


/**
 * The left edge of the panel: drag it, or focus it and use the arrow keys, to make the sidebar
 * wider or narrower. The page side clamps the width to what the helpdesk can spare and remembers it.
 */
function ResizeHandle({ width, onResize, onDragStart }: { width: number; onResize: NonNullable<SidebarProps['onResize']>; onDragStart?(screenX: number): void }) {
  const start = useRef<{ x: number; width: number } | undefined>(undefined);
  const down = (e: PointerEvent) => {
    if (e.button !== 0) return;
    e.preventDefault(); // no text selection while dragging…
    (e.currentTarget as HTMLElement).focus(); // …which also stops the focus a click gives: the arrow keys work next
    start.current = { x: e.screenX, width };
    // A drag leaves this frame as soon as it widens the panel: the page side follows the pointer
    // there (pointer capture does not reach across to the helpdesk's page).
    onDragStart?.(e.screenX);
    try {
      (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    } catch {
      // Not capturable (e.g. a synthetic pointer): the page side still follows it.
    }
  };
  const move = (e: PointerEvent) => {
    if (!start.current) return;
    // Released over the page (which ended the drag there): this frame never saw the pointerup.
    if (!(e.buttons & 1)) start.current = undefined;
    else onResize({ to: Math.round(start.current.width + start.current.x - e.screenX) }, false);
  };
  const up = (e: PointerEvent) => {
    if (!start.current) return;
    onResize({ to: Math.round(start.current.width + start.current.x - e.screenX) }, true);
    start.current = undefined;
  };
  const key = (e: KeyboardEvent) => {
    const step = e.shiftKey ? 60 : 20;
    const by: Record<string, number> = { ArrowLeft: step, ArrowRight: -step, Home: 1000, End: -1000 };
    if (!(e.key in by)) return;
    e.preventDefault();
    // Relative: presses quicker than the page's answer each count.
    onResize({ by: by[e.key]! }, true);
  };
  return (
    <div
      class="rp-resize"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the Rapport sidebar"
      aria-valuemin={DOCK.min}
      aria-valuemax={DOCK.max}
      aria-valuenow={width}
      aria-valuetext={`${width} pixels wide`}
      tabIndex={0}
      title="Drag, or use the arrow keys, to resize"
      data-testid="resize-handle"
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={up}
      onKeyDown={key}
    />
  );
}
