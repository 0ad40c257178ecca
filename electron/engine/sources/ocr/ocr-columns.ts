/**
 * The columns of the portal's "Breaches Affecting 500 or More Individuals" export, in the order the
 * portal writes them. The archive adds Web Description; the under-investigation list carries the
 * column but leaves it empty, and some copies drop it, so 8 or 9 columns are accepted.
 */
export const OCR_COLUMNS = [
  { name: 'Name of Covered Entity', field: 'entity' },
  { name: 'State', field: 'state' },
  { name: 'Covered Entity Type', field: 'entity_type' },
  { name: 'Individuals Affected', field: 'individuals' },
  { name: 'Breach Submission Date', field: 'submitted' },
  { name: 'Type of Breach', field: 'breach_type' },
  { name: 'Location of Breached Information', field: 'location' },
  { name: 'Business Associate Present', field: 'business_associate' },
  { name: 'Web Description', field: 'description' },
] as const;

export type OcrField = (typeof OCR_COLUMNS)[number]['field'];

/** The names DuckDB gives the raw columns of `ocr_rows`: `raw_entity`, `raw_state`, ... */
export const RAW_COLUMNS = OCR_COLUMNS.map((c) => `raw_${c.field}`);

/**
 * A JSF quirk of the portal: some exports name header cells after the Java component that rendered
 * them (`javax.faces.component.UIPanel@495f2e1e`) instead of the column title.
 */
const UIPANEL_CELL = /^javax\.faces\.component\.UIPanel@[0-9a-f]+$/i;

export interface OcrHeader {
  columnCount: 8 | 9;
  /** 1-based positions whose header cell was a UIPanel placeholder, read by position instead. */
  placeholderPositions: number[];
}

/**
 * Recognises the export by its header cells. Every cell must either be the expected name at its
 * position (case and surrounding spaces ignored) or a UIPanel placeholder, and at least six cells must
 * carry real names, so a file of placeholders alone is not mistaken for an OCR export.
 */
export function matchOcrHeader(cells: readonly string[]): OcrHeader | null {
  if (cells.length !== 8 && cells.length !== 9) return null;
  const placeholderPositions: number[] = [];
  let named = 0;
  for (const [index, raw] of cells.entries()) {
    const cell = raw.trim();
    const expected = OCR_COLUMNS[index]!.name;
    if (cell.toLowerCase() === expected.toLowerCase()) named += 1;
    else if (UIPANEL_CELL.test(cell)) placeholderPositions.push(index + 1);
    else return null;
  }
  if (named < 6) return null;
  return { columnCount: cells.length as 8 | 9, placeholderPositions };
}

/**
 * Splits the first line of a CSV into cells (RFC 4180 quoting). Only the header goes through here;
 * rows are parsed by DuckDB.
 */
export function parseHeaderLine(head: Buffer | string): string[] {
  let text = typeof head === 'string' ? head : head.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') break;
    else cell += ch;
  }
  cells.push(cell);
  return cells;
}
