/**
 * Renders its children into an open shadow root with `css`: how the sidebar's stylesheets (written
 * for a shadow root, `:host` and all) are used outside a helpdesk page — the training page's real
 * sidebar and the options page's preview of a helpdesk. Neither the page's styles nor the sidebar's
 * leak across. `class` and `data-testid` go on the host element.
 */
import { render, type ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface InShadowProps {
  css: string;
  children: ComponentChildren;
  class?: string;
  'data-testid'?: string;
}

export function InShadow({ css, children, ...host }: InShadowProps) {
  const ref = useRef<HTMLDivElement>(null);
  const parts = useRef<{ style: HTMLStyleElement; mount: HTMLDivElement } | undefined>(undefined);
  useEffect(() => {
    if (!parts.current) {
      const shadow = ref.current!.shadowRoot ?? ref.current!.attachShadow({ mode: 'open' });
      parts.current = { style: document.createElement('style'), mount: document.createElement('div') };
      parts.current.mount.className = 'rapport-root';
      shadow.append(parts.current.style, parts.current.mount);
    }
    parts.current.style.textContent = css;
  }, [css]);
  useEffect(() => void render(<>{children}</>, parts.current!.mount));
  useEffect(() => () => void (parts.current && render(null, parts.current.mount)), []);
  return <div ref={ref} {...host} />;
}
