/**
 * The `oaic_*` tables: OAIC Notifiable Data Breaches statistics are aggregates per reporting period,
 * not breach records, so they live beside `breaches` rather than in it.
 *
 * Shared rules for every table:
 * - a figure the reports do not give is NULL, never 0 (a real 0 is a published zero);
 * - counts (`*_count`, `notifications`) and percentages (`*_pct`, `value_pct`) are separate columns;
 * - every row names where it came from: `source_url` (the page that states the figure), and
 *   `file_id`/`source_file`/`source_line` (the file and line it was loaded from; `file_id` joins
 *   `bw_files`). A user's file adds rows beside the committed ones and never overwrites them.
 *
 * Changing a column here needs a workspace migration: CREATE IF NOT EXISTS leaves old tables as they were.
 */

const PROVENANCE_COLUMNS = `
  source_url VARCHAR,
  file_id VARCHAR NOT NULL,
  source_file VARCHAR NOT NULL,
  source_line INTEGER`;

const PERIOD_COLUMNS = `
  period VARCHAR NOT NULL,
  period_start DATE NOT NULL,
  period_end DATE NOT NULL`;

export const OAIC_TABLE_DDL = {
  // One row per period per file. The committed file gives the figure as first published and, when a
  // later report revised it, the revised figure and which report revised it.
  oaic_totals: `CREATE TABLE IF NOT EXISTS oaic_totals (${PERIOD_COLUMNS},
    report_type VARCHAR,
    notifications_first_published INTEGER,
    notifications_revised INTEGER,
    revised_in VARCHAR,
    malicious_count INTEGER,
    malicious_pct DOUBLE,
    human_error_count INTEGER,
    human_error_pct DOUBLE,
    system_fault_count INTEGER,
    system_fault_pct DOUBLE,
    cyber_incident_count INTEGER,
    verified BOOLEAN,
    extra_source_urls VARCHAR[],
    notes VARCHAR,${PROVENANCE_COLUMNS})`,
  oaic_by_sector: `CREATE TABLE IF NOT EXISTS oaic_by_sector (${PERIOD_COLUMNS},
    sector VARCHAR NOT NULL,
    sector_group VARCHAR NOT NULL,
    rank INTEGER,
    notifications INTEGER,
    pct_of_period_total DOUBLE,
    note VARCHAR,${PROVENANCE_COLUMNS})`,
  oaic_source_breakdown: `CREATE TABLE IF NOT EXISTS oaic_source_breakdown (${PERIOD_COLUMNS},
    category VARCHAR NOT NULL,
    subcategory VARCHAR,
    value_count INTEGER,
    value_pct DOUBLE,
    pct_of VARCHAR,
    note VARCHAR,${PROVENANCE_COLUMNS})`,
  oaic_health_sector: `CREATE TABLE IF NOT EXISTS oaic_health_sector (${PERIOD_COLUMNS},
    measure VARCHAR NOT NULL,
    value_count INTEGER,
    value_pct DOUBLE,
    note VARCHAR,${PROVENANCE_COLUMNS})`,
  oaic_individuals_affected: `CREATE TABLE IF NOT EXISTS oaic_individuals_affected (${PERIOD_COLUMNS},
    population VARCHAR,
    bin VARCHAR NOT NULL,
    bin_min BIGINT,
    bin_max BIGINT,
    value_count INTEGER,
    value_pct DOUBLE,
    note VARCHAR,${PROVENANCE_COLUMNS})`,
  oaic_kinds_of_pi: `CREATE TABLE IF NOT EXISTS oaic_kinds_of_pi (${PERIOD_COLUMNS},
    kind VARCHAR NOT NULL,
    value_count INTEGER,
    value_pct DOUBLE,
    note VARCHAR,${PROVENANCE_COLUMNS})`,
  oaic_timeliness: `CREATE TABLE IF NOT EXISTS oaic_timeliness (${PERIOD_COLUMNS},
    measure VARCHAR NOT NULL,
    value_pct DOUBLE,
    note VARCHAR,${PROVENANCE_COLUMNS})`,
  // A third party's summary of totals, kept as a cross-check. `period` is read from the report URL;
  // `dates_match_url` is false where the stated begin/end disagree with it (the two 2020 rows).
  oaic_claudinec_summary: `CREATE TABLE IF NOT EXISTS oaic_claudinec_summary (
    period VARCHAR,
    period_start DATE,
    period_end DATE,
    report_begin DATE,
    report_end DATE,
    dates_match_url BOOLEAN,
    notifications INTEGER,
    stats_date DATE,
    publish_date DATE,${PROVENANCE_COLUMNS})`,
} as const;

export type OaicTableName = keyof typeof OAIC_TABLE_DDL;

export const OAIC_TABLES = Object.keys(OAIC_TABLE_DDL) as OaicTableName[];

/** Sector labels vary between reports ("Finance" / "Finance (incl. superannuation)"): group on the name before any bracket. */
export function sectorGroupSql(expr: string): string {
  return `trim(regexp_replace(${expr}, '\\s*\\(.*\\)\\s*$', ''))`;
}

/**
 * Bounds of an individuals-affected bin as published ("1", "2-10", "1,000,001+", "<=100", "5,000+",
 * "Unknown"); NULL where a side is open or the bin is unknown. "<=N" starts at 1 because every
 * notification concerns at least one person. `expr` is a column, never user text.
 */
export function binBoundsSql(expr: string): { min: string; max: string } {
  const b = `regexp_replace(lower(replace(replace(${expr}, ',', ''), ' to ', '-')), '\\s+', '', 'g')`;
  return {
    min: `CASE WHEN regexp_matches(${b}, '^\\d+$') THEN CAST(${b} AS BIGINT)
               WHEN regexp_matches(${b}, '^\\d+-\\d+$') THEN CAST(split_part(${b}, '-', 1) AS BIGINT)
               WHEN regexp_matches(${b}, '^\\d+\\+$') THEN CAST(rtrim(${b}, '+') AS BIGINT)
               WHEN regexp_matches(${b}, '^(<=|≤)\\d+$') THEN 1 END`,
    max: `CASE WHEN regexp_matches(${b}, '^\\d+$') THEN CAST(${b} AS BIGINT)
               WHEN regexp_matches(${b}, '^\\d+-\\d+$') THEN CAST(split_part(${b}, '-', 2) AS BIGINT)
               WHEN regexp_matches(${b}, '^(<=|≤)\\d+$') THEN CAST(regexp_extract(${b}, '\\d+$') AS BIGINT) END`,
  };
}

export async function createOaicTables(run: (sql: string) => Promise<unknown>): Promise<void> {
  for (const ddl of Object.values(OAIC_TABLE_DDL)) await run(ddl);
}
