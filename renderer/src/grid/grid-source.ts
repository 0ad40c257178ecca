import type { PlainValue } from '../../../shared/arrow-values';

export type ColumnKind = 'number' | 'date' | 'text' | 'list' | 'boolean';

export interface GridColumn {
  name: string;
  kind: ColumnKind;
}

export interface SortKey {
  column: string;
  desc: boolean;
}

/**
 * What the grid draws from: a fixed number of rows, some of which may still be loading. The drill-down
 * grid pages rows in from the engine as they scroll into view; the SQL console holds its whole result.
 */
export interface GridSource {
  columns: GridColumn[];
  rowCount: number;
  /** The row's cells, or undefined while its page is loading. */
  row(index: number): PlainValue[] | undefined;
  /** Asks for rows [start, end) to be loaded; the source re-renders the grid when they arrive. */
  ensure(start: number, end: number): void;
  /** Every row in the current order, for export (may fetch). */
  allRows(): Promise<PlainValue[][]>;
}
