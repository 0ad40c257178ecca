import { DuckDBInstance, type DuckDBConnection, type DuckDBResult } from '@duckdb/node-api';
import { DataType, RecordBatchReader, tableFromIPC, tableToIPC, type Table, type Vector } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckdbResultToArrowIpc, duckdbResultToArrowTable, type ArrowConversionOptions } from '../../electron/engine/arrow';

let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});
afterAll(() => instance.closeSync());

/** Runs SQL, converts through IPC bytes and decodes them again: the renderer's view of the result. */
async function viaIpc(sql: string, options?: ArrowConversionOptions & { stream?: boolean }): Promise<Table> {
  const result: DuckDBResult = options?.stream ? await connection.stream(sql) : await connection.run(sql);
  return tableFromIPC(await duckdbResultToArrowIpc(result, options));
}

function column(table: Table, name: string): Vector {
  const vector = table.getChild(name);
  if (vector === null) throw new Error(`no column ${name}`);
  return vector;
}

/** Row values through Arrow's getters: null for NULL rows, never a typed array. */
function values(table: Table, name: string): unknown[] {
  return [...column(table, name)] as unknown[];
}

/** The raw values buffer of a single-batch column: what the bytes on the wire say, before any getter. */
function rawValues(table: Table, name: string): ArrayLike<unknown> {
  const data = column(table, name).data;
  expect(data).toHaveLength(1);
  // IPC pads buffers to 8 bytes, so the decoded array may run past the last row.
  return (data[0]!.values as Int32Array).subarray(0, data[0]!.length);
}

function listValues(table: Table, name: string): (unknown[] | null)[] {
  return values(table, name).map((list) => (list === null ? null : [...(list as Vector)]));
}

const daysSinceEpoch = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('duckdbResultToArrowIpc', () => {
  it('round-trips every integer width, including extremes, negatives and NULLs', async () => {
    const table = await viaIpc(`
      SELECT * FROM (VALUES
        ((-128)::TINYINT, (-32768)::SMALLINT, (-2147483648)::INTEGER, (-9223372036854775808)::BIGINT,
         0::UTINYINT, 0::USMALLINT, 0::UINTEGER, 0::UBIGINT),
        (127::TINYINT, 32767::SMALLINT, 2147483647::INTEGER, 9223372036854775807::BIGINT,
         255::UTINYINT, 65535::USMALLINT, 4294967295::UINTEGER, 18446744073709551615::UBIGINT),
        (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
        ((-1)::TINYINT, (-2)::SMALLINT, (-3)::INTEGER, 9007199254740993::BIGINT, 1::UTINYINT, 2::USMALLINT, 3::UINTEGER, 9007199254740993::UBIGINT),
        (0::TINYINT, 0::SMALLINT, 0::INTEGER, (-9007199254740993)::BIGINT, NULL, NULL, NULL, NULL)
      ) v(ti, si, i, bi, uti, usi, ui, ubi)`);
    expect(table.schema.fields.map((f) => String(f.type))).toEqual([
      'Int8', 'Int16', 'Int32', 'Int64', 'Uint8', 'Uint16', 'Uint32', 'Uint64',
    ]);
    expect(values(table, 'ti')).toEqual([-128, 127, null, -1, 0]);
    expect(values(table, 'si')).toEqual([-32768, 32767, null, -2, 0]);
    expect(values(table, 'i')).toEqual([-2147483648, 2147483647, null, -3, 0]);
    expect(values(table, 'bi')).toEqual([-(2n ** 63n), 2n ** 63n - 1n, null, 9007199254740993n, -9007199254740993n]);
    expect(values(table, 'uti')).toEqual([0, 255, null, 1, null]);
    expect(values(table, 'usi')).toEqual([0, 65535, null, 2, null]);
    expect(values(table, 'ui')).toEqual([0, 4294967295, null, 3, null]);
    expect(values(table, 'ubi')).toEqual([0n, 2n ** 64n - 1n, null, 9007199254740993n, null]);
    expect(column(table, 'bi').nullCount).toBe(1);
    expect(column(table, 'ubi').nullCount).toBe(2);
  });

  it('round-trips floats, doubles and their special values', async () => {
    const table = await viaIpc(`
      SELECT * FROM (VALUES
        (1.5::FLOAT, 0.1::DOUBLE), (-0.0::FLOAT, -1e308::DOUBLE), (NULL, NULL),
        ('inf'::FLOAT, '-inf'::DOUBLE), ('nan'::FLOAT, 'nan'::DOUBLE)
      ) v(f, d)`);
    expect(String(column(table, 'f').type)).toBe('Float32');
    expect(String(column(table, 'd').type)).toBe('Float64');
    expect(values(table, 'f')).toEqual([1.5, -0, null, Infinity, NaN]);
    expect(values(table, 'd')).toEqual([0.1, -1e308, null, -Infinity, NaN]);
  });

  it('packs booleans into bits and keeps NULLs apart from false', async () => {
    const table = await viaIpc(`SELECT * FROM (VALUES (true), (false), (NULL), (true), (true), (false), (NULL), (true), (false), (true)) v(b)`);
    expect(String(column(table, 'b').type)).toBe('Bool');
    expect(values(table, 'b')).toEqual([true, false, null, true, true, false, null, true, false, true]);
  });

  it('maps DATE to DateDay, exactly, on both sides of the epoch', async () => {
    const table = await viaIpc(`
      SELECT * FROM (VALUES (DATE '2024-02-29'), (DATE '1970-01-01'), (DATE '1899-12-31'), (NULL), (DATE '0001-01-01')) v(d)`);
    expect(String(column(table, 'd').type)).toBe('Date32<DAY>');
    expect(Array.from(rawValues(table, 'd') as Int32Array).filter((_, i) => i !== 3)).toEqual([
      daysSinceEpoch('2024-02-29'), 0, daysSinceEpoch('1899-12-31'), -719162,
    ]);
    expect(values(table, 'd')).toEqual([Date.UTC(2024, 1, 29), 0, Date.UTC(1899, 11, 31), null, -719162 * 86_400_000]);
  });

  it('maps each TIMESTAMP flavour to Timestamp with its own unit, to the tick', async () => {
    const table = await viaIpc(`
      SELECT TIMESTAMP '2024-02-29 12:34:56.789012' AS us,
             TIMESTAMP_S '1899-12-31 23:59:59' AS s,
             TIMESTAMP_MS '2024-02-29 12:34:56.789' AS ms,
             TIMESTAMP_NS '2024-02-29 12:34:56.789012345' AS ns,
             TIMESTAMPTZ '2024-02-29 12:00:00+02' AS tz,
             NULL::TIMESTAMP AS none`);
    expect(String(column(table, 'us').type)).toBe('Timestamp<MICROSECOND>');
    expect(String(column(table, 's').type)).toBe('Timestamp<SECOND>');
    expect(String(column(table, 'ms').type)).toBe('Timestamp<MILLISECOND>');
    expect(String(column(table, 'ns').type)).toBe('Timestamp<NANOSECOND>');
    expect(String(column(table, 'tz').type)).toBe('Timestamp<MICROSECOND, UTC>');
    const ms = BigInt(Date.UTC(2024, 1, 29, 12, 34, 56, 789));
    expect(rawValues(table, 'us')[0]).toBe(ms * 1000n + 12n);
    expect(rawValues(table, 's')[0]).toBe(BigInt(Date.UTC(1899, 11, 31, 23, 59, 59) / 1000));
    expect(rawValues(table, 'ms')[0]).toBe(ms);
    expect(rawValues(table, 'ns')[0]).toBe(ms * 1_000_000n + 12_345n);
    expect(rawValues(table, 'tz')[0]).toBe(BigInt(Date.UTC(2024, 1, 29, 10)) * 1000n);
    expect(values(table, 'none')).toEqual([null]);
  });

  it('dictionary-encodes VARCHAR: unicode intact, empty string distinct from NULL, repeats share entries', async () => {
    const words = ['Zürich', '東京', '🔒 breach', '', 'exactly12byt', 'thirteen byte', 'a much longer string than twelve bytes'];
    const sqlList = words.map((w) => `'${w}'`).join(', ');
    const table = await viaIpc(`
      SELECT CASE WHEN i % 9 = 8 THEN NULL ELSE ([${sqlList}, NULL])[(i % 9) + 1] END AS s
      FROM range(45) t(i) ORDER BY i`);
    const s = column(table, 's');
    expect(DataType.isDictionary(s.type)).toBe(true);
    expect(String(s.type)).toBe('Dictionary<Int32, Utf8>');
    const expected = Array.from({ length: 45 }, (_, i) => (i % 9 >= 7 ? null : words[i % 9]!));
    expect(s.toArray()).toEqual(expected);
    expect(s.nullCount).toBe(10);
    const data = s.data[0]!;
    expect(data.dictionary!.length).toBe(words.length);
    expect([...data.dictionary!].sort()).toEqual([...words].sort());
    const indices = data.values as Int32Array;
    for (let i = 9; i < 45; i++) if (expected[i] !== null) expect(indices[i]).toBe(indices[i % 9]);
  });

  it('reads long strings wherever DuckDB keeps them, NULLs between them included', async () => {
    const table = await viaIpc(`
      SELECT i, CASE WHEN i % 5 = 0 THEN NULL ELSE repeat(chr((65 + (i % 26))::INTEGER), (13 + (i % 300))::INTEGER) || i END AS s,
             md5(i::VARCHAR) AS h, repeat('x', 100000) AS huge
      FROM range(3000) t(i) ORDER BY i`);
    const s = values(table, 's');
    const h = values(table, 'h');
    for (let i = 0; i < 3000; i++) {
      expect(s[i]).toBe(i % 5 === 0 ? null : String.fromCharCode(65 + (i % 26)).repeat(13 + (i % 300)) + i);
    }
    const expectedHashes = (await connection.runAndReadAll('SELECT md5(i::VARCHAR) FROM range(3000) t(i) ORDER BY i')).getRows();
    expect(h).toEqual(expectedHashes.map((row) => row[0]));
    expect((values(table, 'huge')[2999] as string).length).toBe(100000);
  });

  it('converts LISTs of numbers and of strings, with NULL lists, empty lists and NULL elements', async () => {
    const table = await viaIpc(`
      SELECT * FROM (VALUES
        (1, [1, NULL, 3]::INTEGER[], ['a', NULL, 'a string well over twelve bytes']::VARCHAR[], [1.5, NULL]::DOUBLE[]),
        (2, NULL, NULL, NULL),
        (3, []::INTEGER[], []::VARCHAR[], []::DOUBLE[]),
        (4, [NULL]::INTEGER[], [NULL, '']::VARCHAR[], [-2.25]::DOUBLE[]),
        (5, [2147483647, -2147483648]::INTEGER[], ['Zürich', 'Zürich']::VARCHAR[], [0.0]::DOUBLE[])
      ) v(id, ints, strs, dbls) ORDER BY id`);
    expect(String(column(table, 'ints').type)).toBe('List<Int32>');
    expect(String(column(table, 'strs').type)).toBe('List<Utf8>');
    expect(String(column(table, 'dbls').type)).toBe('List<Float64>');
    expect(listValues(table, 'ints')).toEqual([[1, null, 3], null, [], [null], [2147483647, -2147483648]]);
    expect(listValues(table, 'strs')).toEqual([['a', null, 'a string well over twelve bytes'], null, [], [null, ''], ['Zürich', 'Zürich']]);
    expect(listValues(table, 'dbls')).toEqual([[1.5, null], null, [], [-2.25], [0]]);
    expect(column(table, 'ints').nullCount).toBe(1);
  });

  it('converts lists spread over several chunks', async () => {
    const table = await viaIpc(
      `SELECT i, CASE WHEN i % 7 = 0 THEN NULL ELSE [i::INTEGER, (i + 1)::INTEGER, NULL] END AS l,
              CASE WHEN i % 11 = 0 THEN NULL ELSE ['v' || i, 'a fairly long element ' || i] END AS ls
       FROM range(5000) t(i) ORDER BY i`,
      { batchRows: 3000 },
    );
    const l = listValues(table, 'l');
    const ls = listValues(table, 'ls');
    for (let i = 0; i < 5000; i++) {
      expect(l[i]).toEqual(i % 7 === 0 ? null : [i, i + 1, null]);
      expect(ls[i]).toEqual(i % 11 === 0 ? null : [`v${i}`, `a fairly long element ${i}`]);
    }
  });

  it('converts lists whose entries share or skip elements, and lists of lists', async () => {
    // A constant list flattens to every row pointing at the same elements.
    const shared = await viaIpc(`SELECT ['same', 'a shared string over twelve'] AS l, [1.5, 2.5] AS d FROM range(3000)`);
    expect(listValues(shared, 'l').every((l) => l!.join('|') === 'same|a shared string over twelve')).toBe(true);
    expect(listValues(shared, 'd').every((l) => l!.join('|') === '1.5|2.5')).toBe(true);
    const sliced = await viaIpc(`SELECT i, list_slice(['a', 'bb', 'a long element, longer than 12', 'dddd'], (i % 3 + 1)::INTEGER, (i % 3 + 2)::INTEGER) AS l FROM range(10) t(i) ORDER BY i`);
    const all = ['a', 'bb', 'a long element, longer than 12', 'dddd'];
    expect(listValues(sliced, 'l')).toEqual(Array.from({ length: 10 }, (_, i) => all.slice(i % 3, i % 3 + 2)));
    const nested = await viaIpc(`SELECT * FROM (VALUES (1, [[1, 2], NULL, []]::INTEGER[][]), (2, NULL), (3, [[NULL, 3]])) v(id, ll) ORDER BY id`);
    expect(String(column(nested, 'll').type)).toBe('List<List<Int32>>');
    expect(values(nested, 'll').map((outer) => (outer === null ? null : [...(outer as Vector)].map((inner) => (inner === null ? null : [...(inner as Vector)]))))).toEqual([
      [[1, 2], null, []], null, [[null, 3]],
    ]);
  });

  it('maps DECIMAL and HUGEINT to Float64', async () => {
    const table = await viaIpc(`
      SELECT 12.34::DECIMAL(4,2) AS d16, -1234567.89::DECIMAL(9,2) AS d32, 123456789012.345678::DECIMAL(18,6) AS d64,
             -12345678901234567890.1234567890::DECIMAL(38,10) AS d128, NULL::DECIMAL(10,2) AS dnull,
             (-170141183460469231731687303715884105728)::HUGEINT AS h, 12345::UHUGEINT AS uh`);
    for (const name of ['d16', 'd32', 'd64', 'd128', 'dnull', 'h', 'uh']) expect(String(column(table, name).type)).toBe('Float64');
    expect(values(table, 'd16')).toEqual([12.34]);
    expect(values(table, 'd32')).toEqual([-1234567.89]);
    expect(values(table, 'd64')).toEqual([Number('123456789012.345678')]);
    // Beyond 2^53 the double is only the nearest one: within a part in 10^15.
    expect(Math.abs((values(table, 'd128')[0] as number) / Number('-12345678901234567890.123456789') - 1)).toBeLessThan(1e-15);
    expect(values(table, 'dnull')).toEqual([null]);
    expect(values(table, 'h')).toEqual([-(2 ** 127)]);
    expect(values(table, 'uh')).toEqual([12345]);
  });

  it('maps ENUM to a dictionary of all its members and BLOB to Binary', async () => {
    await connection.run(`CREATE TYPE IF NOT EXISTS breach_kind AS ENUM ('hacking', 'theft', 'loss', 'disposal')`);
    const table = await viaIpc(`
      SELECT * FROM (VALUES ('theft'::breach_kind, '\\x00\\xFF'::BLOB), (NULL, NULL), ('hacking'::breach_kind, ''::BLOB), ('theft'::breach_kind, 'abcdefghijklmnopq'::BLOB)) v(k, b)`);
    const k = column(table, 'k');
    expect(String(k.type)).toBe('Dictionary<Int32, Utf8>');
    expect(k.toArray()).toEqual(['theft', null, 'hacking', 'theft']);
    expect([...k.data[0]!.dictionary!]).toEqual(['hacking', 'theft', 'loss', 'disposal']);
    expect(String(column(table, 'b').type)).toBe('Binary');
    expect(values(table, 'b').map((v) => (v === null ? null : Array.from(v as Uint8Array)))).toEqual([
      [0, 255], null, [], Array.from(new TextEncoder().encode('abcdefghijklmnopq')),
    ]);
  });

  it("falls back to DuckDB's text form for UUID, INTERVAL, STRUCT and friends", async () => {
    const table = await viaIpc(`
      SELECT uuid '12345678-1234-5678-1234-567812345678' AS u, INTERVAL '1 day 3 hours' AS iv,
             {'a': 1, 'b': 'x'} AS st, MAP {'k': 1} AS m, NULL::UUID AS un, TIME '12:34:56.789' AS t`);
    for (const name of ['u', 'iv', 'st', 'm', 'un']) expect(String(column(table, name).type)).toBe('Utf8');
    expect(values(table, 'u')).toEqual(['12345678-1234-5678-1234-567812345678']);
    expect(values(table, 'iv')).toEqual(['1 day 03:00:00']);
    expect(values(table, 'st')).toEqual(["{'a': 1, 'b': 'x'}"]);
    expect(values(table, 'm')).toEqual(["{'k': 1}"]);
    expect(values(table, 'un')).toEqual([null]);
    expect(String(column(table, 't').type)).toBe('Time64<MICROSECOND>');
    expect(rawValues(table, 't')[0]).toBe(BigInt((12 * 3600 + 34 * 60 + 56) * 1_000_000 + 789_000));
  });

  it('keeps column names exactly, duplicates and odd characters included', async () => {
    const sql = `SELECT 1 AS a, 'x' AS a, 2 AS "we!rd ""name"" ü.; ", 3 AS "A"`;
    const names = ['a', 'a', 'we!rd "name" ü.; ', 'A'];
    const table = await duckdbResultToArrowTable(await connection.run(sql));
    expect(table.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual([
      'a:Int32', 'a:Dictionary<Int32, Utf8>', `${names[2]}:Int32`, 'A:Int32',
    ]);
    // The schema on the wire. (Decoding with tableFromIPC would show the first
    // 'a' as a dictionary: apache-arrow's RecordBatch merges same-named fields.)
    const reader = RecordBatchReader.from(await duckdbResultToArrowIpc(await connection.run(sql)));
    reader.open();
    expect(reader.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual(table.schema.fields.map((f) => `${f.name}:${String(f.type)}`));
    const decoded = tableFromIPC(await duckdbResultToArrowIpc(await connection.run(sql)));
    expect(decoded.schema.fields.map((f) => f.name)).toEqual(names);
    expect([...decoded.getChildAt(0)!]).toEqual([1]);
    expect([...decoded.getChildAt(1)!]).toEqual(['x']);
    expect([...decoded.getChildAt(2)!]).toEqual([2]);
  });

  it('produces a valid stream carrying the schema for an empty result', async () => {
    const table = await viaIpc(`SELECT 1::INTEGER AS n, 'x' AS s, [1] AS l, DATE '2024-01-01' AS d, true AS b, 1 AS n FROM range(10) WHERE false`);
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual([
      'n:Int32', 's:Dictionary<Int32, Utf8>', 'l:List<Int32>', 'd:Date32<DAY>', 'b:Bool', 'n:Int32',
    ]);
    const streamed = await viaIpc(`SELECT 'x' AS s FROM range(3) WHERE false`, { stream: true });
    expect(streamed.numRows).toBe(0);
    expect(streamed.schema.fields.map((f) => f.name)).toEqual(['s']);
  });

  it('merges a result of several chunks, or keeps one batch per chunk when asked', async () => {
    const sql = `SELECT i, CASE WHEN i % 7 = 0 THEN NULL ELSE i * 2 END AS twice, 'k' || (i % 3) AS k,
                        CASE WHEN i % 3 = 0 THEN NULL ELSE i % 2 = 0 END AS even
                 FROM range(5000) t(i) ORDER BY i`;
    for (const batchRows of [undefined, 1]) {
      const table = await viaIpc(sql, { batchRows });
      expect(table.numRows).toBe(5000);
      expect(table.batches.map((b) => b.numRows)).toEqual(batchRows === 1 ? [2048, 2048, 904] : [5000]);
      expect(values(table, 'i')).toEqual(Array.from({ length: 5000 }, (_, i) => BigInt(i)));
      expect(values(table, 'twice')).toEqual(Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? null : BigInt(i * 2))));
      expect(values(table, 'k')).toEqual(Array.from({ length: 5000 }, (_, i) => `k${i % 3}`));
      expect(values(table, 'even')).toEqual(Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? null : i % 2 === 0)));
      expect(column(table, 'twice').nullCount).toBe(Math.ceil(5000 / 7));
      // One dictionary spans the batches: the first batch saw every value already.
      for (const data of column(table, 'k').data) expect(data.dictionary!.length).toBe(3);
    }
  });

  it('grows one dictionary across batches with deltas, so indices are stable and the IPC file format works', async () => {
    const sql = `SELECT CASE WHEN i < 2048 THEN 'early ' || (i % 2) ELSE 'late, and longer than twelve ' || (i % 3) END AS s
                 FROM range(5000) t(i) ORDER BY i`;
    const table = await duckdbResultToArrowTable(await connection.run(sql), { batchRows: 1 });
    const batches = column(table, 's').data;
    expect(batches.map((d) => d.dictionary!.length)).toEqual([2, 5, 5]);
    // Later batches extend the first batch's dictionary rather than replace it.
    expect(batches[1]!.dictionary!.data[0]).toBe(batches[0]!.dictionary!.data[0]);
    const expected = Array.from({ length: 5000 }, (_, i) => (i < 2048 ? `early ${i % 2}` : `late, and longer than twelve ${i % 3}`));
    for (const format of ['stream', 'file'] as const) {
      const decoded = tableFromIPC(tableToIPC(table, format));
      expect(values(decoded, 's')).toEqual(expected);
    }
    expect(values(await viaIpc(sql, { batchRows: 1 }), 's')).toEqual(expected);
  });

  it('stitches validity and booleans correctly across chunks of odd sizes', async () => {
    // UNION ALL hands back chunks of 5, 3 and 11 rows: every chunk after the first starts mid-byte.
    const parts = [5, 3, 11, 2, 17];
    const sql = parts
      .map((n, p) => `SELECT ${p} AS part, i, CASE WHEN (i + ${p}) % 3 = 0 THEN NULL ELSE (i + ${p}) % 2 = 0 END AS b,
                             CASE WHEN (i + ${p}) % 4 = 1 THEN NULL ELSE 'p${p}_' || i END AS s FROM range(${n}) t(i)`)
      .join(' UNION ALL ');
    for (const stream of [false, true]) {
      const table = await viaIpc(sql, { stream });
      const part = values(table, 'part');
      const i = values(table, 'i').map(Number);
      const b = values(table, 'b');
      const s = values(table, 's');
      expect(table.numRows).toBe(parts.reduce((a, n) => a + n, 0));
      for (let row = 0; row < table.numRows; row++) {
        const k = i[row]! + (part[row] as number);
        expect(b[row]).toBe(k % 3 === 0 ? null : k % 2 === 0);
        expect(s[row]).toBe(k % 4 === 1 ? null : `p${part[row] as number}_${i[row]}`);
      }
    }
  });

  it('converts streaming results the same as materialized ones', async () => {
    const sql = `SELECT i, 'v' || (i % 10) AS v FROM range(10000) t(i) WHERE i % 3 = 0 ORDER BY i`;
    const [materialized, streamed] = [await viaIpc(sql), await viaIpc(sql, { stream: true })];
    expect(streamed.numRows).toBe(3334);
    expect(values(streamed, 'i')).toEqual(values(materialized, 'i'));
    expect(values(streamed, 'v')).toEqual(values(materialized, 'v'));
  });

  it('handles 200k rows x several columns: sums and NULL counts survive', async () => {
    const result = await connection.run(`
      SELECT i::INTEGER AS n, (i * 3)::BIGINT AS big, CASE WHEN i % 10 = 0 THEN NULL ELSE i / 4.0 END::DOUBLE AS x,
             'category ' || (i % 50) AS cat, DATE '2000-01-01' + (i % 9000)::INTEGER AS d, i % 2 = 0 AS flag
      FROM range(200000) t(i)`);
    const ipc = await duckdbResultToArrowIpc(result);
    const table = tableFromIPC(ipc);
    expect(table.numRows).toBe(200000);
    let sumN = 0;
    let sumBig = 0n;
    let sumX = 0;
    let trues = 0;
    for (const batch of table.batches) {
      for (const v of batch.getChild('n')!.data[0]!.values as Int32Array) sumN += v;
      for (const v of batch.getChild('big')!.data[0]!.values as BigInt64Array) sumBig += v;
      const x = batch.getChild('x')!;
      for (let r = 0; r < x.length; r++) sumX += (x.get(r) as number | null) ?? 0;
      for (const v of batch.getChild('flag')!) if (v) trues++;
    }
    expect(sumN).toBe((199999 * 200000) / 2);
    expect(sumBig).toBe(3n * ((199999n * 200000n) / 2n));
    const expectedX = (await connection.runAndReadAll(`SELECT sum(i / 4.0)::DOUBLE FROM range(200000) t(i) WHERE i % 10 <> 0`)).getRows()[0]![0] as number;
    expect(sumX).toBeCloseTo(expectedX, 3);
    expect(column(table, 'x').nullCount).toBe(20000);
    expect(trues).toBe(100000);
    expect(new Set(values(table, 'cat')).size).toBe(50);
    expect(values(table, 'd')[199999]).toBe(Date.UTC(2000, 0, 1) + (199999 % 9000) * 86_400_000);
  });
});

describe('duckdbResultToArrowTable', () => {
  it('returns the same table without the IPC hop', async () => {
    const table = await duckdbResultToArrowTable(await connection.run(`SELECT 42 AS answer, 'x' AS s, NULL::INTEGER AS nothing`));
    expect(table.numRows).toBe(1);
    expect(table.get(0)!.toJSON()).toEqual({ answer: 42, s: 'x', nothing: null });
  });
});
