import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Workbench } from '../../electron/engine/workbench';
import { scratchDir, skippedFigure, type BenchContext, type FigureResult } from '../context';
import { dashboardCharts, filterChange, parameterCharts, runDashboard } from '../dashboard';
import { formatMs, measure, median, type RunPlan } from '../measure';
import { hasOcrData, OCR_DIR, SHARED_DATASETS } from '../paths';

const OCR_TARGET_MS = 50;
const LOG_TARGET_MS = 300;

export function openBenchWorkbench(workspaceDir: string): Promise<Workbench> {
  return Workbench.open({ workspaceDir, appVersion: 'bench', transport: 'bench', sharedDatasetsDir: SHARED_DATASETS });
}

export function ocrFiles(): string[] {
  return readdirSync(OCR_DIR)
    .filter((name) => name.toLowerCase().endsWith('.csv'))
    .sort()
    .map((name) => join(OCR_DIR, name));
}

/** Imports every OCR snapshot through the app (as a user dropping them in would); throws if the app refuses them. */
export async function importOcr(workbench: Workbench): Promise<number> {
  const files = ocrFiles();
  const started = performance.now();
  const job = await workbench.importAndWait(files);
  if (job.state !== 'done') throw new Error(`importing the OCR snapshots ${job.state}: ${job.error?.message ?? job.message}`);
  return performance.now() - started;
}

/**
 * Figure 4: every chart of the chart registry after a filter change, over the real OCR snapshots and
 * over OCR plus the 10M-row log (imported as a local source, so it is part of `breaches`).
 */
export async function measureDashboards(ctx: BenchContext, plans: { ocr: RunPlan; log: RunPlan }): Promise<FigureResult[]> {
  const charts = dashboardCharts();
  const results: FigureResult[] = [];
  const ocrFigure = 'dashboard after a filter change, OCR data';
  const logFigure = 'dashboard after a filter change, OCR + 10M-row log';
  if (charts.length === 0) {
    const reason = 'the chart registry is empty';
    return [skippedFigure('dashboard_ocr', ocrFigure, `< ${OCR_TARGET_MS} ms`, reason), skippedFigure('dashboard_log', logFigure, `< ${LOG_TARGET_MS} ms`, reason)];
  }

  if (!hasOcrData()) {
    results.push(skippedFigure('dashboard_ocr', ocrFigure, `< ${OCR_TARGET_MS} ms`, `${OCR_DIR} is not present (the shared datasets sit beside the project)`));
  } else {
    results.push(await ocrDashboard(ctx, plans.ocr, charts, ocrFigure));
  }

  if (!ctx.workspaces.log10m) {
    results.push(skippedFigure('dashboard_log', logFigure, `< ${LOG_TARGET_MS} ms`, 'no workspace holds the 10M-row log (the import figure could not run the app import)'));
  } else {
    results.push(await logDashboard(ctx, plans.log, charts, logFigure, ctx.workspaces.log10m));
  }
  return results;
}

async function ocrDashboard(ctx: BenchContext, plan: RunPlan, charts: string[], figure: string): Promise<FigureResult> {
  const dir = join(scratchDir('dashboard-ocr'), 'workspace');
  const workbench = await openBenchWorkbench(dir);
  try {
    ctx.log(`importing ${ocrFiles().length} OCR snapshots into a bench workspace...`);
    let importMs: number;
    try {
      importMs = await importOcr(workbench);
    } catch (error) {
      return skippedFigure('dashboard_ocr', figure, `< ${OCR_TARGET_MS} ms`, `the app could not import the OCR snapshots: ${(error as Error).message}`);
    }
    const rows = Number((await workbench.db.value<bigint>(`SELECT count(*) FROM breaches`)) ?? 0);
    ctx.log(`  ${rows.toLocaleString('en')} rows in breaches after ${formatMs(importMs)}`);
    ctx.workspaces.ocr = dir;
    return await dashboardFigure(ctx, workbench, plan, charts, { id: 'dashboard_ocr', figure, targetMs: OCR_TARGET_MS, breachesRows: rows });
  } finally {
    workbench.close();
  }
}

async function logDashboard(ctx: BenchContext, plan: RunPlan, charts: string[], figure: string, dir: string): Promise<FigureResult> {
  const workbench = await openBenchWorkbench(dir);
  try {
    if (hasOcrData()) {
      ctx.log('importing the OCR snapshots beside the 10M-row log...');
      await importOcr(workbench).catch((error: unknown) => ctx.log(`  OCR not imported (${(error as Error).message}); measuring the log alone`));
    }
    const rows = Number((await workbench.db.value<bigint>(`SELECT count(*) FROM breaches`)) ?? 0);
    ctx.log(`  ${rows.toLocaleString('en')} rows in breaches`);
    return await dashboardFigure(ctx, workbench, plan, charts, { id: 'dashboard_log', figure, targetMs: LOG_TARGET_MS, breachesRows: rows });
  } finally {
    workbench.close();
  }
}

async function dashboardFigure(
  ctx: BenchContext,
  workbench: Workbench,
  plan: RunPlan,
  charts: string[],
  figure: { id: string; figure: string; targetMs: number; breachesRows: number },
): Promise<FigureResult> {
  ctx.log(`${charts.length} chart(s) per filter change over ${figure.breachesRows.toLocaleString('en')} rows: ${plan.warmups} warm-up(s), ${plan.runs} runs`);
  const timing = await measure(plan, async (run) => (await runDashboard(workbench, filterChange(run))).ms, (m) => ctx.log(`  ${m}`));
  const perChart = await perChartMedians(workbench, charts);
  const slowest = Object.entries(perChart).sort((a, b) => b[1] - a[1])[0];
  if (slowest) ctx.log(`  slowest chart alone: ${slowest[0]} ${formatMs(slowest[1])}`);
  return {
    id: figure.id,
    figure: figure.figure,
    value: `${formatMs(timing.medianMs)} (${charts.length} charts)`,
    target: `< ${figure.targetMs} ms`,
    met: timing.medianMs < figure.targetMs,
    details: { charts, leftOut: parameterCharts(), breachesRows: figure.breachesRows, medianMs: timing.medianMs, runsMs: timing.runsMs, perChartMedianMs: perChart },
  };
}

/** Each chart on its own (one after another, three filter changes): which one the dashboard waits for. */
async function perChartMedians(workbench: Workbench, charts: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const chart of charts) {
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      await workbench.runChart({ chart, filters: filterChange(run) });
      times.push(performance.now() - started);
    }
    out[chart] = median(times);
  }
  return out;
}
