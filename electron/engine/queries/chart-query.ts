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
  build(filters: Filters): SqlFragment;
}
