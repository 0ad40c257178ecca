import type { Caveat, ResultMeta } from '../../../shared/api';
import type { Report, ReportItem } from '../../../shared/report';
import type { ProvenanceFile } from '../export/export-provenance';
import type { ChartFigure } from './chart-figure';
import type { SourceCitation } from './source-catalog';

/** One chart of a report with everything every format needs to draw and cite it. */
export interface ReportDocumentItem {
  item: ReportItem;
  /** The item's own title, or the chart's. */
  title: string;
  chartTitle: string;
  units: string;
  filtersText: string;
  figure: ChartFigure;
  meta: ResultMeta;
  /** The one-line source note under the chart and on the slide. */
  footnote: string;
}

export interface ReportProvenance {
  sources: (SourceCitation & { files: ProvenanceFile[] })[];
  ruleVersions: string[];
  /** What the sources cannot show (every chart's caveats, once each). */
  caveats: Caveat[];
  generatedAt: string;
  appVersion: string;
  duckdbVersion: string;
  workspace: string;
}

/** A report ready to render: the saved model plus every chart's result and the provenance section. */
export interface ReportDocument {
  report: Report;
  items: ReportDocumentItem[];
  provenance: ReportProvenance;
}
