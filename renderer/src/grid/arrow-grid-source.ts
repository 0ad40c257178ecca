import { DataType, type Table } from 'apache-arrow';
import { plainValue, type PlainValue } from '../../../shared/arrow-values';
import type { ColumnKind, GridColumn, GridSource, SortKey } from './grid-source';

export function columnKind(type: DataType): ColumnKind {
  if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type)) return 'number';
  if (DataType.isDate(type) || DataType.isTimestamp(type)) return 'date';
  if (DataType.isList(type)) return 'list';
  if (DataType.isBool(type)) return 'boolean';
  return 'text';
}

export function arrowColumns(table: Table): GridColumn[] {
  return table.schema.fields.map((f) => ({ name: f.name, kind: columnKind(f.type) }));
}

/** Reads cells straight from the Arrow columns, so a 100,000-row result is not copied into objects. */
export function arrowCell(table: Table, row: number, column: number): PlainValue {
  const field = table.schema.fields[column]!;
  return plainValue(field.type, table.getChildAt(column)?.get(row));
}

export function compareValues(a: PlainValue, b: PlainValue): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [Array.isArray(a) ? a.join(', ') : String(a), Array.isArray(b) ? b.join(', ') : String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A whole in-memory result (the SQL console's), sorted in the window; nulls always last. */
export function arrowGridSource(table: Table, sort: readonly SortKey[]): GridSource {
  const columns = arrowColumns(table);
  const order = Array.from({ length: table.numRows }, (_, i) => i);
  const keys = sort
    .map((s) => ({ index: columns.findIndex((c) => c.name === s.column), desc: s.desc }))
    .filter((k) => k.index >= 0);
  if (keys.length) {
    const cache = keys.map((k) => order.map((r) => arrowCell(table, r, k.index)));
    order.sort((a, b) => {
      for (const [i, k] of keys.entries()) {
        const [x, y] = [cache[i]![a]!, cache[i]![b]!];
        if (x === null || y === null) {
          if (x !== y) return x === null ? 1 : -1;
          continue;
        }
        const c = compareValues(x, y);
        if (c !== 0) return k.desc ? -c : c;
      }
      return a - b;
    });
  }
  const row = (index: number) => {
    const r = order[index];
    return r === undefined ? undefined : columns.map((_, c) => arrowCell(table, r, c));
  };
  return {
    columns,
    rowCount: table.numRows,
    row,
    ensure: () => undefined,
    allRows: async () => order.map((_, i) => row(i)!),
  };
}
