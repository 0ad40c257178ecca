import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportReport } from '../../../../shared/api';
import type { Database } from '../../db/database';
import { recordImportedFile } from '../../imports/import-log';
import type { ImportContext } from '../../imports/importer';
import { COMMITTED_FILES } from './oaic-committed-files';
import { loadCommittedFile } from './oaic-committed-loader';
import { resolveOaicDatasetDir } from './oaic-dataset-dir';
import { OAIC_COMMITTED_KIND, OAIC_SOURCE_ID } from './oaic-source';
import { OAIC_TABLES, createOaicTables } from './oaic-tables';

/**
 * Bump when the committed files or their mapping change: the next open then replaces the committed
 * rows (and only those; rows from a user's files stay).
 */
export const OAIC_SEED_VERSION = '1';

/**
 * Seeder: every workspace starts with the committed OAIC tables. When they are present and of this
 * version it costs one catalogue query. Otherwise it loads every committed file in one transaction,
 * after removing rows an older seed left, so running it twice never duplicates a row.
 */
export async function seedOaic(db: Database, options: { dir?: string } = {}): Promise<void> {
  const [state] = await db.rows<{ tables: bigint; version: string | null }>(
    `SELECT (SELECT count(*) FROM duckdb_tables()
              WHERE database_name = current_database() AND schema_name = 'main'
                AND list_contains(CAST($tables AS VARCHAR[]), table_name)) AS tables,
            (SELECT value FROM bw_meta WHERE key = 'oaic_seed_version') AS version`,
    { tables: JSON.stringify(OAIC_TABLES) },
  );
  if (Number(state?.tables ?? 0) === OAIC_TABLES.length && state?.version === OAIC_SEED_VERSION) return;

  const dir = options.dir ?? resolveOaicDatasetDir();
  if (!dir) {
    // A workspace still opens without them (OCR and local data do not need them); say why they are missing.
    console.warn('Breach Workbench: the committed OAIC tables (datasets/oaic) were not found; set BREACH_OAIC_DIR. OAIC charts stay empty.');
    return;
  }
  const files = await Promise.all(
    COMMITTED_FILES.map(async (spec) => {
      const path = join(dir, spec.file);
      // Small files (kilobytes): hashed whole. Not run-import's hashFile, to keep seeding free of the importer registry.
      const bytes = await readFile(path);
      return { spec, path, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
    }),
  );

  await db.transaction(async (connection) => {
    await createOaicTables((sql) => connection.run(sql));
    for (const table of OAIC_TABLES) {
      await connection.run(
        `DELETE FROM ${table} WHERE file_id IN (SELECT file_id FROM bw_files WHERE source_id = $sourceId AND kind = $kind)`,
        { sourceId: OAIC_SOURCE_ID, kind: OAIC_COMMITTED_KIND },
      );
    }
    await connection.run(`DELETE FROM bw_files WHERE source_id = $sourceId AND kind = $kind`, { sourceId: OAIC_SOURCE_ID, kind: OAIC_COMMITTED_KIND });
    for (const { spec, path, sha256, bytes } of files) {
      const fileId = sha256.slice(0, 16);
      const rows = await loadCommittedFile(connection, spec, path, { fileId, name: spec.file });
      const context: ImportContext = {
        db,
        path,
        fileName: spec.file,
        fileId,
        sha256,
        bytes,
        signal: new AbortController().signal,
        progress: () => undefined,
      };
      const report: ImportReport = {
        file: spec.file,
        kind: OAIC_COMMITTED_KIND,
        table: spec.table,
        snapshotDate: null,
        rowsRead: rows,
        rowsLoaded: rows,
        rowsRepaired: 0,
        rowsRejected: 0,
        notes: [`Committed OAIC NDB statistics (datasets/oaic/${spec.file}); sources in PROVENANCE.md and each row's source_url.`],
      };
      await recordImportedFile(connection, context, OAIC_SOURCE_ID, report);
    }
    await connection.run(`INSERT OR REPLACE INTO bw_meta VALUES ('oaic_seed_version', $version)`, { version: OAIC_SEED_VERSION });
  });
}
