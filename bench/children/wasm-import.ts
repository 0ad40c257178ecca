import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { peakRssBytes } from '../memory';

/**
 * One import of a CSV into duckdb-wasm (Node's blocking bundle), in a process of its own: a wasm
 * heap never shrinks, so each run starts clean. The file is registered by path (read through Node's
 * fs, not copied into the wasm heap) and loaded with the same CTAS as the native baseline, into
 * duckdb-wasm's in-memory database (it has no file-backed storage in Node).
 *
 * Prints one JSON line: { ms, rows, version, threads, peakRssBytes }. Only the CTAS is timed.
 */
const csvPath = process.argv[2];
if (!csvPath) throw new Error('usage: wasm-import.ts <csv path>');

const require = createRequire(import.meta.url);
const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
const bundles: duckdb.DuckDBBundles = {
  mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
  eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
};
const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
await db.instantiate();
db.open({});
const connection = db.connect();
db.registerFileURL('incident-log.csv', csvPath, duckdb.DuckDBDataProtocol.NODE_FS, false);

const started = performance.now();
connection.query(`CREATE TABLE incident_log AS SELECT * FROM read_csv('incident-log.csv')`);
const ms = performance.now() - started;

const row = connection
  .query(`SELECT CAST(count(*) AS INTEGER) AS n, version() AS v, CAST(current_setting('threads') AS INTEGER) AS t FROM incident_log`)
  .toArray()[0] as { n: number; v: string; t: number };
connection.close();
console.log(JSON.stringify({ ms, rows: row.n, version: row.v, threads: row.t, peakRssBytes: await peakRssBytes() }));
