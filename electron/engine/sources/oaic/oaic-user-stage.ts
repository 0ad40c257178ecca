import { open } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { WorkbenchError } from '../../../../shared/errors';
import type { Database } from '../../db/database';
import { quoteIdentifier } from '../../db/sql-identifiers';
import { STAGE, STAGE_RAW } from './oaic-staging';
import type { OaicSheet } from './oaic-xlsx-reader';

export interface CsvDialect {
  delimiter: string;
  /** DuckDB's strict mode off: needed when line endings are mixed (CRLF file, rows added with LF). */
  lenient: boolean;
}

/**
 * Settles how to read a user's CSV, on a connection of its own and before the import's transaction
 * (a failed read inside a transaction would abort it). The delimiter comes from the header line and
 * the quote is always `"`: DuckDB's guess can take `'` for a quote and strip it from text such as
 * 'nearly 15 per cent'.
 */
export async function probeCsv(db: Database, path: string, fileName: string): Promise<CsvDialect> {
  const delimiter = csvHeaderDelimiter(await readHead(path));
  const connection = await db.connect();
  try {
    for (const lenient of [false, true]) {
      try {
        await connection.run(`SELECT count(*) FROM ${readCsvSql({ delimiter, lenient })}`, { path, delimiter });
        return { delimiter, lenient };
      } catch (error) {
        if (lenient || !/sniffing file/i.test((error as Error).message)) throw csvError(fileName, error);
      }
    }
    throw csvError(fileName, new Error('unreadable'));
  } finally {
    connection.closeSync();
  }
}

function readCsvSql(dialect: CsvDialect): string {
  return `read_csv($path, header = true, all_varchar = true, sample_size = -1, delim = $delimiter, quote = '"', escape = '"'${
    dialect.lenient ? ', strict_mode = false' : ''
  })`;
}

/**
 * Puts a user's OAIC table into the stage `bw_stage_oaic` as text columns named after its headers,
 * plus `__line` (CSV line, header = 1; or worksheet row). Text, because the file's types are not
 * known yet: each figure is then parsed in SQL and a cell that does not parse is rejected with its
 * line, not guessed.
 */
export async function stageCsv(connection: DuckDBConnection, path: string, dialect: CsvDialect): Promise<{ headers: string[]; notes: string[] }> {
  await connection.run(`CREATE OR REPLACE TABLE ${STAGE_RAW} AS SELECT * FROM ${readCsvSql(dialect)}`, { path, delimiter: dialect.delimiter });
  const notes = dialect.lenient
    ? [`Read with relaxed CSV rules: DuckDB could not settle the file's layout, most often because its line endings are mixed.`]
    : [];
  // Line = record position + 1, which holds while no quoted cell spans lines (true of OAIC tables).
  await connection.run(
    `CREATE OR REPLACE TABLE ${STAGE} AS SELECT CAST(row_number() OVER (ORDER BY rowid) + 1 AS INTEGER) AS __line, * FROM ${STAGE_RAW}`,
  );
  await connection.run(`DROP TABLE ${STAGE_RAW}`);
  return { headers: await stageHeaders(connection), notes };
}

async function readHead(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

function csvHeaderDelimiter(text: string): string {
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const count = (d: string) => line.split(d).length - 1;
  return [',', ';', '\t', '|'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

/** A DuckDB CSV error as a message naming the file (and the line, when DuckDB gives one). */
function csvError(fileName: string, error: unknown): WorkbenchError {
  const message = (error as Error).message ?? String(error);
  const line = /\bline:?\s*(\d+)/i.exec(message)?.[1];
  const first = message.split('\n').find((l) => l.trim().length > 0) ?? message;
  return new WorkbenchError({
    code: 'bad_input',
    message: `${fileName}${line ? ` line ${line}` : ''}: could not be read as CSV (${first.trim()})`,
    file: fileName,
    ...(line ? { line: Number(line) } : {}),
  });
}

export async function stageSheet(connection: DuckDBConnection, sheet: OaicSheet): Promise<string[]> {
  const columns = sheet.headers.map((h) => `${quoteIdentifier(h)} VARCHAR`).join(', ');
  await connection.run(`CREATE OR REPLACE TABLE ${STAGE} (__line INTEGER, ${columns})`);
  const appender = await connection.createAppender(STAGE);
  for (const row of sheet.rows) {
    appender.appendInteger(row.line);
    for (const cell of row.cells) {
      if (cell === null) appender.appendNull();
      else appender.appendVarchar(cell);
    }
    appender.endRow();
  }
  appender.closeSync();
  return stageHeaders(connection);
}

async function stageHeaders(connection: DuckDBConnection): Promise<string[]> {
  const reader = await connection.runAndReadAll(`SELECT column_name FROM (DESCRIBE ${STAGE}) WHERE column_name <> '__line'`);
  return reader.getRowObjectsJS().map((r) => String(r.column_name));
}
