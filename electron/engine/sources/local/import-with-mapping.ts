import type { DuckDBConnection } from '@duckdb/node-api';
import type { ImportReport, Mapping } from '../../../../shared/api';
import { CANONICAL_COLUMNS } from '../../../../shared/schema';
import { quoteIdentifier } from '../../db/sql-identifiers';
import { recordImportedFile, recordRejects } from '../../imports/import-log';
import type { ImportContext } from '../../imports/importer';
import { prepareMapping, type PreparedMapping } from '../../mapping/apply-mapping';
import { MAPPED_COLUMNS } from '../../mapping/mapping-sql';
import { registerRecordSource } from '../../workspace/breaches-view';
import { cancellable, withQueryProgress } from './query-control';
import { estimateRows, readHead } from './reader-options';
import { localSourceNames, type LocalSourceNames } from './local-source-name';
import { stageAndResolve } from './stage-and-resolve';
import { dropTempTables, type StagedFile } from './staged-file';

/**
 * Imports one local incident log: read into staging (temp tables, never persisted), then in one
 * transaction map and validate into the source's table and swap in its view, rejects and file
 * record. A failure, a cancel or a killed process before COMMIT leaves the workspace as it was.
 *
 * Without a mapping, the saved preset for files of this shape is used, else a detected one.
 */
export async function importWithMapping(context: ImportContext, mapping?: Mapping): Promise<ImportReport> {
  const { db, signal, fileName } = context;
  const estimated = estimateRows(await readHead(context.path, fileName), context.bytes);
  return db.exclusive(async (connection) => {
    const temp: string[] = [];
    try {
      const resolved = await stageAndResolve(connection, {
        path: context.path,
        fileName,
        ...(mapping ? { mapping } : {}),
        signal,
        progress: (fraction) =>
          context.progress({
            percent: Math.round(fraction * 60),
            rows: estimated === null ? null : Math.round(fraction * estimated),
            message: `Reading ${fileName}`,
          }),
      });
      const { staged } = resolved;
      temp.push(...staged.tempTables);
      context.progress({ percent: 60, rows: staged.rows, message: `Mapping ${staged.rows.toLocaleString('en')} rows` });
      const names = localSourceNames(fileName, resolved.mapping);
      const prepared = await prepareMapping(connection, {
        staged,
        mapping: resolved.mapping,
        sourceId: names.sourceId,
        sourceName: names.name,
        fileName,
        onStep: (message) => context.progress({ percent: 60, rows: staged.rows, message }),
      });
      temp.push(...prepared.tempTables);
      const report = await cancellable(connection, signal, fileName, () =>
        mapAndSwapIn(connection, context, { names, prepared, staged, mapping: resolved.mapping, notes: resolved.notes }),
      );
      context.progress({ percent: 100, rows: report.rowsLoaded, message: 'Imported' });
      return report;
    } finally {
      await dropTempTables(connection, temp);
    }
  });
}

/**
 * The one write: the mapped rows go straight into the source's table (writing them once, not to a
 * temp table and again), problems are copied to bw_rejects, and rows with problems are removed
 * again when the mapping rejects whole rows. All of it inside one transaction.
 */
async function mapAndSwapIn(
  connection: DuckDBConnection,
  context: ImportContext,
  input: { names: LocalSourceNames; prepared: PreparedMapping; staged: StagedFile; mapping: Mapping; notes: string[] },
): Promise<ImportReport> {
  const { names, staged } = input;
  const table = quoteIdentifier(names.tableName);
  const loadAll = input.mapping.invalidValues === 'load_null';
  await connection.run('BEGIN TRANSACTION');
  try {
    // DuckDB's percentage here counts each join's pipeline, so it stops near a third; the rows the
    // scan of the staged table has passed are the honest measure.
    await withQueryProgress(
      connection,
      (_fraction, processed) => {
        const done = Math.min(processed, staged.rows);
        context.progress({ percent: 60 + Math.round((done / Math.max(1, staged.rows)) * 35), rows: done, message: 'Mapping and saving' });
      },
      () =>
        connection.run(
          `CREATE OR REPLACE TABLE ${table} AS
           SELECT ${MAPPED_COLUMNS.map((c) => quoteIdentifier(c)).join(', ')}, __problems AS problems FROM (${input.prepared.sql})`,
          input.prepared.params.values,
        ),
    );
    context.progress({ percent: 95, rows: staged.rows, message: 'Checking values' });
    const counts = await connection.runAndReadAll(`SELECT count(*) AS n, count(*) FILTER (WHERE len(problems) > 0) AS bad FROM ${table}`);
    const rows = Number(counts.getRowObjectsJS()[0]!.n);
    const problemRows = Number(counts.getRowObjectsJS()[0]!.bad);
    const report = buildReport(context.fileName, names, staged, rows, problemRows, loadAll, input.notes);

    // The source is replaced whole: the files and rejects of its previous import go with it.
    await connection.run(`DELETE FROM bw_rejects WHERE file_id IN (SELECT file_id FROM bw_files WHERE source_id = $sourceId)`, { sourceId: names.sourceId });
    await connection.run(`DELETE FROM bw_files WHERE source_id = $sourceId`, { sourceId: names.sourceId });
    await recordRejects(connection, context, staged.readerRejects);
    if (problemRows > 0) {
      await connection.run(
        `INSERT INTO bw_rejects SELECT $fileId, $file, line, p.col, p.val, p.reason
         FROM (SELECT line, unnest(problems) AS p FROM ${table} WHERE len(problems) > 0) ORDER BY line`,
        { fileId: context.fileId, file: context.fileName },
      );
      if (!loadAll) await connection.run(`DELETE FROM ${table} WHERE len(problems) > 0`);
    }
    await connection.run(
      `CREATE OR REPLACE VIEW ${quoteIdentifier(names.viewName)} AS
       SELECT ${CANONICAL_COLUMNS.map((c) => quoteIdentifier(c.name)).join(', ')} FROM ${table}`,
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

function buildReport(
  fileName: string,
  names: LocalSourceNames,
  staged: StagedFile,
  rows: number,
  problemRows: number,
  loadAll: boolean,
  notes: string[],
): ImportReport {
  const readerRejects = staged.readerRejectCount;
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
