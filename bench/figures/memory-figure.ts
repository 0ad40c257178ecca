import { runChild } from '../child-process';
import { skippedFigure, type BenchContext, type FigureResult } from '../context';
import { gib } from '../memory';
import type { ImportMemory } from './import-figures';

const TARGET_BYTES = 2 * 1024 ** 3;

interface QueryPeak {
  baselineBytes: number;
  afterOpenBytes: number;
  peakBytes: number;
  charts: number;
}

/**
 * Figure 6: peak resident memory of the engine with the 10M-row log: the larger of its peak while
 * importing the log (read in the import rounds' processes) and its peak while serving the whole
 * dashboard over it for every filter change (bench/children/peak-rss.ts). A high-water mark is not
 * noisy the way a time is, so the dashboard phase runs once.
 */
export async function measurePeakRss(ctx: BenchContext, importMemory: ImportMemory): Promise<FigureResult> {
  const figure = 'peak RSS of the engine, 10M-row log';
  const target = `< ${gib(TARGET_BYTES)}`;
  const dir = ctx.workspaces.log10m;
  if (!dir || importMemory.appPeakRssBytes === null) {
    return skippedFigure('peak_rss', figure, target, 'no workspace holds the 10M-row log (the import figure could not run the app import)');
  }
  ctx.log('peak RSS: a fresh process opens the 10M-row workspace and runs the dashboard for every filter change...');
  const { result } = await runChild<QueryPeak>('peak-rss.ts', [dir], { timeoutMs: 300_000 });
  const peak = Math.max(importMemory.appPeakRssBytes, result.peakBytes);
  ctx.log(`  importing ${gib(importMemory.appPeakRssBytes)}, querying ${gib(result.peakBytes)}`);
  return {
    id: 'peak_rss',
    figure,
    value: `${gib(peak)} (import ${gib(importMemory.appPeakRssBytes)}, dashboard ${gib(result.peakBytes)})`,
    target,
    met: peak < TARGET_BYTES,
    details: {
      peakBytes: peak,
      importPeakBytes: importMemory.appPeakRssBytes,
      importProcessBaselineBytes: importMemory.baselineRssBytes,
      dashboardPeakBytes: result.peakBytes,
      dashboardProcessBaselineBytes: result.baselineBytes,
      afterOpenBytes: result.afterOpenBytes,
      charts: result.charts,
    },
  };
}
