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
