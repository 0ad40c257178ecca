import type { ChartQuery } from '../chart-query';
import { factChart } from './breach-facts';
import { multiValuedCounts } from './multi-valued-counts';

/**
 * Breaches by Type of Breach. Types are multi-valued ("Theft, Loss"): a breach counts once under each of
 * its types, so the counts add up to more than the number of breaches; `share` is of breaches, not of
 * the sum, and `breaches_total` is the distinct total for the footnote.
 */
export const breachesByType: ChartQuery = {
  id: 'breaches_by_type',
  title: 'Breaches by type of breach',
  units: 'breaches (a breach of several types counts under each)',
  ...factChart((t) => multiValuedCounts(t, 'breach_types', 'breach_type')),
};
