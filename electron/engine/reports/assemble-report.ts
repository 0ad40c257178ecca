import { tableFromIPC } from 'apache-arrow';
import type { ArrowResult, Caveat } from '../../../shared/api';
import type { Filters } from '../../../shared/filters';
import { describeFilters, type Report } from '../../../shared/report';
import type { Database } from '../db/database';
import { registeredTitles, sourceFiles } from '../export/export-provenance';
import { CHART_QUERIES } from '../queries/chart-registry';
import { chartFigure } from './chart-figure';
import type { ReportDocument, ReportDocumentItem } from './report-document';
import type { SourceCatalog, SourceCitation } from './source-catalog';

export interface AssembleContext {
  db: Database;
  /** The facade's own runChart, so a report's numbers are exactly the dashboard's. */
  runChart(request: { chart: string; filters: Filters }): Promise<ArrowResult>;
  catalog: SourceCatalog;
  appVersion: string;
  duckdbVersion: string;
  workspace: string;
  now?: Date;
}

/** Runs every chart of the report and gathers what the provenance section cites. */
export async function assembleReport(report: Report, context: AssembleContext): Promise<ReportDocument> {
  const titles = await registeredTitles(context.db);
  const cite = (id: string): SourceCitation => context.catalog.cite(id, titles.get(id));
  const items: ReportDocumentItem[] = [];
  for (const item of report.items) {
    const query = CHART_QUERIES.get(item.chart);
    const filtersText = describeFilters(item.filters);
    const missing = (note: string): ReportDocumentItem => ({
      item,
      title: item.title || query?.title || item.chart,
      chartTitle: query?.title ?? item.chart,
      units: query?.units ?? '',
      filtersText,
      figure: { kind: 'table', columns: [], rows: [], note },
      meta: { sql: '', params: [], rowCount: 0, sources: [], files: [], snapshotDates: [], caveats: [], ruleVersions: [], elapsedMs: 0, truncated: false },
      footnote: '',
    });
    if (!query) {
      items.push(missing(`This version of Breach Workbench has no chart called "${item.chart}"; it was left out.`));
      continue;
    }
    // One chart that cannot run (a parameter it needs, a table that is gone) must not sink the whole
    // report: its place says why, in words, and the rest is drawn.
    let result: ArrowResult;
    try {
      result = await context.runChart({ chart: item.chart, filters: item.filters });
    } catch (error) {
      items.push(missing(`This chart could not be drawn: ${error instanceof Error ? error.message : String(error)}`));
      continue;
    }
    const figure = chartFigure(item.chart, tableFromIPC(result.arrow), result.meta.caveats);
    items.push({
      item,
      title: item.title.trim() || query.title,
      chartTitle: query.title,
      units: query.units,
      filtersText,
      figure,
      meta: result.meta,
      footnote: footnoteFor(result.meta, filtersText, cite),
    });
  }

  const sourceIds = [...new Set(items.flatMap((i) => i.meta.sources))].sort();
  const files = sourceIds.length ? await sourceFiles(context.db, sourceIds) : [];
  return {
    report,
    items,
    provenance: {
      sources: sourceIds.map((id) => ({ ...cite(id), files: files.filter((f) => f.sourceId === id) })),
      ruleVersions: [...new Set(items.flatMap((i) => i.meta.ruleVersions))].sort(),
      caveats: uniqueCaveats(items.flatMap((i) => i.meta.caveats)),
      generatedAt: (context.now ?? new Date()).toISOString(),
      appVersion: context.appVersion,
      duckdbVersion: context.duckdbVersion,
      workspace: context.workspace,
    },
  };
}

/** "Source: HHS OCR breach portal; snapshots 2024-06-28 to 2026-04-07 (8 files). Filters: none." */
export function footnoteFor(meta: ArrowResult['meta'], filtersText: string, cite: (id: string) => SourceCitation): string {
  const sources = meta.sources.length ? meta.sources.map((id) => cite(id).title).join('; ') : 'no data loaded';
  const dates = meta.snapshotDates;
  const range = dates.length === 0 ? '' : dates.length === 1 ? `; snapshot ${dates[0]}` : `; snapshots ${dates[0]} to ${dates[dates.length - 1]}`;
  const files = meta.files.length ? ` (${meta.files.length} file${meta.files.length === 1 ? '' : 's'})` : '';
  const rules = meta.ruleVersions.length ? ` Classification rules: ${meta.ruleVersions.join(', ')}.` : '';
  const caveats = meta.caveats.map((c) => ` ${c.summary}`).join('');
  return `Source: ${sources}${range}${files}. Filters: ${filtersText}.${rules}${caveats}`;
}

function uniqueCaveats(caveats: Caveat[]): Caveat[] {
  return [...new Map(caveats.map((c) => [`${c.summary}\u0000${c.detail}`, c])).values()];
}
