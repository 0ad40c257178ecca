import { appendFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, join, sep } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ApiParsedRequest, ApiResponse, SourceSummary, TableInfo, WorkbenchEngineApi } from '../../shared/api';
import { WorkbenchError } from '../../shared/errors';
import { discoverData } from './data-discovery';
import { chromiumReportBrowser } from './export/chromium-report-browser';
import { ExportService } from './export/export-service';
import type { ReportBrowserFactory } from './export/report-browser';
import { identifyFiles } from './imports/identify-files';
import { listRejects } from './imports/list-rejects';
import { importPath } from './imports/run-import';
import { JobRegistry, type JobControl } from './jobs/job-registry';
import { deletePreset, listPresets, previewMapping, savePreset } from './mapping';
import { importLocalFile } from './sources/local';
import { CHART_QUERIES } from './queries/chart-registry';
import { resolveChartParams } from './queries/charts/chart-params';
import { provenanceFor } from './queries/provenance';
import { runChartQuery } from './queries/run-chart';
import { prepareReadOnlyQuery, sqlError } from './queries/read-only-sql';
import { caseHistory } from './queries/rows/case-history';
import { fetchRows } from './queries/rows/fetch-rows';
import { filterOptions } from './queries/rows/filter-options';
import { defaultReportFor } from './reports/default-report';
import { reportCharts } from './reports/report-charts';
import { ReportStore } from './reports/report-store';
import { SourceCatalog } from './reports/source-catalog';
import { loadViewState, saveViewState } from './view-state/view-state-store';
import { Workspace } from './workspace/workspace';

export interface WorkbenchOptions {
  workspaceDir: string;
  appVersion: string;
  transport: string;
  /** BREACH_DATA_DIR */
  dataDir?: string | undefined;
  /** ../shared/datasets, when the project sits beside it */
  sharedDatasetsDir?: string | undefined;
  /** Chromium for PDF and PNG exports; the desktop app passes Electron's, others get the machine's. */
  reportBrowser?: ReportBrowserFactory | undefined;
  /** datasets/manifest.json (publishers, URLs, licences); found beside package.json when left out. */
  manifestPath?: string | undefined;
}

const DEFAULT_SQL_LIMIT = 100_000;

/**
 * The engine's one object: it implements the whole `WorkbenchApi`. Electron IPC, the web host and the
 * CLI are thin adapters over it and add nothing but transport.
 */
export class Workbench implements WorkbenchEngineApi {
  private readonly jobs = new JobRegistry();
  private readonly runningQueries = new Map<string, DuckDBConnection>();
  /** Imports write one at a time, in the order they were asked for. */
  private importQueue: Promise<unknown> = Promise.resolve();
  private reportStore: ReportStore | undefined;
  private exportService: ExportService | undefined;

  private constructor(
    private readonly workspace: Workspace,
    private readonly options: WorkbenchOptions,
    private readonly duckdbVersion: string,
  ) {}

  static async open(options: WorkbenchOptions): Promise<Workbench> {
    const workspace = await Workspace.open(options.workspaceDir);
    const version = (await workspace.db.value<string>('SELECT version()')) ?? 'unknown';
    return new Workbench(workspace, options, version);
  }

  get db() {
    return this.workspace.db;
  }

  close(): void {
    for (const connection of this.runningQueries.values()) connection.interrupt();
    this.workspace.close();
  }

  async info(): Promise<ApiResponse<'info'>> {
    return {
      appVersion: this.options.appVersion,
      duckdbVersion: this.duckdbVersion,
      workspacePath: this.workspace.dir,
      workspaceSchemaVersion: this.workspace.schemaVersion,
      transport: this.options.transport,
    };
  }

  async listSources(): Promise<SourceSummary[]> {
    const files = await this.db.rows<{
      source_id: string; kind: string; name: string; snapshot_date: string | null;
      rows_read: bigint; rows_loaded: bigint; rows_rejected: bigint; imported_at: string;
    }>(
      `SELECT source_id, kind, name, strftime(snapshot_date, '%Y-%m-%d') AS snapshot_date, rows_read, rows_loaded, rows_rejected,
              strftime(imported_at, '%Y-%m-%dT%H:%M:%S') AS imported_at
       FROM bw_files ORDER BY source_id, snapshot_date NULLS LAST, name`,
    );
    const registered = await this.db.rows<{ source_id: string; view_name: string; title: string; kind: string }>(
      `SELECT source_id, view_name, title, kind FROM bw_record_sources ORDER BY source_id`,
    );
    const counts = new Map<string, number>();
    for (const r of registered) {
      counts.set(r.source_id, Number((await this.db.value<bigint>(`SELECT count(*) FROM breaches WHERE source = $s`, { s: r.source_id })) ?? 0));
    }
    const ids = [...new Set([...registered.map((r) => r.source_id), ...files.map((f) => f.source_id)])];
    return ids.map((id) => {
      const own = files.filter((f) => f.source_id === id);
      const reg = registered.find((r) => r.source_id === id);
      return {
        id,
        title: reg?.title ?? sourceTitle(id),
        kind: sourceKind(reg?.kind ?? id),
        rows: counts.get(id) ?? own.reduce((n, f) => n + Number(f.rows_loaded), 0),
        snapshotDates: [...new Set(own.map((f) => f.snapshot_date).filter((d): d is string => d !== null))].sort(),
        files: own.map((f) => ({
          file: f.name,
          kind: f.kind,
          snapshotDate: f.snapshot_date,
          rowsRead: Number(f.rows_read),
          rowsLoaded: Number(f.rows_loaded),
          rowsRejected: Number(f.rows_rejected),
          importedAt: f.imported_at,
        })),
      };
    });
  }

  async listTables(): Promise<TableInfo[]> {
    const tables = await this.db.rows<{ name: string; kind: string }>(
      `SELECT table_name AS name, CASE table_type WHEN 'VIEW' THEN 'view' ELSE 'table' END AS kind
       FROM information_schema.tables WHERE table_schema = 'main' ORDER BY kind, name`,
    );
    const columns = await this.db.rows<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position`,
    );
    const rowCounts = await this.db.rows<{ table_name: string; estimated_size: bigint }>(
      `SELECT table_name, estimated_size FROM duckdb_tables() WHERE schema_name = 'main'`,
    );
    return tables.map((t) => ({
      name: t.name,
      kind: t.kind === 'view' ? 'view' : 'table',
      rows: (() => {
        const r = rowCounts.find((c) => c.table_name === t.name);
        return r ? Number(r.estimated_size) : null;
      })(),
      columns: columns.filter((c) => c.table_name === t.name).map((c) => ({ name: c.column_name, type: c.data_type })),
    }));
  }

  async discoverData(): Promise<ApiResponse<'discoverData'>> {
    return discoverData({ dataDir: this.options.dataDir, sharedDatasetsDir: this.options.sharedDatasetsDir });
  }

  async startImport(request: ApiParsedRequest<'startImport'>): Promise<ApiResponse<'startImport'>> {
    return this.queueImport(filesLabel(request.paths), async (control) => {
      for (const [index, path] of request.paths.entries()) {
        if (control.signal.aborted) throw new WorkbenchError({ code: 'cancelled', message: 'Import cancelled.' });
        const report = await importPath(this.db, path, {
          signal: control.signal,
          progress: (update) =>
            control.progress({ ...update, message: `${basename(path)} (${index + 1} of ${request.paths.length}): ${update.message}` }),
        });
        control.addReport(report);
      }
    });
  }

  /** The mapping wizard's Import: one local file with the mapping the user checked in the preview. */
  async startMappedImport(request: ApiParsedRequest<'startMappedImport'>): Promise<ApiResponse<'startMappedImport'>> {
    return this.queueImport(basename(request.path), async (control) => {
      control.addReport(await importLocalFile(this.db, request.path, request.mapping, { signal: control.signal, progress: control.progress }));
    });
  }

  /** Imports run as jobs, one at a time, in the order they were asked for. */
  private queueImport(label: string, work: (control: JobControl) => Promise<void>): { jobId: string } {
    const jobId = this.jobs.start(
      'import',
      async (control) => {
        const run = this.importQueue.then(() => work(control));
        this.importQueue = run.catch(() => undefined);
        await run;
      },
      label,
    );
    return { jobId };
  }

  async previewMapping(request: ApiParsedRequest<'previewMapping'>): Promise<ApiResponse<'previewMapping'>> {
    return previewMapping(this.db, request.path, {
      ...(request.mapping ? { mapping: request.mapping } : {}),
      ...(request.rows ? { rows: request.rows } : {}),
    });
  }

  async listMappingPresets(): Promise<ApiResponse<'listMappingPresets'>> {
    return listPresets(this.db);
  }

  async saveMappingPreset(request: ApiParsedRequest<'saveMappingPreset'>): Promise<ApiResponse<'saveMappingPreset'>> {
    return savePreset(this.db, request);
  }

  async deleteMappingPreset(request: ApiParsedRequest<'deleteMappingPreset'>): Promise<ApiResponse<'deleteMappingPreset'>> {
    return { deleted: await deletePreset(this.db, request.name) };
  }

  async uploadFile(request: ApiParsedRequest<'uploadFile'>): Promise<ApiResponse<'uploadFile'>> {
    const safe = (name: string) => basename(name).replace(/[^\w.\- ]+/g, '_');
    // A dropped folder keeps its shape under uploads/; no segment may climb out of it.
    const segments = (request.folder ?? '').split(/[\\/]+/).filter((s) => s !== '' && s !== '.').map(safe);
    if (segments.some((s) => /^\.+$/.test(s))) throw new WorkbenchError({ code: 'invalid_request', message: `Bad upload folder "${request.folder}".` });
    const folder = join(this.workspace.uploadsDir, ...segments);
    await mkdir(folder, { recursive: true });
    const path = join(folder, safe(request.name));
    if (!path.startsWith(this.workspace.uploadsDir + sep)) throw new WorkbenchError({ code: 'invalid_request', message: `Bad upload name "${request.name}".` });
    if (request.append) {
      // Only a file this upload began: a part never creates one (a lost first part would leave a file that starts mid-way).
      if (!(await stat(path).catch(() => null))?.isFile()) {
        throw new WorkbenchError({ code: 'invalid_request', message: `${request.name}: no upload to continue; send the file again from its start.`, file: request.name });
      }
      await appendFile(path, request.bytes);
    } else {
      await writeFile(path, request.bytes);
    }
    return { path, folder: segments.length ? folder : null };
  }

  async identifyFiles(request: ApiParsedRequest<'identifyFiles'>): Promise<ApiResponse<'identifyFiles'>> {
    return identifyFiles(request.paths);
  }

  async listRejects(request: ApiParsedRequest<'listRejects'>): Promise<ApiResponse<'listRejects'>> {
    return listRejects(this.db, request);
  }

  async getJob(request: ApiParsedRequest<'getJob'>): Promise<ApiResponse<'getJob'>> {
    return this.jobs.status(request.jobId);
  }

  async cancelJob(request: ApiParsedRequest<'cancelJob'>): Promise<ApiResponse<'cancelJob'>> {
    return { cancelled: this.jobs.cancel(request.jobId) };
  }

  async listJobs(): Promise<ApiResponse<'listJobs'>> {
    return this.jobs.running();
  }

  /** For the CLI and tests: run an import to the end. */
  async importAndWait(paths: string[]) {
    const { jobId } = await this.startImport({ paths });
    return this.jobs.wait(jobId);
  }

  async runChart(request: ApiParsedRequest<'runChart'>): Promise<ApiResponse<'runChart'>> {
    const query = CHART_QUERIES.get(request.chart);
    if (!query) throw new WorkbenchError({ code: 'not_found', message: `There is no chart called "${request.chart}".` });
    const params = resolveChartParams(query, request.params);
    const started = performance.now();
    const { cited: built, result, provenance, ruleVersions } = await runChartQuery(this.db, query, request.filters, params, (error) => {
      throw sqlError(error);
    });
    return {
      arrow: result.bytes,
      meta: {
        sql: built.sql,
        params: Object.values(built.params).map(toMetaParam),
        rowCount: result.rowCount,
        ...provenance,
        ruleVersions,
        elapsedMs: performance.now() - started,
        truncated: false,
      },
    };
  }

  async runSql(request: ApiParsedRequest<'runSql'>): Promise<ApiResponse<'runSql'>> {
    const limit = request.limit ?? DEFAULT_SQL_LIMIT;
    const connection = await this.db.connect();
    if (request.queryId) this.runningQueries.set(request.queryId, connection);
    const started = performance.now();
    try {
      const prepared = await prepareReadOnlyQuery(connection, request.sql, limit);
      // The query asks for one row past the limit, so a cut result is known without a second run.
      const arrow = await this.db.arrow(prepared.sql, undefined, connection, { maxRows: limit }).catch((error: unknown) => {
        throw sqlError(error, prepared.wrapped ? 1 : 0);
      });
      const provenance = await provenanceFor(this.db, []);
      return {
        arrow: arrow.bytes,
        meta: {
          sql: request.sql,
          params: [],
          rowCount: arrow.rowCount,
          ...provenance,
          ruleVersions: [],
          elapsedMs: performance.now() - started,
          truncated: arrow.truncated,
        },
      };
    } finally {
      if (request.queryId) this.runningQueries.delete(request.queryId);
      connection.closeSync();
    }
  }

  async cancelQuery(request: ApiParsedRequest<'cancelQuery'>): Promise<ApiResponse<'cancelQuery'>> {
    const connection = this.runningQueries.get(request.queryId);
    if (!connection) return { cancelled: false };
    connection.interrupt();
    return { cancelled: true };
  }

  async fetchRows(request: ApiParsedRequest<'fetchRows'>): Promise<ApiResponse<'fetchRows'>> {
    return fetchRows(this.db, request);
  }

  async caseHistory(request: ApiParsedRequest<'caseHistory'>): Promise<ApiResponse<'caseHistory'>> {
    return caseHistory(this.db, request.source, request.caseId);
  }

  async filterOptions(): Promise<ApiResponse<'filterOptions'>> {
    return filterOptions(this.db);
  }

  async getViewState(): Promise<ApiResponse<'getViewState'>> {
    return loadViewState(this.db);
  }

  async saveViewState(request: ApiParsedRequest<'saveViewState'>): Promise<ApiResponse<'saveViewState'>> {
    return { savedAt: await saveViewState(this.db, request.state) };
  }

  async listReports(): Promise<ApiResponse<'listReports'>> {
    return this.reports.list();
  }

  async listReportCharts(): Promise<ApiResponse<'listReportCharts'>> {
    return reportCharts();
  }

  async getReport(request: ApiParsedRequest<'getReport'>): Promise<ApiResponse<'getReport'>> {
    return this.reports.get(request.name);
  }

  async saveReport(request: ApiParsedRequest<'saveReport'>): Promise<ApiResponse<'saveReport'>> {
    return this.reports.save(request.report);
  }

  async deleteReport(request: ApiParsedRequest<'deleteReport'>): Promise<ApiResponse<'deleteReport'>> {
    return { deleted: await this.reports.delete(request.name) };
  }

  async defaultReport(request: ApiParsedRequest<'defaultReport'>): Promise<ApiResponse<'defaultReport'>> {
    return defaultReportFor(this.db, { filters: request.filters, title: request.title });
  }

  async exportReport(request: ApiParsedRequest<'exportReport'>): Promise<ApiResponse<'exportReport'>> {
    const report = request.report ?? (request.name ? await this.reports.get(request.name) : await defaultReportFor(this.db));
    return this.exports.exportReport(report, request.format, request.pageSize);
  }

  async exportData(request: ApiParsedRequest<'exportData'>): Promise<ApiResponse<'exportData'>> {
    return this.exports.exportData(request.source, request.format);
  }

  async exportChart(request: ApiParsedRequest<'exportChart'>): Promise<ApiResponse<'exportChart'>> {
    return this.exports.exportChart(request.chart, request.filters, request.format, { width: request.width, height: request.height });
  }

  /** Reports and exports, made on first use (most sessions never export). */
  get reports(): ReportStore {
    this.reportStore ??= new ReportStore(this.db);
    return this.reportStore;
  }

  get exports(): ExportService {
    this.exportService ??= new ExportService({
      db: this.db,
      catalog: SourceCatalog.load(this.options.manifestPath),
      appVersion: this.options.appVersion,
      duckdbVersion: this.duckdbVersion,
      workspaceDir: this.workspace.dir,
      browser: this.options.reportBrowser ?? (() => chromiumReportBrowser()),
      runChart: (request) => this.runChart(request),
    });
    return this.exportService;
  }
}

function toMetaParam(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}

function sourceKind(kind: string): SourceSummary['kind'] {
  if (kind.startsWith('local')) return 'local';
  if (kind === 'ocr' || kind === 'oaic' || kind === 'veris' || kind === 'stix') return kind;
  return 'local';
}

function sourceTitle(id: string): string {
  if (id === 'ocr') return 'HHS OCR breach portal';
  if (id === 'oaic') return 'OAIC Notifiable Data Breaches statistics';
  return id;
}

/** "log.csv", or "log.csv and 2 more": how a job is named in the window. */
function filesLabel(paths: readonly string[]): string {
  const first = basename(paths[0] ?? '');
  return paths.length > 1 ? `${first} and ${paths.length - 1} more` : first;
}
