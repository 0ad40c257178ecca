import { filtersSchema, type Filters, type FiltersInput } from '../shared/filters';
import type { ChartQuery } from '../electron/engine/queries/chart-query';
import { CHART_QUERIES } from '../electron/engine/queries/chart-registry';
import type { Workbench } from '../electron/engine/workbench';

/**
 * The filter changes a user makes on the dashboard, in the order the bench applies them: each run
 * uses the next one, so no two consecutive runs ask the same question (nothing can be served from
 * a cache of the previous answer).
 */
const FILTER_CHANGES: FiltersInput[] = [
  { dateFrom: '2019-01-01' },
  { actors: ['external'] },
  { dateFrom: '2020-01-01', dateTo: '2023-12-31' },
  { breachTypes: ['Theft', 'Loss'] },
  { actors: ['internal', 'partner'], dateFrom: '2018-01-01' },
  { minRecords: 500 },
  { states: ['CA', 'TX', 'NY'] },
  { threats: ['ransomware', 'email_phishing'] },
  { businessAssociate: true },
  { text: 'laptop' },
  { locations: ['Email', 'Network Server'] },
];

export function filterChange(run: number): Filters {
  return filtersSchema.parse(FILTER_CHANGES[((run % FILTER_CHANGES.length) + FILTER_CHANGES.length) % FILTER_CHANGES.length]);
}

export function filterChangeCount(): number {
  return FILTER_CHANGES.length;
}

/**
 * The charts a filter change redraws: every registered chart except those that need a parameter the
 * filter state does not give (e.g. the revisions of one case, shown only after a drill-down).
 */
export function dashboardCharts(): string[] {
  return [...CHART_QUERIES.values()].filter((q) => !needsParameter(q)).map((q) => q.id);
}

/** Charts left out of the dashboard run because they need a parameter (reported beside the figure). */
export function parameterCharts(): string[] {
  return [...CHART_QUERIES.values()].filter(needsParameter).map((q) => q.id);
}

function needsParameter(query: ChartQuery): boolean {
  return (query.params ?? []).some((p) => p.required && p.default === undefined);
}

/**
 * Every dashboard chart for one filter state, all asked at once as the window does after a filter
 * change (each `runChart` reads on a connection of its own). Returns ms until the last one's Arrow
 * bytes are ready, and the rows each chart returned.
 */
export async function runDashboard(workbench: Workbench, filters: Filters): Promise<{ ms: number; rows: Record<string, number> }> {
  const charts = dashboardCharts();
  const started = performance.now();
  const answers = await Promise.all(charts.map((chart) => workbench.runChart({ chart, filters })));
  const ms = performance.now() - started;
  return { ms, rows: Object.fromEntries(charts.map((chart, i) => [chart, answers[i]!.meta.rowCount])) };
}
