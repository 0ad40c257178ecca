import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { BenchContext, FigureResult } from './context';
import { measureArrowConversion } from './figures/arrow-figure';
import { measureDashboards } from './figures/dashboard-figures';
import { measureImports, type ImportMemory } from './figures/import-figures';
import { measureIpc } from './figures/ipc-figure';
import { measurePeakRss } from './figures/memory-figure';
import { measureReopen } from './figures/reopen-figure';
import { ensureIncidentLog } from './generate-inputs';
import { describeMachine } from './machine';
import { SCRATCH_DIR } from './paths';
import { markdownTable, textTable, writeResults, type BenchResults } from './report';

/**
 * `npm run bench`: the issue-7 figures on this machine, printed as a table and written to
 * bench/results.json. Sized to finish in under 10 minutes on 2 cores: the 10M-row import runs
 * 2-3 rounds (as many as fit its budget), the cheap figures more. Not part of `npm test`: nothing here asserts a time.
 */
/** `npm run bench -- --smoke`: the whole harness on the 1M-row log with few runs, to check it works; writes nothing. */
const smoke = process.argv.includes('--smoke');
const started = performance.now();
const log = (message: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

rmSync(SCRATCH_DIR, { recursive: true, force: true });
const machine = await describeMachine();
log(`${machine.cores} cores, load average ${machine.loadAverageAtStart.toFixed(1)}, ${(machine.memoryBytes / 1024 ** 3).toFixed(1)} GiB, Node ${machine.node}, DuckDB ${machine.duckdb}, duckdb-wasm ${machine.duckdbWasm}`);

const importMemory: ImportMemory = { appPeakRssBytes: null, baselineRssBytes: null };
const ctx: BenchContext = {
  log,
  inputs: smoke
    ? { log1m: await ensureIncidentLog(100_000, log), log10m: await ensureIncidentLog(1_000_000, log) }
    : { log1m: await ensureIncidentLog(1_000_000, log), log10m: await ensureIncidentLog(10_000_000, log) },
  workspaces: {},
};

/** A figure that throws is reported as failed, with its message; the others still run. */
async function attempt(ids: { id: string; figure: string; target: string }[], work: () => Promise<FigureResult | FigureResult[]>): Promise<FigureResult[]> {
  try {
    const result = await work();
    return Array.isArray(result) ? result : [result];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`FAILED: ${message}`);
    return ids.map((i) => ({ ...i, value: 'failed', met: false, skipped: `failed: ${message}`, details: {} }));
  }
}

const arrow = await attempt([{ id: 'arrow_ipc', figure: '1M rows x 6 cols to Arrow IPC', target: '>= 10M rows/s' }], () =>
  measureArrowConversion(ctx, { warmups: 1, runs: 7 }),
);
const imports = await attempt(
  [
    { id: 'import_vs_duckdb', figure: 'import 10M-row CSV: app / DuckDB CTAS', target: '<= 1.3' },
    { id: 'import_vs_wasm', figure: 'import 10M-row CSV: duckdb-wasm / app', target: '>= 2x' },
  ],
  () => measureImports(ctx, { minRounds: 2, maxRounds: 3, budgetMs: 330_000 }, importMemory),
);
const dashboards = await attempt(
  [
    { id: 'dashboard_ocr', figure: 'dashboard after a filter change, OCR data', target: '< 50 ms' },
    { id: 'dashboard_log', figure: 'dashboard after a filter change, OCR + 10M-row log', target: '< 300 ms' },
  ],
  () => measureDashboards(ctx, { ocr: { warmups: 2, runs: 15 }, log: { warmups: 1, runs: 9 } }),
);
const reopen = await attempt([{ id: 'reopen', figure: 'reopen 10M-row workspace to first chart', target: '< 1000 ms' }], () =>
  measureReopen(ctx, { warmups: 1, runs: 5 }),
);
const memory = await attempt([{ id: 'peak_rss', figure: 'peak RSS of the engine, 10M-row log', target: '< 2.00 GiB' }], () =>
  measurePeakRss(ctx, importMemory),
);
const ipc = await attempt([{ id: 'ipc_round_trip', figure: '1M-row Arrow round trip, web host on loopback', target: 'measured' }], () =>
  measureIpc(ctx, { warmups: 1, runs: 5 }),
);

rmSync(SCRATCH_DIR, { recursive: true, force: true });
const results: BenchResults = {
  machine,
  loadAverageAtEnd: loadavg()[0] ?? 0,
  durationSeconds: (performance.now() - started) / 1000,
  figures: [...imports, ...arrow, ...dashboards, ...reopen, ...memory, ...ipc],
};
console.log(`\n${textTable(results.figures)}\n`);
if (smoke) {
  log('smoke run: the "10M-row" figures are for 1M rows; bench/results.json was not written');
} else {
  writeResults(results);
  console.log(`Markdown for bench/README.md:\n\n${markdownTable(results)}\n`);
  log('wrote bench/results.json');
}
