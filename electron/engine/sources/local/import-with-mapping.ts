import type { DuckDBConnection } from '@duckdb/node-api';
import type { ImportReport, Mapping } from '../../../../shared/api';
import { CANONICAL_COLUMNS } from '../../../../shared/schema';
import { quoteIdentifier } from '../../db/sql-identifiers';
import { recordImportedFile, recordRejects } from '../../imports/import-log';
import type { ImportContext } from '../../imports/importer';
import { checkMappingColumns } from '../../mapping/apply-mapping';
import { registerRecordSource } from '../../workspace/breaches-view';
import { localSourceNames, type LocalSourceNames } from './local-source-name';
import { cancellable } from './query-control';
import { estimateRows, readHead } from './reader-options';
import { stageAndResolve } from './stage-and-resolve';
import { dropTempTables } from './staged-file';
import { enforceBadRowPolicy, unreadableRowsNote } from './unreadable-rows';
import { writeMappedRows, type WrittenRows } from './write-mapped-rows';

/**
 * Rows staged from the file's start: detection and presets look at the first of them, and their
 * distinct values make the vocabulary dictionaries the import tries first. A million-row log's
 * vocabulary (actor words, breach types, countries) nearly always shows in its first 100,000 rows.
 */
const SAMPLE_ROWS = 100_000;

/**
 * Imports one local incident log. Its first rows are staged (temp tables, never persisted) to settle
 * the mapping; then one transaction reads the file into the source's table, mapped and validated, and
 * swaps in its views, rejects and file record. A failure, a cancel or a killed process before COMMIT
 * leaves the workspace as it was.
 *
 * The source's rows live in table `bw_local_<name>`, holding only what varies by row; view
 * `local_<name>_rows` adds the line, the constant columns and the problems, and leaves out rejected
 * rows; view `local_<name>` is the canonical projection that joins `breaches`.
 *
 * Without a mapping, the saved preset for files of this shape is used, else a detected one.
 */
export async function importWithMapping(context: ImportContext, mapping?: Mapping): Promise<ImportReport> {
  const { db, signal, fileName } = context;
  const estimated = estimateRows(await readHead(context.path, fileName), context.bytes);
  let percent = 0;
  // Percent only ever rises, whatever phase reports (a second pass continues where the first stopped).
  const report = (to: number, rows: number | null, message: string) => {
    percent = Math.max(percent, Math.round(to));
    context.progress({ percent, rows, message });
  };
  return db.exclusive(async (connection) => {
    const resolved = await stageAndResolve(connection, {
      path: context.path,
      fileName,
      ...(mapping ? { mapping } : {}),
      signal,
      // A conversion pass (Windows-1252 text, an XLSX sheet) reads the whole file before DuckDB does.
      progress: (fraction) => report(fraction * 30, estimated === null ? null : Math.round(fraction * estimated), `Reading ${fileName}`),
      sampleRows: SAMPLE_ROWS,
    });
    const temp = [...resolved.sample.tempTables];
    try {
      const { sample } = resolved;
      report(Math.max(percent, 2), sample.rows, `Reading ${fileName}`);
      checkMappingColumns(resolved.mapping, sample.columns, fileName);
      const names = localSourceNames(fileName, resolved.mapping);
      const start = percent;
      const written = await writeMappedRows(connection, {
        source: resolved.source,
        sample,
        sampleLimit: SAMPLE_ROWS,
        mapping: resolved.mapping,
        names,
        dataTable: dataTableName(names),
        signal,
        progress: (message, fraction) =>
          report(start + fraction * (95 - start), estimated === null ? null : Math.round(Math.min(1, fraction) * estimated), message),
      });
      temp.push(...written.tempTables);
      const imported = await cancellable(connection, signal, fileName, () =>
        swapIn(connection, context, { names, written, mapping: resolved.mapping, notes: resolved.notes, alwaysFail: resolved.source.alwaysFailOnBadRows, report }),
      ).catch(async (error: unknown) => {
        // A cancel just before swapIn leaves the transaction writeMappedRows began: roll it back.
        await connection.run('ROLLBACK').catch(() => undefined);
        throw error;
      });
      report(100, imported.rowsLoaded, 'Imported');
      return imported;
    } finally {
      await dropTempTables(connection, temp);
      await resolved.source.close();
    }
  });
}

/** The table holding a local source's stored columns (`bw_` like the engine's other own tables: no view is named so). */
export function dataTableName(names: LocalSourceNames): string {
  return `bw_${names.tableName.replace(/_rows$/, '')}`;
}

/**
 * Inside the transaction `writeMappedRows` began: checks the unreadable rows, copies problems to
 * bw_rejects, and replaces the source's views, file record and registration; then commits.
 */
async function swapIn(
  connection: DuckDBConnection,
  context: ImportContext,
  input: {
    names: LocalSourceNames;
    written: WrittenRows;
    mapping: Mapping;
    notes: string[];
    alwaysFail: boolean;
    report: (percent: number, rows: number | null, message: string) => void;
  },
): Promise<ImportReport> {
  const { names, written } = input;
  const data = quoteIdentifier(dataTableName(names));
  const loadAll = input.mapping.invalidValues === 'load_null';
  try {
    enforceBadRowPolicy(written.unreadable, input.alwaysFail ? 'fail' : input.mapping.reader.badRows, context.fileName);
    const { rows, problemRows } = written;
    input.report(95, rows, 'Checking values');
    const report = buildReport(context.fileName, names, written.unreadable.count, rows, problemRows, loadAll, [
      ...input.notes,
      ...unreadableRowsNote(written.unreadable.count),
    ]);

    // The source is replaced whole: the files and rejects of its previous import go with it.
    await connection.run(`DELETE FROM bw_rejects WHERE file_id IN (SELECT file_id FROM bw_files WHERE source_id = $sourceId)`, { sourceId: names.sourceId });
    await connection.run(`DELETE FROM bw_files WHERE source_id = $sourceId`, { sourceId: names.sourceId });
    await recordRejects(connection, context, written.unreadable.rows);
    if (problemRows > 0) {
      await connection.run(
        `INSERT INTO bw_rejects SELECT $fileId, $file, r.line, r.p.col, r.p.val, r.p.reason
         FROM (SELECT ${written.lineInTransaction} AS line, unnest(d.__problems) AS p, generate_subscripts(d.__problems, 1) AS i
               FROM ${data} d WHERE d.__problems IS NOT NULL) r
         ORDER BY r.line, r.i`,
        { fileId: context.fileId, file: context.fileName },
      );
    }
    // Rejected rows stay in the stored table (deleting would renumber the row ids the lines come from); the views leave them out.
    const kept = problemRows > 0 && !loadAll ? ' WHERE d.__problems IS NULL' : '';
    await dropLegacyRowsTable(connection, names.tableName);
    await connection.run(`CREATE OR REPLACE VIEW ${quoteIdentifier(names.tableName)} AS SELECT ${written.select.projection(written.line)} FROM ${data} d${kept}`);
    await connection.run(
      `CREATE OR REPLACE VIEW ${quoteIdentifier(names.viewName)} AS
       SELECT ${CANONICAL_COLUMNS.map((c) => quoteIdentifier(c.name)).join(', ')} FROM ${quoteIdentifier(names.tableName)}`,
    );
    await recordImportedFile(connection, context, names.sourceId, report);
    await registerRecordSource(connection, { sourceId: names.sourceId, viewName: names.viewName, title: `${names.name} (${context.fileName})`, kind: 'local' });
    await connection.run('COMMIT');
    return report;
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Workspaces written before the rows became a view hold a table under the view's name. */
async function dropLegacyRowsTable(connection: DuckDBConnection, name: string): Promise<void> {
  const reader = await connection.runAndReadAll(
    `SELECT count(*) AS n FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = $name`,
    { name },
  );
  if (Number(reader.getRowObjectsJS()[0]?.n ?? 0) > 0) await connection.run(`DROP TABLE ${quoteIdentifier(name)}`);
}

function buildReport(
  fileName: string,
  names: LocalSourceNames,
  readerRejects: number,
  rows: number,
  problemRows: number,
  loadAll: boolean,
  notes: string[],
): ImportReport {
  return {
    file: fileName,
    kind: 'local',
    table: names.viewName,
    snapshotDate: null,
    rowsRead: rows + readerRejects,
    rowsLoaded: loadAll ? rows : rows - problemRows,
    rowsRepaired: loadAll ? problemRows : 0,
    rowsRejected: (loadAll ? 0 : problemRows) + readerRejects,
    notes: [
      ...notes,
      ...(problemRows > 0
        ? [`${problemRows} row(s) had values that did not fit; ${loadAll ? 'they were loaded with those values empty' : 'they were not loaded'} and are listed in the rejects table.`]
        : []),
      ...(readerRejects > 0 ? [`${readerRejects} row(s) could not be read and are listed in the rejects table with their line.`] : []),
    ],
  };
}
