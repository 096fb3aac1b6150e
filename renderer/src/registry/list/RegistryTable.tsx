// The registry as one long virtualised table: every row of the result is reachable by scrolling,
// only the visible ones are in the page, and their data arrives in blocks (useRowBlocks).
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { EnterpriseRow } from '../../../../shared/enterprise';
import { columns, gridMinWidth, gridTemplate } from './columns';
import type { ListParams, SortField } from './params';
import type { RowBlocks } from './useRowBlocks';

export const ROW_HEIGHT = 48;

interface Props {
  params: ListParams;
  /** A key that changes whenever the result does (new terms, filter or sort): scrolls back to the top. */
  resultKey: string;
  blocks: RowBlocks;
  total: number;
  onRange(first: number, last: number): void;
  onSort(field: SortField): void;
  onOpen(row: EnterpriseRow): void;
  /** Shown instead of the rows when there are none. */
  empty: ReactNode;
  /** Called with a function that moves the focus to the first row (for the search box's ↓ key). */
  registerFocusFirst?(focus: () => void): void;
}

/** Remembered across visits, so coming back from an enterprise returns to the same place. */
let remembered = { key: '', top: 0 };

export function RegistryTable({ params, resultKey, blocks, total, onRange, onSort, onOpen, empty, registerFocusFirst }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialOffset: remembered.key === resultKey ? remembered.top : 0,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => onRange(first, last), [first, last, onRange]);

  // New terms or filters: back to the top (but not on the first render, which may restore).
  const shownKey = useRef(resultKey);
  useEffect(() => {
    if (shownKey.current !== resultKey) {
      shownKey.current = resultKey;
      virtualizer.scrollToOffset(0);
    }
  }, [resultKey, virtualizer]);


  const focusRow = (index: number) => {
    if (index < 0 || index >= total) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    // The row exists once the virtualiser has rendered it.
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus());
  };
  const focusRowRef = useRef(focusRow);
  useEffect(() => {
    focusRowRef.current = focusRow;
  });
  useEffect(() => registerFocusFirst?.(() => focusRowRef.current(0)), [registerFocusFirst]);

  const onRowKey = (e: KeyboardEvent<HTMLDivElement>, index: number, row: EnterpriseRow | undefined) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.key === 'Enter' && row) onOpen(row);
    else if (e.key in moves) focusRow(Math.min(total - 1, Math.max(0, index + (moves[e.key] ?? 0))));
    else if (e.key === 'Home') focusRow(0);
    else if (e.key === 'End') focusRow(total - 1);
    else return;
    e.preventDefault();
  };

  const sortIcon = (field: SortField | undefined) =>
    field && params.sort === field ? params.order === 'asc' ? <ArrowUpOutlined /> : <ArrowDownOutlined /> : null;

  return (
    <div
      ref={scrollRef}
      role="table"
      aria-label="企业名录"
      aria-rowcount={total + 1}
      aria-busy={blocks.searching}
      // Kept as the clerk scrolls: once the table is gone its position can no longer be read.
      onScroll={(e) => {
        remembered = { key: resultKey, top: e.currentTarget.scrollTop };
      }}
      style={{ flex: 1, minHeight: 0, overflow: 'auto', border: '1px solid #f0f0f0', borderRadius: 4, background: '#fff' }}
    >
      <div role="rowgroup" style={{ position: 'sticky', top: 0, zIndex: 2, minWidth: gridMinWidth }}>
        <div role="row" aria-rowindex={1} className="qb-grid-head" style={{ gridTemplateColumns: gridTemplate }}>
          {columns.map((c) => (
            <div
              key={c.key}
              role="columnheader"
              className={c.sort ? 'qb-sortable' : undefined}
              aria-sort={c.sort && params.sort === c.sort ? (params.order === 'asc' ? 'ascending' : 'descending') : undefined}
              title={c.sort ? `按${c.title.split(' ')[0]}排序` : undefined}
              onClick={c.sort ? () => onSort(c.sort as SortField) : undefined}
            >
              {c.title} {sortIcon(c.sort)}
            </div>
          ))}
        </div>
      </div>
      {total === 0 ? (
        empty
      ) : (
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: gridMinWidth }}>
          {items.map((item) => {
            const row = blocks.rowAt(item.index);
            return (
              <div
                key={item.key}
                role="row"
                data-index={item.index}
                aria-rowindex={item.index + 2}
                aria-busy={row ? undefined : true}
                tabIndex={item.index === 0 ? 0 : -1}
                className="qb-grid-row"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)`, gridTemplateColumns: gridTemplate }}
                onClick={row ? () => onOpen(row) : undefined}
                onKeyDown={(e) => onRowKey(e, item.index, row)}
              >
                {columns.map((c) => (
                  <div key={c.key} role="cell">
                    {row ? c.render(row) : <div className="qb-placeholder-bar" style={{ width: c.key === 'name' ? '60%' : '70%' }} />}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
