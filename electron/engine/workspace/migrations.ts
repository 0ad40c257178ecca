import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * The workspace file's own tables, versioned from the first day so that an older workspace is
 * migrated forward on open rather than re-created (re-creating would lose the user's imports).
 * Append new migrations; never edit one that has shipped.
 */
interface Migration {
  version: number;
  statements: string[];
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE IF NOT EXISTS bw_meta (key VARCHAR PRIMARY KEY, value VARCHAR)`,
      // One row per imported file: what the source list, the import report and provenance show.
      `CREATE TABLE IF NOT EXISTS bw_files (
        file_id VARCHAR PRIMARY KEY,
        source_id VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        path VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        sha256 VARCHAR NOT NULL,
        bytes BIGINT NOT NULL,
        snapshot_date DATE,
        rows_read BIGINT NOT NULL,
        rows_loaded BIGINT NOT NULL,
        rows_repaired BIGINT NOT NULL DEFAULT 0,
        rows_rejected BIGINT NOT NULL DEFAULT 0,
        notes VARCHAR[] NOT NULL DEFAULT [],
        imported_at TIMESTAMP NOT NULL DEFAULT current_timestamp
      )`,
      // Rows that did not fit: nothing is dropped silently.
      `CREATE TABLE IF NOT EXISTS bw_rejects (
        file_id VARCHAR NOT NULL,
        file VARCHAR NOT NULL,
        line BIGINT,
        "column" VARCHAR,
        value VARCHAR,
        reason VARCHAR NOT NULL
      )`,
      // Record-level sources whose canonical view joins the view "breaches".
      `CREATE TABLE IF NOT EXISTS bw_record_sources (
        source_id VARCHAR PRIMARY KEY,
        view_name VARCHAR NOT NULL,
        title VARCHAR NOT NULL,
        kind VARCHAR NOT NULL
      )`,
    ],
  },
  {
    version: 2,
    statements: [
      // The window's saved state (filters, view, chart toggles) as versioned JSON, restored on reopen.
      `CREATE TABLE IF NOT EXISTS bw_view_state (
        name VARCHAR PRIMARY KEY,
        version INTEGER NOT NULL,
        state VARCHAR NOT NULL,
        saved_at TIMESTAMP NOT NULL DEFAULT current_timestamp
      )`,
    ],
  },
];

export const WORKSPACE_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export async function migrateWorkspace(connection: DuckDBConnection): Promise<number> {
  await connection.run(`CREATE TABLE IF NOT EXISTS bw_meta (key VARCHAR PRIMARY KEY, value VARCHAR)`);
  const reader = await connection.runAndReadAll(`SELECT value FROM bw_meta WHERE key = 'schema_version'`);
  const current = Number(reader.getRowObjectsJS()[0]?.value ?? 0);
  if (current > WORKSPACE_SCHEMA_VERSION) {
    throw new Error(
      `This workspace was written by a newer Breach Workbench (schema ${current}; this version reads up to ${WORKSPACE_SCHEMA_VERSION}). Update the app to open it.`,
    );
  }
  for (const migration of MIGRATIONS.filter((m) => m.version > current)) {
    await connection.run('BEGIN TRANSACTION');
    try {
      for (const statement of migration.statements) await connection.run(statement);
      await connection.run(
        `INSERT OR REPLACE INTO bw_meta VALUES ('schema_version', $version)`,
        { version: String(migration.version) },
      );
      await connection.run('COMMIT');
    } catch (error) {
      await connection.run('ROLLBACK');
      throw error;
    }
  }
  return WORKSPACE_SCHEMA_VERSION;
}
