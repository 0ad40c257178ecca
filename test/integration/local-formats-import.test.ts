import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/api';
import { importPath } from '../../electron/engine/imports/run-import';
import { LOG_ROWS, writeLogCsv, writeLogJson, writeLogJsonl, writeLogParquet, writeLogTsv, writeLogXlsx } from '../fixtures/local-incident-log';
import { useTempWorkspace } from '../helpers/temp-workspace';

const FORMATS = ['csv', 'tsv', 'xlsx', 'json', 'jsonl', 'parquet'] as const;

describe('one incident log saved as CSV, TSV, XLSX, JSON, JSONL and Parquet', () => {
  const t = useTempWorkspace('bw-local-formats-');
  const reports = new Map<string, ImportReport>();
  const file = (format: string) => join(t.dir, `log_${format}.${format}`);

  beforeAll(async () => {
    writeLogCsv(file('csv'));
    writeLogTsv(file('tsv'));
    await writeLogXlsx(file('xlsx'));
    writeLogJson(file('json'));
    writeLogJsonl(file('jsonl'));
    await writeLogParquet(file('parquet'), file('csv'));
    for (const format of FORMATS) {
      reports.set(format, await importPath(t.workspace.db, file(format), { signal: new AbortController().signal, progress: () => undefined }));
    }
  });

  it('imports each without a mapping step, every row loaded', () => {
    for (const format of FORMATS) {
      expect(reports.get(format), format).toMatchObject({
        kind: 'local',
        table: `local_log_${format}`,
        rowsRead: LOG_ROWS.length,
        rowsLoaded: LOG_ROWS.length,
        rowsRejected: 0,
      });
    }
  });

  it('gives identical canonical tables whatever the format', async () => {
    const table = (format: string) =>
      t.workspace.db.rows(`SELECT * EXCLUDE (source, line) FROM ${`local_log_${format}_rows`} ORDER BY case_id`);
    const csv = await table('csv');
    expect(csv).toHaveLength(8);
    for (const format of FORMATS) expect(await table(format), format).toEqual(csv);
  });

  it('maps dates, counts, actor words, breach types and locations as a person would read them', async () => {
    const rows = await t.workspace.db.rows(
      `SELECT case_id, entity, entity_type, country, state, strftime(reported_date, '%Y-%m-%d') AS reported, strftime(incident_date, '%Y-%m-%d') AS incident,
              records_affected, breach_types, locations, actor, actors, business_associate, threat
       FROM breaches WHERE source = 'local:log_csv' ORDER BY case_id`,
    );
    expect(rows[0]).toEqual({
      case_id: 'INC-001', entity: 'Northside Clinic', entity_type: 'Healthcare Provider', country: 'AU', state: 'NSW',
      reported: '2024-01-15', incident: '2023-12-20', records_affected: 1200n, breach_types: ['Hacking/IT Incident'], locations: ['Email'],
      actor: 'external', actors: ['external'], business_associate: false, threat: 'email_phishing',
    });
    const brief = rows.map((r) => [r.case_id, r.actor, (r.actors as string[]).join('+'), r.business_associate, r.threat, (r.breach_types as string[]).join('|'), (r.locations as string[]).join('|'), r.records_affected, r.incident]);
    expect(brief).toEqual([
      ['INC-001', 'external', 'external', false, 'email_phishing', 'Hacking/IT Incident', 'Email', 1200n, '2023-12-20'],
      ['INC-002', 'internal', 'internal', false, 'insider_data_loss', 'Unauthorized Access/Disclosure', 'Paper/Films', 35n, '2024-01-30'],
      ['INC-003', 'external', 'external', false, 'ransomware', 'Hacking/IT Incident', 'Network Server', 15000n, null],
      ['INC-004', 'partner', 'partner', true, 'loss_or_theft', 'Theft', 'Laptop', 0n, '2024-04-01'],
      ['INC-005', 'internal', 'internal', false, 'loss_or_theft', 'Loss', 'Other Portable Electronic Device', null, '2024-05-08'],
      ['INC-006', 'mixed', 'internal+external', false, 'other', 'Hacking/IT Incident', 'Network Server', 2500n, '2024-06-01'],
      ['INC-007', 'unknown', '', false, 'other', 'Improper Disposal', 'Paper/Films', 12n, '2024-07-10'],
      ['INC-008', 'partner', 'partner', true, 'other', 'Unauthorized Access/Disclosure', 'Electronic Medical Record', 410n, '2024-07-29'],
    ]);
  });

  it('joins breaches as local:<name> sources and records each file', async () => {
    const sources = await t.workspace.db.rows<{ source: string; n: bigint }>(`SELECT source, count(*) AS n FROM breaches GROUP BY ALL ORDER BY source`);
    expect(sources).toEqual(FORMATS.map((f) => ({ source: `local:log_${f}`, n: 8n })).sort((a, b) => a.source.localeCompare(b.source)));
    const files = await t.workspace.db.rows(`SELECT source_id, name, rows_loaded FROM bw_files WHERE source_id LIKE 'local:%' ORDER BY source_id`);
    expect(files).toHaveLength(FORMATS.length);
    expect(files[0]).toEqual({ source_id: 'local:log_csv', name: 'log_csv.csv', rows_loaded: 8n });
  });

  it('never writes to the source file', () => {
    const before = readFileSync(file('csv'), 'utf8');
    expect(before.split('\n')[0]).toMatch(/^Case ID,Organisation/);
  });
});

describe('format details: XLSX sheet rows, JSON lists', () => {
  const t = useTempWorkspace('bw-local-format-details-');
  const noop = () => ({ signal: new AbortController().signal, progress: () => undefined });


  it('names the spreadsheet row of a value that does not fit, skipping blank rows and reading the first sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Log');
    sheet.addRow(['Case ID', 'Date Reported', 'Records Affected']);
    for (let i = 1; i <= 4; i++) sheet.addRow([`X-${i}`, new Date(`2024-05-0${i}T00:00:00Z`), 10 * i]);
    sheet.addRow([]);
    sheet.addRow(['X-5', 'not yet', 50]);
    workbook.addWorksheet('Notes').addRow(['ignored']);
    const path = join(t.dir, 'sheet_rows.xlsx');
    await workbook.xlsx.writeFile(path);
    const report = await importPath(t.workspace.db, path, noop());
    expect(report).toMatchObject({ rowsRead: 5, rowsLoaded: 4, rowsRejected: 1 });
    expect(report.notes).toContain('Read sheet "Log".');
    expect(await t.workspace.db.rows(`SELECT line, "column", value FROM bw_rejects WHERE file = 'sheet_rows.xlsx'`)).toEqual([
      { line: 7n, column: 'Date Reported', value: 'not yet' },
    ]);
  });

  it('refuses an XLSX value right of the last header, naming its row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Log');
    sheet.addRow(['Case ID', 'Records Affected']);
    sheet.addRow(['X-1', 10, 'stray note']);
    const path = join(t.dir, 'stray.xlsx');
    await workbook.xlsx.writeFile(path);
    await expect(importPath(t.workspace.db, path, noop())).rejects.toThrow(/^stray\.xlsx row 2: a value in column 3, right of the header's last column/);
  });

  it('reads JSON arrays inside records as lists of breach types and locations', async () => {
    const path = join(t.dir, 'lists.json');
    writeFileSync(path, JSON.stringify([
      { id: 'J-1', 'Breach Type': ['Theft', 'Loss'], Location: ['Laptop', 'Paper'], Actor: 'vendor', details: { ticket: 7 } },
      { id: 'J-2', 'Breach Type': ['Ransomware'], Location: [], Actor: 'hacker', details: null },
    ]));
    const report = await importPath(t.workspace.db, path, noop());
    expect(report).toMatchObject({ rowsLoaded: 2, rowsRejected: 0 });
    expect(await t.workspace.db.rows(`SELECT case_id, breach_types, locations, actor, threat FROM breaches WHERE source = 'local:lists' ORDER BY case_id`)).toEqual([
      { case_id: 'J-1', breach_types: ['Loss', 'Theft'], locations: ['Laptop', 'Paper/Films'], actor: 'partner', threat: 'loss_or_theft' },
      { case_id: 'J-2', breach_types: ['Hacking/IT Incident'], locations: [], actor: 'external', threat: 'ransomware' },
    ]);
  });
});
