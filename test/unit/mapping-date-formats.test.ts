import { describe, expect, it } from 'vitest';
import { checkDatePattern, dateFormatExample, detectDateFormat, parseDateWith, strptimeVariants } from '../../electron/engine/mapping/date-formats';

const iso = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

describe('date formats of incident logs', () => {
  it('parses each candidate the way DuckDB strptime will, refusing impossible dates', () => {
    expect(iso(parseDateWith('iso', '2024-02-29'))).toBe('2024-02-29');
    expect(iso(parseDateWith('iso', '2024-03-01T10:30:00Z'))).toBe('2024-03-01');
    expect(parseDateWith('iso', '2023-02-29')).toBeNull();
    expect(iso(parseDateWith('%d/%m/%Y', '5/1/2024'))).toBe('2024-01-05');
    expect(iso(parseDateWith('%m/%d/%Y', '5/1/2024'))).toBe('2024-05-01');
    expect(parseDateWith('%d/%m/%Y', '31/02/2024')).toBeNull();
    expect(iso(parseDateWith('%d %B %Y', '7 march 2024'))).toBe('2024-03-07');
    expect(iso(parseDateWith('%b %d, %Y', 'Mar 7, 2024'))).toBe('2024-03-07');
    expect(iso(parseDateWith('%m/%d/%y', '03/07/24'))).toBe('2024-03-07');
    expect(iso(parseDateWith('%d/%m/%Y', '07/03/2024 14:05'))).toBe('2024-03-07');
    expect(iso(parseDateWith('excel_serial', '45358'))).toBe('2024-03-07');
  });

  it('detects ISO, and day-first when a day is over 12', () => {
    expect(detectDateFormat(['2024-01-05', '2024-12-31', ''])).toEqual({ format: 'iso', fit: 1, ambiguous: false });
    expect(detectDateFormat(['05/01/2024', '13/02/2024', 'sometime in May'])).toEqual({ format: '%d/%m/%Y', fit: 2 / 3, ambiguous: false });
    expect(detectDateFormat(['01/13/2024', '02/28/2024'])?.format).toBe('%m/%d/%Y');
  });

  it('says when day and month cannot be told apart (assumes month first)', () => {
    expect(detectDateFormat(['01/02/2024', '03/04/2024'])).toEqual({ format: '%m/%d/%Y', fit: 1, ambiguous: true });
  });

  it('does not take counts for dates, and Excel serials only when asked', () => {
    expect(detectDateFormat(['1200', '35', '15000'])).toBeNull();
    expect(detectDateFormat(['45358', '45400'])).toBeNull();
    expect(detectDateFormat(['45358', '45400'], { allowSerial: true })?.format).toBe('excel_serial');
  });

  it('accepts patterns of specifiers and separators only', () => {
    expect(() => checkDatePattern('%d.%m.%Y')).not.toThrow();
    expect(() => checkDatePattern("'; DROP TABLE x; --")).toThrow(/not a date format/);
    expect(() => checkDatePattern('dd/mm/yyyy')).toThrow(/not a date format/);
    expect(strptimeVariants('%d/%m/%Y')).toEqual(['%d/%m/%Y', '%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%d/%m/%YT%H:%M:%S']);
    expect(dateFormatExample('%d/%m/%Y')).toBe('31/12/2024');
  });
});
