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
 * What a cube row stands for: `n` breaches, `ids` of them with a case id, `people` affected (the sum
 * of the known counts, NULL when none is known) and `unknown` breaches without a count. `people` is
 * stored as BIGINT: DuckDB reads a stored HUGEINT column ten times slower, and a group whose sum does
 * not fit fails the summary's build (the charts then read the rows) rather than wrap.
 */
export const FACT_MEASURES_OF_GROUPS =
  'count(*) AS n, count(case_id) AS ids, CAST(sum(records_affected) AS BIGINT) AS people, count(*) FILTER (WHERE records_affected IS NULL) AS unknown';
/** The same measures for one row of `breaches` (a source not summarised yet, read beside the cubes of the others). */
export const FACT_MEASURES_OF_ROWS =
  'CAST(1 AS BIGINT) AS n, CAST(case_id IS NOT NULL AS BIGINT) AS ids, records_affected AS people, CAST(records_affected IS NULL AS BIGINT) AS unknown';

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
