import { resolve } from 'node:path';
import { DATA_FORMATS, type DataFormat } from '../../shared/report';
import { provenanceLines } from '../engine/export/export-provenance';
import type { Workbench } from '../engine/workbench';

export interface ExportCommandOptions {
  sql?: string | undefined;
  table?: string | undefined;
  format?: string | undefined;
  out?: string | undefined;
}

export const EXPORT_USAGE = `  breach-workbench export --sql QUERY --format csv|xlsx|parquet|arrow --out FILE [--workspace DIR]
  breach-workbench export --table NAME --format csv|xlsx|parquet|arrow --out FILE [--workspace DIR]
      The whole result (no row limit), read-only. CSV and XLSX text cells that start with = + - @ or a
      tab/CR/LF get a leading apostrophe so spreadsheets do not run them as formulas.`;

/** `breach-workbench export`: a query's or a table's rows to a file, with the app's neutralising and provenance. */
export async function exportCommand(engine: Workbench, options: ExportCommandOptions, err: (text: string) => void): Promise<number> {
  const format = options.format as DataFormat | undefined;
  if (!format || !(DATA_FORMATS as readonly string[]).includes(format)) {
    err(`export needs --format ${DATA_FORMATS.join('|')}${options.format ? `, not "${options.format}"` : ''}.\n`);
    return 2;
  }
  if (!options.out) {
    err('export needs --out FILE.\n');
    return 2;
  }
  if (Boolean(options.sql) === Boolean(options.table)) {
    err('export needs either --sql QUERY or --table NAME.\n');
    return 2;
  }
  const out = resolve(options.out);
  try {
    const source = options.sql ? { sql: options.sql } : { table: options.table! };
    const { rowCount, provenance } = await engine.exports.writeData(source, format, out);
    err(`Wrote ${rowCount.toLocaleString('en-US')} rows to ${out}.\n`);
    // Provenance on stderr: CSV has nowhere to carry it (the other formats carry it inside the file).
    for (const [key, value] of provenanceLines(provenance)) if (key !== 'Query') err(`  ${key}: ${value}\n`);
    return 0;
  } catch (error) {
    const e = error as { message?: string; line?: number; column?: number };
    err(`${e.message ?? String(error)}${e.line ? ` (line ${e.line}${e.column ? `, column ${e.column}` : ''})` : ''}\n`);
    return 1;
  }
}
