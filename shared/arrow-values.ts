import { DataType, type Field, type Table, type Vector } from 'apache-arrow';

/** A cell as people read it: dates as ISO text, big integers exact, lists as arrays. */
export type PlainValue = string | number | boolean | null | PlainValue[];

/**
 * Reads one cell of an Arrow column for display or text export. Arrow JS returns dates as epoch
 * milliseconds and 64-bit integers as bigint; people expect "2024-02-29" and exact counts.
 */
export function plainValue(type: DataType, value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (DataType.isDate(type)) return new Date(Number(value)).toISOString().slice(0, 10);
  if (DataType.isTimestamp(type)) return new Date(Number(value)).toISOString().replace('.000Z', 'Z');
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (DataType.isList(type)) {
    const child = type.children[0]?.type as DataType;
    return [...(value as Vector)].map((v) => plainValue(child, v));
  }
  if (DataType.isDictionary(type)) return plainValue(type.dictionary, value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
  return String(value);
}

export function tableColumns(table: Table): Field[] {
  return table.schema.fields;
}

/** The whole table as row objects; for small results (charts, the CLI), not for big grids. */
export function tableToPlainRows(table: Table): Record<string, PlainValue>[] {
  const fields = table.schema.fields;
  const columns = fields.map((_, i) => table.getChildAt(i));
  const rows: Record<string, PlainValue>[] = [];
  for (let r = 0; r < table.numRows; r++) {
    const row: Record<string, PlainValue> = {};
    fields.forEach((field, i) => {
      row[field.name] = plainValue(field.type, columns[i]?.get(r));
    });
    rows.push(row);
  }
  return rows;
}
