import { WorkbenchError } from '../../../shared/errors';

/**
 * Date formats a mapping can name: 'iso' (DuckDB's own cast: 2024-12-31, with or without a time),
 * 'excel_serial' (days since 1899-12-30, what a spreadsheet exports when a date lost its format),
 * or a strptime pattern. Candidates are tried in this order, so on a tie the earlier one wins.
 */
export const DATE_FORMAT_CANDIDATES = [
  'iso',
  '%Y/%m/%d',
  '%m/%d/%Y',
  '%d/%m/%Y',
  '%d.%m.%Y',
  '%d-%m-%Y',
  '%m-%d-%Y',
  '%m/%d/%y',
  '%d/%m/%y',
  '%d %B %Y',
  '%d %b %Y',
  '%B %d, %Y',
  '%b %d, %Y',
  '%Y%m%d',
] as const;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A strptime pattern a user may type: DuckDB specifiers and plain separators only. */
export function checkDatePattern(format: string): void {
  if (format === 'iso' || format === 'excel_serial') return;
  if (!/%[YymdBbHMSp]/.test(format) || !/^(?:%[YymdBbHMSjep%]|[ ,./:\-T'])+$/.test(format)) {
    throw new WorkbenchError({
      code: 'invalid_request',
      message: `"${format}" is not a date format the mapping understands: use 'iso', 'excel_serial' or a pattern such as %d/%m/%Y`,
    });
  }
}

/** The patterns handed to DuckDB's try_strptime: the date alone, or followed by a time of day. */
export function strptimeVariants(format: string): string[] {
  return [format, `${format} %H:%M:%S`, `${format} %H:%M`, `${format}T%H:%M:%S`];
}

/** Parses one value the way the SQL will, so detection and import agree; returns null when it does not fit. */
export function parseDateWith(format: string, raw: string): Date | null {
  const value = raw.trim();
  if (format === 'iso') {
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/.exec(value);
    return m ? validDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  }
  if (format === 'excel_serial') {
    if (!/^\d{4,5}(\.\d+)?$/.test(value)) return null;
    const days = Math.floor(Number(value));
    return new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  }
  const groups: string[] = [];
  const source = format.replace(/%([YymdBb])|([^%]+)/g, (_all, spec: string | undefined, literal: string | undefined) => {
    if (literal) return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    groups.push(spec!);
    if (spec === 'Y') return '(\\d{4})';
    if (spec === 'y') return '(\\d{2})';
    if (spec === 'm' || spec === 'd') return '(\\d{1,2})';
    if (spec === 'B') return '([A-Za-z]+)';
    return '([A-Za-z]{3})';
  });
  const m = new RegExp(`^${source}(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?$`).exec(value);
  if (!m) return null;
  let year = NaN;
  let month = NaN;
  let day = NaN;
  groups.forEach((spec, i) => {
    const part = m[i + 1]!;
    if (spec === 'Y') year = Number(part);
    else if (spec === 'y') year = Number(part) + (Number(part) < 69 ? 2000 : 1900);
    else if (spec === 'm') month = Number(part);
    else if (spec === 'd') day = Number(part);
    else if (spec === 'B') month = MONTHS.indexOf(part.toLowerCase()) + 1 || NaN;
    else month = MONTHS.findIndex((name) => name.slice(0, 3) === part.toLowerCase()) + 1 || NaN;
  });
  return validDate(year, month, day);
}

function validDate(year: number, month: number, day: number): Date | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

export interface DetectedDateFormat {
  format: string;
  /** Share of the non-empty samples that parse with it. */
  fit: number;
  /** Set when day-first and month-first both fit every sample. */
  ambiguous: boolean;
}

/** Picks the format most samples fit; plausible years only (1900 to next year), so counts are not taken for dates. */
export function detectDateFormat(samples: readonly string[], options: { allowSerial?: boolean } = {}): DetectedDateFormat | null {
  const values = samples.map((s) => s.trim()).filter((s) => s.length > 0);
  if (values.length === 0) return null;
  const maxYear = new Date().getUTCFullYear() + 1;
  const candidates: string[] = [...DATE_FORMAT_CANDIDATES, ...(options.allowSerial ? ['excel_serial'] : [])];
  let best: DetectedDateFormat | null = null;
  const fits = new Map<string, number>();
  for (const format of candidates) {
    const parsed = values.filter((v) => {
      const d = parseDateWith(format, v);
      return d !== null && d.getUTCFullYear() >= 1900 && d.getUTCFullYear() <= maxYear;
    }).length;
    const fit = parsed / values.length;
    fits.set(format, fit);
    if (!best || fit > best.fit) best = { format, fit, ambiguous: false };
  }
  if (!best || best.fit === 0) return null;
  const twin = DAY_MONTH_TWINS[best.format];
  if (twin && fits.get(twin) === best.fit) best.ambiguous = true;
  return best;
}

const DAY_MONTH_TWINS: Record<string, string> = {
  '%m/%d/%Y': '%d/%m/%Y',
  '%d/%m/%Y': '%m/%d/%Y',
  '%m-%d-%Y': '%d-%m-%Y',
  '%d-%m-%Y': '%m-%d-%Y',
  '%m/%d/%y': '%d/%m/%y',
  '%d/%m/%y': '%m/%d/%y',
};

/** An example of the format, for notes and reject reasons ("expected a date like 31/12/2024"). */
export function dateFormatExample(format: string): string {
  if (format === 'iso') return '2024-12-31';
  if (format === 'excel_serial') return '45657';
  return format
    .replace('%Y', '2024')
    .replace('%y', '24')
    .replace('%m', '12')
    .replace('%d', '31')
    .replace('%B', 'December')
    .replace('%b', 'Dec')
    .replace('%H', '23')
    .replace('%M', '59')
    .replace('%S', '59');
}
