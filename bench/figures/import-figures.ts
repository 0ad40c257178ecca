import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportReport } from '../../shared/api';
import { appImporterFor } from '../app-import';
import { runChild } from '../child-process';
import { removeDir, scratchDir, skippedFigure, type BenchContext, type FigureResult } from '../context';
import { mb } from '../generate-inputs';
import { formatMs, median } from '../measure';
import { importThroughDuckdb } from '../native-import';
import type { StatementTime } from '../statement-profile';

const APP_VS_DUCKDB_TARGET = 1.3;
const WASM_OVER_APP_TARGET = 2;

export interface ImportPlan {
  /** Rounds at least, and at most; a round past the minimum starts only if it fits the budget. */
  minRounds: number;
  maxRounds: number;
  budgetMs: number;
}

interface ImportRound {
  appMs: number;
  duckdbMs: number;
  duckdbMemoryMs: number;
  appFirst: boolean;
  rowsLoaded: number;
  report: ImportReport;
  baselineRssBytes: number;
  appPeakRssBytes: number | null;
  appStatements?: StatementTime[];
}

interface WasmRun {
  ms: number;
  rows: number;
  version: string;
  threads: number;
  peakRssBytes: number;
}

/** What the import figure learned that later figures use: the app's peak memory while importing. */
export interface ImportMemory {
  appPeakRssBytes: number | null;
  baselineRssBytes: number | null;
}

/**
 * Figures 1 and 2: the 10M-row CSV through the app's import path, against DuckDB's own CTAS in the
 * same process (bench/children/import-round.ts) and against duckdb-wasm in Node
 * (bench/children/wasm-import.ts). Each round runs both children back to back, so each ratio
 * compares runs made under the same machine load; who goes first alternates. One warm-up round on
 * the 1M-row file is thrown away (page cache, first-use costs).
 *
 * A 10M-row app import takes about a minute on 2 cores, so rounds are counted against a budget:
 * `minRounds` always, more while they fit. The last round's app workspace is kept for the
 * dashboard and reopen figures.
 */
export async function measureImports(ctx: BenchContext, plan: ImportPlan, memory: ImportMemory): Promise<FigureResult[]> {
  const { log1m, log10m } = ctx.inputs;
  const importer = await appImporterFor(log10m.path);
  if (!importer) ctx.log('no importer of the app claims the incident-log CSV yet: measuring DuckDB and duckdb-wasm only');
  ctx.log(`import of ${log10m.rows.toLocaleString('en')} rows (${mb(log10m.bytes)}): app and DuckDB CTAS in one process, duckdb-wasm in another; warm-up on 1M rows, ${plan.minRounds}-${plan.maxRounds} rounds`);

  const started = performance.now();
  const rounds: { app: ImportRound | null; duckdbMs: number; wasm: WasmRun }[] = [];
  let keptWorkspace: string | undefined;
  let lastRoundMs = 0;
  for (let round = -1; round < plan.maxRounds; round++) {
    const roundStarted = performance.now();
    const elapsed = roundStarted - started;
    if (round >= plan.minRounds && elapsed + lastRoundMs > plan.budgetMs) {
      ctx.log(`  stopping after ${rounds.length} rounds: another would pass the import budget of ${formatMs(plan.budgetMs)}`);
      break;
    }
    const input = round < 0 ? log1m : log10m;
    const dir = scratchDir(`import-${round}`);
    const appFirst = round <= 0 || round % 2 === 0;
    const wasmFirst = round % 2 === 1;
    let wasm = wasmFirst ? await wasmImport(input.path, input.rows) : null;
    const local = importer
      ? (await runChild<ImportRound>('import-round.ts', [dir, input.path, appFirst ? 'app-first' : 'duckdb-first', '--profile'], { timeoutMs: 600_000 })).result
      : null;
    const duckdbMs = local ? local.duckdbMs : await duckdbOnly(dir, input.path);
    wasm ??= await wasmImport(input.path, input.rows);
    if (local && local.rowsLoaded !== input.rows) throw new Error(`the app loaded ${local.rowsLoaded} of ${input.rows} rows: ${JSON.stringify(local.report)}`);
    const label = round < 0 ? 'warm-up (1M rows)' : `round ${round + 1}`;
    ctx.log(
      `  ${label}: ${local ? `app ${formatMs(local.appMs)}, ` : ''}DuckDB ${formatMs(duckdbMs)}` +
        `${local ? ` (in memory ${formatMs(local.duckdbMemoryMs)})` : ''}, wasm ${formatMs(wasm.ms)}`,
    );
    for (const s of local?.appStatements?.slice(0, 3) ?? []) ctx.log(`    app statement ${formatMs(s.ms)}: ${s.sql.slice(0, 100)}`);
    rmSync(join(dir, 'baseline.duckdb'), { force: true });
    lastRoundMs = performance.now() - roundStarted;
    if (round >= 0) {
      rounds.push({ app: local, duckdbMs, wasm });
      if (keptWorkspace) removeDir(keptWorkspace);
      keptWorkspace = local ? dir : undefined;
      if (!local) removeDir(dir);
    } else {
      removeDir(dir);
    }
  }

  const duckdbMs = median(rounds.map((r) => r.duckdbMs));
  const wasmMs = median(rounds.map((r) => r.wasm.ms));
  const common = {
    rows: log10m.rows,
    csvBytes: log10m.bytes,
    rounds: rounds.length,
    duckdbMedianMs: duckdbMs,
    duckdbRunsMs: rounds.map((r) => r.duckdbMs),
    wasmMedianMs: wasmMs,
    wasmRunsMs: rounds.map((r) => r.wasm.ms),
    wasmDuckdbVersion: rounds[0]?.wasm.version,
    wasmThreads: rounds[0]?.wasm.threads,
    wasmPeakRssBytes: rounds[0]?.wasm.peakRssBytes,
    wasmOverDuckdb: median(rounds.map((r) => r.wasm.ms / r.duckdbMs)),
    duckdbInMemoryMedianMs: rounds[0]?.app ? median(rounds.map((r) => r.app!.duckdbMemoryMs)) : null,
    wasmOverDuckdbInMemory: rounds[0]?.app ? median(rounds.map((r) => r.wasm.ms / r.app!.duckdbMemoryMs)) : null,
    warmupRows: log1m.rows,
  };

  if (!importer) {
    const reason = 'no importer of the app claims a generic CSV yet (electron/engine/imports/importer-registry.ts)';
    return [
      { ...skippedFigure('import_vs_duckdb', 'import 10M-row CSV: app / DuckDB CTAS', `<= ${APP_VS_DUCKDB_TARGET}`, reason), details: common },
      { ...skippedFigure('import_vs_wasm', 'import 10M-row CSV: duckdb-wasm / app', `>= ${WASM_OVER_APP_TARGET}x`, reason), details: common },
    ];
  }
  ctx.workspaces.log10m = keptWorkspace ? join(keptWorkspace, 'workspace') : undefined;
  const apps = rounds.map((r) => r.app!);
  const appMs = median(apps.map((a) => a.appMs));
  const appOverDuckdb = apps.map((a) => a.appMs / a.duckdbMs);
  const wasmOverApp = rounds.map((r) => r.wasm.ms / r.app!.appMs);
  const peaks = apps.map((a) => a.appPeakRssBytes).filter((p): p is number => p !== null);
  memory.appPeakRssBytes = peaks.length ? Math.max(...peaks) : null;
  memory.baselineRssBytes = apps[0]?.baselineRssBytes ?? null;
  const details = {
    ...common,
    importer,
    appMedianMs: appMs,
    appRunsMs: apps.map((a) => a.appMs),
    appRowsPerSecond: log10m.rows / (appMs / 1000),
    appReport: apps[apps.length - 1]?.report,
    /** Where the app's import spent its time (statement shapes, summed), per measured round. */
    appStatements: apps.map((a) => a.appStatements ?? []),
    appPeakRssBytes: memory.appPeakRssBytes,
  };
  const ratio1 = median(appOverDuckdb);
  const ratio2 = median(wasmOverApp);
  return [
    {
      id: 'import_vs_duckdb',
      figure: 'import 10M-row CSV: app / DuckDB CTAS',
      value: `${ratio1.toFixed(2)} (app ${formatMs(appMs)}, DuckDB ${formatMs(duckdbMs)})`,
      target: `<= ${APP_VS_DUCKDB_TARGET}`,
      met: ratio1 <= APP_VS_DUCKDB_TARGET,
      details: { ...details, ratio: ratio1, ratios: appOverDuckdb },
    },
    {
      id: 'import_vs_wasm',
      figure: 'import 10M-row CSV: duckdb-wasm / app',
      value: `${ratio2.toFixed(2)}x (wasm ${formatMs(wasmMs)}, app ${formatMs(appMs)}; raw DuckDB ${common.wasmOverDuckdb.toFixed(1)}x, in memory ${common.wasmOverDuckdbInMemory?.toFixed(1) ?? '?'}x)`,
      target: `>= ${WASM_OVER_APP_TARGET}x`,
      met: ratio2 >= WASM_OVER_APP_TARGET,
      details: { ...details, ratio: ratio2, ratios: wasmOverApp },
    },
  ];
}

async function wasmImport(path: string, rows: number): Promise<WasmRun> {
  const { result } = await runChild<WasmRun>('wasm-import.ts', [path], { timeoutMs: 300_000 });
  if (result.rows !== rows) throw new Error(`duckdb-wasm loaded ${result.rows} rows, expected ${rows}`);
  return result;
}

/** Without an app importer the baseline still runs, in this process. */
async function duckdbOnly(dir: string, path: string): Promise<number> {
  return (await importThroughDuckdb(dir, path)).ms;
}
