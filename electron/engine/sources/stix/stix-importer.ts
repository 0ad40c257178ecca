import { extname } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ImportReport } from '../../../../shared/api';
import { WorkbenchError } from '../../../../shared/errors';
import { quoteIdentifier } from '../../db/sql-identifiers';
import { recordImportedFile } from '../../imports/import-log';
import type { ImportContext, Importer } from '../../imports/importer';
import { readerError } from '../local/duckdb-errors';
import { cancellable, tempName } from '../local/query-control';
import { dropTempTables } from '../local/staged-file';
import { STIX_OBJECTS_DDL, STIX_VIEWS } from './stix-tables';

export const STIX_SOURCE_ID = 'stix';

/** A STIX bundle says so in its first bytes: {"type": "bundle", ..., "objects": [...]}. */
export function looksLikeStixBundle(head: string): boolean {
  return /"type"\s*:\s*"bundle"/.test(head) && /"objects"\s*:/.test(head);
}

/**
 * STIX 2.1 (and 2.0) bundles: threat intelligence, not breach records, so they keep their own tables
 * (stix_objects and typed views) and do not join `breaches`.
 */
export const stixImporter: Importer = {
  kind: 'stix',
  sniff: ({ name, head, isDirectory }) => !isDirectory && extname(name).toLowerCase() === '.json' && looksLikeStixBundle(head.toString('utf8')),
  import: importStix,
};

export async function importStix(context: ImportContext): Promise<ImportReport> {
  const { db, signal, fileName } = context;
  return db.exclusive(async (connection) => {
    const stage = tempName('bw_stix_stage');
    try {
      await cancellable(connection, signal, fileName, () =>
        connection.run(
          `CREATE TEMP TABLE ${quoteIdentifier(stage)} AS
           WITH bundles AS (SELECT json AS bundle FROM read_json_objects($path, format = 'unstructured'))
           SELECT json_extract_string(bundle, '$.type') AS bundle_type, json_extract_string(bundle, '$.id') AS bundle_id,
                  json_extract_string(bundle, '$.spec_version') AS bundle_spec, o.ordinal, o.obj
           FROM bundles, unnest(coalesce(json_extract(bundle, '$.objects[*]'), [NULL::JSON])) WITH ORDINALITY AS o(obj, ordinal)`,
          { path: context.path },
        ),
      ).catch((error: unknown) => {
        throw readerError(error, fileName, context.path, 'a STIX bundle');
      });
      const check = await connection.runAndReadAll(
        `SELECT count(*) FILTER (WHERE bundle_type IS DISTINCT FROM 'bundle') AS not_bundle, count(obj) AS objects FROM temp.${quoteIdentifier(stage)}`,
      );
      const c = check.getRowObjectsJS()[0]!;
      if (Number(c.not_bundle) > 0) {
        throw new WorkbenchError({ code: 'bad_input', message: `${fileName}: not a STIX bundle (its "type" is not "bundle").`, file: fileName });
      }
      if (Number(c.objects) === 0) throw new WorkbenchError({ code: 'bad_input', message: `${fileName}: the bundle has no objects.`, file: fileName });
      const byType = await connection.runAndReadAll(
        `SELECT json_extract_string(obj, '$.type') AS type, count(*) AS n FROM temp.${quoteIdentifier(stage)}
         WHERE obj IS NOT NULL AND json_extract_string(obj, '$.id') IS NOT NULL AND json_extract_string(obj, '$.type') IS NOT NULL
         GROUP BY ALL ORDER BY n DESC, type`,
      );
      const counts = byType.getRowObjectsJS().map((r) => ({ type: String(r.type), n: Number(r.n) }));
      const loaded = counts.reduce((sum, t) => sum + t.n, 0);
      const read = Number(c.objects);
      const report: ImportReport = {
        file: fileName,
        kind: 'stix',
        table: 'stix_objects',
        snapshotDate: null,
        rowsRead: read,
        rowsLoaded: loaded,
        rowsRepaired: 0,
        rowsRejected: read - loaded,
        notes: [
          `Objects by type: ${counts.map((t) => `${t.type} ${t.n}`).join(', ')}.`,
          'STIX objects are in stix_objects and the views stix_incidents, stix_indicators, stix_sightings, stix_identities and stix_relationships; they do not join breaches.',
        ],
      };
      await cancellable(connection, signal, fileName, () => swapIn(connection, context, stage, report));
      context.progress({ percent: 100, rows: loaded, message: 'Imported' });
      return report;
    } finally {
      await dropTempTables(connection, [stage]);
    }
  });
}

/** Counts of objects by STIX type in the workspace, for the import report and tests. */
export async function stixObjectCounts(connection: DuckDBConnection, fileId?: string): Promise<Record<string, number>> {
  const reader = await connection.runAndReadAll(
    `SELECT type, count(*) AS n FROM stix_objects ${fileId ? 'WHERE file_id = $fileId' : ''} GROUP BY type`,
    fileId ? { fileId } : undefined,
  );
  return Object.fromEntries(reader.getRowObjectsJS().map((r) => [String(r.type), Number(r.n)]));
}

async function swapIn(connection: DuckDBConnection, context: ImportContext, stageTable: string, report: ImportReport): Promise<void> {
  const stage = `temp.${quoteIdentifier(stageTable)}`;
  await connection.run('BEGIN TRANSACTION');
  try {
    await connection.run(STIX_OBJECTS_DDL);
    await connection.run(`DELETE FROM stix_objects WHERE file_id = $fileId`, { fileId: context.fileId });
    await connection.run(
      `INSERT INTO stix_objects
       SELECT $fileId, $file, bundle_id, json_extract_string(obj, '$.type'), json_extract_string(obj, '$.id'),
              coalesce(json_extract_string(obj, '$.spec_version'), bundle_spec),
              TRY_CAST(json_extract_string(obj, '$.created') AS TIMESTAMP), TRY_CAST(json_extract_string(obj, '$.modified') AS TIMESTAMP),
              json_extract_string(obj, '$.name'), json_extract_string(obj, '$.description'), obj
       FROM ${stage}
       WHERE obj IS NOT NULL AND json_extract_string(obj, '$.id') IS NOT NULL AND json_extract_string(obj, '$.type') IS NOT NULL
       ORDER BY ordinal`,
      { fileId: context.fileId, file: context.fileName },
    );
    for (const [view, sql] of Object.entries(STIX_VIEWS)) await connection.run(`CREATE OR REPLACE VIEW ${quoteIdentifier(view)} AS ${sql}`);
    await connection.run(`DELETE FROM bw_rejects WHERE file_id = $fileId`, { fileId: context.fileId });
    await connection.run(
      `INSERT INTO bw_rejects SELECT $fileId, $file, NULL, NULL, left(CAST(obj AS VARCHAR), 1000),
         'object ' || ordinal || ' of the bundle has no ' || CASE WHEN json_extract_string(obj, '$.type') IS NULL THEN 'type' ELSE 'id' END
       FROM ${stage} WHERE obj IS NOT NULL AND (json_extract_string(obj, '$.id') IS NULL OR json_extract_string(obj, '$.type') IS NULL)`,
      { fileId: context.fileId, file: context.fileName },
    );
    await recordImportedFile(connection, context, STIX_SOURCE_ID, report);
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
