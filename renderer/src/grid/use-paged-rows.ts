import { tableFromIPC, type Table } from 'apache-arrow';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DrillInput, ResultMeta, WorkbenchApi } from '../../../shared/api';
import type { PlainValue } from '../../../shared/arrow-values';
import type { Filters } from '../../../shared/filters';
import type { RowColumn } from '../../../shared/api';
import { arrowCell, arrowColumns } from './arrow-grid-source';
import type { GridColumn, GridSource, SortKey } from './grid-source';

const PAGE_SIZE = 200;
/** The engine's cap for one fetch; an export of more rows than this says so. */
export const EXPORT_ROW_LIMIT = 1_000_000;

export interface PagedRows {
  source: GridSource | null;
  totalRows: number | null;
  totalPeople: number | null;
  meta: ResultMeta | null;
  loading: boolean;
  error: string | null;
}

/**
 * The drill-down grid's rows, fetched from the engine a page at a time as they scroll into view.
 * Changing filters, drill or sort starts afresh; pages answered for an older request are dropped.
 */
export function usePagedRows(api: WorkbenchApi, filters: Filters, drill: DrillInput | null, sort: readonly SortKey[]): PagedRows {
  const request = useMemo(
    () => ({ filters, drill: drill ?? {}, sort: sort.map((s) => ({ column: s.column as RowColumn, desc: s.desc })) }),
    [filters, drill, sort],
  );
  const [state, setState] = useState<Omit<PagedRows, 'source' | 'loading'> & { columns: GridColumn[] | null; forRequest: unknown }>({
    columns: null,
    totalRows: null,
    totalPeople: null,
    meta: null,
    error: null,
    forRequest: null,
  });
  const pages = useRef(new Map<number, PlainValue[][]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const [, setVersion] = useState(0);

  useEffect(() => {
    const mine = ++generation.current;
    pages.current = new Map();
    pending.current = new Set([0]);
    api.fetchRows({ ...request, offset: 0, limit: PAGE_SIZE }).then(
      (result) => {
        if (mine !== generation.current) return;
        const table = tableFromIPC(result.arrow);
        pages.current.set(0, toRows(table));
        pending.current.delete(0);
        setState({ columns: arrowColumns(table), totalRows: result.totalRows, totalPeople: result.totalPeople, meta: result.meta, error: null, forRequest: request });
      },
      (error: unknown) => {
        if (mine !== generation.current) return;
        setState((s) => ({ ...s, error: error instanceof Error ? error.message : String(error), forRequest: request }));
      },
    );
  }, [api, request]);

  const source = useMemo<GridSource | null>(() => {
    if (!state.columns || state.totalRows === null) return null;
    const mine = generation.current;
    const loadPage = (page: number) => {
      if (pages.current.has(page) || pending.current.has(page)) return;
      pending.current.add(page);
      void api.fetchRows({ ...request, offset: page * PAGE_SIZE, limit: PAGE_SIZE, totals: false }).then(
        (result) => {
          if (mine !== generation.current) return;
          pages.current.set(page, toRows(tableFromIPC(result.arrow)));
          pending.current.delete(page);
          setVersion((v) => v + 1);
        },
        () => pending.current.delete(page),
      );
    };
    return {
      columns: state.columns,
      rowCount: state.totalRows,
      row: (index) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
      ensure: (start, end) => {
        for (let page = Math.floor(start / PAGE_SIZE); page <= Math.floor(Math.max(start, end - 1) / PAGE_SIZE); page++) loadPage(page);
      },
      allRows: async () => {
        const result = await api.fetchRows({ ...request, offset: 0, limit: EXPORT_ROW_LIMIT, totals: false });
        return toRows(tableFromIPC(result.arrow));
      },
    };
  }, [api, request, state.columns, state.totalRows]);

  return { source, totalRows: state.totalRows, totalPeople: state.totalPeople, meta: state.meta, loading: state.forRequest !== request, error: state.error };
}

function toRows(table: Table): PlainValue[][] {
  const out: PlainValue[][] = [];
  for (let r = 0; r < table.numRows; r++) out.push(table.schema.fields.map((_, c) => arrowCell(table, r, c)));
  return out;
}
