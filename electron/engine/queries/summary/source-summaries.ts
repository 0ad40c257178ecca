import type { DuckDBConnection } from '@duckdb/node-api';
import { canonicalSelect } from '../../workspace/breaches-view';
import { FACT_DIMENSIONS, FACT_MEASURES_OF_GROUPS } from '../charts/breach-facts';
import { LARGEST_ROWS, SUMMARY_SCHEMA, SUMMARY_SOURCES, SUMMARY_SOURCES_TABLE } from './summary-tables';

/** Changes whenever the summaries' shape does, so that summaries written by another version are rebuilt. */
const FORMAT = `2|${FACT_DIMENSIONS.join(',')}|${FACT_MEASURES_OF_GROUPS}|${canonicalSelect('v')}|${LARGEST_ROWS}`;

/**
 * A source's fingerprint: its registration, its view's columns, its files as imported (an import
 * replaces a source's rows and view in the same transaction as its `bw_files` rows, stamped with the
 * time) and `bw_meta.data_version:<source>`, which in-place changes of its rows move
 * (db/data-version.ts). It must survive reopening, so neither table oids nor a view's SQL are in it
 * (DuckDB writes a view's SQL out again differently after a reload: `CAST(x AS "DATE")`).
 */
const SOURCE_FINGERPRINTS = `SELECT r.source_id, r.view_name, md5(concat_ws('|', $format, r.source_id, r.view_name,
    (SELECT CAST(list((column_name, data_type) ORDER BY column_index) AS VARCHAR) FROM duckdb_columns()
     WHERE database_name = current_database() AND schema_name = 'main' AND table_name = r.view_name),
    (SELECT CAST(list((f.file_id, f.name, f.snapshot_date, f.imported_at) ORDER BY f.file_id) AS VARCHAR) FROM bw_files f WHERE f.source_id = r.source_id),
    (SELECT max(value) FROM bw_meta WHERE key = 'data_version:' || r.source_id))) AS fingerprint
  FROM bw_record_sources r`;

export interface StoredSummary {
  build: string;
  fingerprint: string;
  /** Whether its `largest` table holds every row of the source (else those with the largest counts). */
  allRows: boolean;
  rows: number;
}

export interface SourceState {
  sourceId: string;
  viewName: string;
  fingerprint: string;
  /** The stored summary of the source, whatever rows it was built from. */
  stored: StoredSummary | undefined;
}

/** Every record source with its current fingerprint and its stored summary, in `breaches` order. */
export async function readSourceStates(connection: DuckDBConnection): Promise<SourceState[]> {
  const current = await rows(connection, `${SOURCE_FINGERPRINTS} ORDER BY r.source_id`, { format: FORMAT });
  const stored = new Map<string, StoredSummary>();
  if (await hasSummaries(connection)) {
    for (const r of await rows(connection, `SELECT source_id, fingerprint, build, all_rows, row_count FROM ${SUMMARY_SOURCES}`)) {
      stored.set(String(r.source_id), { build: String(r.build), fingerprint: String(r.fingerprint), allRows: r.all_rows === true, rows: Number(r.row_count) });
    }
  }
  return current.map((r) => ({
    sourceId: String(r.source_id),
    viewName: String(r.view_name),
    fingerprint: String(r.fingerprint),
    stored: stored.get(String(r.source_id)),
  }));
}

export async function sourceFingerprint(connection: DuckDBConnection, sourceId: string): Promise<string | undefined> {
  const [row] = await rows(connection, `${SOURCE_FINGERPRINTS} WHERE r.source_id = $sourceId`, { format: FORMAT, sourceId });
  return row ? String(row.fingerprint) : undefined;
}

export async function ensureSummarySchema(connection: DuckDBConnection): Promise<void> {
  await connection.run(`CREATE SCHEMA IF NOT EXISTS ${SUMMARY_SCHEMA}`);
  await connection.run(
    `CREATE TABLE IF NOT EXISTS ${SUMMARY_SOURCES} (source_id VARCHAR, fingerprint VARCHAR, build VARCHAR, all_rows BOOLEAN, row_count BIGINT,
       built_at TIMESTAMP DEFAULT current_timestamp)`,
  );
}

/** Records a source's new summary; returns the builds it replaces (and those of sources no longer in `breaches`). */
export async function recordSummary(connection: DuckDBConnection, sourceId: string, summary: StoredSummary): Promise<string[]> {
  await ensureSummarySchema(connection);
  const replaced = `source_id = $sourceId OR source_id NOT IN (SELECT source_id FROM bw_record_sources)`;
  const old = await rows(connection, `SELECT build FROM ${SUMMARY_SOURCES} WHERE ${replaced}`, { sourceId });
  await connection.run(`DELETE FROM ${SUMMARY_SOURCES} WHERE ${replaced}`, { sourceId });
  await connection.run(`INSERT INTO ${SUMMARY_SOURCES} (source_id, fingerprint, build, all_rows, row_count) VALUES ($s, $f, $b, $a, $n)`, {
    s: sourceId,
    f: summary.fingerprint,
    b: summary.build,
    a: summary.allRows,
    n: summary.rows,
  });
  return old.map((r) => String(r.build));
}

/** Tables of the summary schema that no recorded summary uses (an interrupted build, an older format): dropped with the next build. */
export async function strayTables(connection: DuckDBConnection): Promise<string[]> {
  const reader = await rows(
    connection,
    `SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = '${SUMMARY_SCHEMA}'
       AND table_name <> '${SUMMARY_SOURCES_TABLE}'
       AND NOT list_contains((SELECT list(build) FROM ${SUMMARY_SOURCES}), regexp_extract(table_name, '^[a-z]+_(.*)$', 1))`,
  );
  return reader.map((r) => String(r.table_name));
}

async function hasSummaries(connection: DuckDBConnection): Promise<boolean> {
  const [row] = await rows(
    connection,
    `SELECT count(*) AS n FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = '${SUMMARY_SCHEMA}' AND table_name = '${SUMMARY_SOURCES_TABLE}'`,
  );
  return Number(row?.n ?? 0) > 0;
}

export async function rows(connection: DuckDBConnection, sql: string, params?: Record<string, string | number | boolean | null>) {
  return (await connection.runAndReadAll(sql, params)).getRowObjectsJS();
}
