import { getCoreRowModel, useReactTable, type ColumnDef, type ColumnSizingState, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import type { PlainValue } from '../../../shared/arrow-values';
import { cellText } from './cell-text';
import type { GridColumn, GridSource, SortKey } from './grid-source';
import { rowsToTsv } from './rows-csv';

const ROW_HEIGHT = 30;
const NO_ROWS: unknown[] = [];

const DEFAULT_WIDTH: Record<GridColumn['kind'], number> = { number: 120, date: 110, boolean: 90, list: 200, text: 180 };
const WIDE_COLUMNS: Record<string, number> = { entity: 260, description: 420, case_id: 150, actor_rule: 170, state: 70, country: 80, source: 90, reported_date: 125, records_affected: 150 };

interface Props {
  source: GridSource;
  /** Accessible name of the grid. */
  label: string;
  sort: readonly SortKey[];
  onSortChange: (sort: SortKey[]) => void;
  /** A button at the start of each row (e.g. "History"); receives the row's cells. */
  rowAction?: (cells: PlainValue[], index: number) => ReactNode;
  /** Enter on a row, or a double click. */
  onActivate?: (cells: PlainValue[], index: number) => void;
  testId?: string;
  /** For a toolbar's Copy button: the selection (or the active cell) as tab-separated text. */
  handle?: Ref<GridHandle>;
  onSelectionChange?: (count: number) => void;
}

export interface GridHandle {
  selectionText(): string;
}

/**
 * The one grid of the app (drill-down and SQL results): virtualised rows, server- or client-side
 * sorting (click a header; Shift+click adds a key), resizable columns, keyboard movement, and copy
 * (Ctrl+C) of the selected rows as tab-separated text with a header line.
 */
export function DataGrid({ source, label, sort, onSortChange, rowAction, onActivate, testId, handle, onSelectionChange }: Props) {
  const gridId = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const [sizing, setSizing] = useState<ColumnSizingState>({});
  const [active, setActive] = useState({ row: 0, col: 0 });
  const [selection, setSelection] = useState<{ anchor: number; focus: number } | null>(null);

  const columns = useMemo<ColumnDef<unknown>[]>(
    () =>
      source.columns.map((c) => ({
        id: c.name,
        header: c.name,
        // Rows are drawn from the source, not from the table model; an accessor is what makes a column sortable.
        accessorFn: () => null,
        // Numbers and dates: largest or newest first, as people ask ("the largest breaches").
        sortDescFirst: c.kind === 'number' || c.kind === 'date',
        size: WIDE_COLUMNS[c.name] ?? DEFAULT_WIDTH[c.kind],
        minSize: 60,
        maxSize: 1200,
      })),
    [source.columns],
  );
  const sorting: SortingState = sort.map((s) => ({ id: s.column, desc: s.desc }));
  // TanStack Table keeps its own state outside React's compiler model; this component is not memoised by it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: NO_ROWS,
    columns,
    state: { sorting, columnSizing: sizing },
    manualSorting: true,
    enableMultiSort: true,
    isMultiSortEvent: (e) => (e as MouseEvent).shiftKey,
    enableColumnResizing: true,
    columnResizeMode: 'onChange',
    onColumnSizingChange: setSizing,
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      onSortChange(next.map((s) => ({ column: s.id, desc: s.desc })));
    },
    getCoreRowModel: getCoreRowModel(),
  });
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const actionWidth = rowAction ? 84 : 0;
  const totalWidth = actionWidth + headers.reduce((n, h) => n + h.getSize(), 0);

  const virtualizer = useVirtualizer({ count: source.rowCount, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (source.rowCount > 0) source.ensure(first, last + 1);
  }, [source, first, last]);
  useEffect(() => {
    setActive({ row: 0, col: 0 });
    setSelection(null);
  }, [source]);

  const selected = (index: number) => selection !== null && index >= Math.min(selection.anchor, selection.focus) && index <= Math.max(selection.anchor, selection.focus);

  const copyText = (): string => {
    if (selection) {
      const [from, to] = [Math.min(selection.anchor, selection.focus), Math.max(selection.anchor, selection.focus)];
      const rows: PlainValue[][] = [];
      for (let i = from; i <= to; i++) {
        const cells = source.row(i);
        if (cells) rows.push(cells);
      }
      return rowsToTsv(source.columns.map((c) => c.name), rows);
    }
    const cell = source.row(active.row)?.[active.col];
    return cell === undefined ? '' : rowsToTsv(null, [[cell]]);
  };

  const move = (row: number, col: number, extend: boolean) => {
    const r = Math.max(0, Math.min(source.rowCount - 1, row));
    const c = Math.max(0, Math.min(source.columns.length - 1, col));
    setActive({ row: r, col: c });
    setSelection((s) => (extend ? { anchor: s?.anchor ?? active.row, focus: r } : null));
    virtualizer.scrollToIndex(r, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active.row + 1, active.col, e.shiftKey),
      ArrowUp: () => move(active.row - 1, active.col, e.shiftKey),
      ArrowRight: () => move(active.row, active.col + 1, false),
      ArrowLeft: () => move(active.row, active.col - 1, false),
      PageDown: () => move(active.row + page, active.col, e.shiftKey),
      PageUp: () => move(active.row - page, active.col, e.shiftKey),
      Home: () => move(e.ctrlKey ? 0 : active.row, 0, false),
      End: () => move(e.ctrlKey ? source.rowCount - 1 : active.row, source.columns.length - 1, false),
      Enter: () => {
        const cells = source.row(active.row);
        if (cells && onActivate) onActivate(cells, active.row);
      },
    };
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c') {
      // Browsers fire no copy event without a text selection, so the grid copies on the key itself.
      e.preventDefault();
      void copyToClipboard(copyText());
      return;
    }
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      setSelection({ anchor: 0, focus: source.rowCount - 1 });
      return;
    }
    const run = keys[e.key];
    if (run && source.rowCount > 0) {
      e.preventDefault();
      run();
    }
  };

  useImperativeHandle(handle, () => ({ selectionText: copyText }));
  const selectedCount = selection ? Math.abs(selection.focus - selection.anchor) + 1 : 0;
  useEffect(() => onSelectionChange?.(selectedCount), [selectedCount, onSelectionChange]);

  const cellId = (row: number, col: number) => `${gridId}-r${row}-c${col}`;

  return (
    <div
      ref={scroller}
      className="grid-scroll"
      role="grid"
      aria-label={label}
      aria-rowcount={source.rowCount + 1}
      aria-colcount={source.columns.length}
      aria-multiselectable="true"
      aria-activedescendant={source.rowCount > 0 ? cellId(active.row, active.col) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onCopy={(e) => {
        e.preventDefault();
        e.clipboardData.setData('text/plain', copyText());
      }}
      data-testid={testId}
    >
      <div className="grid-inner" style={{ width: totalWidth, height: virtualizer.getTotalSize() + ROW_HEIGHT }}>
        <div className="grid-header" role="row" aria-rowindex={1} style={{ width: totalWidth }}>
          {rowAction && <div className="grid-cell grid-action-cell" role="columnheader" style={{ width: actionWidth }}><span className="sr-only">Row actions</span></div>}
          {headers.map((h) => {
            const sorted = h.column.getIsSorted();
            const kind = source.columns[h.index]?.kind;
            return (
              <div
                key={h.id}
                role="columnheader"
                aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                className={`grid-cell grid-head${kind === 'number' ? ' num' : ''}`}
                style={{ width: h.getSize() }}
              >
                <button type="button" className="grid-sort" onClick={h.column.getToggleSortingHandler()} title="Sort (Shift+click to add a sort key)">
                  <span className="grid-head-name">{h.id}</span>
                  <span aria-hidden="true" className="sort-mark">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}</span>
                </button>
                <div
                  className={`grid-resizer${h.column.getIsResizing() ? ' resizing' : ''}`}
                  onMouseDown={h.getResizeHandler()}
                  onTouchStart={h.getResizeHandler()}
                  onDoubleClick={() => h.column.resetSize()}
                  aria-hidden="true"
                />
              </div>
            );
          })}
        </div>
        {items.map((item) => {
          const cells = source.row(item.index);
          const isSelected = selected(item.index);
          return (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={isSelected}
              className={`grid-row${item.index % 2 ? ' odd' : ''}${isSelected ? ' selected' : ''}`}
              style={{ transform: `translateY(${item.start + ROW_HEIGHT}px)`, width: totalWidth }}
              onDoubleClick={() => cells && onActivate?.(cells, item.index)}
            >
              {rowAction && (
                <div className="grid-cell grid-action-cell" role="gridcell" style={{ width: actionWidth }}>
                  {cells ? rowAction(cells, item.index) : null}
                </div>
              )}
              {headers.map((h, col) => {
                const value = cells?.[col];
                const kind = source.columns[col]?.kind;
                const isActive = active.row === item.index && active.col === col;
                return (
                  <div
                    key={h.id}
                    id={cellId(item.index, col)}
                    role="gridcell"
                    aria-colindex={col + 1}
                    className={`grid-cell${kind === 'number' ? ' num' : ''}${isActive ? ' active' : ''}${value === null ? ' null' : ''}`}
                    style={{ width: h.getSize() }}
                    title={value === undefined || value === null ? undefined : cellText(value, h.id)}
                    onMouseDown={(e) => {
                      setActive({ row: item.index, col });
                      setSelection((s) => (e.shiftKey ? { anchor: s?.anchor ?? active.row, focus: item.index } : { anchor: item.index, focus: item.index }));
                    }}
                  >
                    {value === undefined ? <span className="cell-loading" aria-label="loading" /> : value === null ? '' : cellText(value, h.id)}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
      {source.rowCount === 0 && <p className="grid-empty">No rows.</p>}
    </div>
  );
}

/** The selected rows (or the whole loaded set) as text for the system clipboard. */
export async function copyToClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // The desktop app refuses permission requests; a copy command with a listener needs none.
    const listener = (e: ClipboardEvent) => {
      e.preventDefault();
      e.clipboardData?.setData('text/plain', text);
    };
    document.addEventListener('copy', listener);
    document.execCommand('copy');
    document.removeEventListener('copy', listener);
  }
}
