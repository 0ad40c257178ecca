import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Counters in `bw_meta` moved, inside the same transaction, by work that changes what `breaches` (or
 * a chart's citation) holds without writing a `bw_files` row: re-classifying records, a person's
 * override, a refreshed copy such as `ocr_breaches`. `data_version` moves every time;
 * `data_version:<source id>` for each source whose rows changed.
 *
 * Imports need not move them: each writes its file's `bw_files` row (with the time it was imported)
 * in the same transaction as its rows. Anything else that changes a record source's rows in place must
 * call this, or the caches keyed on these fingerprints (queries/derived-data.ts for citations,
 * queries/breaches-summary.ts for the summaries charts read) would keep answering from the old rows.
 */
export async function bumpDataVersion(connection: DuckDBConnection, sourceIds: readonly string[] = []): Promise<void> {
  for (const key of ['data_version', ...new Set(sourceIds.map((id) => `data_version:${id}`))]) {
    await connection.run(`INSERT OR IGNORE INTO bw_meta VALUES ($key, '0')`, { key });
    await connection.run(`UPDATE bw_meta SET value = CAST(coalesce(TRY_CAST(value AS BIGINT), 0) + 1 AS VARCHAR) WHERE key = $key`, { key });
  }
}
