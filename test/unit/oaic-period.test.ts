import { describe, expect, it } from 'vitest';
import { NDB_SCHEME_START, parseDay, parseOaicPeriod, periodFromDates } from '../../electron/engine/sources/oaic/oaic-period';

describe('parseOaicPeriod', () => {
  it.each([
    ['2024-H1', '2024-H1', '2024-01-01', '2024-06-30'],
    ['2019-H2', '2019-H2', '2019-07-01', '2019-12-31'],
    ['2018-Q3', '2018-Q3', '2018-07-01', '2018-09-30'],
    ['H1 2024', '2024-H1', '2024-01-01', '2024-06-30'],
    ['2018 q4', '2018-Q4', '2018-10-01', '2018-12-31'],
    ['Jan-Jun 2024', '2024-H1', '2024-01-01', '2024-06-30'],
    ['Jul\u2013Dec 2025', '2025-H2', '2025-07-01', '2025-12-31'],
    ['January to June 2020', '2020-H1', '2020-01-01', '2020-06-30'],
    ['1 July to 30 September 2018', '2018-Q3', '2018-07-01', '2018-09-30'],
    ['Apr-Jun 2019', '2019-Q2', '2019-04-01', '2019-06-30'],
    ['Jul 2025 - Dec 2025', '2025-H2', '2025-07-01', '2025-12-31'],
  ])('reads %s as %s', (raw, period, start, end) => {
    expect(parseOaicPeriod(raw)).toEqual({ period, start, end });
  });

  it('starts the first quarter on the day the scheme began, 22 February 2018', () => {
    expect(parseOaicPeriod('2018-Q1')).toEqual({ period: '2018-Q1', start: NDB_SCHEME_START, end: '2018-03-31' });
    expect(parseOaicPeriod('Feb-Mar 2018')).toEqual({ period: '2018-Q1', start: '2018-02-22', end: '2018-03-31' });
  });

  it.each(['', 'Q5 2024', '2024-H3', '2024', 'Jan-Dec 2024', 'Mar-May 2024', '2017-Q4', 'Source: OAIC', 'Jun-Jan 2024', 'Juneteenth-June 2024'])(
    'rejects %j',
    (raw) => {
      expect(parseOaicPeriod(raw)).toBeNull();
    },
  );
});

describe('periodFromDates', () => {
  it('names the quarter or half a pair of first and last days covers', () => {
    expect(periodFromDates('2024-01-01', '2024-06-30')?.period).toBe('2024-H1');
    expect(periodFromDates('2019-04-01', '2019-06-30')?.period).toBe('2019-Q2');
    expect(periodFromDates('2018-02-22', '2018-03-31')).toEqual({ period: '2018-Q1', start: '2018-02-22', end: '2018-03-31' });
    expect(periodFromDates('1/07/2019', '31/12/2019')?.period).toBe('2019-H2');
  });

  it('refuses spans that are not one quarter or half', () => {
    expect(periodFromDates('2024-01-01', '2024-12-31')).toBeNull();
    expect(periodFromDates('2024-01-01', '2024-06-29')).toBeNull();
    expect(periodFromDates('2024-07-01', '2024-06-30')).toBeNull();
  });
});

describe('parseDay', () => {
  it('reads ISO and day-first Australian dates, and refuses impossible ones', () => {
    expect(parseDay('2024-02-29')?.iso).toBe('2024-02-29');
    expect(parseDay('31/12/2019')?.iso).toBe('2019-12-31');
    expect(parseDay('2023-02-29')).toBeNull();
    expect(parseDay('13/13/2020')).toBeNull();
  });
});
