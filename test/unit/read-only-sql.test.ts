import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareReadOnlyQuery } from '../../electron/engine/queries/read-only-sql';
import type { WorkbenchError } from '../../shared/errors';

describe('SQL console is read-only', () => {
  let instance: DuckDBInstance;
  let connection: Awaited<ReturnType<DuckDBInstance['connect']>>;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
    await connection.run('CREATE TABLE t AS SELECT range AS x FROM range(10)');
  });
  afterAll(() => instance.closeSync());

  it.each([
    'INSERT INTO t VALUES (1)',
    'DELETE FROM t',
    'UPDATE t SET x = 0',
    'DROP TABLE t',
    'CREATE TABLE u (a INT)',
    "COPY t TO '/tmp/bw-should-not-exist.csv'",
    "ATTACH '/tmp/other.duckdb' AS other",
    'SET threads = 1',
    "PRAGMA enable_profiling = 'json'",
    '  /* a comment first */ delete from t',
  ])('refuses %s', async (sql) => {
    await expect(prepareReadOnlyQuery(connection, sql, 10)).rejects.toMatchObject({ code: 'read_only' });
    const reader = await connection.runAndReadAll('SELECT count(*) AS n FROM t');
    expect(Number(reader.getRowObjectsJS()[0]!.n)).toBe(10);
  });

  it('refuses several statements at once', async () => {
    await expect(prepareReadOnlyQuery(connection, 'SELECT 1; DROP TABLE t', 10)).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('runs SELECT, CTEs, DESCRIBE and EXPLAIN', async () => {
    for (const sql of ['SELECT * FROM t;', 'WITH a AS (SELECT 1) SELECT * FROM a', 'DESCRIBE t', 'EXPLAIN SELECT * FROM t']) {
      await expect(prepareReadOnlyQuery(connection, sql, 10)).resolves.toBeDefined();
    }
  });

  it('names the line and column of a mistake', async () => {
    const error = (await prepareReadOnlyQuery(connection, 'SELECT x\nFROM nope', 10).catch((e: unknown) => e)) as WorkbenchError;
    expect(error.code).toBe('sql_error');
    expect(error.line).toBe(2);
    expect(error.column).toBe(6);
  });
});
