import type { PlainValue } from '../../../shared/arrow-values';

const exact = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** Numbers that are names rather than amounts: 2024 is a year, not "2,024". */
const IDENTIFIER_COLUMN = /(^|_)(year|yr|month|id|code|zip|fips)$|^(line|record|record_number)$/i;

/** A cell as the grid shows it: exact numbers with separators, lists comma-joined, booleans in words. */
export function cellText(value: PlainValue, column?: string): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map((v) => cellText(v)).join(', ');
  if (typeof value === 'number') return column && IDENTIFIER_COLUMN.test(column) ? String(value) : exact.format(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return value;
}

/** A cell as copied or exported: no thousands separators, so spreadsheets read numbers as numbers. */
export function cellRaw(value: PlainValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map(cellRaw).join('; ');
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}
