import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { ImportReport } from '../../../../shared/api';
import { WorkbenchError } from '../../../../shared/errors';
import { CANONICAL_COLUMNS } from '../../../../shared/schema';
import { quoteIdentifier } from '../../db/sql-identifiers';
import { recordImportedFile } from '../../imports/import-log';
import type { ImportContext, Importer } from '../../imports/importer';
import { createValueDictionary } from '../../mapping/value-dictionary';
import { registerRecordSource } from '../../workspace/breaches-view';
import { readerError } from '../local/duckdb-errors';
import { cancellable, tempName, withQueryProgress } from '../local/query-control';
import { dropTempTables } from '../local/staged-file';
import { naicsEntityType } from './naics';
import { VERIS_TABLE_DDL, verisMappedSelect } from './veris-sql';
import { looksLikeVeris, sniffVerisFolder, verisFiles } from './veris-files';

export const VERIS_SOURCE_ID = 'veris';
export const VERIS_VIEW = 'veris_breaches';

/**
 * VERIS incidents (one JSON file, a folder of them, or a zip) map to the canonical record without a
 * wizard: VERIS names actor kinds, dates, counts and industry itself. All files are read by one
 * DuckDB `read_json_objects` over the bound file list.
 */
export const verisImporter: Importer = {
  kind: 'veris',
  sniff: ({ path, name, head, isDirectory }) => {
    if (isDirectory) return sniffVerisFolder(path);
    const ext = extname(name).toLowerCase();
    if (ext === '.zip') return true;
    return ext === '.json' && looksLikeVeris(head.toString('utf8'));
  },
  import: importVeris,
};

export async function importVeris(context: ImportContext): Promise<ImportReport> {
  const { db, signal, fileName } = context;
  const listing = await verisFiles(context.path, fileName, (await stat(context.path)).isDirectory());
  try {
    return await db.exclusive(async (connection) => {
      const stage = tempName('bw_veris_stage');
      const mapped = tempName('bw_veris_mapped');
      const temp = [stage, mapped];
      try {
        context.progress({ percent: 0, rows: 0, message: `Reading ${listing.files.length} VERIS file(s)` });
        await cancellable(connection, signal, fileName, () =>
          withQueryProgress(
            connection,
            (f) => context.progress({ percent: Math.round(f * 60), rows: null, message: `Reading ${listing.files.length} VERIS file(s)` }),
            () =>
              connection.run(
                `CREATE TEMP TABLE ${quoteIdentifier(stage)} AS
                 SELECT substr(filename, length($root) + 2) AS file, json AS raw
                 FROM read_json_objects($files, filename = true, format = 'auto')`,
                { files: listValue(listing.files), root: listing.root },
                { files: LIST(VARCHAR), root: VARCHAR },
              ),
          ),
        ).catch((error: unknown) => {
          throw readerError(error, fileName, listing.root, 'VERIS JSON');
        });
        const industries = await distinctIndustries(connection, stage);
        const dictionary = await createValueDictionary(
          connection,
          industries.map((value) => ({ value, mapped: naicsEntityType(value), extra: null, problem: null })),
        );
        temp.push(dictionary);
        context.progress({ percent: 70, rows: null, message: 'Mapping VERIS incidents' });
        await cancellable(connection, signal, fileName, () =>
          connection.run(`CREATE TEMP TABLE ${quoteIdentifier(mapped)} AS ${verisMappedSelect(`temp.${quoteIdentifier(stage)}`, `temp.${quoteIdentifier(dictionary)}`)}`),
        );
        const counts = await countOutcomes(connection, mapped);
        if (counts.loaded === 0) {
          throw new WorkbenchError({ code: 'bad_input', message: `${fileName}: no VERIS incidents found (${counts.read} JSON record(s), none with an incident_id).`, file: fileName });
        }
        const report: ImportReport = {
          file: fileName,
          kind: 'veris',
          table: VERIS_VIEW,
          snapshotDate: null,
          rowsRead: counts.read,
          rowsLoaded: counts.loaded,
          rowsRepaired: counts.badDates,
          rowsRejected: counts.noId + counts.duplicates,
          notes: [
            `${counts.loaded} incident(s) from ${listing.files.length} file(s).`,
            `Incident dates given as a year only are set to 1 January (month only: the 1st); veris_incidents.incident_date_precision says which (${counts.yearOnly} year-only, ${counts.monthOnly} month-only).`,
            ...(counts.duplicates ? [`${counts.duplicates} record(s) repeat an incident_id already read; the first copy was kept, the others are listed in the rejects table.`] : []),
            ...(counts.noId ? [`${counts.noId} JSON record(s) have no incident_id and are not VERIS incidents; listed in the rejects table.`] : []),
            ...(counts.badDates ? [`${counts.badDates} incident(s) have an impossible incident date; loaded with the date empty.`] : []),
          ],
        };
        context.progress({ percent: 85, rows: counts.loaded, message: 'Saving' });
        await cancellable(connection, signal, fileName, () => swapIn(connection, context, mapped, report));
        context.progress({ percent: 100, rows: counts.loaded, message: 'Imported' });
        return report;
      } finally {
        await dropTempTables(connection, temp);
      }
    });
  } finally {
    await listing.cleanup();
  }
}

async function distinctIndustries(connection: DuckDBConnection, stage: string): Promise<string[]> {
  const reader = await connection.runAndReadAll(
    `SELECT DISTINCT coalesce(json_extract_string(raw, '$.victim.industry'), json_extract_string(raw, '$.victim[0].industry')) AS v
     FROM temp.${quoteIdentifier(stage)} WHERE v IS NOT NULL`,
  );
  return reader.getRowObjectsJS().map((r) => String(r.v));
}

async function countOutcomes(connection: DuckDBConnection, mapped: string) {
  const reader = await connection.runAndReadAll(`SELECT
      count(*) AS read,
      count(*) FILTER (WHERE incident_id IS NULL) AS no_id,
      count(*) FILTER (WHERE incident_id IS NOT NULL AND copy_number > 1) AS duplicates,
      count(*) FILTER (WHERE incident_id IS NOT NULL AND copy_number = 1) AS loaded,
      count(*) FILTER (WHERE incident_id IS NOT NULL AND copy_number = 1 AND bad_incident_date IS NOT NULL) AS bad_dates,
      count(*) FILTER (WHERE incident_id IS NOT NULL AND copy_number = 1 AND incident_date_precision = 'year') AS year_only,
      count(*) FILTER (WHERE incident_id IS NOT NULL AND copy_number = 1 AND incident_date_precision = 'month') AS month_only
    FROM temp.${quoteIdentifier(mapped)}`);
  const r = reader.getRowObjectsJS()[0]!;
  return {
    read: Number(r.read),
    noId: Number(r.no_id),
    duplicates: Number(r.duplicates),
    loaded: Number(r.loaded),
    badDates: Number(r.bad_dates),
    yearOnly: Number(r.year_only),
    monthOnly: Number(r.month_only),
  };
}

/**
 * One transaction: the incidents of this import replace any earlier copy of the same incident_id
 * (a re-import, or an updated export), then the view, the rejects and the file record.
 */
async function swapIn(connection: DuckDBConnection, context: ImportContext, mappedTable: string, report: ImportReport): Promise<void> {
  const mapped = `temp.${quoteIdentifier(mappedTable)}`;
  const keep = `incident_id IS NOT NULL AND copy_number = 1`;
  await connection.run('BEGIN TRANSACTION');
  try {
    await connection.run(VERIS_TABLE_DDL);
    await connection.run(
      `DELETE FROM veris_incidents WHERE file_id = $fileId OR incident_id IN (SELECT incident_id FROM ${mapped} WHERE ${keep})`,
      { fileId: context.fileId },
    );
    await connection.run(
      `INSERT INTO veris_incidents BY NAME
       SELECT $fileId AS file_id, * EXCLUDE (bad_incident_date, kept_file, copy_number) FROM ${mapped} WHERE ${keep}`,
      { fileId: context.fileId },
    );
    await connection.run(
      `CREATE OR REPLACE VIEW ${quoteIdentifier(VERIS_VIEW)} AS SELECT ${CANONICAL_COLUMNS.map((c) => quoteIdentifier(c.name)).join(', ')} FROM veris_incidents`,
    );
    await connection.run(`DELETE FROM bw_rejects WHERE file_id = $fileId`, { fileId: context.fileId });
    await connection.run(
      `INSERT INTO bw_rejects
       SELECT $fileId, file, NULL, 'incident_id', NULL, 'not a VERIS incident: the record has no incident_id' FROM ${mapped} WHERE incident_id IS NULL
       UNION ALL
       SELECT $fileId, file, NULL, 'incident_id', incident_id, 'duplicate incident_id: the copy in ' || kept_file || ' was kept' FROM ${mapped} WHERE incident_id IS NOT NULL AND copy_number > 1
       UNION ALL
       SELECT $fileId, file, NULL, 'timeline.incident', bad_incident_date, 'not a valid date; incident_date left empty' FROM ${mapped} WHERE ${keep} AND bad_incident_date IS NOT NULL`,
      { fileId: context.fileId },
    );
    await recordImportedFile(connection, context, VERIS_SOURCE_ID, report);
    await registerRecordSource(connection, { sourceId: VERIS_SOURCE_ID, viewName: VERIS_VIEW, title: 'VERIS incidents', kind: 'veris' });
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
