import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';

/**
 * The baseline: DuckDB's own CSV load into a fresh database file, in this process, with nothing of
 * the app around it. Only the CTAS is timed (like the app import, it ends committed and on disk).
 */
export async function importThroughDuckdb(dir: string, path: string): Promise<{ ms: number }> {
  return timeCtas(join(dir, 'baseline.duckdb'), path);
}

/**
 * The same CTAS into an in-memory database: what duckdb-wasm does in Node (it has no file storage
 * there), so wasm against this is engine against engine with the same target.
 */
export async function importThroughDuckdbInMemory(path: string): Promise<{ ms: number }> {
  return timeCtas(':memory:', path);
}

async function timeCtas(database: string, path: string): Promise<{ ms: number }> {
  const instance = await DuckDBInstance.create(database);
  const connection = await instance.connect();
  try {
    const started = performance.now();
    await connection.run(`CREATE TABLE incident_log AS SELECT * FROM read_csv($path)`, { path });
    return { ms: performance.now() - started };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
