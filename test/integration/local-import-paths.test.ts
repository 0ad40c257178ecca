import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPath } from '../../electron/engine/imports/run-import';
import { cleanedText, cleanedTextFast } from '../../electron/engine/mapping/cleaned-text';
import { SqlParams } from '../../electron/engine/mapping/sql-params';
import { useTempWorkspace } from '../helpers/temp-workspace';

const noop = () => ({ signal: new AbortController().signal, progress: () => undefined });

/** A log of `rows` rows whose Case ID is its data row's index, so every line can be checked. */
async function writeLog(path: string, rows: number, breachType: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(
      `COPY (SELECT 'ID-' || i AS "Case ID", strftime(DATE '2015-01-01' + CAST(i % 3650 AS INTEGER), '%Y-%m-%d') AS "Date Reported",
                    CASE WHEN i % 40000 = 7 THEN 'about 40' ELSE CAST(i % 1000 AS VARCHAR) END AS "Records Affected",
                    ['employee', 'hacker', 'vendor', 'unknown'][1 + i % 4] AS "Actor", ${breachType} AS "Breach Type"
             FROM range(${rows}) r(i)) TO '${path.replaceAll("'", "''")}' (HEADER)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('the ways a local log is read give the same rows, each at its line', () => {
  const t = useTempWorkspace('bw-local-paths-');


  it('cleans a value the same way with and without the shortcut', async () => {
    const values = ['', ' ', 'n/a', 'N/A', ' n/a ', 'Unknown', 'UNK', '-', '--', '?', '\\N', 'null', 'NULL', 'tbd', 'Not Known', 'not known ', 'none',
      'nil', 'na', 'n.a.', 'Nurse', 'nurse\u00a0', '\u3000x', 'x\u2003', '\tstaff', 'staff\n', 'Theft', 'text', 'Unknown actor', '-5', '?why', '\\x', 'é', 'ok', 'a b'];
    const p = new SqlParams();
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const reader = await connection.runAndReadAll(
        `SELECT v, ${cleanedText('v', p)} AS slow, ${cleanedTextFast('v', p)} AS fast FROM (SELECT unnest(${p.list(values)}) AS v)`,
        p.values,
        p.types,
      );
      const rows = reader.getRowObjectsJS();
      expect(rows).toHaveLength(values.length);
      for (const row of rows) expect(row.fast, JSON.stringify(row.v)).toBe(row.slow);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  const lines = async (table: string) =>
    t.workspace.db.rows(`SELECT count(*) AS n, count(*) FILTER (WHERE CAST(substr(case_id, 4) AS BIGINT) + 2 <> line) AS wrong FROM ${table}`);

  it('reads a big log once, its lines from the row order', async () => {
    const path = join(t.dir, 'one_pass.csv');
    await writeLog(path, 250_000, `['Theft', 'Loss', 'Ransomware'][1 + i % 3]`);
    const progress: string[] = [];
    const report = await importPath(t.workspace.db, path, { signal: new AbortController().signal, progress: (u) => progress.push(u.message) });
    expect(report).toMatchObject({ rowsRead: 250_000, rowsLoaded: 249_993, rowsRejected: 7 });
    expect(progress.filter((m) => m.includes('again'))).toEqual([]);
    expect(await lines('local_one_pass_rows')).toEqual([{ n: 249_993n, wrong: 0n }]);
    expect(await t.workspace.db.rows(`SELECT line FROM bw_rejects WHERE file = 'one_pass.csv' ORDER BY line`)).toEqual(
      [7, 40_007, 80_007, 120_007, 160_007, 200_007, 240_007].map((i) => ({ line: BigInt(i + 2) })),
    );
  });

  it('reads it again when a value appears only after the first rows, with the same result', async () => {
    const path = join(t.dir, 'late_value.csv');
    await writeLog(path, 250_000, `CASE WHEN i = 200000 THEN 'Gremlin attack' ELSE ['Theft', 'Loss', 'Ransomware'][1 + i % 3] END`);
    const progress: string[] = [];
    const report = await importPath(t.workspace.db, path, { signal: new AbortController().signal, progress: (u) => progress.push(u.message) });
    expect(report).toMatchObject({ rowsRead: 250_000, rowsLoaded: 249_993, rowsRejected: 7 });
    expect(progress).toContain('Reading late_value.csv again: some values were not in its first rows');
    expect(await lines('local_late_value_rows')).toEqual([{ n: 249_993n, wrong: 0n }]);
    expect(await t.workspace.db.rows(`SELECT line, breach_types FROM local_late_value_rows WHERE case_id = 'ID-200000'`)).toEqual([
      { line: 200_002n, breach_types: ['Gremlin attack'] },
    ]);
    expect(await t.workspace.db.value(`SELECT count(*) FROM bw_rejects WHERE file = 'late_value.csv'`)).toBe(7n);
  });

  it('maps a vocabulary too big for the fast lookups through the staged copy', async () => {
    const path = join(t.dir, 'many_types.csv');
    await writeLog(path, 120_000, `'Kind ' || (i % 700)`);
    const report = await importPath(t.workspace.db, path, noop());
    expect(report).toMatchObject({ rowsRead: 120_000, rowsLoaded: 119_997, rowsRejected: 3 });
    expect(await lines('local_many_types_rows')).toEqual([{ n: 119_997n, wrong: 0n }]);
    expect(await t.workspace.db.value(`SELECT count(DISTINCT breach_types) FROM breaches WHERE source = 'local:many_types'`)).toBe(700n);
  });

  it('keeps no ENUM type and no temp table behind', async () => {
    expect(await t.workspace.db.rows(`SELECT type_name FROM duckdb_types() WHERE type_name LIKE 'bw_enum%'`)).toEqual([]);
    expect(await t.workspace.db.rows(`SELECT table_name FROM duckdb_tables() WHERE temporary`)).toEqual([]);
  });
});
