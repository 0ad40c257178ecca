import { EMPTY_FILTERS, type Filters } from '../../../shared/filters';
import { REPORT_VERSION, type Report } from '../../../shared/report';
import type { Database } from '../db/database';
import { describeQuery } from '../export/data-query';
import type { ChartQuery } from '../queries/chart-query';
import { CHART_QUERIES } from '../queries/chart-registry';
import { inDefaultReport } from './chart-presentations';

export const DEFAULT_REPORT_NAME = 'Default report';

/**
 * The report nobody has to build: every dashboard chart, in the dashboard's order, over the whole
 * workspace (or over the filters the dashboard shows, for "Slide deck of this dashboard").
 */
export function defaultReport(options: { filters?: Filters; title?: string } = {}): Report {
  const filters = options.filters ?? EMPTY_FILTERS;
  const charts = [...CHART_QUERIES.values()].filter((q) => inDefaultReport(q.id) && !needsParameters(q));
  return {
    version: REPORT_VERSION,
    name: DEFAULT_REPORT_NAME,
    title: options.title ?? 'Health data breaches: overview',
    author: '',
    tlp: null,
    items: charts.map((q, i) => ({ id: `item-${i + 1}`, kind: 'chart', chart: q.id, title: '', text: '', filters })),
  };
}

/** A chart that needs a value the report cannot supply (the case whose revisions to show). */
export function needsParameters(query: ChartQuery): boolean {
  return (query.params ?? []).some((p) => p.required && p.default === undefined);
}

/**
 * The default report for this workspace: charts whose tables it does not have (OCR's revision table
 * in a workspace of incident logs only) are left out rather than shown as errors. Each query is only
 * planned (LIMIT 0), not run.
 */
export async function defaultReportFor(db: Database, options: { filters?: Filters; title?: string } = {}): Promise<Report> {
  const report = defaultReport(options);
  const runnable = [];
  for (const item of report.items) {
    const query = CHART_QUERIES.get(item.chart);
    if (!query) continue;
    try {
      await describeQuery(db, query.build(item.filters));
      runnable.push(item);
    } catch {
      // not runnable here: left out of the default report
    }
  }
  return { ...report, items: runnable.map((item, i) => ({ ...item, id: `item-${i + 1}` })) };
}
