import { EMPTY_FILTERS } from '../../shared/filters';
import { dashboardCharts } from '../dashboard';

/**
 * One reopen of an existing workspace in a fresh process: open it and wait for the first dashboard
 * chart's Arrow bytes (what the window shows first), then for the rest. Module loading is timed
 * apart: in the packaged app it is a bundle loaded once at start-up, here it includes tsx compiling.
 *
 * Prints one JSON line: { loadMs, openMs, firstChartMs, readyMs, allChartsMs, firstChart }.
 */
const workspaceDir = process.argv[2];
if (!workspaceDir) throw new Error('usage: reopen.ts <workspace dir>');

const loadStarted = performance.now();
const { openBenchWorkbench } = await import('../figures/dashboard-figures');
const openStarted = performance.now();
const workbench = await openBenchWorkbench(workspaceDir);
const opened = performance.now();
const charts = dashboardCharts();
const firstChart = charts[0];
if (!firstChart) throw new Error('the chart registry is empty');
await workbench.runChart({ chart: firstChart, filters: EMPTY_FILTERS });
const ready = performance.now();
await Promise.all(charts.slice(1).map((chart) => workbench.runChart({ chart, filters: EMPTY_FILTERS })));
const allReady = performance.now();
workbench.close();
console.log(
  JSON.stringify({
    loadMs: openStarted - loadStarted,
    openMs: opened - openStarted,
    firstChartMs: ready - opened,
    readyMs: ready - openStarted,
    allChartsMs: allReady - openStarted,
    firstChart,
  }),
);
