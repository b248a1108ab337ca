/**
 * The real sidebar (components/Sidebar.tsx) beside a training ticket: rendered into an open shadow
 * root with the same stylesheets as on a helpdesk, so trainees see exactly what they will see at work.
 */
import { InShadow } from '../InShadow';
import { Sidebar } from '../Sidebar';
import { namesShown, setMaskedNames } from '../presentation';
import type { SidebarState } from '../model';
import type { MemoryPanelProps } from '../memory/model';
import type { ChecklistPanelProps } from '../checklist/model';

export interface SidebarFrameProps {
  /** The sidebar's stylesheets, as injected on helpdesk pages. */
  css: string;
  state: Extract<SidebarState, { kind: 'ticket' }>;
  memory: MemoryPanelProps;
  checklist: ChecklistPanelProps;
  presentation: boolean;
  now: number;
}

const FRAME_CSS = `:host { pointer-events: auto; position: relative; display: block; width: 100%; height: 100%; }
/* Notes are not kept in training (each class starts fresh): the notes box would only promise to. */
.rp-notes { display: none; }
.rp-open { box-shadow: none; border: 1px solid var(--rp-border); border-radius: 10px; overflow: hidden; }`;

const notKept = async () => ({ ok: false as const, error: 'Notes are not kept in training.' });

export function SidebarFrame({ css, state, memory, checklist, presentation, now }: SidebarFrameProps) {
  setMaskedNames(namesShown({ ...state, panels: { memory, checklist } })); // masked in free text in presentation mode (#16)
  return (
    <InShadow css={`${css}\n${FRAME_CSS}`} class="tr-sidebar" data-testid="training-sidebar">
      <Sidebar
        state={{ ...state, panels: { memory, checklist } }}
        collapsed={false}
        presentation={presentation}
        onToggleCollapsed={() => undefined}
        onAddNote={notKept}
        now={now}
      />
    </InShadow>
  );
}
