import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import type { ArrowResult } from '../../../shared/api';
import { WorkbenchError } from '../../../shared/errors';
import type { Filters } from '../../../shared/filters';
import { fileSlug, MIME_TYPES, type DataFormat, type ExportFile, type PageSize, type Report, type ReportFormat } from '../../../shared/report';
import type { Database } from '../db/database';
import { CHART_QUERIES } from '../queries/chart-registry';
import { assembleReport } from '../reports/assemble-report';
import { chartFigure } from '../reports/chart-figure';
import type { ReportDocument } from '../reports/report-document';
import type { SourceCatalog } from '../reports/source-catalog';
import { echartsOption } from './chart-option';
import { renderChartSvg, type ChartSize } from './chart-svg';
import { writeDataExport } from './data-export';
import { resolveDataQuery, type DataSource } from './data-query';
import { exportProvenance, type ExportProvenance } from './export-provenance';
import type { ReportBrowser, ReportBrowserFactory } from './report-browser';
import { renderReportHtml } from './report-html';
import { renderReportPdf } from './report-pdf';
import { needsImage, renderReportPptx } from './report-pptx';

export interface ExportServiceOptions {
  db: Database;
  catalog: SourceCatalog;
  appVersion: string;
  duckdbVersion: string;
  workspaceDir: string;
  /** Chromium for PDF and PNG: Electron's in the app, the machine's in the web host and CLI. */
  browser: ReportBrowserFactory;
  runChart(request: { chart: string; filters: Filters }): Promise<ArrowResult>;
}

/** Every export the app makes: reports (HTML, PDF, PPTX), chart images (SVG, PNG) and data. */
export class ExportService {
  constructor(private readonly options: ExportServiceOptions) {}

  async assemble(report: Report): Promise<ReportDocument> {
    const o = this.options;
    return assembleReport(report, {
      db: o.db,
      runChart: o.runChart,
      catalog: o.catalog,
      appVersion: o.appVersion,
      duckdbVersion: o.duckdbVersion,
      workspace: o.workspaceDir,
    });
  }

  async exportReport(report: Report, format: ReportFormat, pageSize: PageSize = 'A4'): Promise<ExportFile> {
    const doc = await this.assemble(report);
    const fileName = `${fileSlug(report.title)}.${format}`;
    if (format === 'html') return { fileName, mimeType: MIME_TYPES.html, bytes: new TextEncoder().encode(renderReportHtml(doc)) };
    if (format === 'pdf') {
      const bytes = await this.withBrowser((browser) => renderReportPdf(doc, browser, pageSize));
      return { fileName, mimeType: MIME_TYPES.pdf, bytes };
    }
    // Slides only need a browser for charts PowerPoint cannot draw natively; start one only then.
    const bytes = doc.items.some((i) => needsImage(i.figure)) ? await this.withBrowser((browser) => renderReportPptx(doc, browser)) : await renderReportPptx(doc);
    return { fileName, mimeType: MIME_TYPES.pptx, bytes };
  }

  /** A chart alone: SVG from ECharts' server-side renderer; PNG is that SVG drawn by Chromium at 2x. */
  async exportChart(chart: string, filters: Filters, format: 'svg' | 'png', size: ChartSize): Promise<ExportFile> {
    const query = CHART_QUERIES.get(chart);
    if (!query) throw new WorkbenchError({ code: 'not_found', message: `There is no chart called "${chart}".` });
    const result = await this.options.runChart({ chart, filters });
    const option = echartsOption(chartFigure(chart, tableFromIPC(result.arrow), result.meta.caveats));
    if (!option) throw new WorkbenchError({ code: 'invalid_request', message: `"${query.title}" is a table, not a picture; export its data instead.` });
    const svg = renderChartSvg({ ...option, title: { text: query.title, left: 'center', top: 0, textStyle: { fontSize: 15 } }, grid: { ...(option.grid as object), top: 64 }, legend: { ...(option.legend as object), top: 30 } }, size);
    const fileName = `${fileSlug(query.title)}.${format}`;
    if (format === 'svg') return { fileName, mimeType: MIME_TYPES.svg, bytes: new TextEncoder().encode(svg) };
    const bytes = await this.withBrowser((browser) => browser.svgToPng(svg, size, 2));
    return { fileName, mimeType: MIME_TYPES.png, bytes };
  }

  /** Writes a data export straight to a file (the CLI; large results never pass through memory as rows). */
  async writeData(source: DataSource, format: DataFormat, path: string): Promise<{ rowCount: number; provenance: ExportProvenance }> {
    const query = await resolveDataQuery(this.options.db, source);
    const provenance = await exportProvenance(this.options.db, this.options.catalog, query, this.options.appVersion);
    const { rowCount } = await writeDataExport(this.options.db, query, format, path, provenance);
    return { rowCount, provenance };
  }

  /** A data export as bytes for the window: written to a private temporary folder, read, removed. */
  async exportData(source: DataSource, format: DataFormat): Promise<ExportFile & { rowCount: number }> {
    const dir = await mkdtemp(join(tmpdir(), 'bw-export-'));
    try {
      const label = 'sql' in source ? 'query' : 'chart' in source ? source.chart : source.table;
      const path = join(dir, `${fileSlug(label)}.${format}`);
      const { rowCount } = await this.writeData(source, format, path);
      return { fileName: `${fileSlug(label)}.${format}`, mimeType: MIME_TYPES[format], bytes: new Uint8Array(await readFile(path)), rowCount };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async writeReport(report: Report, format: ReportFormat, pageSize: PageSize, path: string): Promise<ExportFile> {
    const file = await this.exportReport(report, format, pageSize);
    await writeFile(path, file.bytes);
    return file;
  }

  private async withBrowser<T>(work: (browser: ReportBrowser) => Promise<T>): Promise<T> {
    const browser = this.options.browser();
    try {
      return await work(browser);
    } finally {
      await browser.close().catch(() => undefined);
    }
  }
}
