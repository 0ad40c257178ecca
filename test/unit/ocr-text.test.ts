import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDamagedSql, repairTextSql, textKeySql } from '../../electron/engine/sources/ocr/ocr-text';

let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

async function apply(fn: (expr: string) => string, text: string): Promise<unknown> {
  const reader = await connection.runAndReadAll(`SELECT ${fn('$t')} AS v`, { t: text });
  return reader.getRowObjectsJS()[0]?.v;
}

describe('OCR text damage', () => {
  // Each pair is a damaged string from the shared exports and the clean text of the same row.
  const pairs: Array<[string, string]> = [
    ['dates of birth, drivers\u0083?? license', 'dates of birth, drivers’ license'],
    ['response to the breach and OCR\u0083??s investigation', 'response to the breach and OCR’s investigation'],
    ['CVS Caremark Part D Services, L.L.C. (\u0083??CVS\u0083?\u009d)', 'CVS Caremark Part D Services, L.L.C. (“CVS”)'],
    ['Rady Children\u0083??s Hospital \u0083?? San Diego', 'Rady Children’s Hospital – San Diego'],
    ['included:\n\u0083?\u009b\tfailure to', 'included:\n•\tfailure to'],
    ['Northwest Health â€™??? La Porte', 'Northwest Health – La Porte'],
    ['WebTPA Employer Services, LLC (â€™???WebTPAâ€™???Â\u009d)', 'WebTPA Employer Services, LLC (“WebTPA”)'],
    ['The Childrenâ€™???s Home of Wyoming Conference', 'The Children’s Home of Wyoming Conference'],
  ];

  it('repairs the patterns to the characters the clean export has', async () => {
    for (const [damaged, clean] of pairs) {
      expect(await apply(isDamagedSql, damaged)).toBe(true);
      expect(await apply(repairTextSql, damaged)).toBe(clean);
      expect(await apply(isDamagedSql, clean)).toBe(false);
    }
  });

  it('leaves clean text unchanged and gives damaged and clean copies the same key', async () => {
    expect(await apply(repairTextSql, 'La Clínica de La Raza, Inc.')).toBe('La Clínica de La Raza, Inc.');
    for (const [damaged, clean] of pairs) expect(await apply(textKeySql, damaged)).toBe(await apply(textKeySql, clean));
    // "??" stands for a lost accented letter: the key drops accented letters too, so both agree.
    expect(await apply(textKeySql, 'La Cl??nica de La Raza, Inc.')).toBe('laclnicadelarazainc');
    expect(await apply(textKeySql, 'La Clínica de La Raza, Inc.')).toBe('laclnicadelarazainc');
    expect(await apply(textKeySql, 'Change Healthcare, Inc.')).toBe('changehealthcareinc');
  });
});
