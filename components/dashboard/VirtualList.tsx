/** A virtualised list (@tanstack/virtual-core): only the rows in view are in the DOM. */
import { Virtualizer, elementScroll, observeElementOffset, observeElementRect } from '@tanstack/virtual-core';
import type { ComponentChildren } from 'preact';
import { markFirstRows } from '@/lib/dashboard/live';
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';

interface Props<T> {
  items: T[];
  rowHeight: number;
  render: (item: T, index: number) => ComponentChildren;
  keyOf: (item: T) => string;
  label: string;
  testId?: string;
  /** Marks `rapport:first-rows:<view>` once the first rows are on screen (benchmark). */
  view?: string;
}

export function VirtualList<T>({ items, rowHeight, render, keyOf, label, testId, view }: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [virtualizer] = useState(
    () =>
      new Virtualizer<HTMLDivElement, Element>({
        count: items.length,
        getScrollElement: () => scroller.current,
        estimateSize: () => rowHeight,
        overscan: 8,
        scrollToFn: elementScroll,
        observeElementRect,
        observeElementOffset,
        onChange: () => rerender(0),
        initialRect: { width: 800, height: 600 },
      }),
  );
  virtualizer.setOptions({ ...virtualizer.options, count: items.length, estimateSize: () => rowHeight });
  useLayoutEffect(() => virtualizer._willUpdate());
  useEffect(() => virtualizer._didMount(), [virtualizer]);
  const rows = virtualizer.getVirtualItems();
  const shown = rows.length > 0;
  useEffect(() => {
    if (shown && view) markFirstRows(view);
  }, [shown, view]);
  return (
    <div class="rd-scroll" ref={scroller} role="list" aria-label={label} data-testid={testId}>
      <div style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
        {rows.map((row) => {
          const item = items[row.index]!;
          return (
            <div key={keyOf(item)} role="listitem" class="rd-vrow" style={{ transform: `translateY(${row.start}px)`, height: `${rowHeight}px` }}>
              {render(item, row.index)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
