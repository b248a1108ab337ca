import { Component, h, type FunctionComponent } from 'preact';

/**
 * `view`, re-rendered only when one of its props changed (compared one by one, like React's
 * `memo`). The sidebar renders as one tree, so every panel update (the checklist's after each pause
 * in typing) would otherwise re-render the customer-memory panels too — work on the page's main
 * thread while the agent types. Written here because Preact's own `memo` lives in `preact/compat`,
 * which the content script does not otherwise need.
 */
export function pure<P extends object>(view: FunctionComponent<P>): FunctionComponent<P> {
  class Pure extends Component<P> {
    static override displayName = `pure(${view.displayName ?? view.name})`;
    override shouldComponentUpdate(next: P): boolean {
      return changed(this.props, next);
    }
    override render(props: P) {
      return h(view, props);
    }
  }
  return Pure as unknown as FunctionComponent<P>;
}

function changed(a: object, b: object): boolean {
  const before = a as Record<string, unknown>;
  const after = b as Record<string, unknown>;
  for (const key in before) if (!(key in after)) return true;
  for (const key in after) if (before[key] !== after[key]) return true;
  return false;
}
