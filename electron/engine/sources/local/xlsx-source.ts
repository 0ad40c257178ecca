import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { WorkbenchError } from '../../../../shared/errors';
import { openCsvSource } from './csv-source';
import { cancelledError } from './duckdb-errors';
import type { LocalSource, SourceRequest } from './local-source';

/** Column holding each row's number in the sheet, so rejects name the spreadsheet row. */
const SHEET_ROW_COLUMN = '__bw_sheet_row';

/**
 * XLSX through exceljs's streaming reader (DuckDB's excel extension cannot be installed offline):
 * the sheet is written to a temporary CSV, which DuckDB then reads like any other CSV. Memory stays
 * flat whatever the sheet's size; the temporary file is removed when the source is closed.
 */
export async function openXlsxSource(connection: DuckDBConnection, request: SourceRequest): Promise<LocalSource> {
  const dir = await mkdtemp(join(tmpdir(), 'bw-xlsx-'));
  const removeDir = () => rm(dir, { recursive: true, force: true });
  const csvPath = join(dir, 'sheet.csv');
  try {
    const { sheetName, rows } = await sheetToCsv(request, csvPath);
    if (rows === 0) {
      throw new WorkbenchError({ code: 'bad_input', message: `${request.fileName}: sheet "${sheetName}" has no rows.`, file: request.fileName });
    }
    const csv = await openCsvSource(
      connection,
      {
        ...request,
        path: csvPath,
        reader: { format: 'csv', delimiter: ',', quote: '"', escape: '"', header: true, encoding: 'utf-8', skipRows: 0, badRows: 'fail' },
      },
      { lineColumn: SHEET_ROW_COLUMN, alwaysFailOnBadRows: true },
    );
    return {
      ...csv,
      reader: { ...request.reader, sheet: sheetName },
      notes: [...csv.notes, `Read sheet "${sheetName}".`],
      close: async () => {
        await csv.close();
        await removeDir();
      },
    };
  } catch (error) {
    await removeDir();
    throw error;
  }
}

async function sheetToCsv(request: SourceRequest, csvPath: string): Promise<{ sheetName: string; rows: number }> {
  const out = createWriteStream(csvPath, { encoding: 'utf8' });
  // A write still in flight when the stream is destroyed (an early stop) errors after the fact;
  // real write errors reach us through `once(out, ...)` below, which rejects on 'error'.
  out.on('error', () => undefined);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  // Our own input stream, so that stopping early (a preview's row limit, a bad row) can unpipe it
  // before exceljs tears down its unzipper: otherwise the file keeps writing into a destroyed stream.
  const input = createReadStream(request.path);
  input.on('error', () => undefined); // a read error surfaces through the reader's iteration
  const stopReading = () => {
    input.unpipe();
    input.destroy();
  };
  let reader: ExcelJS.stream.xlsx.WorkbookReader;
  try {
    reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' });
  } catch (error) {
    out.destroy();
    stopReading();
    throw xlsxError(error, request.fileName);
  }
  let sheetName = '';
  let width = 0;
  let written = 0;
  let headerRow = true;
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name?: string }).name ?? '';
      if (request.reader.sheet && name !== request.reader.sheet) continue;
      sheetName = name;
      for await (const row of worksheet) {
        const cells = (row.values as unknown[]).slice(1).map(cellText);
        if (cells.every((c) => c === '')) continue;
        if (headerRow) {
          headerRow = false;
          if (request.reader.header === false) {
            width = cells.length;
            await write(csvLine([...cells.map((_c, i) => `column${i}`), SHEET_ROW_COLUMN]));
          } else {
            width = cells.length;
            await write(csvLine([...cells.map((c, i) => c || `column${i}`), SHEET_ROW_COLUMN]));
            continue;
          }
        }
        // Cells past the header's width have no column to go to: say so rather than drop them.
        const beyond = cells.findIndex((c, i) => i >= width && c !== '');
        if (beyond >= 0) {
          stopReading();
          throw new WorkbenchError({
            code: 'bad_input',
            message: `${request.fileName} row ${row.number}: a value in column ${beyond + 1}, right of the header's last column (${width}); give that column a header or clear the cell.`,
            file: request.fileName,
            line: row.number,
          });
        }
        const fitted = Array.from({ length: width }, (_v, i) => cells[i] ?? '');
        await write(csvLine([...fitted, String(row.number)]));
        written += 1;
        if (written % 5000 === 0) {
          if (request.signal.aborted) {
            stopReading();
            throw cancelledError(request.fileName);
          }
          request.progress(0);
        }
        if (request.limit !== undefined && written >= request.limit) {
          stopReading();
          break;
        }
      }
      stopReading();
      break;
    }
  } catch (error) {
    out.destroy();
    stopReading();
    throw xlsxError(error, request.fileName);
  }
  out.end();
  await once(out, 'finish');
  if (!sheetName && request.reader.sheet) {
    throw new WorkbenchError({ code: 'bad_input', message: `${request.fileName}: no sheet named "${request.reader.sheet}".`, file: request.fileName });
  }
  if (width === 0) throw new WorkbenchError({ code: 'bad_input', message: `${request.fileName}: the sheet is empty.`, file: request.fileName });
  return { sheetName, rows: written };
}

function xlsxError(error: unknown, fileName: string): WorkbenchError {
  if (error instanceof WorkbenchError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new WorkbenchError({ code: 'bad_input', message: `${fileName}: could not be read as an XLSX workbook: ${message.slice(0, 300)}`, file: fileName });
}

/** A cell as the text a person sees: dates as ISO, formulas as their result, rich text as plain text. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown; formula?: unknown };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v || 'formula' in v) return cellText(v.result);
    if ('error' in v) return '';
    if (v.text !== undefined) return cellText(v.text);
    return JSON.stringify(value);
  }
  return String(value);
}

function csvLine(cells: string[]): string {
  return `${cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')}\n`;
}
