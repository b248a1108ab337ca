/**
 * The real sidebar (components/Sidebar.tsx) beside a training ticket: rendered into an open shadow
 * root with the same stylesheets as on a helpdesk, so trainees see exactly what they will see at work.
 */
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
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
  const host = useRef<HTMLDivElement>(null);
  const mount = useRef<HTMLDivElement | undefined>(undefined);
  useEffect(() => {
    const el = host.current!;
    const shadow = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    if (!mount.current) {
      const style = document.createElement('style');
      style.textContent = `${css}\n${FRAME_CSS}`;
      mount.current = document.createElement('div');
      mount.current.className = 'rapport-root';
      shadow.append(style, mount.current);
    }
    return () => {
      if (mount.current) render(null, mount.current);
    };
  }, [css]);
  useEffect(() => {
    if (!mount.current) return;
    setMaskedNames(namesShown({ ...state, panels: { memory, checklist } })); // masked in free text in presentation mode (#16)
    render(
      <Sidebar
        state={{ ...state, panels: { memory, checklist } }}
        collapsed={false}
        presentation={presentation}
        onToggleCollapsed={() => undefined}
        onAddNote={notKept}
        now={now}
      />,
      mount.current,
    );
  });
  return <div ref={host} class="tr-sidebar" data-testid="training-sidebar" />;
}
