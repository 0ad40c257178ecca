import ExcelJS from 'exceljs';
import { WorkbenchError } from '../../../../shared/errors';
import { classifyOaicHeaders } from './oaic-headers';

/** How far down a sheet the header row is looked for: OAIC-style sheets often open with a title and notes. */
const HEADER_SEARCH_ROWS = 20;

export interface OaicSheet {
  sheetName: string;
  /** Row number of the header in the sheet (1-based). */
  headerRow: number;
  headers: string[];
  /** Data rows below the header: the sheet row number and one text (or null) per header. */
  rows: Array<{ line: number; cells: Array<string | null> }>;
  otherSheets: string[];
}

/**
 * The first worksheet with an OAIC-shaped header row, as text cells. Numbers keep their full
 * precision; a number formatted as a percentage (0.59 shown as 59%) becomes "59%", so it is read as
 * a percentage and never as a count; dates become ISO days. Only the cells pass through here, and an
 * OAIC table is tens of rows, not a bulk load.
 */
export async function readOaicSheet(path: string, fileName: string): Promise<OaicSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new WorkbenchError({ code: 'bad_input', message: `${fileName}: not a readable XLSX workbook (${(error as Error).message})`, file: fileName });
  }
  const names = workbook.worksheets.map((w) => w.name);
  for (const sheet of workbook.worksheets) {
    const last = Math.min(sheet.rowCount, HEADER_SEARCH_ROWS);
    for (let r = 1; r <= last; r++) {
      const raw = rowTexts(sheet.getRow(r), sheet.columnCount);
      if (!classifyOaicHeaders(raw.filter((h): h is string => h !== null))) continue;
      const headers = uniqueHeaders(raw);
      const rows: OaicSheet['rows'] = [];
      for (let line = r + 1; line <= sheet.rowCount; line++) {
        rows.push({ line, cells: rowTexts(sheet.getRow(line), headers.length) });
      }
      return { sheetName: sheet.name, headerRow: r, headers, rows, otherSheets: names.filter((n) => n !== sheet.name) };
    }
  }
  throw new WorkbenchError({
    code: 'bad_input',
    message: `${fileName}: no sheet has an OAIC table header (a period column and notifications, source or sector columns) in its first ${HEADER_SEARCH_ROWS} rows`,
    file: fileName,
  });
}

function rowTexts(row: ExcelJS.Row, width: number): Array<string | null> {
  const out: Array<string | null> = [];
  for (let c = 1; c <= width; c++) out.push(cellText(row.getCell(c)));
  return out;
}

export function cellText(cell: ExcelJS.Cell): string | null {
  return valueText(cell.value, cell.numFmt ?? '');
}

function valueText(value: ExcelJS.CellValue, numFmt: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    // Excel stores 59% as 0.59; toPrecision trims binary noise (0.59 * 100 = 59.00000000000001).
    return numFmt.includes('%') ? `${Number((value * 100).toPrecision(12))}%` : String(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('hyperlink' in value) return String(value.text ?? value.hyperlink);
  if ('formula' in value || 'sharedFormula' in value) return valueText((value as { result?: ExcelJS.CellValue }).result ?? null, numFmt);
  if ('error' in value) return String(value.error);
  return null;
}

/** Blank headers get a name; repeats get a suffix (DuckDB column names ignore case, so compare lower-cased). */
function uniqueHeaders(raw: Array<string | null>): string[] {
  const seen = new Set<string>();
  return raw.map((h, i) => {
    const base = h?.trim() || `column_${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}
