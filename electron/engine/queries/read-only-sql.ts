import type { DuckDBConnection } from '@duckdb/node-api';
import { StatementType } from '@duckdb/node-api';
import { WorkbenchError } from '../../../shared/errors';

/**
 * Statement kinds the SQL console may run. Everything else (INSERT, CREATE, COPY ... TO, ATTACH, SET,
 * PRAGMA, LOAD, ...) changes the workspace or the session and is refused before it runs.
 */
const READ_ONLY = new Set<number>([StatementType.SELECT, StatementType.EXPLAIN]);

/**
 * Checks a console query and returns it ready to run, wrapped in a row limit. DuckDB's own parser
 * decides the statement type, so comments, odd casing or CTEs cannot smuggle a write through.
 */
export async function prepareReadOnlyQuery(connection: DuckDBConnection, sql: string, limit: number): Promise<{ sql: string; wrapped: boolean }> {
  const trimmed = sql.trim().replace(/;+\s*$/, '');
  let extracted;
  try {
    extracted = await connection.extractStatements(trimmed);
  } catch (error) {
    throw sqlError(error);
  }
  if (extracted.count === 0) throw new WorkbenchError({ code: 'invalid_request', message: 'The query is empty.' });
  if (extracted.count > 1) {
    throw new WorkbenchError({ code: 'invalid_request', message: `The console runs one statement at a time; this text holds ${extracted.count}.` });
  }
  let prepared;
  try {
    prepared = await extracted.prepare(0);
  } catch (error) {
    throw sqlError(error);
  }
  const type = prepared.statementType;
  prepared.destroySync();
  if (!READ_ONLY.has(type)) {
    throw new WorkbenchError({
      code: 'read_only',
      message: `The SQL console is read-only: ${StatementType[type] ?? 'this'} statements are not allowed. Use SELECT (or EXPLAIN).`,
    });
  }
  if (type === StatementType.SELECT) return { sql: `SELECT * FROM (\n${trimmed}\n) AS console_query LIMIT ${limit + 1}`, wrapped: true };
  return { sql: trimmed, wrapped: false };
}

/**
 * DuckDB's message, with its "LINE n:" marker and caret turned into line and column of the user's
 * text. `lineOffset` undoes the lines the console's LIMIT wrapper adds before the user's query.
 */
export function sqlError(error: unknown, lineOffset = 0): WorkbenchError {
  const message = error instanceof Error ? error.message : String(error);
  if (/interrupt/i.test(message)) return new WorkbenchError({ code: 'cancelled', message: 'The query was cancelled.' });
  const info: ConstructorParameters<typeof WorkbenchError>[0] = { code: 'sql_error', message };
  const marker = /LINE (\d+): (.*)\n( *)\^/.exec(message);
  if (marker) {
    info.line = Math.max(1, Number(marker[1]) - lineOffset);
    info.column = marker[3]!.length - `LINE ${marker[1]}: `.length + 1;
  }
  return new WorkbenchError(info);
}
