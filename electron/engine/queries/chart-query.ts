import type { Filters } from '../../../shared/filters';
import type { SqlFragment } from './filters-sql';

/**
 * A named, parameterised chart query. The window asks for charts by id with the filter state; it
 * never sends SQL for charts, so every number on the dashboard comes from reviewed, tested SQL.
 */
export interface ChartQuery {
  id: string;
  /** What is counted, as the chart title says it. */
  title: string;
  units: string;
  /** Whether the result depends on the actor or threat classification rules (their versions are then cited). */
  usesClassification?: boolean;
  /**
   * The sources whose files the result is cited from. Charts over `breaches` leave it out (the
   * filter's sources, or every record source, are cited); aggregate charts name theirs ('oaic').
   */
  sources?: readonly string[];
  /** Parameters beyond the app filters (e.g. the case whose revisions to show); checked by `resolveChartParams`. */
  params?: readonly ChartParamSpec[];
  build(filters: Filters, params?: ChartParams): SqlFragment;
  /**
   * The same result read from the summary of `breaches` (queries/breaches-summary.ts), for
   * filters the summary can answer; undefined when only the rows can. `build` stays the query a
   * reader cites: it defines the result, the summary only makes it quicker to get.
   */
  fromSummary?(filters: Filters, params: ChartParams, summary: BreachesSummary): SummaryQuery | undefined;
}

/**
 * The summary of `breaches` as relations to read from (queries/breaches-summary.ts): each source's
 * summary where one is built for its current rows, else that source's rows.
 */
export interface BreachesSummary {
  /** The fact dimensions and measures (charts/breach-facts.ts) of every source. */
  cube: string;
  /** Every column of each source's rows with the largest counts (all its rows where it has few). */
  largest: string;
  /** The parts of `largest` cut at a count, with their source's cube: to check that a top list from them is whole. */
  cutParts: readonly { largest: string; cube: string }[];
}

export interface SummaryQuery extends SqlFragment {
  /** A query of one row and one BOOLEAN column: whether the summary's answer is whole. When false, the rows are asked. */
  check?: SqlFragment;
}

/** One chart parameter. Values are always bound into the SQL, never spliced. */
export interface ChartParamSpec {
  name: string;
  type: 'string' | 'integer';
  required: boolean;
  description: string;
  default?: string | number;
  /** Integers: inclusive bounds. Strings: length bounds. */
  min?: number;
  max?: number;
}

export type ChartParams = Readonly<Record<string, string | number>>;
