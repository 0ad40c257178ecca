import { z } from 'zod';
import { filtersSchema } from './filters';
import type { WorkbenchErrorInfo } from './errors';
import { CHART_IMAGE_FORMATS, DATA_FORMATS, exportFileSchema, PAGE_SIZES, REPORT_FORMATS, reportNameSchema, reportSchema, reportSummarySchema } from './report';
import { CANONICAL_COLUMNS, type CanonicalColumnName } from './schema';

/**
 * The contract between the window and the engine. `apiSpec` is the single source of truth: the
 * `WorkbenchApi` type, the request validation in the engine and the response validation in the
 * client all derive from it, so the Electron IPC and HTTP transports cannot drift apart.
 */

const arrowBytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes (Uint8Array)');
const isoDate = z.iso.date();

export const sourceFileSchema = z.object({
  file: z.string(),
  kind: z.string(),
  snapshotDate: isoDate.nullable(),
  rowsRead: z.number().int(),
  rowsLoaded: z.number().int(),
  rowsRejected: z.number().int(),
  importedAt: z.string(),
});

export const sourceSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(['ocr', 'oaic', 'local', 'veris', 'stix']),
  rows: z.number().int(),
  snapshotDates: z.array(isoDate),
  files: z.array(sourceFileSchema),
});

/**
 * What the sources cannot show, for a reader about to quote a number: `summary` is one sentence for
 * a chart's footnote, `detail` the reason, for the provenance section and speaker notes. `after`:
 * the counts of records reported after this date are lower bounds (charts over time shade them).
 */
export const caveatSchema = z.object({ summary: z.string(), detail: z.string(), after: isoDate.nullable().default(null) });

/** Provenance travels with every query result: a journalist cites the files and dates behind a number. */
export const resultMetaSchema = z.object({
  sql: z.string(),
  params: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])),
  rowCount: z.number().int(),
  sources: z.array(z.string()),
  files: z.array(z.string()),
  snapshotDates: z.array(isoDate),
  /** What the sources cannot show, to be printed beside the number (OCR counts after its last archive are lower bounds). */
  caveats: z.array(caveatSchema).default([]),
  ruleVersions: z.array(z.string()),
  elapsedMs: z.number(),
  /** The result was cut at the requested row limit. */
  truncated: z.boolean().default(false),
});

export const arrowResultSchema = z.object({ arrow: arrowBytes, meta: resultMetaSchema });

export const importReportSchema = z.object({
  file: z.string(),
  kind: z.string(),
  table: z.string().nullable(),
  snapshotDate: isoDate.nullable(),
  rowsRead: z.number().int(),
  rowsLoaded: z.number().int(),
  rowsRepaired: z.number().int(),
  rowsRejected: z.number().int(),
  notes: z.array(z.string()),
});

export const jobStatusSchema = z.object({
  jobId: z.string(),
  kind: z.string(),
  /** What the job works on, in words ("log.csv", "3 files"): a window that reloads shows it again. */
  label: z.string().default(''),
  startedAt: z.string().default(''),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  percent: z.number().min(0).max(100).nullable(),
  rows: z.number().int().nullable(),
  message: z.string(),
  reports: z.array(importReportSchema),
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      file: z.string().optional(),
      line: z.number().optional(),
      column: z.number().optional(),
    })
    .nullable(),
});

export const dataCandidateSchema = z.object({
  origin: z.enum(['BREACH_DATA_DIR', 'shared-datasets']),
  folder: z.string(),
  files: z.array(z.object({ path: z.string(), name: z.string(), kind: z.string(), bytes: z.number() })),
});

export const tableInfoSchema = z.object({
  name: z.string(),
  kind: z.enum(['table', 'view']),
  rows: z.number().int().nullable(),
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
});

export const appInfoSchema = z.object({
  appVersion: z.string(),
  duckdbVersion: z.string(),
  workspacePath: z.string(),
  workspaceSchemaVersion: z.number().int(),
  transport: z.string(),
});

export const chartIdSchema = z.string().regex(/^[a-z][a-z0-9_]*$/);

/** Canonical columns a local incident log's columns can be mapped to (the rest are derived). */
export const MAPPABLE_FIELDS = [
  'case_id',
  'entity',
  'entity_type',
  'country',
  'state',
  'reported_date',
  'incident_date',
  'records_affected',
  'breach_types',
  'locations',
  'business_associate',
  'actor',
  'description',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** How the file is read; anything left out is sniffed by DuckDB. TSV is `csv` with delimiter "\t". */
export const readerOptionsSchema = z.object({
  format: z.enum(['csv', 'json', 'jsonl', 'parquet', 'xlsx']),
  delimiter: z.string().min(1).max(4).optional(),
  quote: z.string().max(1).optional(),
  escape: z.string().max(1).optional(),
  header: z.boolean().optional(),
  /** windows-1252 (what Excel on Windows writes) is converted to UTF-8 before DuckDB reads it. */
  encoding: z.enum(['utf-8', 'utf-16', 'latin-1', 'windows-1252']).optional(),
  skipRows: z.number().int().min(0).max(1_000_000).optional(),
  sheet: z.string().max(255).optional(),
  /** Rows DuckDB cannot parse (ragged, bad quoting, bad encoding): fail the import, or list them in rejects and load the rest. */
  badRows: z.enum(['fail', 'reject']).default('fail'),
});

/** `format` is for dates: 'iso', 'excel_serial' or a strptime pattern such as '%d/%m/%Y'. */
export const fieldMappingSchema = z.object({ column: z.string().min(1).max(255), format: z.string().min(1).max(64).optional() });

/** A file's columns mapped to the canonical record; versioned so saved presets can be migrated forward. */
export const mappingSchema = z.object({
  version: z.literal(1),
  /** The `<name>` of source `local:<name>` and view `local_<name>`; defaults to the file name. */
  sourceName: z.string().regex(/^[a-z][a-z0-9_]{0,47}$/).optional(),
  reader: readerOptionsSchema,
  fields: z.partialRecord(z.enum(MAPPABLE_FIELDS), fieldMappingSchema),
  /** Extra words for actor kinds, beside the built-in ones (insider, hacker, vendor, ...). */
  actorWords: z.partialRecord(z.enum(['internal', 'external', 'partner', 'unknown']), z.array(z.string().min(1).max(60)).max(500)).default({}),
  /** A value that does not fit: reject the whole row (default), or load the row with that value empty. */
  invalidValues: z.enum(['reject_row', 'load_null']).default('reject_row'),
});

export const rejectSchema = z.object({ line: z.number().int().nullable(), column: z.string().nullable(), value: z.string().nullable(), reason: z.string() });

const previewValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

export const mappingPreviewSchema = z.object({
  file: z.string(),
  reader: readerOptionsSchema,
  columns: z.array(z.object({ name: z.string(), type: z.string(), samples: z.array(z.string()) })),
  headerSignature: z.string(),
  /** The saved preset applied because the file has its shape, if any. */
  preset: z.object({ name: z.string(), revision: z.number().int() }).nullable(),
  mapping: mappingSchema,
  /** Why a field was mapped the way it was, and what to check (e.g. an ambiguous day/month order). */
  notes: z.array(z.string()),
  /** The first rows, mapped to the canonical columns (line is the file line or record number). */
  rows: z.array(z.record(z.string(), previewValue)),
  rejects: z.array(rejectSchema),
  rowsSampled: z.number().int(),
});

export const mappingPresetSchema = z.object({
  name: z.string(),
  version: z.number().int(),
  revision: z.number().int(),
  headerSignature: z.string(),
  columns: z.array(z.string()),
  mapping: mappingSchema,
  updatedAt: z.string(),
});

/** Columns of `breaches` the drill-down grid may sort by (the canonical columns, checked by name). */
export const rowColumnSchema = z.enum(CANONICAL_COLUMNS.map((c) => c.name) as [CanonicalColumnName, ...CanonicalColumnName[]]);
/** Columns a drill-down may ask to be empty: the "unknown" bar of a chart. */
export const MISSING_VALUE_COLUMNS = ['state', 'entity_type', 'reported_date', 'records_affected', 'breach_types', 'locations', 'business_associate', 'actor', 'threat'] as const;

/**
 * The rows behind one number on screen: the app's filters AND `also` (the bar, slice or state that
 * was clicked) AND, when given, the listed cases and the columns that must be empty.
 */
export const drillSchema = z.object({
  also: filtersSchema.default(filtersSchema.parse({})),
  cases: z.array(z.object({ source: z.string(), caseId: z.string() })).max(5_000).default([]),
  missing: z.array(z.enum(MISSING_VALUE_COLUMNS)).default([]),
  /** What the number was, in words ("Hacking/IT Incident, 2023"), for the grid's title. */
  label: z.string().max(300).optional(),
});

export const fetchRowsResultSchema = z.object({
  arrow: arrowBytes,
  meta: resultMetaSchema,
  offset: z.number().int(),
  /** Every row matching filters and drill, not just this page; null when `totals` was false. */
  totalRows: z.number().int().nullable(),
  totalPeople: z.number().nullable(),
});

export const caseHistorySchema = z.object({
  source: z.string(),
  caseId: z.string(),
  entity: z.string().nullable(),
  firstSeen: isoDate.nullable(),
  lastSeen: isoDate.nullable(),
  /** Each snapshot the case appears in, with the file and line that stand for it there. */
  snapshots: z.array(
    z.object({
      snapshotDate: isoDate,
      list: z.string().nullable(),
      file: z.string().nullable(),
      line: z.number().int().nullable(),
      entity: z.string().nullable(),
      recordsAffected: z.number().nullable(),
    }),
  ),
  /** Every value OCR changed between two snapshots. */
  revisions: z.array(
    z.object({
      field: z.string(),
      oldValue: z.string().nullable(),
      newValue: z.string().nullable(),
      fromSnapshot: isoDate,
      toSnapshot: isoDate,
      fromFile: z.string().nullable(),
      toFile: z.string().nullable(),
    }),
  ),
  /** Why there is no history (a source without snapshots), when there is none. */
  note: z.string().nullable(),
});

/** Filter fields whose values the filter bar offers, with how many records carry each value. */
export const FILTER_OPTION_FIELDS = ['sources', 'states', 'entityTypes', 'breachTypes', 'locations', 'actors', 'threats'] as const;
export const filterOptionsSchema = z.array(
  z.object({ field: z.enum(FILTER_OPTION_FIELDS), values: z.array(z.object({ value: z.string(), count: z.number().int() })) }),
);

/** A dropped or picked file (or folder) and the importer that would take it, before anything is imported. */
export const identifiedFileSchema = z.object({
  path: z.string(),
  name: z.string(),
  isDirectory: z.boolean(),
  bytes: z.number(),
  /** Kind of the importer that claims it ('ocr-portal', 'veris', 'stix', 'local', ...); null when none does. */
  importer: z.string().nullable(),
  /** A local incident log: the window shows the mapping step before importing it. */
  needsMapping: z.boolean(),
  /** Why it cannot be imported, in words; null when it can. */
  problem: z.string().nullable(),
});

/** The rejects of the latest import of one file: what did not fit, where and why. */
export const rejectsPageSchema = z.object({
  file: z.string(),
  /** Reject rows (one per value that did not fit, or per unreadable line). */
  total: z.number().int(),
  reasons: z.array(z.object({ reason: z.string(), column: z.string().nullable(), count: z.number().int() })),
  rows: z.array(rejectSchema),
  offset: z.number().int(),
});

/**
 * What the window restores on reopen: the view, the filters, chart toggles and the theme. Versioned
 * from the first day; the engine migrates an older saved state forward when it reads it.
 */
export const VIEW_STATE_VERSION = 1;
export const viewStateSchema = z.object({
  version: z.literal(VIEW_STATE_VERSION),
  view: z.string().max(40).default('overview'),
  filters: filtersSchema.default(filtersSchema.parse({})),
  charts: z
    .object({ perYearLogScale: z.boolean().default(false), actorShares: z.boolean().default(false) })
    .default({ perYearLogScale: false, actorShares: false }),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  sql: z.string().max(100_000).optional(),
  /** Files opened in this workspace, newest first (the import view's "Recent files"). */
  recentFiles: z
    .array(z.object({ path: z.string().max(4096), name: z.string().max(255), importer: z.string().max(40).nullable(), openedAt: z.string().max(40) }))
    .max(20)
    .optional(),
});

const empty = z.object({}).strict();

/** The size of one part of a browser-mode upload (see `uploadFile.append`). */
export const UPLOAD_PART_BYTES = 32 * 1024 * 1024;

export const apiSpec = {
  info: { request: empty, response: appInfoSchema },
  listSources: { request: empty, response: z.array(sourceSummarySchema) },
  listTables: { request: empty, response: z.array(tableInfoSchema) },
  discoverData: { request: empty, response: z.array(dataCandidateSchema) },
  startImport: {
    request: z.object({ paths: z.array(z.string().min(1)).min(1) }).strict(),
    response: z.object({ jobId: z.string() }),
  },
  /** Browser mode has no file paths: a dropped file's bytes are kept in the workspace, then imported. */
  uploadFile: {
    request: z
      .object({
        name: z.string().min(1).max(255),
        bytes: arrowBytes,
        /** A dropped folder's file: its folder inside the uploads folder ("drop-1/healthcare/2019"), so the folder imports whole. */
        folder: z.string().min(1).max(1_000).optional(),
        /**
         * Adds `bytes` to the end of the file a previous call with the same name and folder began: big
         * files go in parts (UPLOAD_PART_BYTES), so neither the window nor the host holds one whole.
         */
        append: z.boolean().default(false),
      })
      .strict(),
    /** `folder`: where that folder landed (absolute), when one was given. */
    response: z.object({ path: z.string(), folder: z.string().nullable().default(null) }),
  },
  /** Which importer would take each path; a folder no importer claims is looked into (its files, one level). */
  identifyFiles: {
    request: z.object({ paths: z.array(z.string().min(1)).min(1).max(1_000) }).strict(),
    response: z.array(identifiedFileSchema),
  },
  /** The rejects table of the latest import of a file (by its name), grouped by reason and paged. */
  listRejects: {
    request: z
      .object({ file: z.string().min(1).max(255), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1_000).default(200) })
      .strict(),
    response: rejectsPageSchema,
  },
  getJob: { request: z.object({ jobId: z.string() }).strict(), response: jobStatusSchema },
  cancelJob: { request: z.object({ jobId: z.string() }).strict(), response: z.object({ cancelled: z.boolean() }) },
  /** The jobs still running, oldest first: a window that was reloaded (or a second window) picks them up again. */
  listJobs: { request: empty, response: z.array(jobStatusSchema) },
  runChart: {
    request: z
      .object({
        chart: chartIdSchema,
        filters: filtersSchema.default(filtersSchema.parse({})),
        /** Chart-specific parameters, e.g. the case_id of a revision history; checked by the chart. */
        params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      })
      .strict(),
    response: arrowResultSchema,
  },
  runSql: {
    request: z
      .object({ sql: z.string().min(1).max(100_000), queryId: z.string().optional(), limit: z.number().int().positive().max(1_000_000).optional() })
      .strict(),
    response: arrowResultSchema,
  },
  cancelQuery: { request: z.object({ queryId: z.string() }).strict(), response: z.object({ cancelled: z.boolean() }) },
  /** Local incident logs: the first rows of a file mapped with the given (or detected, or preset) mapping. */
  previewMapping: {
    request: z.object({ path: z.string().min(1), mapping: mappingSchema.optional(), rows: z.number().int().positive().max(500).optional() }).strict(),
    response: mappingPreviewSchema,
  },
  listMappingPresets: { request: empty, response: z.array(mappingPresetSchema) },
  saveMappingPreset: {
    request: z.object({ name: z.string().min(1).max(100), mapping: mappingSchema, columns: z.array(z.string()).min(1) }).strict(),
    response: mappingPresetSchema,
  },
  deleteMappingPreset: { request: z.object({ name: z.string().min(1) }).strict(), response: z.object({ deleted: z.boolean() }) },
  /** Imports one local file with an explicit mapping (the wizard's "Import"); progress and cancel as for startImport. */
  startMappedImport: {
    request: z.object({ path: z.string().min(1), mapping: mappingSchema }).strict(),
    response: z.object({ jobId: z.string() }),
  },
  /** The drill-down grid: rows of `breaches` behind a number, filtered, sorted and paged, as Arrow. */
  fetchRows: {
    request: z
      .object({
        filters: filtersSchema.default(filtersSchema.parse({})),
        drill: drillSchema.default(drillSchema.parse({})),
        sort: z.array(z.object({ column: rowColumnSchema, desc: z.boolean() })).max(8).default([]),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(0).max(1_000_000).default(500),
        /** Count every matching row (and people) beside the page; later pages can skip it. */
        totals: z.boolean().default(true),
      })
      .strict(),
    response: fetchRowsResultSchema,
  },
  /** One case's snapshots and every value OCR revised, for the grid's "History" panel. */
  caseHistory: {
    request: z.object({ source: z.string().min(1), caseId: z.string().min(1) }).strict(),
    response: caseHistorySchema,
  },
  /** The values each categorical filter can take, with counts, over all loaded records. */
  filterOptions: { request: empty, response: filterOptionsSchema },
  /** The window's saved state (migrated to the current version), or null when none was saved. */
  getViewState: {
    request: empty,
    response: z.object({ state: viewStateSchema.nullable(), savedAt: z.string().nullable(), notes: z.array(z.string()) }),
  },
  saveViewState: { request: z.object({ state: viewStateSchema }).strict(), response: z.object({ savedAt: z.string() }) },
  /** Saved reports (shared/report.ts), kept in the workspace and migrated forward on read. */
  listReports: { request: empty, response: z.array(reportSummarySchema) },
  /** The charts a report may hold, with their titles, for the report builder. */
  listReportCharts: {
    request: empty,
    response: z.array(z.object({ id: z.string(), title: z.string(), units: z.string(), inDefaultReport: z.boolean() })),
  },
  getReport: { request: z.object({ name: reportNameSchema }).strict(), response: reportSchema },
  saveReport: { request: z.object({ report: reportSchema }).strict(), response: reportSchema },
  deleteReport: { request: z.object({ name: reportNameSchema }).strict(), response: z.object({ deleted: z.boolean() }) },
  /** Every dashboard chart over the whole workspace, or over the dashboard's filters: not saved until saveReport. */
  defaultReport: { request: z.object({ filters: filtersSchema.optional(), title: z.string().min(1).max(200).optional() }).strict(), response: reportSchema },
  /** A report as a file: the one given, else the saved one named, else the default report. */
  exportReport: {
    request: z
      .object({ report: reportSchema.optional(), name: reportNameSchema.optional(), format: z.enum(REPORT_FORMATS), pageSize: z.enum(PAGE_SIZES).default('A4') })
      .strict(),
    response: exportFileSchema,
  },
  /** Data of a console query, a chart (with filters) or a table/view; CSV and XLSX neutralise formula injection. */
  exportData: {
    request: z
      .object({
        source: z.union([
          z.object({ sql: z.string().min(1).max(100_000) }).strict(),
          z.object({ chart: chartIdSchema, filters: filtersSchema.default(filtersSchema.parse({})) }).strict(),
          z.object({ table: z.string().min(1).max(255) }).strict(),
        ]),
        format: z.enum(DATA_FORMATS),
      })
      .strict(),
    response: exportFileSchema.extend({ rowCount: z.number().int() }),
  },
  /** A chart alone as SVG (ECharts' server-side renderer) or PNG (that SVG drawn by Chromium at 2x). */
  exportChart: {
    request: z
      .object({
        chart: chartIdSchema,
        filters: filtersSchema.default(filtersSchema.parse({})),
        format: z.enum(CHART_IMAGE_FORMATS),
        width: z.number().int().min(320).max(4000).default(1200),
        height: z.number().int().min(200).max(3000).default(560),
      })
      .strict(),
    response: exportFileSchema,
  },
} as const;

export type ApiSpec = typeof apiSpec;
export type ApiMethod = keyof ApiSpec;
export type ApiRequest<M extends ApiMethod> = z.input<ApiSpec[M]['request']>;
export type ApiParsedRequest<M extends ApiMethod> = z.output<ApiSpec[M]['request']>;
export type ApiResponse<M extends ApiMethod> = z.output<ApiSpec[M]['response']>;

/** What the window may ask of the engine; every transport implements exactly this. */
export type WorkbenchApi = { [M in ApiMethod]: (request: ApiRequest<M>) => Promise<ApiResponse<M>> };
/** What the engine implements: requests arrive already validated, with defaults applied. */
export type WorkbenchEngineApi = { [M in ApiMethod]: (request: ApiParsedRequest<M>) => Promise<ApiResponse<M>> };

export const API_METHODS = Object.keys(apiSpec) as ApiMethod[];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiSpec, name);
}

/** Every transport carries this envelope, so failures arrive as values and never as thrown strings. */
export type ApiOutcome<T = unknown> = { ok: true; value: T } | { ok: false; error: WorkbenchErrorInfo };

export type SourceSummary = z.output<typeof sourceSummarySchema>;
export type ResultMeta = z.output<typeof resultMetaSchema>;
export type Caveat = z.output<typeof caveatSchema>;
export type ArrowResult = z.output<typeof arrowResultSchema>;
export type ImportReport = z.output<typeof importReportSchema>;
export type JobStatus = z.output<typeof jobStatusSchema>;
export type DataCandidate = z.output<typeof dataCandidateSchema>;
export type TableInfo = z.output<typeof tableInfoSchema>;
export type AppInfo = z.output<typeof appInfoSchema>;
export type ReaderOptions = z.output<typeof readerOptionsSchema>;
export type FieldMapping = z.output<typeof fieldMappingSchema>;
export type Mapping = z.output<typeof mappingSchema>;
export type MappingInput = z.input<typeof mappingSchema>;
export type RejectInfo = z.output<typeof rejectSchema>;
export type MappingPreview = z.output<typeof mappingPreviewSchema>;
export type MappingPreset = z.output<typeof mappingPresetSchema>;
export type IdentifiedFile = z.output<typeof identifiedFileSchema>;
export type RejectsPage = z.output<typeof rejectsPageSchema>;
export type Drill = z.output<typeof drillSchema>;
export type DrillInput = z.input<typeof drillSchema>;
export type FetchRowsResult = z.output<typeof fetchRowsResultSchema>;
export type CaseHistory = z.output<typeof caseHistorySchema>;
export type FilterOptions = z.output<typeof filterOptionsSchema>;
export type FilterOptionField = (typeof FILTER_OPTION_FIELDS)[number];
export type ViewState = z.output<typeof viewStateSchema>;
export type RowColumn = z.output<typeof rowColumnSchema>;
