import type { DuckDBConnection, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import type { Mapping } from '../../../../shared/api';
import { quoteIdentifier } from '../../db/sql-identifiers';
import { createAnyLookups, createEnumLookups, dropLookups, ENUM_LIMIT, type CreatedLookups } from '../../mapping/dictionary-lookups';
import { buildDictionaries, dictionaryColumns, largestDictionary, readDistinctValues, type FieldDictionaries } from '../../mapping/field-dictionaries';
import { buildMappedSelect, DICTIONARY_MISS, type MappedSelect } from '../../mapping/mapping-sql';
import type { LocalSource } from './local-source';
import type { LocalSourceNames } from './local-source-name';
import { cancellable, withQueryProgress } from './query-control';
import { newRejectsTables, stageSource } from './stage-source';
import { dropTempTables, type StagedFile } from './staged-file';
import { readUnreadableRows, type UnreadableRows } from './unreadable-rows';

export interface WrittenRows {
  /** The canonical row over the stored table (alias `d`); see `MappedSelect.projection`. */
  select: MappedSelect;
  /** SQL over alias `d` giving each stored row's line, once the transaction is committed (for views). */
  line: string;
  /**
   * The same inside the transaction: until COMMIT, DuckDB numbers a new table's rows from a large base
   * (its transaction-local row ids), still in order and without gaps, so the base is subtracted.
   */
  lineInTransaction: string;
  unreadable: UnreadableRows;
  /** Rows stored, and how many of them have a problem. */
  rows: number;
  problemRows: number;
  /** Temp tables to drop after the transaction. */
  tempTables: string[];
}

export interface WriteRequest {
  source: LocalSource;
  /** The file's first rows, staged: their distinct values make the first dictionaries. */
  sample: StagedFile;
  /** How many rows the sample was asked for: fewer means it holds the whole file. */
  sampleLimit: number;
  mapping: Mapping;
  names: LocalSourceNames;
  /** The table the rows are stored in (replaced whole). */
  dataTable: string;
  signal: AbortSignal;
  /** Progress of the whole write, 0..1. */
  progress(message: string, fraction: number): void;
}

/**
 * Begins the import's transaction and writes the mapped rows into `dataTable` inside it; on return
 * the transaction is open and the caller commits it (or rolls it back).
 *
 * The fast way reads the file once, straight into the table: the vocabulary dictionaries come from
 * the file's first rows and are ENUM lookups, so the rows keep the file's order and their row ids give
 * their lines. A value those rows did not show stops that statement at once (nothing is kept); then,
 * as for a vocabulary too big for ENUM lookups, the whole file is staged, every value read, and the
 * rows mapped from the staged copy with their lines stored (one extra pass). A file that fits in the
 * sample is mapped from the sample. Every way gives the same rows.
 */
export async function writeMappedRows(connection: DuckDBConnection, request: WriteRequest): Promise<WrittenRows> {
  // A small file is all in the sample already: map it from there rather than read it again.
  if (request.sample.rows < request.sampleLimit) return writeFromStaged(connection, request, request.sample, request.progress);
  const sampleTable = { sql: `temp.${quoteIdentifier(request.sample.table)}`, params: {} };
  const optimistic = buildDictionaries(request.mapping, await readDistinctValues(connection, sampleTable, dictionaryColumns(request.mapping)));
  let reached = 0;
  let why = `a column of words has more than ${ENUM_LIMIT} different values`;
  if (largestDictionary(optimistic) <= ENUM_LIMIT) {
    const attempt = await writeFromFile(connection, request, optimistic, (message, fraction) => {
      reached = Math.max(reached, fraction);
      request.progress(message, fraction);
    });
    if ('written' in attempt) return attempt.written;
    why = attempt.retry;
  }
  // The second way's progress continues from where the first stopped, so the bar never goes back.
  const base = reached;
  const progress: Progress = (message, fraction) => request.progress(message, base + (1 - base) * fraction);
  const reading = `Reading ${request.source.fileName} again: ${why}`;
  progress(reading, 0);
  const staged = await stageSource(connection, request.source, { signal: request.signal, progress: (fraction) => progress(reading, fraction / 2) });
  try {
    const written = await writeFromStaged(connection, request, staged, (message, fraction) => progress(message, 0.5 + fraction / 2));
    return { ...written, tempTables: [...written.tempTables, ...staged.tempTables] };
  } catch (error) {
    await dropTempTables(connection, staged.tempTables);
    throw error;
  }
}

type Progress = WriteRequest['progress'];

/** The one pass: file -> mapped table; or why it could not be (then nothing is kept and the transaction is rolled back). */
async function writeFromFile(
  connection: DuckDBConnection,
  request: WriteRequest,
  dictionaries: FieldDictionaries,
  progress: Progress,
): Promise<{ written: WrittenRows } | { retry: string }> {
  const { source } = request;
  const rejects = newRejectsTables(source);
  const relation = source.relation(rejects);
  await connection.run('BEGIN TRANSACTION');
  let created: CreatedLookups | undefined;
  try {
    created = await createEnumLookups(connection, dictionaries);
    const lineColumn = 'column' in source.line ? `TRY_CAST(s.${quoteIdentifier(source.line.column)} AS BIGINT)` : null;
    const select = buildMappedSelect({
      from: relation.sql,
      lineExpr: lineColumn,
      mapping: request.mapping,
      sourceId: request.names.sourceId,
      sourceName: request.names.name,
      lookups: created.lookups,
    });
    const statement = `CREATE OR REPLACE TABLE ${quoteIdentifier(request.dataTable)} AS ${select.sql}`;
    const params = { ...relation.params, ...select.params.values };
    // Lines are row ids, so the rows must land in file order: DuckDB says so by planning a batch insert.
    // Any plan that does not (an optimizer rewrite into a join) takes the staged way instead.
    if (!(await keepsRowOrder(connection, statement, params, select.params.types))) {
      await connection.run('ROLLBACK');
      await dropLookups(connection, created);
      return { retry: 'mapping it with its line numbers' };
    }
    progress('Mapping and saving', 0);
    await cancellable(connection, request.signal, source.fileName, () =>
      withQueryProgress(connection, (fraction) => progress('Mapping and saving', fraction), () => connection.run(statement, params, select.params.types)),
    );
    // The ENUM types were only for the lookups: they must not outlive the transaction.
    await dropLookups(connection, created);
    const unreadable = rejects ? await readUnreadableRows(connection, rejects) : { rows: [], count: 0 };
    const tempTables = rejects ? [rejects.table, rejects.scan] : [];
    const counted = await countStored(connection, request.dataTable);
    const counts = { rows: counted.rows, problemRows: counted.problemRows };
    if ('column' in source.line) return { written: { select, line: 'd.__line', lineInTransaction: 'd.__line', unreadable, ...counts, tempTables } };
    if (counted.idSpan !== counted.rows) {
      // Row ids with gaps could not give lines; never seen, but then the staged way it is.
      await connection.run('ROLLBACK');
      if (rejects) await dropTempTables(connection, [rejects.table, rejects.scan]);
      return { retry: 'mapping it with its line numbers' };
    }
    const first = BigInt(source.line.first) - counted.firstId;
    return { written: { select, line: `(d.rowid + ${source.line.first})`, lineInTransaction: `(d.rowid + ${first})`, unreadable, ...counts, tempTables } };
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    if (created) await dropLookups(connection, created);
    if (rejects) await dropTempTables(connection, [rejects.table, rejects.scan]);
    if (!request.signal.aborted && String(error instanceof Error ? error.message : error).includes(DICTIONARY_MISS)) {
      return { retry: 'some values were not in its first rows' };
    }
    throw source.readError(error);
  }
}

/** One scan of the stored table: its rows, those with a problem, and the span of its row ids. */
async function countStored(connection: DuckDBConnection, table: string): Promise<{ rows: number; problemRows: number; firstId: bigint; idSpan: number }> {
  const reader = await connection.runAndReadAll(
    `SELECT count(*) AS n, count(*) FILTER (WHERE __problems IS NOT NULL) AS bad,
            coalesce(min(rowid), 0) AS first_id, coalesce(max(rowid) - min(rowid) + 1, 0) AS span
     FROM ${quoteIdentifier(table)}`,
  );
  const row = reader.getRowObjectsJS()[0]!;
  return { rows: Number(row.n), problemRows: Number(row.bad), firstId: BigInt(String(row.first_id)), idSpan: Number(row.span) };
}

/** Whether DuckDB plans the CREATE TABLE AS as an order-preserving batch insert. */
async function keepsRowOrder(connection: DuckDBConnection, statement: string, params: Record<string, DuckDBValue>, types: Record<string, DuckDBType | undefined>): Promise<boolean> {
  const reader = await connection.runAndReadAll(`EXPLAIN (FORMAT json) ${statement}`, params, types);
  const plan = reader.getRowObjectsJS().find((r) => r.explain_key === 'physical_plan')?.explain_value;
  try {
    const root = (JSON.parse(String(plan)) as { name?: string }[])[0];
    return root?.name === 'BATCH_CREATE_TABLE_AS';
  } catch {
    return false;
  }
}

/**
 * Maps rows already staged (the whole file) with every value read, lines stored with the rows: the
 * way for a small file (all in the sample), for values the first rows missed and for big vocabularies.
 * The staged tables stay the caller's.
 */
async function writeFromStaged(connection: DuckDBConnection, request: WriteRequest, staged: StagedFile, progress: Progress): Promise<WrittenRows> {
  const from = `temp.${quoteIdentifier(staged.table)}`;
  const values = await readDistinctValues(connection, { sql: from, params: {} }, dictionaryColumns(request.mapping));
  const dictionaries = buildDictionaries(request.mapping, values);
  await connection.run('BEGIN TRANSACTION');
  let created: CreatedLookups | undefined;
  try {
    created = await createAnyLookups(connection, dictionaries);
    const select = buildMappedSelect({
      from,
      lineExpr: staged.lineExpr,
      mapping: request.mapping,
      sourceId: request.names.sourceId,
      sourceName: request.names.name,
      lookups: created.lookups,
    });
    // DuckDB's percentage counts each join's pipeline; the rows of the staged table passed are the honest measure.
    await cancellable(connection, request.signal, request.source.fileName, () =>
      withQueryProgress(
        connection,
        (_fraction, processed) => progress('Mapping and saving', Math.min(1, processed / Math.max(1, staged.rows))),
        () => connection.run(`CREATE OR REPLACE TABLE ${quoteIdentifier(request.dataTable)} AS ${select.sql}`, select.params.values, select.params.types),
      ),
    );
    await dropLookups(connection, created);
    const counted = await countStored(connection, request.dataTable);
    return {
      select,
      line: 'd.__line',
      lineInTransaction: 'd.__line',
      unreadable: { rows: staged.readerRejects, count: staged.readerRejectCount },
      rows: counted.rows,
      problemRows: counted.problemRows,
      tempTables: [],
    };
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    if (created) await dropLookups(connection, created);
    throw error;
  }
}
