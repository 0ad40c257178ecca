import type { ChartQuery } from '../chart-query';
import { filteredBreaches } from './filtered-breaches';

/**
 * Per year: breaches with a business associate present and their share, of breaches and of people
 * affected. Breaches where it is not known are counted apart and left out of both shares.
 */
export const businessAssociateShare: ChartQuery = {
  id: 'business_associate_share',
  title: 'Breaches involving a business associate, per year',
  units: 'breaches; share',
  build(filters) {
    const f = filteredBreaches(filters);
    return {
      sql: `WITH ${f.sql}
            SELECT CAST(year(reported_date) AS INTEGER) AS year,
                   CAST(count(*) AS BIGINT) AS breaches,
                   CAST(count(*) FILTER (WHERE business_associate) AS BIGINT) AS with_business_associate,
                   CAST(count(*) FILTER (WHERE business_associate IS NULL) AS BIGINT) AS not_known,
                   count(*) FILTER (WHERE business_associate) / nullif(count(*) FILTER (WHERE business_associate IS NOT NULL), 0) AS share,
                   CAST(sum(records_affected) FILTER (WHERE business_associate) AS BIGINT) AS people_with_business_associate,
                   sum(records_affected) FILTER (WHERE business_associate)
                     / nullif(sum(records_affected) FILTER (WHERE business_associate IS NOT NULL), 0) AS people_share
            FROM filtered WHERE reported_date IS NOT NULL
            GROUP BY 1 ORDER BY 1`,
      params: f.params,
    };
  },
};
