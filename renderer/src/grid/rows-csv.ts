import type { PlainValue } from '../../../shared/arrow-values';
import { cellRaw } from './cell-text';

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a
 * leading apostrophe (OWASP's advice on CSV injection). Numbers are not text and stay as they are.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(value: PlainValue): string {
  const text = typeof value === 'number' ? cellRaw(value) : neutraliseFormula(cellRaw(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with a header row and CRLF line ends; lists are joined with "; ". */
export function rowsToCsv(columns: readonly string[], rows: Iterable<readonly PlainValue[]>): string {
  const lines = [columns.map((c) => csvField(c)).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Tab-separated text for the clipboard: what a spreadsheet pastes into cells. */
export function rowsToTsv(columns: readonly string[] | null, rows: Iterable<readonly PlainValue[]>): string {
  const clean = (v: PlainValue) => cellRaw(v).replace(/[\t\r\n]+/g, ' ');
  const lines = columns ? [columns.join('\t')] : [];
  for (const row of rows) lines.push(row.map(clean).join('\t'));
  return lines.join('\n');
}
