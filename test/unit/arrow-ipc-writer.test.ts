import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckdbResultToArrowIpc, duckdbResultToArrowIpcResult, duckdbResultToArrowTable } from '../../electron/engine/arrow';
import { Database } from '../../electron/engine/db/database';

let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await connection.run(`CREATE TYPE IF NOT EXISTS kind AS ENUM ('hacking', 'theft', 'loss')`);
});
afterAll(() => instance.closeSync());

/** The values a reader sees, column by column, as strings (bigints and dates included). */
async function columnsOf(bytes: Uint8Array): Promise<Record<string, string[]>> {
  const table = tableFromIPC(bytes);
  return Object.fromEntries(table.schema.fields.map((f) => [f.name, [...table.getChild(f.name)!].map((v) => String(v))]));
}

describe('the Arrow IPC stream writer', () => {
  it("writes the very bytes apache-arrow's own writer does: schema, dictionary deltas, batches", async () => {
    // Several batches (batchRows 3000 over 10 000 rows), NULLs, dictionaries that grow from batch to
    // batch, an ENUM, lists, booleans, dates, timestamps and 64-bit integers.
    const sql = `
      SELECT i, CASE WHEN i % 7 = 0 THEN NULL ELSE i * 1000000007 END AS big,
             'v' || (i // 1000) AS grows, CASE WHEN i % 5 = 0 THEN NULL ELSE 'a longer label, number ' || (i % 13) END AS label,
             (['hacking', 'theft', 'loss'])[i % 3 + 1]::kind AS k, CASE WHEN i % 4 = 0 THEN NULL ELSE i % 2 = 0 END AS flag,
             DATE '2020-01-01' + (i % 400)::INTEGER AS day, TIMESTAMP '2024-01-01' + INTERVAL (i) SECOND AS at,
             CASE WHEN i % 6 = 0 THEN NULL ELSE [i::INTEGER, NULL] END AS l, (i / 3)::DOUBLE AS x,
             CASE WHEN i % 9 = 0 THEN NULL ELSE 'case ' || i || ', a distinct value per row' END AS distinct_text
      FROM range(10000) t(i) ORDER BY i`;
    const options = { batchRows: 3000 };
    // One materialized result read twice (by chunk index): the bytes under NULLs are whatever DuckDB
    // left there, which differs between two runs of the query.
    const result = await connection.run(sql);
    const ours = await duckdbResultToArrowIpc(result, options);
    const theirs = tableToIPC(await duckdbResultToArrowTable(result, options), 'stream');
    expect(ours.byteLength).toBe(theirs.byteLength);
    expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
    const decoded = tableFromIPC(ours);
    expect(decoded.batches.map((b) => b.numRows)).toEqual([4096, 4096, 1808]);
    expect(decoded.getChild('grows')!.get(9999)).toBe('v9');
  });

  it('keeps long strings exact when many share their length, first eight and last four bytes', async () => {
    // The guess table keys long strings by length and three of their words; these collide there and
    // differ only in the middle (or in one byte), so every guess must be checked byte for byte.
    const sql = `
      SELECT 'prefix-X' || lpad((i % 20011)::VARCHAR, 6, '0') || '-middle-END!' AS s,
             'same length ' || chr((65 + i % 26)::INTEGER) || ' differs in one byte' AS one_byte,
             'nul' || chr(0) || 'inside a long string ' || (i % 3) AS with_nul
      FROM range(60000) t(i) ORDER BY hash(i)`;
    const ipc = await columnsOf(await duckdbResultToArrowIpc(await connection.stream(sql)));
    const expected = (await connection.runAndReadAll(sql)).getRowObjectsJS();
    expect(ipc.s!.length).toBe(60000);
    for (const name of ['s', 'one_byte', 'with_nul']) expect(ipc[name]).toEqual(expected.map((row) => row[name]));
    const table = tableFromIPC(await duckdbResultToArrowIpc(await connection.run(sql)));
    const dictionary = table.getChild('s')!.data.at(-1)!.dictionary!;
    expect(dictionary.length).toBe(20011);
  });

  it('keeps tens of thousands of short codes distinct, empty string and NULL included', async () => {
    const sql = `
      SELECT CASE WHEN i % 1000 = 999 THEN NULL WHEN i % 1000 = 998 THEN '' ELSE 'C' || lpad((i % 70001)::VARCHAR, 7, '0') END AS code
      FROM range(200000) t(i)`;
    const table = tableFromIPC(await duckdbResultToArrowIpc(await connection.stream(sql)));
    const codes = [...table.getChild('code')!];
    const expected = (await connection.runAndReadAll(sql)).getRows().map((r) => r[0]);
    expect(codes).toEqual(expected);
    expect(new Set(codes).size).toBe(new Set(expected).size);
  });
});

describe('text columns', () => {
  it('stay dictionaries when values repeat, and turn plain Utf8 when the first batch is mostly distinct', async () => {
    const sql = `
      SELECT CASE WHEN i % 11 = 0 THEN NULL ELSE 'ID-' || i END AS id,
             CASE WHEN i % 11 = 0 THEN NULL ELSE md5(i::VARCHAR) || ' and then some more text' END AS description,
             'state ' || (i % 50) AS state,
             CASE WHEN i < 100000 THEN 'same' ELSE 'new ' || i END AS distinct_later
      FROM range(150000) t(i) ORDER BY i`;
    const bytes = await duckdbResultToArrowIpc(await connection.stream(sql));
    const table = tableFromIPC(bytes);
    expect(table.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual([
      'id:Utf8', 'description:Utf8', 'state:Dictionary<Int32, Utf8>', 'distinct_later:Dictionary<Int32, Utf8>',
    ]);
    expect(table.batches.length).toBeGreaterThan(1);
    const expected = (await connection.runAndReadAll(sql)).getRowObjectsJS();
    for (const name of ['id', 'description', 'state', 'distinct_later']) {
      expect([...table.getChild(name)!]).toEqual(expected.map((row) => row[name]));
    }
    expect(table.getChild('id')!.nullCount).toBe(Math.ceil(150000 / 11));
    // The Table path makes the same choice, and its IPC file form (what the Arrow export writes) reads back.
    const fromTable = await duckdbResultToArrowTable(await connection.run(sql));
    expect(String(fromTable.getChild('id')!.type)).toBe('Utf8');
    expect(tableFromIPC(tableToIPC(fromTable, 'file')).getChild('id')!.get(149999)).toBe('ID-149999');
  });
});

describe('maxRows', () => {
  const sql = `SELECT i, 'row ' || i AS label FROM range(10000) t(i) ORDER BY i`;

  it('stops at the limit, mid-chunk or on a chunk boundary, and says whether rows were left out', async () => {
    for (const [maxRows, rows, truncated] of [
      [100, 100, true],
      [2048, 2048, true],
      [4096, 4096, true],
      [9999, 9999, true],
      [10000, 10000, false],
      [20000, 10000, false],
      [0, 0, true],
    ] as const) {
      for (const stream of [true, false]) {
        const result = stream ? await connection.stream(sql) : await connection.run(sql);
        const answer = await duckdbResultToArrowIpcResult(result, { maxRows });
        expect({ maxRows, stream, rowCount: answer.rowCount, truncated: answer.truncated }).toEqual({ maxRows, stream, rowCount: rows, truncated });
        const table = tableFromIPC(answer.bytes);
        expect(table.numRows).toBe(rows);
        if (rows > 0) expect(table.getChild('label')!.get(rows - 1)).toBe(`row ${rows - 1}`);
      }
    }
  });
});

describe('Database.arrow', () => {
  it('returns the IPC bytes, the row count and whether maxRows cut the result', async () => {
    const db = await Database.open(':memory:');
    try {
      const sql = `SELECT i, 'k' || (i % 4) AS k, CASE WHEN i % 3 = 0 THEN NULL ELSE i END AS n FROM range(5000) t(i) ORDER BY i`;
      const whole = await db.arrow(sql);
      expect(whole.rowCount).toBe(5000);
      expect(whole.truncated).toBe(false);
      const direct = await duckdbResultToArrowIpc(await connection.run(sql));
      expect(await columnsOf(whole.bytes)).toEqual(await columnsOf(direct));
      const bound = await db.arrow(`SELECT i FROM range(10) t(i) WHERE i >= $from`, { from: 7 });
      expect([...tableFromIPC(bound.bytes).getChild('i')!]).toEqual([7n, 8n, 9n]);
      const cut = await db.arrow(sql, undefined, undefined, { maxRows: 10 });
      expect(cut.rowCount).toBe(10);
      expect(cut.truncated).toBe(true);
      expect([...tableFromIPC(cut.bytes).getChild('n')!]).toEqual([null, 1n, 2n, null, 4n, 5n, null, 7n, 8n, null]);
    } finally {
      db.close();
    }
  });
});
