import type { Filters } from '../../../../shared/filters';
import type { ChartQuery } from '../chart-query';
import { filtersToWhere, type SqlFragment } from '../filters-sql';

/**
 * The columns of `breaches` that the aggregate charts group or filter by. The summary cube
 * (queries/breaches-summary.ts) keeps one row per distinct combination of them.
 */
export const FACT_DIMENSIONS = [
  'source', 'reported_date', 'country', 'state', 'entity_type', 'breach_types', 'locations',
  'business_associate', 'actor', 'actor_rule', 'threat',
] as const;

/**
 * Bands of people affected per breach that stay readable from a lost letter to a national hack; the
 * cube counts breaches and people per band, so that "records per incident" can be read from it.
 */
export const RECORD_BINS: readonly { label: string; lower: number; upper: number | null }[] = [
  { label: '0', lower: 0, upper: 0 },
  { label: '1–99', lower: 1, upper: 99 },
  { label: '100–499', lower: 100, upper: 499 },
  { label: '500–999', lower: 500, upper: 999 },
  { label: '1,000–9,999', lower: 1_000, upper: 9_999 },
  { label: '10,000–99,999', lower: 10_000, upper: 99_999 },
  { label: '100,000–999,999', lower: 100_000, upper: 999_999 },
  { label: '1,000,000 or more', lower: 1_000_000, upper: null },
];

/** Whether a breach's count is in band `i` of RECORD_BINS (bounds are constants of this file, not user text). */
export function inBand(i: number): string {
  const band = RECORD_BINS[i]!;
  return `records_affected >= ${band.lower}${band.upper === null ? '' : ` AND records_affected <= ${band.upper}`}`;
}

const BANDS = RECORD_BINS.map((_band, i) => i);

/** The measure columns of a cube row, in order (see FACT_MEASURES_OF_GROUPS). */
export const FACT_MEASURES = ['n', 'ids', 'people', 'unknown', ...BANDS.flatMap((i) => [`band${i}_n`, `band${i}_people`])];

/**
 * What a cube row stands for: `n` breaches, `ids` of them with a case id, `people` affected (the sum
 * of the known counts, NULL when none is known), `unknown` breaches without a count, and per band of
 * RECORD_BINS its breaches and people. People are stored as BIGINT: DuckDB reads a stored HUGEINT
 * column ten times slower, and a group whose sum does not fit fails the summary's build (the charts
 * then read the rows) rather than wrap.
 */
export const FACT_MEASURES_OF_GROUPS = [
  'count(*) AS n',
  'count(case_id) AS ids',
  'CAST(sum(records_affected) AS BIGINT) AS people',
  'count(*) FILTER (WHERE records_affected IS NULL) AS unknown',
  ...BANDS.flatMap((i) => [
    `count(*) FILTER (WHERE ${inBand(i)}) AS band${i}_n`,
    `CAST(sum(records_affected) FILTER (WHERE ${inBand(i)}) AS BIGINT) AS band${i}_people`,
  ]),
].join(', ');
/** The same measures for one row of `breaches` (a source not summarised yet, read beside the cubes of the others). */
export const FACT_MEASURES_OF_ROWS = [
  'CAST(1 AS BIGINT) AS n',
  'CAST(case_id IS NOT NULL AS BIGINT) AS ids',
  'records_affected AS people',
  'CAST(records_affected IS NULL AS BIGINT) AS unknown',
  ...BANDS.flatMap((i) => [
    `CAST(coalesce(${inBand(i)}, false) AS BIGINT) AS band${i}_n`,
    `CASE WHEN ${inBand(i)} THEN records_affected END AS band${i}_people`,
  ]),
].join(', ');

/**
 * How an aggregate chart counts: over `filtered` (a CTE of the filtered rows of `breaches`, or of the
 * summary cube), the same aggregates written for rows or for cube rows. A chart written with these
 * terms gives the same numbers from either; the rows form is the one cited.
 */
export interface FactTerms {
  /** `filtered AS (...)`, for the chart's WITH clause. Read it once: DuckDB materialises a CTE read twice. */
  filtered: SqlFragment;
  /** Breaches. */
  breaches: string;
  /** Breaches with a case id. */
  withCaseId: string;
  /** People affected: the sum of the known counts, NULL when none is known. */
  people: string;
  /** Breaches without a count of people. */
  unknownCounts: string;
  /** Breaches with a count of people. */
  counted: string;
  /** Breaches (0 when none) and people in band `i` of RECORD_BINS. */
  bandBreaches(i: number): string;
  bandPeople(i: number): string;
  /** Breaches for which `condition` holds (0 when none). */
  breachesWhere(condition: string): string;
  /** People affected in the breaches for which `condition` holds. */
  peopleWhere(condition: string): string;
}

export function rowTerms(filters: Filters): FactTerms {
  const where = filtersToWhere(filters);
  return {
    filtered: { sql: `filtered AS (SELECT * FROM breaches ${where.sql})`, params: where.params },
    breaches: 'count(*)',
    withCaseId: 'count(case_id)',
    people: 'sum(records_affected)',
    unknownCounts: 'count(*) FILTER (WHERE records_affected IS NULL)',
    counted: 'count(records_affected)',
    bandBreaches: (i) => `count(*) FILTER (WHERE ${inBand(i)})`,
    bandPeople: (i) => `sum(records_affected) FILTER (WHERE ${inBand(i)})`,
    breachesWhere: (condition) => `count(*) FILTER (WHERE ${condition})`,
    peopleWhere: (condition) => `sum(records_affected) FILTER (WHERE ${condition})`,
  };
}

/** The cube answers every filter except those that need the rows: minimum people affected and text search. */
export function cubeAnswers(filters: Filters): boolean {
  return filters.minRecords === undefined && !(filters.text && filters.text.trim());
}

/** The terms over the summary cube (a relation of FACT_DIMENSIONS and the measures), when it answers these filters. */
export function cubeTerms(filters: Filters, cube: string): FactTerms | undefined {
  if (!cubeAnswers(filters)) return undefined;
  const where = filtersToWhere(filters);
  return {
    filtered: { sql: `filtered AS (SELECT * FROM ${cube} ${where.sql})`, params: where.params },
    breaches: 'sum(n)',
    withCaseId: 'sum(ids)',
    people: 'sum(people)',
    unknownCounts: 'sum(unknown)',
    counted: 'coalesce(sum(n) - sum(unknown), 0)',
    bandBreaches: (i) => `coalesce(sum(band${i}_n), 0)`,
    bandPeople: (i) => `sum(band${i}_people)`,
    breachesWhere: (condition) => `coalesce(sum(n) FILTER (WHERE ${condition}), 0)`,
    peopleWhere: (condition) => `sum(people) FILTER (WHERE ${condition})`,
  };
}

/** A chart written once with FactTerms: `build` over the rows, `fromSummary` over the cube. */
export function factChart(terms: (t: FactTerms) => string): Pick<ChartQuery, 'build' | 'fromSummary'> {
  const query = (t: FactTerms): SqlFragment => ({ sql: terms(t), params: t.filtered.params });
  return {
    build: (filters) => query(rowTerms(filters)),
    fromSummary: (filters, _params, summary) => {
      const t = cubeTerms(filters, summary.cube);
      return t ? query(t) : undefined;
    },
  };
}
