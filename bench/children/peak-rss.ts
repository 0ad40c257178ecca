import { dashboardCharts, filterChange, filterChangeCount, runDashboard } from '../dashboard';
import { openBenchWorkbench } from '../figures/dashboard-figures';
import { peakRssBytes } from '../memory';

/**
 * The engine's memory while it serves the dashboard over the 10M-row log, in a process that holds
 * nothing else: open the workspace and run every dashboard chart once per filter change. (The
 * import's own peak is read in bench/children/import-round.ts.)
 *
 * argv: <workspace dir>. Prints one JSON line: { baselineBytes, afterOpenBytes, peakBytes, charts }.
 */
const workspaceDir = process.argv[2];
if (!workspaceDir) throw new Error('usage: peak-rss.ts <workspace dir>');

const baselineBytes = await peakRssBytes();
const workbench = await openBenchWorkbench(workspaceDir);
const afterOpenBytes = await peakRssBytes();
for (let run = 0; run < filterChangeCount(); run++) await runDashboard(workbench, filterChange(run));
workbench.close();
console.log(JSON.stringify({ baselineBytes, afterOpenBytes, peakBytes: await peakRssBytes(), charts: dashboardCharts().length }));
