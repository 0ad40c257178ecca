import { tableFromIPC } from 'apache-arrow';
import { tableToPlainRows, type PlainValue } from '../../shared/arrow-values';

export type OutputFormat = 'csv' | 'json' | 'arrow';

/** Arrow IPC bytes from the engine in the format asked for on the command line. */
export function formatResult(arrow: Uint8Array, format: OutputFormat): string | Uint8Array {
  if (format === 'arrow') return arrow;
  const table = tableFromIPC(arrow);
  const rows = tableToPlainRows(table);
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const names = table.schema.fields.map((f) => f.name);
  const lines = [names.map(csvCell).join(',')];
  for (const row of rows) lines.push(names.map((n) => csvCell(row[n] ?? null)).join(','));
  return `${lines.join('\n')}\n`;
}

/** RFC 4180 quoting; lists are written as their JSON text so they survive a round trip. */
function csvCell(value: PlainValue | string): string {
  if (value === null) return '';
  const text = Array.isArray(value) ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
