import { binBoundsSql, sectorGroupSql, type OaicTableName } from './oaic-tables';

/**
 * The compiled OAIC tables committed under `datasets/oaic/` (see its PROVENANCE.md): for each file,
 * its exact header and column types (read with DuckDB `read_csv`, no type guessing), the table it
 * loads into, and how each target column is computed from the stage `s` and the period map `p`.
 *
 * The files keep counts and percentages of long tables in one `value` column with a `unit`; here
 * they are split into `value_count` and `value_pct`, so no column ever mixes the two.
 */
export interface CommittedCheck {
  /** True for a row that is wrong; the load stops naming the file and line. */
  failsWhen: string;
  column: string;
  reason: string;
}

export interface CommittedFile {
  file: string;
  table: OaicTableName;
  /** Header names and DuckDB types, in file order. */
  columns: ReadonlyArray<readonly [string, string]>;
  /** Stage columns holding the period label / first day / last day. */
  period: { period: string | null; start: string | null; end: string | null };
  /** Extra stage columns computed before the period is read (e.g. a period from a URL). */
  derived?: string;
  checks: CommittedCheck[];
  /** Target column -> SQL over `s` (stage) and `p` (period map); the provenance columns are added by the loader. */
  select: Record<string, string>;
}

const UNIT_PCT = `s.unit LIKE 'pct%'`;

const splitByUnit = (unit: string): Record<string, string> => ({
  value_count: `CASE WHEN ${unit} = 'count' THEN CAST(s.value AS INTEGER) END`,
  value_pct: `CASE WHEN ${unit} LIKE 'pct%' THEN s.value END`,
});

const unitChecks = (unit: string, column: string): CommittedCheck[] => [
  { failsWhen: `${unit} IS NULL OR NOT (${unit} = 'count' OR ${unit} LIKE 'pct%')`, column, reason: `the unit is neither 'count' nor 'pct...'` },
  { failsWhen: `${unit} = 'count' AND s.value <> round(s.value)`, column: 'value', reason: 'a count is not a whole number' },
];

const periodDates = { period: 'p.period', period_start: 'p.period_start', period_end: 'p.period_end' };

// The URLs name the half they report on ("january-to-june-2024", "julydecember-2019").
const PERIOD_FROM_REPORT_URL = `CASE
    WHEN regexp_matches(report_url, '(january|july)(-to-|-)?(june|december)-(\\d{4})')
    THEN regexp_extract(report_url, '(january|july)(-to-|-)?(june|december)-(\\d{4})', 4)
         || CASE WHEN regexp_extract(report_url, '(january|july)(-to-|-)?(june|december)-(\\d{4})', 1) = 'january' THEN '-H1' ELSE '-H2' END
  END AS url_period`;

export const COMMITTED_FILES: CommittedFile[] = [
  {
    file: 'oaic_ndb_totals.csv',
    table: 'oaic_totals',
    columns: [
      ['period', 'VARCHAR'], ['period_start', 'DATE'], ['period_end', 'DATE'], ['report_type', 'VARCHAR'],
      ['notifications', 'INTEGER'], ['notifications_revised_later', 'INTEGER'], ['revised_per', 'VARCHAR'],
      ['malicious_count', 'INTEGER'], ['malicious_pct', 'DOUBLE'], ['human_error_count', 'INTEGER'], ['human_error_pct', 'DOUBLE'],
      ['system_fault_count', 'INTEGER'], ['system_fault_pct', 'DOUBLE'], ['cyber_incident_count', 'INTEGER'],
      ['source_url', 'VARCHAR'], ['extra_source_urls', 'VARCHAR'], ['notes', 'VARCHAR'],
    ],
    period: { period: 'period', start: 'period_start', end: 'period_end' },
    checks: [
      { failsWhen: `s.notifications_revised_later IS NOT NULL AND s.revised_per IS NULL`, column: 'revised_per', reason: 'a revised total does not say which report revised it' },
    ],
    select: {
      ...periodDates,
      report_type: 's.report_type',
      notifications_first_published: 's.notifications',
      notifications_revised: 's.notifications_revised_later',
      revised_in: 's.revised_per',
      malicious_count: 's.malicious_count',
      malicious_pct: 's.malicious_pct',
      human_error_count: 's.human_error_count',
      human_error_pct: 's.human_error_pct',
      system_fault_count: 's.system_fault_count',
      system_fault_pct: 's.system_fault_pct',
      cyber_incident_count: 's.cyber_incident_count',
      // The compiler marks figures no OAIC or news page confirmed (2025-H2) with "NOT VERIFIED".
      verified: `NOT coalesce(starts_with(upper(s.notes), 'NOT VERIFIED'), false)`,
      extra_source_urls: `CASE WHEN s.extra_source_urls IS NOT NULL THEN list_transform(string_split(s.extra_source_urls, '|'), u -> trim(u)) END`,
      notes: 's.notes',
      source_url: 's.source_url',
    },
  },
  {
    file: 'oaic_ndb_by_sector.csv',
    table: 'oaic_by_sector',
    columns: [
      ['period', 'VARCHAR'], ['sector', 'VARCHAR'], ['rank', 'INTEGER'], ['notifications', 'INTEGER'],
      ['pct_of_period_total', 'DOUBLE'], ['source_url', 'VARCHAR'], ['note', 'VARCHAR'],
    ],
    period: { period: 'period', start: null, end: null },
    checks: [{ failsWhen: 's.sector IS NULL', column: 'sector', reason: 'no sector' }],
    select: {
      ...periodDates,
      sector: 's.sector',
      sector_group: sectorGroupSql('s.sector'),
      rank: 's.rank',
      notifications: 's.notifications',
      pct_of_period_total: 's.pct_of_period_total',
      note: 's.note',
      source_url: 's.source_url',
    },
  },
  {
    file: 'oaic_ndb_source_breakdown.csv',
    table: 'oaic_source_breakdown',
    columns: [
      ['period', 'VARCHAR'], ['category', 'VARCHAR'], ['subcategory', 'VARCHAR'], ['value', 'DOUBLE'],
      ['unit', 'VARCHAR'], ['source_url', 'VARCHAR'], ['note', 'VARCHAR'],
    ],
    period: { period: 'period', start: null, end: null },
    checks: [...unitChecks('s.unit', 'unit'), { failsWhen: 's.category IS NULL', column: 'category', reason: 'no category' }],
    select: {
      ...periodDates,
      category: 's.category',
      subcategory: 's.subcategory',
      ...splitByUnit('s.unit'),
      // "pct_of_malicious" -> share of malicious attacks; plain "pct" or "pct_of_all" -> of all notifications.
      pct_of: `CASE WHEN ${UNIT_PCT} THEN coalesce(nullif(regexp_extract(s.unit, '^pct_of_(.+)$', 1), ''), 'all') END`,
      note: 's.note',
      source_url: 's.source_url',
    },
  },
  {
    file: 'oaic_ndb_health_sector.csv',
    table: 'oaic_health_sector',
    columns: [
      ['period', 'VARCHAR'], ['measure', 'VARCHAR'], ['value', 'DOUBLE'], ['unit', 'VARCHAR'], ['source_url', 'VARCHAR'], ['note', 'VARCHAR'],
    ],
    period: { period: 'period', start: null, end: null },
    checks: [...unitChecks('s.unit', 'unit'), { failsWhen: 's.measure IS NULL', column: 'measure', reason: 'no measure' }],
    select: { ...periodDates, measure: 's.measure', ...splitByUnit('s.unit'), note: 's.note', source_url: 's.source_url' },
  },
  {
    file: 'oaic_ndb_individuals_affected.csv',
    table: 'oaic_individuals_affected',
    // Here `measure` is the unit of `value` (count or pct).
    columns: [
      ['period', 'VARCHAR'], ['population', 'VARCHAR'], ['bin', 'VARCHAR'], ['measure', 'VARCHAR'], ['value', 'DOUBLE'],
      ['source_url', 'VARCHAR'], ['note', 'VARCHAR'],
    ],
    period: { period: 'period', start: null, end: null },
    checks: [...unitChecks('s.measure', 'measure'), { failsWhen: 's.bin IS NULL', column: 'bin', reason: 'no bin' }],
    select: {
      ...periodDates,
      population: 's.population',
      bin: 's.bin',
      bin_min: binBoundsSql('s.bin').min,
      bin_max: binBoundsSql('s.bin').max,
      ...splitByUnit('s.measure'),
      note: 's.note',
      source_url: 's.source_url',
    },
  },
  {
    file: 'oaic_ndb_kinds_of_pi.csv',
    table: 'oaic_kinds_of_pi',
    columns: [['period', 'VARCHAR'], ['kind', 'VARCHAR'], ['value', 'DOUBLE'], ['unit', 'VARCHAR'], ['source_url', 'VARCHAR']],
    period: { period: 'period', start: null, end: null },
    checks: [...unitChecks('s.unit', 'unit'), { failsWhen: 's.kind IS NULL', column: 'kind', reason: 'no kind of information' }],
    select: { ...periodDates, kind: 's.kind', ...splitByUnit('s.unit'), note: 'CAST(NULL AS VARCHAR)', source_url: 's.source_url' },
  },
  {
    file: 'oaic_ndb_timeliness.csv',
    table: 'oaic_timeliness',
    columns: [['period', 'VARCHAR'], ['measure', 'VARCHAR'], ['value_pct', 'DOUBLE'], ['source_url', 'VARCHAR'], ['note', 'VARCHAR']],
    period: { period: 'period', start: null, end: null },
    checks: [{ failsWhen: 's.measure IS NULL', column: 'measure', reason: 'no measure' }],
    select: { ...periodDates, measure: 's.measure', value_pct: 's.value_pct', note: 's.note', source_url: 's.source_url' },
  },
  {
    file: 'claudinec_summary_1df0b77.csv',
    table: 'oaic_claudinec_summary',
    columns: [
      ['report_begin', 'DATE'], ['report_end', 'DATE'], ['notifications', 'INTEGER'], ['stats_date', 'DATE'],
      ['publish_date', 'DATE'], ['report_url', 'VARCHAR'],
    ],
    derived: PERIOD_FROM_REPORT_URL,
    period: { period: 'url_period', start: null, end: null },
    checks: [{ failsWhen: 's.url_period IS NULL', column: 'report_url', reason: 'the report URL does not name a half-year' }],
    select: {
      ...periodDates,
      report_begin: 's.report_begin',
      report_end: 's.report_end',
      dates_match_url: `(s.report_begin = p.period_start AND s.report_end = p.period_end)`,
      notifications: 's.notifications',
      stats_date: 's.stats_date',
      publish_date: 's.publish_date',
      source_url: 's.report_url',
    },
  },
];
