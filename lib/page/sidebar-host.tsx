/**
 * The sidebar's place on the helpdesk page: a `<rapport-sidebar>` element with an open shadow root
 * (the helpdesk's CSS cannot reach in, ours cannot leak out), docked at the right edge. The page is
 * narrowed by the sidebar's width so it never covers the composer or its send button.
 */
import { render } from 'preact';
import { Sidebar } from '../../components/Sidebar';
import type { SidebarState } from '../../components/model';
import type { SidebarView, ViewHandlers } from './controller';

export const SIDEBAR_WIDTH = 340;
export const COLLAPSED_WIDTH = 28;
const DOCKED = 'rapport-docked';
const COLLAPSED = 'rapport-collapsed';

const documentCss = `
html.${DOCKED} { margin-right: ${SIDEBAR_WIDTH}px !important; }
html.${DOCKED}.${COLLAPSED} { margin-right: ${COLLAPSED_WIDTH}px !important; }
rapport-sidebar { all: initial; position: fixed !important; top: 0 !important; right: 0 !important; bottom: 0 !important;
  width: ${SIDEBAR_WIDTH}px !important; z-index: 2147483000 !important; display: block !important; }
html.${COLLAPSED} rapport-sidebar { width: ${COLLAPSED_WIDTH}px !important; }
`;

export function createSidebarHost(
  doc: Document,
  css: string,
  handlers: ViewHandlers,
): SidebarView {
  const pageStyle = doc.createElement('style');
  pageStyle.dataset.rapport = '';
  pageStyle.textContent = documentCss;
  const host = doc.createElement('rapport-sidebar');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const mountPoint = doc.createElement('div');
  mountPoint.className = 'rapport-root';
  shadow.append(style, mountPoint);
  (doc.head ?? doc.documentElement).append(pageStyle);
  doc.documentElement.append(host);
  const root = doc.documentElement;

  return {
    render(state: SidebarState, collapsed: boolean, presentation: boolean) {
      root.classList.add(DOCKED);
      root.classList.toggle(COLLAPSED, collapsed);
      render(
        <Sidebar
          state={state}
          collapsed={collapsed}
          presentation={presentation}
          onAddNote={handlers.onAddNote}
          onToggleCollapsed={handlers.onToggleCollapsed}
          onShowAllNotes={handlers.onShowAllNotes}
        />,
        mountPoint,
      );
    },
    remove() {
      render(null, mountPoint);
      host.remove();
      pageStyle.remove();
      root.classList.remove(DOCKED, COLLAPSED);
    },
  };
}
