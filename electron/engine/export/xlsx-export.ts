import ExcelJS from 'exceljs';
import type { JS } from '@duckdb/node-api';
import { WorkbenchError } from '../../../shared/errors';
import type { Database } from '../db/database';
import { sqlError } from '../queries/read-only-sql';
import type { DataQuery } from './data-query';
import { provenanceLines, type ExportProvenance } from './export-provenance';
import { neutraliseText } from './formula-injection';

/** Excel's sheet holds 1,048,576 rows; one is the header. */
export const XLSX_MAX_ROWS = 1_048_575;

/**
 * Streams a query's rows into an XLSX file: a "Data" sheet with typed cells (numbers stay numbers,
 * dates are Excel dates) and every text cell neutralised against formula injection, and an "About"
 * sheet with the query, the sources and the files behind it.
 */
export async function writeXlsx(db: Database, query: DataQuery, path: string, provenance: ExportProvenance): Promise<{ rowCount: number }> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  workbook.creator = `Breach Workbench ${provenance.appVersion}`;
  workbook.created = new Date(provenance.madeAt);
  const sheet = workbook.addWorksheet('Data', { views: [{ state: 'frozen', ySplit: 1 }] });

  const connection = await db.connect();
  let rowCount = 0;
  try {
    const result = await connection.stream(query.sql, query.params).catch((error: unknown) => {
      throw sqlError(error);
    });
    const names = result.columnNames();
    const types = result.columnTypes().map((t) => t.toString());
    sheet.columns = names.map((name, i) => ({
      header: neutraliseText(name),
      key: `c${i}`,
      width: Math.min(60, Math.max(10, name.length + 2)),
      style: numberFormat(types[i]!),
    }));
    sheet.getRow(1).font = { bold: true };
    for await (const rows of result.yieldRowsJs()) {
      if (rowCount + rows.length > XLSX_MAX_ROWS) {
        throw new WorkbenchError({
          code: 'invalid_request',
          message: `The result has more than ${XLSX_MAX_ROWS.toLocaleString('en-US')} rows, more than an Excel sheet holds. Export it as CSV, Parquet or Arrow instead.`,
        });
      }
      for (const row of rows) sheet.addRow(row.map(xlsxCell)).commit();
      rowCount += rows.length;
    }
  } finally {
    connection.closeSync();
  }
  sheet.commit();

  const about = workbook.addWorksheet('About');
  about.columns = [{ width: 14 }, { width: 120 }];
  for (const [key, value] of provenanceLines(provenance)) {
    about.addRow([key, neutraliseText(value)]).commit();
  }
  about.addRow(['Rows', rowCount]).commit();
  about.commit();
  await workbook.commit();
  return { rowCount };
}

function numberFormat(type: string): Partial<ExcelJS.Style> {
  if (type === 'DATE') return { numFmt: 'yyyy-mm-dd' };
  if (type.startsWith('TIMESTAMP')) return { numFmt: 'yyyy-mm-dd hh:mm:ss' };
  return {};
}

/** One DuckDB value as an XLSX cell: typed where Excel has the type, neutralised text otherwise. */
export function xlsxCell(value: JS): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return value;
  if (typeof value === 'string') return neutraliseText(value);
  if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
  if (Array.isArray(value)) return neutraliseText(value.map((v) => (v === null ? '' : typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v, jsonSafe) : String(v))).join('; '));
  return neutraliseText(JSON.stringify(value, jsonSafe));
}

function jsonSafe(_key: string, v: unknown): unknown {
  return typeof v === 'bigint' ? v.toString() : v;
}
