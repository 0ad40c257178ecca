import type { DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { duckdbResultToArrowIpc } from '../../electron/engine/arrow';
import { Database } from '../../electron/engine/db/database';
import type { BenchContext, FigureResult } from '../context';
import { mb } from '../generate-inputs';
import { formatMs, measure, type RunPlan } from '../measure';

const TARGET_ROWS_PER_SECOND = 10_000_000;

/** Six columns of the log: a timestamp with time zone, three low-cardinality texts, a type, a host name (30,000 values) and a count. */
export const SIX_COLUMNS = 'timestamp, source, actor, records, type, host';

/**
 * Figure 3: a query result of 1M rows x 6 columns to Arrow IPC bytes through the engine's own query
 * path (`Database.arrow`, as every chart and console query takes). Timed from starting the query to
 * holding the bytes, so DuckDB's scan and streamed fetch are included.
 */
export async function measureArrowConversion(ctx: BenchContext, plan: RunPlan): Promise<FigureResult> {
  const { log1m } = ctx.inputs;
  const db = await Database.open(':memory:');
  const connection = await db.connect();
  try {
    await connection.run(`CREATE TABLE incident_log AS SELECT * FROM read_csv($path)`, { path: log1m.path });
    const sql = `SELECT ${SIX_COLUMNS} FROM incident_log`;
    let bytes: Uint8Array = new Uint8Array(0);
    ctx.log(`Arrow IPC of ${log1m.rows.toLocaleString('en')} rows x 6 columns: ${plan.warmups} warm-up(s), ${plan.runs} runs`);
    const timing = await measure(
      plan,
      async () => {
        const started = performance.now();
        bytes = (await db.arrow(sql)).bytes;
        return performance.now() - started;
      },
      (m) => ctx.log(`  ${m}`),
    );
    const scanOnly = await measure(plan, async () => {
      const started = performance.now();
      const result = await connection.stream(sql);
      while (((await result.fetchChunk())?.rowCount ?? 0) > 0);
      return performance.now() - started;
    });
    ctx.log(`  DuckDB scan alone (chunks fetched, not converted): ${formatMs(scanOnly.medianMs)}`);
    const perColumnMs = await perColumnConversion(connection, { warmups: 0, runs: 3 });
    ctx.log(`  per column: ${Object.entries(perColumnMs).map(([c, ms]) => `${c} ${formatMs(ms)}`).join(', ')}`);
    const decoded = tableFromIPC(bytes);
    if (decoded.numRows !== log1m.rows || decoded.numCols !== 6) {
      throw new Error(`the Arrow bytes hold ${decoded.numRows} rows x ${decoded.numCols} columns, expected ${log1m.rows} x 6`);
    }
    const rowsPerSecond = log1m.rows / (timing.medianMs / 1000);
    return {
      id: 'arrow_ipc',
      figure: '1M rows x 6 cols to Arrow IPC',
      value: `${(rowsPerSecond / 1e6).toFixed(1)}M rows/s (${formatMs(timing.medianMs)}, ${mb(bytes.byteLength)})`,
      target: `>= ${TARGET_ROWS_PER_SECOND / 1e6}M rows/s`,
      met: rowsPerSecond >= TARGET_ROWS_PER_SECOND,
      details: {
        rows: log1m.rows,
        columns: decoded.schema.fields.map((f) => `${f.name}: ${String(f.type)}`),
        ipcBytes: bytes.byteLength,
        medianMs: timing.medianMs,
        runsMs: timing.runsMs,
        rowsPerSecond,
        scanOnlyMedianMs: scanOnly.medianMs,
        perColumnMedianMs: perColumnMs,
      },
    };
  } finally {
    connection.closeSync();
    db.close();
  }
}

/** Each column alone, query to IPC bytes: where the conversion's time goes. */
async function perColumnConversion(connection: DuckDBConnection, plan: RunPlan): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const column of SIX_COLUMNS.split(', ')) {
    const timing = await measure(plan, async () => {
      const started = performance.now();
      await duckdbResultToArrowIpc(await connection.stream(`SELECT ${column} FROM incident_log`));
      return performance.now() - started;
    });
    out[column] = timing.medianMs;
  }
  return out;
}
