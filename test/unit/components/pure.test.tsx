// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createContext, render } from 'preact';
import { useContext } from 'preact/hooks';
import { pure } from '@/components/pure';

describe('pure', () => {
  it('re-renders only when a prop changed, and still follows context changes', async () => {
    const Theme = createContext('light');
    let renders = 0;
    const View = pure(({ label, items }: { label: string; items: string[] }) => {
      renders++;
      return <p>{`${label} ${items.length} ${useContext(Theme)}`}</p>;
    });
    const root = document.createElement('div');
    const items = ['a'];
    const draw = (label: string, list: string[], theme = 'light') =>
      render(
        <Theme.Provider value={theme}>
          <View label={label} items={list} />
        </Theme.Provider>,
        root,
      );
    draw('x', items);
    draw('x', items);
    expect(renders).toBe(1);
    draw('y', items);
    expect(root.textContent).toBe('y 1 light');
    const two = ['a', 'b'];
    draw('y', two);
    expect(root.textContent).toBe('y 2 light');
    expect(renders).toBe(3);
    // Same props, new context value: the view follows it (presentation mode works this way).
    draw('y', two, 'dark');
    await new Promise((done) => setTimeout(done, 0)); // context consumers re-render on Preact's queue
    expect(root.textContent).toBe('y 2 dark');
    render(null, root);
  });
});
