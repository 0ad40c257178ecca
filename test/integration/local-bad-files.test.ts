import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Mapping } from '../../shared/api';
import { WorkbenchError } from '../../shared/errors';
import type { Database } from '../../electron/engine/db/database';
import { importPath } from '../../electron/engine/imports/run-import';
import { previewMapping } from '../../electron/engine/mapping';
import { importLocalFile } from '../../electron/engine/sources/local';
import { writeLogCsv, writeLogParquet, writeLogXlsx } from '../fixtures/local-incident-log';
import { workspaceSnapshot } from '../fixtures/workspace-snapshot';
import { useTempWorkspace } from '../helpers/temp-workspace';

const noop = () => ({ signal: new AbortController().signal, progress: () => undefined });

async function expectCleanFailure(db: Database, run: () => Promise<unknown>, message: RegExp, file: string, line?: number): Promise<void> {
  const before = await workspaceSnapshot(db);
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the import should have failed').toBeInstanceOf(WorkbenchError);
  const info = (error as WorkbenchError).toInfo();
  expect(info.message).toMatch(message);
  expect(info.message).toContain(file);
  expect(info.file).toBe(file);
  if (line !== undefined) expect(info.line).toBe(line);
  expect(await workspaceSnapshot(db)).toEqual(before);
}

describe('bad local files fail with a clear error and leave the workspace as it was', () => {
  const t = useTempWorkspace('bw-local-bad-');
  const path = (name: string) => join(t.dir, name);
  const importFile = (name: string) => () => importPath(t.workspace.db, path(name), noop());

  beforeAll(async () => {
    writeLogCsv(path('good_log.csv'));
    await importPath(t.workspace.db, path('good_log.csv'), noop());
  });

  it('an empty file', async () => {
    writeFileSync(path('empty.csv'), '');
    await expectCleanFailure(t.workspace.db, importFile('empty.csv'), /empty\.csv is empty/, 'empty.csv');
  });

  it('a binary file named .csv', async () => {
    writeFileSync(path('binary.csv'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), randomBytes(4000)]));
    await expectCleanFailure(t.workspace.db, importFile('binary.csv'), /binary\.csv: looks like a binary file/, 'binary.csv');
  });

  it('a header with no rows under it', async () => {
    writeFileSync(path('header_only.csv'), 'Case ID,Date Reported,Records Affected\n');
    await expectCleanFailure(t.workspace.db, importFile('header_only.csv'), /header_only\.csv: no rows to import/, 'header_only.csv');
  });

  it('truncated JSON', async () => {
    writeFileSync(path('truncated.json'), '[{"Case ID": "A-1", "Records Affected": 10}, {"Case ID": "A-2", "Records Aff');
    await expectCleanFailure(t.workspace.db, importFile('truncated.json'), /truncated\.json.*could not be read as a JSON array of records: Malformed JSON/, 'truncated.json');
  });

  it('truncated JSON Lines', async () => {
    writeFileSync(path('truncated.jsonl'), '{"Case ID": "A-1", "Records Affected": 10}\n{"Case ID": "A-2", "Records Affected": 20}\n{"Case ID": "A-3", "Rec');
    await expectCleanFailure(t.workspace.db, importFile('truncated.jsonl'), /truncated\.jsonl.*could not be read as JSON Lines: Malformed JSON/, 'truncated.jsonl');
  });

  it('a truncated XLSX workbook and a truncated Parquet file', async () => {
    await writeLogXlsx(path('whole.xlsx'));
    const xlsx = readFileSync(path('whole.xlsx'));
    writeFileSync(path('cut.xlsx'), xlsx.subarray(0, Math.floor(xlsx.length / 2)));
    await expectCleanFailure(t.workspace.db, importFile('cut.xlsx'), /cut\.xlsx: could not be read as an XLSX workbook/, 'cut.xlsx');
    await writeLogParquet(path('whole.parquet'), path('good_log.csv'));
    const parquet = readFileSync(path('whole.parquet'));
    writeFileSync(path('cut.parquet'), parquet.subarray(0, Math.floor(parquet.length / 2)));
    await expectCleanFailure(t.workspace.db, importFile('cut.parquet'), /cut\.parquet.*could not be read as Parquet/, 'cut.parquet');
  });

  it('the wrong encoding: a Latin-1 byte after the first 64 KB of UTF-8, with its line', async () => {
    const rows = Array.from({ length: 2000 }, (_v, i) => `R-${i},2024-01-${String((i % 28) + 1).padStart(2, '0')},${i},employee,Lost letter number ${i} in the post room`);
    const text = `Case ID,Date Reported,Records Affected,Actor,Description\n${rows.join('\n')}\nR-2000,2024-02-01,5,employee,Caf`;
    writeFileSync(path('mixed_encoding.csv'), Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0xe9]), Buffer.from(' records left out\n')]));
    await expectCleanFailure(t.workspace.db, importFile('mixed_encoding.csv'), /mixed_encoding\.csv line 2002: invalid encoding/, 'mixed_encoding.csv', 2002);
  });

  it('a Windows-1252 file reads right by itself, and fails at its line when the mapping insists on UTF-8', async () => {
    // 0x93/0x94 are curly quotes in Windows-1252 (DuckDB's own Latin-1 refuses them), 0xE9 is é.
    writeFileSync(path('cp1252.csv'), Buffer.from('Case ID,Description\nA-1,\x93Caf\xe9\x94 receipts\nA-2,Plain\n', 'latin1'));
    const preview = await previewMapping(t.workspace.db, path('cp1252.csv'));
    expect(preview.reader.encoding).toBe('windows-1252');
    expect(preview.rows[0]).toMatchObject({ description: '\u201cCafé\u201d receipts' });
    const report = await importPath(t.workspace.db, path('cp1252.csv'), noop());
    expect(report.notes.join(' ')).toMatch(/not valid UTF-8; read as Windows-1252/);
    expect(await t.workspace.db.value(`SELECT description FROM breaches WHERE case_id = 'A-1' AND source = 'local:cp1252'`)).toBe('\u201cCafé\u201d receipts');
    const mapping: Mapping = { ...preview.mapping, reader: { ...preview.mapping.reader, encoding: 'utf-8' } };
    await expectCleanFailure(t.workspace.db, () => importLocalFile(t.workspace.db, path('cp1252.csv'), mapping, noop()), /cp1252\.csv line 2: invalid encoding/, 'cp1252.csv', 2);
  });

  it('ragged rows: the first bad line is named; with "skip bad rows" the rest load and the line is a reject', async () => {
    writeFileSync(path('ragged.csv'), 'Case ID,Date Reported,Records Affected\nA-1,2024-01-02,5\nA-2,2024-02-03,7,9\nA-3,2024-03-04,4\n');
    await expectCleanFailure(t.workspace.db, importFile('ragged.csv'), /ragged\.csv line 3: too many columns: Expected Number of Columns: 3 Found: 4/, 'ragged.csv', 3);

    const preview = await previewMapping(t.workspace.db, path('ragged.csv'));
    expect(preview.rejects).toEqual([{ line: 3, column: null, value: 'A-2,2024-02-03,7,9', reason: expect.stringMatching(/too many columns/) }]);
    const mapping: Mapping = { ...preview.mapping, reader: { ...preview.mapping.reader, badRows: 'reject' } };
    const report = await importLocalFile(t.workspace.db, path('ragged.csv'), mapping, noop());
    expect(report).toMatchObject({ rowsRead: 3, rowsLoaded: 2, rowsRejected: 1 });
    expect(await t.workspace.db.rows(`SELECT line, value FROM bw_rejects WHERE file = 'ragged.csv'`)).toEqual([{ line: 3n, value: 'A-2,2024-02-03,7,9' }]);
    expect(await t.workspace.db.rows(`SELECT case_id, records_affected FROM breaches WHERE source = 'local:ragged' ORDER BY case_id`)).toEqual([
      { case_id: 'A-1', records_affected: 5n },
      { case_id: 'A-3', records_affected: 4n },
    ]);
  });

  it('a file no importer reads', async () => {
    writeFileSync(path('notes.docx'), 'PK\u0003\u0004 not really');
    await expectCleanFailure(t.workspace.db, importFile('notes.docx'), /notes\.docx: not a format Breach Workbench reads/, 'notes.docx');
  });
});
