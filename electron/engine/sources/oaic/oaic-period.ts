/**
 * OAIC reporting periods. The scheme began on 22 February 2018 and was reported quarterly to
 * June 2019, then half-yearly. Every `oaic_*` table names a period by label (`2018-Q3`, `2024-H1`)
 * and carries its first and last day, so a date filter works the same on every table.
 */

/** The Notifiable Data Breaches scheme commenced on 22 February 2018 (Privacy Amendment Act 2017). */
export const NDB_SCHEME_START = '2018-02-22';

export interface OaicPeriod {
  /** `YYYY-Qn` or `YYYY-Hn`. */
  period: string;
  /** ISO dates; the first period starts at the scheme's start, not on 1 January. */
  start: string;
  end: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Reads the period labels people and reports use: `2024-H1`, `H1 2024`, `2018 Q3`, `Jan-Jun 2024`,
 * `January to June 2024`, `1 July to 30 September 2018`, `Jul 2025 - Dec 2025`. Null when the text
 * is not one period (the caller rejects the row and says why).
 */
export function parseOaicPeriod(raw: string): OaicPeriod | null {
  const text = raw
    .trim()
    .toLowerCase()
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ');
  let match = /^(\d{4}) ?[-_/ ]? ?([qh])([1-4])$/.exec(text);
  if (match) return labelled(Number(match[1]), match[2] as 'q' | 'h', Number(match[3]));
  match = /^([qh])([1-4]) ?[-_/ ]? ?(\d{4})$/.exec(text);
  if (match) return labelled(Number(match[3]), match[1] as 'q' | 'h', Number(match[2]));
  // "Jan-Jun 2024", "January to June 2024", "1 July to 30 September 2018"
  match = /^(?:\d{1,2} )?([a-z]+)\.? ?(?:-|to) ?(?:\d{1,2} )?([a-z]+)\.? (\d{4})$/.exec(text);
  if (match) return fromMonths(Number(match[3]), month(match[1]!), Number(match[3]), month(match[2]!));
  // "Jul 2025 - Dec 2025"
  match = /^([a-z]+)\.? (\d{4}) ?(?:-|to) ?([a-z]+)\.? (\d{4})$/.exec(text);
  if (match) return fromMonths(Number(match[2]), month(match[1]!), Number(match[4]), month(match[3]!));
  return null;
}

/**
 * The period a pair of first/last days covers, e.g. 2024-01-01..2024-06-30 -> 2024-H1. The last day
 * must close a quarter or a half; the stated first day is kept (2018-Q1 began on 22 February).
 */
export function periodFromDates(start: string, end: string): OaicPeriod | null {
  const s = parseDay(start);
  const e = parseDay(end);
  if (!s || !e || s.iso > e.iso) return null;
  if (e.iso !== lastDayOfMonth(e.year, e.month)) return null;
  const months = (e.year - s.year) * 12 + (e.month - s.month) + 1;
  let period: OaicPeriod | null = null;
  if (months <= 3 && e.month % 3 === 0) period = labelled(e.year, 'q', e.month / 3);
  else if (months <= 6 && e.month % 6 === 0) period = labelled(e.year, 'h', e.month / 6);
  return period ? { ...period, start: s.iso } : null;
}

/** ISO `YYYY-MM-DD`, or `D/M/YYYY` as written in Australia (day first). */
export function parseDay(raw: string): { iso: string; year: number; month: number } | null {
  const text = raw.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  let year: number, monthNo: number, day: number;
  if (match) [year, monthNo, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text))) [day, monthNo, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  if (monthNo < 1 || monthNo > 12 || day < 1 || day > Number(lastDayOfMonth(year, monthNo).slice(8))) return null;
  return { iso: isoDay(year, monthNo, day), year, month: monthNo };
}

function labelled(year: number, kind: 'q' | 'h', n: number): OaicPeriod | null {
  const months = kind === 'q' ? 3 : 6;
  if (n < 1 || n > 12 / months || year < 2018) return null;
  const firstMonth = (n - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  const start = isoDay(year, firstMonth, 1);
  const end = lastDayOfMonth(year, lastMonth);
  if (end < NDB_SCHEME_START) return null;
  return { period: `${year}-${kind.toUpperCase()}${n}`, start: start < NDB_SCHEME_START ? NDB_SCHEME_START : start, end };
}

function fromMonths(startYear: number, first: number | null, endYear: number, last: number | null): OaicPeriod | null {
  if (first === null || last === null || startYear !== endYear || first > last) return null;
  const span = last - first + 1;
  // "Feb-Mar 2018" is the scheme's first, part quarter.
  if (span <= 3 && last % 3 === 0 && first > last - 3) return labelled(endYear, 'q', last / 3);
  if (span <= 6 && last % 6 === 0 && first > last - 6) return labelled(endYear, 'h', last / 6);
  return null;
}

function month(name: string): number | null {
  const index = MONTHS.indexOf(name.slice(0, 3));
  return index < 0 || (name.length > 3 && !fullMonthName(name)) ? null : index + 1;
}

function fullMonthName(name: string): boolean {
  return /^(january|february|march|april|may|june|july|august|september|october|november|december|sept)$/.test(name);
}

function isoDay(year: number, monthNo: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(monthNo).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function lastDayOfMonth(year: number, monthNo: number): string {
  const day = new Date(Date.UTC(year, monthNo, 0)).getUTCDate();
  return isoDay(year, monthNo, day);
}
