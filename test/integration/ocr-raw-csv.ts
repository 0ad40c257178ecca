import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';

/**
 * An RFC 4180 reader written for the OCR tests only, so that counts and line numbers are checked
 * against something other than the DuckDB reader under test. A file that is not valid UTF-8 is read
 * as latin-1 (byte n -> U+00nn), as the importer does for its invalid bytes.
 */
export interface RawRecord {
  /** Physical line (LF-counted, 1-based) the record starts on. */
  line: number;
  fields: string[];
}

export function readRawCsv(path: string): { header: string[]; records: RawRecord[] } {
  const bytes = readFileSync(path);
  const text = isUtf8(bytes) ? bytes.toString('utf8') : bytes.toString('latin1');
  const records: RawRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let any = false;
  const endRecord = () => {
    fields.push(field);
    if (any || fields.length > 1 || field !== '') records.push({ line: start, fields });
    fields = [];
    field = '';
    any = false;
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (ch === '\n') line += 1;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
      continue;
    }
    if (ch === '"') {
      quoted = true;
      any = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      any = true;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      // the \n ends the record on the next turn
    } else if (ch === '\n') {
      endRecord();
      start = line;
    } else field += ch;
  }
  if (field !== '' || fields.length) endRecord();
  const [header, ...rest] = records;
  return { header: header?.fields ?? [], records: rest };
}
