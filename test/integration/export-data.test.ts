import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchApi } from '../../shared/api';
import { createApiClient } from '../../shared/api-client';
import { tableToPlainRows } from '../../shared/arrow-values';
import { dispatchApiCall } from '../../electron/engine/dispatch';
import { Workbench } from '../../electron/engine/workbench';
import { makeTempDir } from '../helpers/temp-dir';
import { FIXTURE_ROWS, loadFixtureSource } from './report-fixtures';

/**
 * Data exports checked by opening the files: the CSV a spreadsheet would read, the XLSX cells, and
 * Parquet and Arrow read back into DuckDB and Arrow JS, compared row by row with the query.
 */
describe('data exports', () => {
  const temp = makeTempDir();
  let engine: Workbench;
  /** Through the API boundary, as the window calls it: requests validated, defaults applied. */
  let api: WorkbenchApi;

  beforeAll(async () => {
    engine = await Workbench.open({ workspaceDir: join(temp.dir, 'ws'), appVersion: '0.0.0-test', transport: 'test' });
    await loadFixtureSource(engine);
    api = createApiClient((method, request) => dispatchApiCall(engine, method, request));
  });
  afterAll(() => {
    engine.close();
    temp.remove();
  });

  const hostileSql = `SELECT case_id, description, delta, records_affected, breach_types, entity FROM fixture_records ORDER BY case_id`;

  it('neutralises formula injection in CSV text cells and leaves numbers alone', async () => {
    const file = await api.exportData({ source: { sql: hostileSql }, format: 'csv' });
    expect(file.fileName).toBe('query.csv');
    expect(file.rowCount).toBe(FIXTURE_ROWS.length);
    const path = join(temp.dir, 'hostile.csv');
    writeFileSync(path, file.bytes);
    // Read back with DuckDB as plain text columns: exactly what a spreadsheet would be handed.
    const rows = await engine.db.rows<Record<string, string | null>>(`SELECT * FROM read_csv($p, all_varchar = true, header = true)`, { p: path });
    const byId = new Map(rows.map((r) => [r.case_id, r]));
    expect(byId.get('F-1')?.description).toBe(`'=HYPERLINK("http://evil.example/x","click")`);
    expect(byId.get('F-2')?.description).toBe(`'+cmd|/C calc!A0`);
    expect(byId.get('F-3')?.description).toBe(`'-2+3`);
    expect(byId.get('F-4')?.description).toBe(`'@SUM(1+1)*cmd|/C calc`);
    expect(byId.get('F-5')?.description).toBe(`'\tindented with a tab`);
    expect(byId.get('F-6')?.description).toBe('A plain description, with a comma');
    expect(byId.get('F-7')?.description).toBe('Ransomware; "quoted" words\nand a second line');
    expect(byId.get('F-3')?.entity).toBe(`'@Risk Dental`);
    // Numbers stored as numbers stay numbers: -5 is written as -5, not '-5.
    expect(byId.get('F-1')?.delta).toBe('-5');
    expect(byId.get('F-2')?.delta).toBe('7');
    expect(byId.get('F-7')?.records_affected).toBe('190000000');
    expect(byId.get('F-2')?.breach_types).toBe('Theft; Loss');
    // No text cell anywhere in the file starts a formula.
    for (const r of rows) {
      for (const [column, value] of Object.entries(r)) {
        if (value === null || column === 'delta' || column === 'records_affected') continue;
        expect(value, `${r.case_id}.${column}`).not.toMatch(/^[=+\-@\t\r\n]/);
      }
    }
  });

  it('neutralises XLSX text cells, keeps numbers and dates typed, and adds an About sheet', async () => {
    const file = await api.exportData({ source: { sql: hostileSql.replace('entity FROM', 'entity, reported_date FROM') }, format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    const data = workbook.getWorksheet('Data')!;
    const header = (data.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['case_id', 'description', 'delta', 'records_affected', 'breach_types', 'entity', 'reported_date']);
    const row = (n: number) => (data.getRow(n + 1).values as unknown[]).slice(1);
    expect(row(1)[1]).toBe(`'=HYPERLINK("http://evil.example/x","click")`);
    expect(row(3)[1]).toBe(`'-2+3`);
    expect(row(1)[2]).toBe(-5);
    expect(row(7)[3]).toBe(190_000_000);
    expect(row(7)[6]).toEqual(new Date('2024-02-29T00:00:00Z'));
    for (let r = 2; r <= data.rowCount; r++) {
      data.getRow(r).eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@\t\r\n]/);
      });
    }
    const about = workbook.getWorksheet('About')!;
    const aboutText = JSON.stringify(about.getSheetValues());
    expect(aboutText).toContain('Breach Workbench 0.0.0-test');
    expect(aboutText).toContain('incidents.csv');
    expect(aboutText).toContain('fixture_records');
  });

  it('round-trips Parquet through DuckDB to the same rows, with provenance in the file', async () => {
    const sql = `SELECT * FROM breaches ORDER BY case_id`;
    const file = await api.exportData({ source: { sql }, format: 'parquet' });
    expect(file.rowCount).toBe(FIXTURE_ROWS.length);
    const path = join(temp.dir, 'breaches.parquet');
    writeFileSync(path, file.bytes);
    const missing = await engine.db.value<bigint>(`SELECT count(*) FROM ((SELECT * FROM breaches) EXCEPT ALL (SELECT * FROM read_parquet($p)))`, { p: path });
    const extra = await engine.db.value<bigint>(`SELECT count(*) FROM ((SELECT * FROM read_parquet($p)) EXCEPT ALL (SELECT * FROM breaches))`, { p: path });
    expect(Number(missing)).toBe(0);
    expect(Number(extra)).toBe(0);
    const types = await engine.db.rows<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM read_parquet($p)`, { p: path });
    expect(types.find((t) => t.column_name === 'breach_types')?.column_type).toBe('VARCHAR[]');
    expect(types.find((t) => t.column_name === 'reported_date')?.column_type).toBe('DATE');
    const meta = await engine.db.value<string>(
      `SELECT decode(value) FROM parquet_kv_metadata($p) WHERE decode(key) = 'breach_workbench_provenance'`,
      { p: path },
    );
    const provenance = JSON.parse(meta!) as { sql: string; files: { name: string }[] };
    expect(provenance.sql).toBe(sql);
    expect(provenance.files.map((f) => f.name)).toEqual(['incidents.csv']);
    // The descriptions are data here, not spreadsheet cells: Parquet keeps them exactly.
    expect(await engine.db.value(`SELECT description FROM read_parquet($p) WHERE case_id = 'F-1'`, { p: path })).toBe(FIXTURE_ROWS[0][8]);
  });

  it('writes Arrow IPC files that read back to the same rows', async () => {
    const file = await api.exportData({ source: { table: 'breaches' }, format: 'arrow' });
    expect(file.fileName).toBe('breaches.arrow');
    // The IPC file format starts and ends with the magic "ARROW1".
    expect(Buffer.from(file.bytes.subarray(0, 6)).toString()).toBe('ARROW1');
    const table = tableFromIPC(file.bytes);
    expect(table.numRows).toBe(FIXTURE_ROWS.length);
    const fromArrow = tableToPlainRows(table).sort((a, b) => String(a.case_id).localeCompare(String(b.case_id)));
    const direct = await engine.runSql({ sql: 'SELECT * FROM breaches ORDER BY case_id' });
    expect(fromArrow).toEqual(tableToPlainRows(tableFromIPC(direct.arrow)));
    expect(table.schema.metadata.get('breach_workbench_provenance')).toContain('incidents.csv');
  });

  it('exports a chart query with its filters', async () => {
    const file = await api.exportData({ source: { chart: 'breaches_per_year', filters: { states: ['CA', 'WA'] } }, format: 'csv' });
    const text = new TextDecoder().decode(file.bytes);
    expect(text.trim().split('\n')).toEqual(['year,breaches,people_affected', '2021,1,1200', '2022,1,3000000', '2023,1,', '2024,1,190000000']);
  });

  it('refuses writes and unknown tables with clear errors', async () => {
    await expect(api.exportData({ source: { sql: 'DELETE FROM bw_files' }, format: 'csv' })).rejects.toMatchObject({ code: 'read_only' });
    await expect(api.exportData({ source: { sql: "COPY bw_files TO '/tmp/x.csv'" }, format: 'csv' })).rejects.toMatchObject({ code: 'read_only' });
    await expect(api.exportData({ source: { table: 'no_such"table' }, format: 'csv' })).rejects.toMatchObject({ code: 'not_found' });
    expect(readFileSync(join(temp.dir, 'hostile.csv')).length).toBeGreaterThan(0);
  });
});
