/**
 * A windowed list with a fixed row height: only the rows in view (plus a few either side) are in the DOM, so 5,000
 * clients scroll like 20. Fixed heights keep it simple and exact: a row's top is `index × rowHeight`, no measuring.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  /** Rows rendered beyond each edge of the view, so fast scrolling shows no blank rows. */
  overscan?: number;
  /** Height of the view before it is measured (the first render). */
  initialHeight?: number;
  getKey(item: T): string;
  renderRow(item: T, index: number): ReactNode;
  label: string;
  className?: string;
  /** When it changes (another filter or sort), the view goes back to the top; new data alone keeps the scroll. */
  resetKey?: string;
}

/** The index range to render for a scroll position: pure, for tests. */
export function visibleRange(count: number, rowHeight: number, scrollTop: number, height: number, overscan: number): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return [first, Math.max(first, last)];
}

export function VirtualList<T>({ items, rowHeight, overscan = 6, initialHeight = 720, getKey, renderRow, label, className, resetKey }: VirtualListProps<T>) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(initialHeight);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setHeight(el.clientHeight || initialHeight);
    const ro = new ResizeObserver(() => setHeight(el.clientHeight || initialHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, [initialHeight]);

  // Another filter or sort starts at the top.
  useEffect(() => {
    if (ref.current) ref.current.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);

  const [first, last] = visibleRange(items.length, rowHeight, scrollTop, height, overscan);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const item = items[i]!;
    rows.push(
      <div key={getKey(item)} role="listitem" aria-posinset={i + 1} aria-setsize={items.length} className="vrow" style={{ top: i * rowHeight, height: rowHeight }}>
        {renderRow(item, i)}
      </div>,
    );
  }
  return (
    <div ref={ref} className={`vlist${className ? ` ${className}` : ''}`} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} tabIndex={0} aria-label={label}>
      <div role="list" aria-label={label} style={{ height: items.length * rowHeight, position: 'relative' }}>
        {rows}
      </div>
    </div>
  );
}
