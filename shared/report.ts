import { z } from 'zod';
import { EMPTY_FILTERS, filtersSchema, type Filters } from './filters';
import { HICP_THREAT_LABELS, TLP_LABELS, type TlpLabel } from './schema';

/**
 * A saved report: which charts, with which filters, in which order, under which title, author and
 * TLP label. Versioned from the first day: `migrateReport` brings any older saved body forward, so a
 * report saved by an older app still opens (the Perspective habit: migrate, never re-create).
 */
export const REPORT_VERSION = 1;

/** Same rule as `chartIdSchema` in api.ts (which imports this file, so it cannot be imported back). */
const chartIdSchema = z.string().regex(/^[a-z][a-z0-9_]*$/);

export const PAGE_SIZES = ['A4', 'Letter'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export const REPORT_FORMATS = ['html', 'pdf', 'pptx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const DATA_FORMATS = ['csv', 'xlsx', 'parquet', 'arrow'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

export const CHART_IMAGE_FORMATS = ['svg', 'png'] as const;
export type ChartImageFormat = (typeof CHART_IMAGE_FORMATS)[number];

/** A saved report's name: what the CLI's `--name` and the report list use. */
export const reportNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine(isUsableReportName, 'a report name may not hold control characters or slashes');

/** No slashes (names may become file names) and no control characters. */
export function isUsableReportName(name: string): boolean {
  return ![...name].some((c) => c === '/' || c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
}

export const reportItemSchema = z.object({
  /** Stable within the report, so the builder can reorder and edit items by id. */
  id: z.string().min(1).max(64),
  /** Only charts for now; other kinds (a table, a text section) can be added without a migration. */
  kind: z.literal('chart').default('chart'),
  chart: chartIdSchema,
  /** Empty means the chart's own title. */
  title: z.string().max(200).default(''),
  /** A short text shown under the chart (and in the slide's speaker notes). */
  text: z.string().max(4000).default(''),
  filters: filtersSchema.default(EMPTY_FILTERS),
});

export const reportSchema = z.object({
  version: z.literal(REPORT_VERSION),
  name: reportNameSchema,
  title: z.string().trim().min(1).max(200),
  author: z.string().max(200).default(''),
  /** FIRST TLP 2.0 label, or null for no label. */
  tlp: z.enum(TLP_LABELS).nullable().default(null),
  items: z.array(reportItemSchema).max(100),
});

export type ReportItem = z.output<typeof reportItemSchema>;
export type ReportItemInput = z.input<typeof reportItemSchema>;
export type Report = z.output<typeof reportSchema>;
export type ReportInput = z.input<typeof reportSchema>;

export const reportSummarySchema = z.object({
  name: z.string(),
  title: z.string(),
  author: z.string(),
  tlp: z.enum(TLP_LABELS).nullable(),
  items: z.number().int(),
  updatedAt: z.string(),
});
export type ReportSummary = z.output<typeof reportSummarySchema>;

/** A file made by an export, carried back to the window (which saves it) or written by the CLI. */
export const exportFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes (Uint8Array)'),
});
export type ExportFile = z.output<typeof exportFileSchema>;

export const MIME_TYPES: Record<ReportFormat | DataFormat | ChartImageFormat, string> = {
  html: 'text/html;charset=utf-8',
  pdf: 'application/pdf',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  parquet: 'application/vnd.apache.parquet',
  arrow: 'application/vnd.apache.arrow.file',
  svg: 'image/svg+xml',
  png: 'image/png',
};

/**
 * Reads a saved report body of any version and returns it in the current shape. Version 0 is the
 * shape before versioning was written down (TLP as a bare colour, `sections` for items, a `chartId`
 * key); there are no such files in the wild, but the switch is here so the next change has a place.
 */
export function migrateReport(raw: unknown): Report {
  if (!raw || typeof raw !== 'object') throw new Error('A saved report must be an object.');
  let body = { ...(raw as Record<string, unknown>) };
  const version = typeof body.version === 'number' ? body.version : 0;
  if (version > REPORT_VERSION) {
    throw new Error(`This report was saved by a newer Breach Workbench (report version ${version}; this app reads up to ${REPORT_VERSION}).`);
  }
  if (version < 1) body = migrateV0toV1(body);
  return reportSchema.parse(body);
}

function migrateV0toV1(body: Record<string, unknown>): Record<string, unknown> {
  const items = Array.isArray(body.items) ? body.items : Array.isArray(body.sections) ? body.sections : [];
  const { sections: _sections, ...rest } = body;
  return {
    ...rest,
    version: 1,
    name: rest.name ?? rest.title ?? 'Report',
    tlp: normaliseTlp(rest.tlp),
    items: items.map((item: unknown, index: number) => {
      const i = { ...(item as Record<string, unknown>) };
      const { chartId, ...other } = i;
      return { id: String(other.id ?? `item-${index + 1}`), ...other, chart: other.chart ?? chartId };
    }),
  };
}

/** "amber", "TLP:AMBER", "tlp: amber+strict", "WHITE" (TLP 1.0's name for CLEAR) -> the 2.0 label. */
export function normaliseTlp(value: unknown): TlpLabel | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  let label = value.trim().toUpperCase().replace(/\s+/g, '');
  if (!label.startsWith('TLP:')) label = `TLP:${label.replace(/^TLP/, '')}`;
  if (label === 'TLP:WHITE') label = 'TLP:CLEAR';
  return (TLP_LABELS as readonly string[]).includes(label) ? (label as TlpLabel) : null;
}

/** The filter state in words, for the report's item captions and provenance. */
export function describeFilters(filters: Filters): string {
  const parts: string[] = [];
  if (filters.dateFrom || filters.dateTo) parts.push(`reported ${filters.dateFrom ?? 'from the start'} to ${filters.dateTo ?? 'the latest'}`);
  const list = (label: string, values: readonly string[]) => {
    if (values.length) parts.push(`${label}: ${values.join(', ')}`);
  };
  list('sources', filters.sources);
  list('states', filters.states);
  list('entity types', filters.entityTypes);
  list('breach types', filters.breachTypes);
  list('locations', filters.locations);
  list('actors', filters.actors);
  list('threats', filters.threats.map((t) => HICP_THREAT_LABELS[t]));
  if (filters.businessAssociate !== undefined) parts.push(filters.businessAssociate ? 'business associate involved' : 'no business associate');
  if (filters.minRecords !== undefined) parts.push(`at least ${filters.minRecords.toLocaleString('en-US')} people affected`);
  if (filters.text?.trim()) parts.push(`text contains "${filters.text.trim()}"`);
  return parts.length ? parts.join('; ') : 'no filters (every record)';
}

/** A file name from a report title: letters, digits, dashes; never empty. */
export function fileSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'report';
}
