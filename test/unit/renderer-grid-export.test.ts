import { describe, expect, it } from 'vitest';
import { tableFromArrays } from 'apache-arrow';
import { arrowGridSource } from '../../renderer/src/grid/arrow-grid-source';
import { cellText } from '../../renderer/src/grid/cell-text';
import { neutraliseFormula, rowsToCsv, rowsToTsv } from '../../renderer/src/grid/rows-csv';

describe('CSV export of grid rows', () => {
  it('quotes what needs quoting, joins lists and writes CRLF', () => {
    const csv = rowsToCsv(['entity', 'records_affected', 'breach_types'], [
      ['Acme, Inc.', 500, ['Theft', 'Loss']],
      ['Say "hi"', null, []],
    ]);
    expect(csv).toBe('entity,records_affected,breach_types\r\n"Acme, Inc.",500,Theft; Loss\r\n"Say ""hi""",,\r\n');
  });

  it('neutralises text a spreadsheet would run as a formula, but not numbers', () => {
    expect(neutraliseFormula('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutraliseFormula('+1')).toBe(`'+1`);
    expect(neutraliseFormula('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutraliseFormula('Plain')).toBe('Plain');
    expect(rowsToCsv(['n', 's'], [[-5, '-5']])).toBe("n,s\r\n-5,'-5\r\n");
  });

  it('copies as tab-separated text without line breaks inside cells', () => {
    expect(rowsToTsv(['a', 'b'], [['x\ty', 'line\nbreak']])).toBe('a\tb\nx y\tline break');
  });
});

describe('the SQL result grid', () => {
  const table = tableFromArrays({ year: Int32Array.from([2021, 2019, 2020]), n: Float64Array.from([5, 7, 6]) });

  it('sorts in the window, either way, keeping the original order for ties', () => {
    const asc = arrowGridSource(table, [{ column: 'n', desc: false }]);
    expect([0, 1, 2].map((i) => asc.row(i)![0])).toEqual([2021, 2020, 2019]);
    const desc = arrowGridSource(table, [{ column: 'year', desc: true }]);
    expect([0, 1, 2].map((i) => desc.row(i)![0])).toEqual([2021, 2020, 2019]);
    expect(desc.columns.map((c) => c.kind)).toEqual(['number', 'number']);
  });

  it('writes years and ids without thousands separators, amounts with them', () => {
    expect(cellText(2024, 'year')).toBe('2024');
    expect(cellText(2024, 'breaches')).toBe('2,024');
    expect(cellText(3682, 'records_affected')).toBe('3,682');
    expect(cellText(7, 'case_id')).toBe('7');
    expect(cellText(['a', 'b'])).toBe('a, b');
    expect(cellText(true)).toBe('Yes');
  });
});
