import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import type { WorkbenchApi } from '../../shared/api';
import { createApiClient } from '../../shared/api-client';
import { httpTransport } from '../../shared/http-transport';
import { dispatchApiCall } from '../../electron/engine/dispatch';
import { startWebHost } from '../../electron/web/web-host';
import { scratchDir, type BenchContext, type FigureResult } from '../context';
import { mb } from '../generate-inputs';
import { formatMs, measureRounds, pairedRatio, type Contender, type RunPlan } from '../measure';
import { SIX_COLUMNS } from './arrow-figure';
import { openBenchWorkbench } from './dashboard-figures';

/**
 * Figure 7: 1M rows of Arrow bytes from the engine to the renderer's API client over the web host
 * on loopback (`startWebHost` + `httpTransport`, the client validating the answer as the window's
 * does), against the same call through the in-process dispatcher, in alternating rounds. The
 * difference is what the transport costs; MB/s is the Arrow payload over the whole round trip.
 */
export async function measureIpc(ctx: BenchContext, plan: RunPlan): Promise<FigureResult> {
  const root = scratchDir('ipc');
  const rendererDir = join(root, 'renderer');
  scratchDir('ipc/renderer');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>bench</title>');
  const workbench = await openBenchWorkbench(join(root, 'workspace'));
  const host = await startWebHost({ engine: workbench, rendererDir });
  try {
    const { log1m } = ctx.inputs;
    // The bench writes its own table directly: the console the API offers is read-only by design.
    await workbench.db.run(`CREATE TABLE bench_rows AS SELECT ${SIX_COLUMNS} FROM read_csv($path)`, { path: log1m.path });
    const request = { sql: `SELECT * FROM bench_rows`, limit: log1m.rows };
    const http = createApiClient(httpTransport(host.origin, host.token));
    const direct = createApiClient((method, body) => dispatchApiCall(workbench, method, body));

    let bytes = 0;
    let engineMs: number[] = [];
    const call = (api: WorkbenchApi, name: string): Contender => ({
      name,
      async run(round) {
        const started = performance.now();
        const answer = await api.runSql(request);
        const ms = performance.now() - started;
        if (answer.meta.rowCount !== log1m.rows) throw new Error(`${name}: ${answer.meta.rowCount} rows, expected ${log1m.rows}`);
        bytes = answer.arrow.byteLength;
        if (name === 'http' && round >= 0) engineMs.push(answer.meta.elapsedMs);
        return ms;
      },
    });
    const contenders = [call(http, 'http'), call(direct, 'in-process')];
    ctx.log(`runSql of ${log1m.rows.toLocaleString('en')} rows over the web host vs in-process: ${plan.warmups} warm-up round(s), ${plan.runs} rounds`);
    engineMs = [];
    const result = await measureRounds(plan, contenders, (m) => ctx.log(`  ${m}`));
    const check = tableFromIPC((await http.runSql(request)).arrow);
    if (check.numRows !== log1m.rows) throw new Error(`the bytes the client received hold ${check.numRows} rows`);

    const httpMs = result.timings.http!.medianMs;
    const directMs = result.timings['in-process']!.medianMs;
    const transportMs = Math.max(httpMs - directMs, 0.001);
    const mbPerSecond = bytes / 1024 / 1024 / (httpMs / 1000);
    const transportMbPerSecond = bytes / 1024 / 1024 / (transportMs / 1000);
    return {
      id: 'ipc_round_trip',
      figure: '1M-row Arrow round trip, web host on loopback',
      value: `${formatMs(httpMs)}, ${mbPerSecond.toFixed(0)} MB/s (${mb(bytes)}; transport alone +${formatMs(transportMs)}, ${transportMbPerSecond.toFixed(0)} MB/s)`,
      target: 'measured',
      met: null,
      details: {
        rows: log1m.rows,
        arrowBytes: bytes,
        httpMedianMs: httpMs,
        httpRunsMs: result.timings.http!.runsMs,
        inProcessMedianMs: directMs,
        inProcessRunsMs: result.timings['in-process']!.runsMs,
        httpOverInProcess: pairedRatio(result, contenders, 'http', 'in-process').ratio,
        engineElapsedMsReported: engineMs,
        mbPerSecond,
        transportMs,
        transportMbPerSecond,
      },
    };
  } finally {
    await host.close();
    workbench.close();
  }
}
