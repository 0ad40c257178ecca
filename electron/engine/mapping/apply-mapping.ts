import type { DuckDBConnection } from '@duckdb/node-api';
import type { Mapping } from '../../../shared/api';
import { WorkbenchError } from '../../../shared/errors';
import { quoteIdentifier } from '../db/sql-identifiers';
import { cancellable, tempName } from '../sources/local/query-control';
import { dropTempTables, type StagedFile } from '../sources/local/staged-file';
import { createJoinLookups, dropLookups } from './dictionary-lookups';
import { buildDictionaries, dictionaryColumns, readDistinctValues } from './field-dictionaries';
import { buildMappedSelect } from './mapping-sql';

export interface MappedRows {
  /** Temp table: the MAPPED_COLUMNS and `problems`. */
  table: string;
  rows: number;
  /** Rows with at least one value that did not fit. */
  problemRows: number;
  tempTables: string[];
}

/** Every column the mapping names must be one of the file's columns (names are compared exactly). */
export function checkMappingColumns(mapping: Mapping, columns: readonly string[], fileName: string): void {
  for (const [field, spec] of Object.entries(mapping.fields)) {
    if (spec && !columns.includes(spec.column)) {
      throw new WorkbenchError({
        code: 'invalid_request',
        message: `The mapping takes ${field} from column "${spec.column}", but ${fileName} has no such column (it has: ${columns.slice(0, 30).join(', ')}).`,
        file: fileName,
      });
    }
  }
}

/**
 * Maps a staged file into a temp table of canonical rows with their problems: the preview's path, and
 * the same SELECT the import writes (there, most columns are stored and the constant ones are in the
 * view). The staged rows carry their line, so the dictionaries are joined.
 */
export async function applyMapping(
  connection: DuckDBConnection,
  input: { staged: StagedFile; mapping: Mapping; sourceId: string; sourceName: string; fileName: string; signal: AbortSignal },
): Promise<MappedRows> {
  const { staged, mapping } = input;
  checkMappingColumns(mapping, staged.columns, input.fileName);
  const from = `temp.${quoteIdentifier(staged.table)}`;
  const values = await readDistinctValues(connection, { sql: from, params: {} }, dictionaryColumns(mapping));
  const created = await createJoinLookups(connection, buildDictionaries(mapping, values));
  const table = tempName('bw_mapped');
  try {
    const select = buildMappedSelect({ from, lineExpr: staged.lineExpr, mapping, sourceId: input.sourceId, sourceName: input.sourceName, lookups: created.lookups });
    await cancellable(connection, input.signal, input.fileName, () =>
      connection.run(`CREATE TEMP TABLE ${quoteIdentifier(table)} AS SELECT ${select.projection('d.__line')} FROM (${select.sql}) d`, select.params.values, select.params.types),
    );
    const counts = await connection.runAndReadAll(
      `SELECT count(*) AS n, count(*) FILTER (WHERE len(problems) > 0) AS bad FROM temp.${quoteIdentifier(table)}`,
    );
    const row = counts.getRowObjectsJS()[0]!;
    return { table, rows: Number(row.n), problemRows: Number(row.bad), tempTables: [table] };
  } catch (error) {
    await dropTempTables(connection, [table]);
    throw error;
  } finally {
    await dropLookups(connection, created);
  }
}
