import type { ChartQuery } from '../chart-query';
import { factChart } from './breach-facts';
import { multiValuedCounts } from './multi-valued-counts';

/** Breaches by Location of Breached Information; multi-valued like types (see breaches_by_type). */
export const breachesByLocation: ChartQuery = {
  id: 'breaches_by_location',
  title: 'Breaches by location of the breached information',
  units: 'breaches (a breach at several locations counts under each)',
  ...factChart((t) => multiValuedCounts(t, 'locations', 'location')),
};
