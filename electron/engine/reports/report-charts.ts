import { CHART_QUERIES } from '../queries/chart-registry';
import { inDefaultReport } from './chart-presentations';
import { needsParameters } from './default-report';

export interface ReportChart {
  id: string;
  title: string;
  units: string;
  inDefaultReport: boolean;
}

/** The charts a report can hold: every registered chart that needs nothing beyond the app filters. */
export function reportCharts(): ReportChart[] {
  return [...CHART_QUERIES.values()]
    .filter((q) => !needsParameters(q))
    .map((q) => ({ id: q.id, title: q.title, units: q.units, inDefaultReport: inDefaultReport(q.id) }));
}
