import { describe, expect, it } from 'vitest';
import { isFormulaLike, isTypedScalar, neutralisedProjection, neutraliseText } from '../../electron/engine/export/formula-injection';
import { xlsxCell } from '../../electron/engine/export/xlsx-export';

describe('formula injection', () => {
  it('prefixes text that a spreadsheet would run as a formula', () => {
    expect(neutraliseText('=HYPERLINK("http://evil.example","click")')).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(neutraliseText('+cmd|/C calc!A0')).toBe(`'+cmd|/C calc!A0`);
    expect(neutraliseText('-2+3')).toBe(`'-2+3`);
    expect(neutraliseText('@SUM(A1:A2)')).toBe(`'@SUM(A1:A2)`);
    expect(neutraliseText('\t=1+1')).toBe(`'\t=1+1`);
    expect(neutraliseText('\r=1+1')).toBe(`'\r=1+1`);
    expect(neutraliseText('\n=1+1')).toBe(`'\n=1+1`);
  });

  it('leaves ordinary text alone', () => {
    for (const text of ['', 'Hacking/IT Incident', 'Laptop, Email', ' =not first', "'already quoted", '5-10 people']) {
      expect(isFormulaLike(text)).toBe(false);
      expect(neutraliseText(text)).toBe(text);
    }
  });

  it('keeps numbers, dates and booleans typed in XLSX and neutralises text and lists', () => {
    expect(xlsxCell(-5)).toBe(-5);
    expect(xlsxCell(-5n)).toBe(-5);
    expect(xlsxCell(2n ** 60n)).toBe('1152921504606846976');
    expect(xlsxCell(true)).toBe(true);
    expect(xlsxCell(new Date('2024-02-29T00:00:00Z'))).toEqual(new Date('2024-02-29T00:00:00Z'));
    expect(xlsxCell('-5')).toBe(`'-5`);
    expect(xlsxCell(['=evil()', 'Theft'])).toBe(`'=evil(); Theft`);
    expect(xlsxCell(null)).toBeNull();
  });

  it('neutralises only text columns in the SQL projection', () => {
    expect(isTypedScalar('BIGINT')).toBe(true);
    expect(isTypedScalar('DECIMAL(18,3)')).toBe(true);
    expect(isTypedScalar('TIMESTAMP WITH TIME ZONE')).toBe(true);
    expect(isTypedScalar('VARCHAR')).toBe(false);
    const sql = neutralisedProjection([
      { name: 'n', type: 'INTEGER' },
      { name: 'description', type: 'VARCHAR' },
      { name: 'types', type: 'VARCHAR[]' },
      { name: 'odd"name', type: 'VARCHAR' },
    ]);
    expect(sql.startsWith('"n", ')).toBe(true);
    expect(sql).toContain(`regexp_matches(CAST("description" AS VARCHAR), '^[=+\\-@\\t\\r\\n]')`);
    expect(sql).toContain(`array_to_string(list_transform("types"`);
    expect(sql).toContain('AS "odd""name"');
  });
});
