import { writeFile } from 'node:fs/promises';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import type { DataFormat } from '../../../shared/report';
import type { Database } from '../db/database';
import { sqlError } from '../queries/read-only-sql';
import { describeQuery, type DataQuery } from './data-query';
import type { ExportProvenance } from './export-provenance';
import { neutralisedProjection } from './formula-injection';
import { writeXlsx } from './xlsx-export';

const PATH_PARAM = 'bw_export_path';
const META_PARAM = 'bw_export_provenance';

/**
 * Writes a query's whole result to `path` in the format asked for. CSV and Parquet stream through
 * DuckDB's COPY (the path is a bound parameter: DuckDB 1.5 accepts `TO $path`, so no path is ever
 * pasted into SQL); XLSX streams row chunks into exceljs; Arrow goes through the engine's own
 * DuckDB-to-Arrow conversion, the same bytes the window gets.
 *
 * Provenance travels inside the file where the format has a place for it: Parquet key-value
 * metadata, Arrow schema metadata, an "About" sheet in XLSX. CSV has no such place.
 */
export async function writeDataExport(
  db: Database,
  query: DataQuery,
  format: DataFormat,
  path: string,
  provenance: ExportProvenance,
): Promise<{ rowCount: number }> {
  const meta = JSON.stringify(provenance);
  switch (format) {
    case 'csv': {
      const columns = await describeQuery(db, query);
      // Formula injection is neutralised in SQL, so even a 10-million-row export never becomes JS objects.
      const sql = `COPY (SELECT ${neutralisedProjection(columns)} FROM (\n${query.sql}\n) AS export_query) TO $${PATH_PARAM} (FORMAT csv, HEADER true)`;
      return { rowCount: await copy(db, sql, { ...query.params, [PATH_PARAM]: path }) };
    }
    case 'parquet': {
      const sql = `COPY (\n${query.sql}\n) TO $${PATH_PARAM} (FORMAT parquet, COMPRESSION zstd, KV_METADATA { breach_workbench_provenance: $${META_PARAM} })`;
      return { rowCount: await copy(db, sql, { ...query.params, [PATH_PARAM]: path, [META_PARAM]: meta }) };
    }
    case 'arrow': {
      const result = await db.arrow(query.sql, query.params).catch((error: unknown) => {
        throw sqlError(error);
      });
      const table = tableFromIPC(result.bytes);
      table.schema.metadata.set('breach_workbench_provenance', meta);
      // The IPC *file* format (Feather v2): what pyarrow.feather, R's arrow::read_feather and DuckDB's arrow readers open.
      await writeFile(path, tableToIPC(table, 'file'));
      return { rowCount: table.numRows };
    }
    case 'xlsx':
      return writeXlsx(db, query, path, provenance);
  }
}

async function copy(db: Database, sql: string, params: DataQuery['params']): Promise<number> {
  const connection = await db.connect();
  try {
    const reader = await connection.runAndReadAll(sql, params).catch((error: unknown) => {
      throw sqlError(error, 1);
    });
    // COPY answers with one row: the number of rows written.
    const written = reader.getRowsJS()[0]?.[0];
    return Number(written ?? 0);
  } finally {
    connection.closeSync();
  }
}
