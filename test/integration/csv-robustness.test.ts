import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../shared/errors';
import type { Database } from '../../electron/engine/db/database';
import { importPath } from '../../electron/engine/imports/run-import';
import { datasetPath, hasDataset } from '../helpers/datasets';
import { useTempWorkspace } from '../helpers/temp-workspace';

const PER_FILE_MS = 10_000;

/** Tables and views by name, temp ones included, and the bookkeeping tables' row counts. */
async function shape(db: Database): Promise<string> {
  const names = await db.rows<{ n: string }>(
    `SELECT database_name || '.' || table_name AS n FROM duckdb_tables() UNION ALL SELECT database_name || '.' || view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1`,
  );
  const counts = await db.rows(`SELECT (SELECT count(*) FROM bw_files) AS files, (SELECT count(*) FROM bw_rejects) AS rejects, (SELECT count(*) FROM bw_record_sources) AS sources`);
  return JSON.stringify([names.map((r) => r.n), counts], (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
}

type Outcome = { file: string; result: 'imported'; rows: number } | { file: string; result: 'failed'; message: string } | { file: string; result: 'bad'; message: string };

describe.skipIf(!hasDataset('csv-robustness', 'duckdb-afl'))('244 CSVs that once broke DuckDB: each imports or fails cleanly', () => {
  const t = useTempWorkspace('bw-csv-robustness-');
  const folder = datasetPath('csv-robustness', 'duckdb-afl');


  it('never crashes, hangs or leaves half a table', async () => {
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((n) => n.endsWith('.csv'))
      .sort();
    expect(files).toHaveLength(244);
    const outcomes: Outcome[] = [];
    const started = performance.now();
    for (const file of files) {
      const before = await shape(t.workspace.db);
      const signal = AbortSignal.timeout(PER_FILE_MS);
      let timer: NodeJS.Timeout | undefined;
      const guard = new Promise<never>((_r, reject) => {
        timer = setTimeout(() => reject(new Error(`hung for over ${PER_FILE_MS * 2} ms`)), PER_FILE_MS * 2);
      });
      try {
        const report = await Promise.race([importPath(t.workspace.db, join(folder, file), { signal, progress: () => undefined }), guard]);
        outcomes.push({ file, result: 'imported', rows: report.rowsLoaded });
        expect(report.rowsRead, file).toBe(report.rowsLoaded + report.rowsRejected);
      } catch (error) {
        const clean = error instanceof WorkbenchError && error.code !== 'internal' && error.message.includes(basename(file));
        outcomes.push({ file, result: clean ? 'failed' : 'bad', message: error instanceof Error ? error.message : String(error) });
        expect(await shape(t.workspace.db), `${file} left the workspace changed`).toBe(before);
      } finally {
        clearTimeout(timer);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const imported = outcomes.filter((o) => o.result === 'imported').length;
    const failed = outcomes.filter((o) => o.result === 'failed').length;
    console.info(`csv-robustness: ${imported} imported, ${failed} failed cleanly, in ${seconds.toFixed(1)} s`);
    expect(outcomes.filter((o) => o.result === 'bad')).toEqual([]);
    expect(imported + failed).toBe(244);
    expect(seconds).toBeLessThan(60);
  });
});
