import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/api';
import { EMPTY_FILTERS } from '../../shared/filters';
import { importPath } from '../../electron/engine/imports/run-import';
import { oaicNotificationsPerPeriod } from '../../electron/engine/queries/charts/oaic-notifications-per-period';
import { sniffOaicTable } from '../../electron/engine/sources/oaic/oaic-sniff';
import { oaicTableImporter } from '../../electron/engine/sources/oaic/oaic-table-importer';
import { useTempWorkspace } from '../helpers/temp-workspace';

const OAIC_DIR = resolve(__dirname, '..', '..', 'datasets', 'oaic');

/**
 * Small OAIC-shaped tables made here, as a user would bring them. The figures are the ones the
 * committed data holds (2024-H1 revised to 518 and its breakdown), so the test also shows how a
 * user's figure for a period already present lands beside the committed one.
 */
describe('importing an OAIC table the user brings', () => {
  const t = useTempWorkspace('bw-oaic-user-');
  const importFile = (path: string): Promise<ImportReport> =>
    importPath(t.workspace.db, path, { signal: new AbortController().signal, progress: () => undefined, importers: [oaicTableImporter] });


  it('loads a CSV of totals beside the committed ones, rejecting bad rows with line, column and reason', async () => {
    const path = join(t.dir, 'my-ndb-totals.csv');
    writeFileSync(
      path,
      [
        'Reporting period,Total notifications,Malicious or criminal attack,Human error (%),System fault,Source URL',
        'Jan-Jun 2024,518,354,30%,17,https://example.org/ndb-2024-h1',
        '2025-H2,,405,,n/a,https://example.org/ndb-2025-h2',
        'Q5 2024,12,1,2%,3,',
        '2019-Q2,abc,151,34%,10,',
        '',
      ].join('\r\n'),
    );
    const before = readFileSync(path);
    const report = await importFile(path);
    expect(report).toMatchObject({ kind: 'oaic-table', table: 'oaic_totals', rowsRead: 4, rowsLoaded: 2, rowsRejected: 2 });
    expect(report.notes.join('\n')).toMatch(/2024-H1: 518 here, 527 first published, 518 revised/);
    expect(readFileSync(path).equals(before)).toBe(true);

    const fileId = (await t.workspace.db.value<string>(`SELECT file_id FROM bw_files WHERE name = 'my-ndb-totals.csv'`))!;
    expect(await t.workspace.db.rows(`SELECT source_id, kind, rows_read, rows_loaded, rows_rejected FROM bw_files WHERE file_id = $fileId`, { fileId })).toEqual([
      { source_id: 'oaic', kind: 'oaic-table', rows_read: 4n, rows_loaded: 2n, rows_rejected: 2n },
    ]);
    expect(await t.workspace.db.rows(`SELECT line, "column", value, reason FROM bw_rejects WHERE file_id = $fileId ORDER BY line`, { fileId })).toEqual([
      { line: 4n, column: 'Reporting period', value: 'Q5 2024', reason: expect.stringMatching(/not an OAIC reporting period/) },
      { line: 5n, column: 'Total notifications', value: 'abc', reason: 'not a number' },
    ]);

    // Beside, not over: 2024-H1 now has the committed row and the user's row.
    const h1 = await t.workspace.db.rows(
      `SELECT source_file, source_line, notifications_first_published AS first, notifications_revised AS revised,
              malicious_count, human_error_count, human_error_pct, system_fault_count, source_url
       FROM oaic_totals WHERE period = '2024-H1' ORDER BY source_file`,
    );
    expect(h1).toEqual([
      { source_file: 'my-ndb-totals.csv', source_line: 2, first: 518, revised: null, malicious_count: 354, human_error_count: null, human_error_pct: 30, system_fault_count: 17, source_url: 'https://example.org/ndb-2024-h1' },
      { source_file: 'oaic_ndb_totals.csv', source_line: 17, first: 527, revised: 518, malicious_count: 354, human_error_count: 156, human_error_pct: 30, system_fault_count: 17, source_url: expect.stringContaining('oaic.gov.au') },
    ]);
    // The gap stays a gap ("" and "n/a" are not 0).
    expect(await t.workspace.db.rows(`SELECT notifications_first_published AS n, system_fault_count AS s FROM oaic_totals WHERE file_id = $fileId AND period = '2025-H2'`, { fileId })).toEqual([
      { n: null, s: null },
    ]);

    // The chart keeps the first-published figure and takes the latest loaded one as latest.
    const built = oaicNotificationsPerPeriod.build(EMPTY_FILTERS);
    const rows = await t.workspace.db.rows<{ period: string; notifications_first_published: number; notifications_latest: number; latest_source: string; files: number }>(built.sql, built.params);
    expect(rows.find((r) => r.period === '2024-H1')).toMatchObject({
      notifications_first_published: 527,
      notifications_latest: 518,
      latest_source: 'https://example.org/ndb-2024-h1',
      files: 2,
    });
  });

  it('replaces only its own rows when the same file is imported again', async () => {
    const path = join(t.dir, 'my-ndb-totals.csv');
    await importFile(path);
    expect(Number(await t.workspace.db.value(`SELECT count(*) FROM oaic_totals WHERE source_file = 'my-ndb-totals.csv'`))).toBe(2);
    expect(Number(await t.workspace.db.value(`SELECT count(*) FROM oaic_totals WHERE source_file = 'oaic_ndb_totals.csv'`))).toBe(19);
  });

  it('pivots a long "period, source, notifications, share" CSV into one totals row per period', async () => {
    const path = join(t.dir, 'by-source.csv');
    writeFileSync(
      path,
      [
        'Period,Source of breach,Notifications,Share',
        '2024-H1,Malicious or criminal attack,354,67%',
        '2024-H1,Human error,156,30%',
        '2024-H1,System fault,17,3%',
        '2024-H1,Total,527,',
        '2024-H1,Human error,150,',
        '2024-H1,Acts of God,1,',
      ].join('\n'),
    );
    const report = await importFile(path);
    expect(report).toMatchObject({ table: 'oaic_totals', rowsRead: 6, rowsLoaded: 4, rowsRejected: 2 });
    const row = await t.workspace.db.rows(
      `SELECT period, notifications_first_published AS total, malicious_count, malicious_pct, human_error_count, human_error_pct,
              system_fault_count, system_fault_pct, source_line
       FROM oaic_totals WHERE source_file = 'by-source.csv'`,
    );
    expect(row).toEqual([
      { period: '2024-H1', total: 527, malicious_count: 354, malicious_pct: 67, human_error_count: 156, human_error_pct: 30, system_fault_count: 17, system_fault_pct: 3, source_line: 2 },
    ]);
    const fileId = (await t.workspace.db.value<string>(`SELECT file_id FROM bw_files WHERE name = 'by-source.csv'`))!;
    const reasons = await t.workspace.db.rows<{ line: bigint; reason: string }>(`SELECT line, reason FROM bw_rejects WHERE file_id = $fileId ORDER BY line`, { fileId });
    expect(reasons.map((r) => [Number(r.line), r.reason])).toEqual([
      [6, 'the same source of breach appears twice for this period'],
      [7, expect.stringMatching(/not an OAIC source of breach/)],
    ]);
  });

  it('loads an XLSX by sector: finds the header under a title row, reads percent-formatted cells as shares', async () => {
    const path = join(t.dir, 'NDB sectors.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Top sectors');
    sheet.addRow(['Notifiable data breaches: top sectors (test fixture)']);
    sheet.addRow(['Period', 'Sector', 'Notifications', '% of notifications']);
    sheet.addRow(['2024-H1', 'Health service providers', 102, 0.19]);
    sheet.addRow(['Jan-Jun 2024', 'Finance (incl. superannuation)', 58, 0.11]);
    sheet.addRow([]);
    sheet.addRow(['Source: OAIC NDB report Jan-Jun 2024']);
    sheet.addRow(['2024-H1', 'Retail', '29', null]);
    for (const r of [3, 4]) sheet.getCell(`D${r}`).numFmt = '0%';
    workbook.addWorksheet('Notes').addRow(['nothing here']);
    await workbook.xlsx.writeFile(path);

    const head = readFileSync(path).subarray(0, 64 * 1024);
    expect(sniffOaicTable({ name: 'NDB sectors.xlsx', head, isDirectory: false })).toBe(true);

    const report = await importFile(path);
    expect(report).toMatchObject({ kind: 'oaic-table', table: 'oaic_by_sector', rowsRead: 5, rowsLoaded: 3, rowsRejected: 1 });
    expect(report.notes.join('\n')).toMatch(/sheet "Top sectors" \(header on row 2\)/);
    expect(report.notes.join('\n')).toMatch(/1 blank row/);
    expect(report.notes.join('\n')).toMatch(/Other sheets not read: Notes/);
    const rows = await t.workspace.db.rows(
      `SELECT period, sector, sector_group, notifications, pct_of_period_total, source_line
       FROM oaic_by_sector WHERE source_file = 'NDB sectors.xlsx' ORDER BY source_line`,
    );
    expect(rows).toEqual([
      { period: '2024-H1', sector: 'Health service providers', sector_group: 'Health service providers', notifications: 102, pct_of_period_total: 19, source_line: 3 },
      { period: '2024-H1', sector: 'Finance (incl. superannuation)', sector_group: 'Finance', notifications: 58, pct_of_period_total: 11, source_line: 4 },
      { period: '2024-H1', sector: 'Retail', sector_group: 'Retail', notifications: 29, pct_of_period_total: null, source_line: 7 },
    ]);
    const fileId = (await t.workspace.db.value<string>(`SELECT file_id FROM bw_files WHERE name = 'NDB sectors.xlsx'`))!;
    // The footnote row: its text is not a period, and it names no sector.
    expect(await t.workspace.db.rows(`SELECT line, "column", value FROM bw_rejects WHERE file_id = $fileId ORDER BY "column"`, { fileId })).toEqual([
      { line: 6n, column: 'Period', value: 'Source: OAIC NDB report Jan-Jun 2024' },
      { line: 6n, column: 'Sector', value: null },
    ]);
    // The committed 2024-H1 sector rows are still there, unchanged.
    expect(Number(await t.workspace.db.value(`SELECT count(*) FROM oaic_by_sector WHERE period = '2024-H1' AND source_file = 'oaic_ndb_by_sector.csv'`))).toBe(5);
  });

  it('loads an XLSX of totals whose period is given as first and last days', async () => {
    const path = join(t.dir, 'halves.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Totals');
    sheet.addRow(['Period start', 'Period end', 'Notifications', 'Malicious (%)']);
    sheet.addRow([new Date(Date.UTC(2024, 6, 1)), new Date(Date.UTC(2024, 11, 31)), 595, 69]);
    await workbook.xlsx.writeFile(path);
    const report = await importFile(path);
    expect(report).toMatchObject({ table: 'oaic_totals', rowsRead: 1, rowsLoaded: 1, rowsRejected: 0 });
    expect(await t.workspace.db.rows(`SELECT period, notifications_first_published AS n, malicious_count, malicious_pct FROM oaic_totals WHERE source_file = 'halves.xlsx'`)).toEqual([
      { period: '2024-H2', n: 595, malicious_count: null, malicious_pct: 69 },
    ]);
  });

  it('reads every committed table shape through the user path to exactly the committed rows', async () => {
    const files: Array<[string, string]> = [
      ['oaic_ndb_totals.csv', 'oaic_totals'], ['oaic_ndb_by_sector.csv', 'oaic_by_sector'],
      ['oaic_ndb_source_breakdown.csv', 'oaic_source_breakdown'], ['oaic_ndb_health_sector.csv', 'oaic_health_sector'],
      ['oaic_ndb_individuals_affected.csv', 'oaic_individuals_affected'], ['oaic_ndb_kinds_of_pi.csv', 'oaic_kinds_of_pi'],
      ['oaic_ndb_timeliness.csv', 'oaic_timeliness'],
    ];
    for (const [file, table] of files) {
      // A trailing blank line makes the bytes (and so the file id) differ from the committed file.
      const copy = join(t.dir, `copy_${file}`);
      writeFileSync(copy, Buffer.concat([readFileSync(join(OAIC_DIR, file)), Buffer.from('\r\n')]));
      const report = await importFile(copy);
      expect(report.table, file).toBe(table);
      expect(report.rowsRejected, file).toBe(0);
      const columns = `* EXCLUDE (file_id, source_file${table === 'oaic_totals' ? ', verified' : ''})`;
      const missing = await t.workspace.db.value(
        `SELECT count(*) FROM ((SELECT ${columns} FROM ${table} WHERE source_file = $committed)
                               EXCEPT ALL (SELECT ${columns} FROM ${table} WHERE source_file = $copy))`,
        { committed: file, copy: `copy_${file}` },
      );
      expect(Number(missing), file).toBe(0);
      expect(report.rowsLoaded, file).toBe(Number(await t.workspace.db.value(`SELECT count(*) FROM ${table} WHERE source_file = $committed`, { committed: file })));
    }
  });

  it('reads a CSV whose line endings are mixed, and says it did', async () => {
    const path = join(t.dir, 'mixed-endings.csv');
    writeFileSync(path, 'period,measure,value_pct,source_url\r\n2025-H1,notified_OAIC_within_30_days,75,https://example.org/a\r\n2024-H1,identified_within_30_days,69,\n\n');
    const report = await importFile(path);
    expect(report).toMatchObject({ table: 'oaic_timeliness', rowsLoaded: 2, rowsRejected: 0 });
    expect(report.notes.join('\n')).toMatch(/relaxed CSV rules/);
  });

  it('leaves a byte-identical copy of a committed file alone', async () => {
    const path = join(t.dir, 'same_bytes.csv');
    copyFileSync(join(OAIC_DIR, 'oaic_ndb_totals.csv'), path);
    const report = await importFile(path);
    expect(report).toMatchObject({ rowsLoaded: 0, table: null });
    expect(report.notes[0]).toMatch(/identical to the committed oaic_ndb_totals.csv/);
    expect(await t.workspace.db.rows(`SELECT kind, name FROM bw_files WHERE name IN ('oaic_ndb_totals.csv', 'same_bytes.csv')`)).toEqual([
      { kind: 'oaic-ndb', name: 'oaic_ndb_totals.csv' },
    ]);
  });

  it('refuses a file that is not an OAIC table, saying what it needs', async () => {
    const path = join(t.dir, 'incidents.csv');
    writeFileSync(path, 'id,date,sector,records\n1,2024-01-02,Health,10\n');
    await expect(importFile(path)).rejects.toThrow(/not a format/);
    await expect(
      oaicTableImporter.import({
        db: t.workspace.db, path, fileName: 'incidents.csv', fileId: 'x', sha256: 'x', bytes: 0,
        signal: new AbortController().signal, progress: () => undefined,
      }),
    ).rejects.toThrow(/needs a period column/);
    // Nothing landed and nothing was recorded for it.
    expect(Number(await t.workspace.db.value(`SELECT count(*) FROM bw_files WHERE name = 'incidents.csv'`))).toBe(0);
  });
});
