import type { ChartQuery } from '../chart-query';
import { factChart } from './breach-facts';

/**
 * Per year: breaches with a business associate present and their share, of breaches and of people
 * affected. Breaches where it is not known are counted apart and left out of both shares.
 */
export const businessAssociateShare: ChartQuery = {
  id: 'business_associate_share',
  title: 'Breaches involving a business associate, per year',
  units: 'breaches; share',
  ...factChart(
    (t) => `WITH ${t.filtered.sql}
            SELECT CAST(year(reported_date) AS INTEGER) AS year,
                   CAST(${t.breaches} AS BIGINT) AS breaches,
                   CAST(${t.breachesWhere('business_associate')} AS BIGINT) AS with_business_associate,
                   CAST(${t.breachesWhere('business_associate IS NULL')} AS BIGINT) AS not_known,
                   ${t.breachesWhere('business_associate')} / nullif(${t.breachesWhere('business_associate IS NOT NULL')}, 0) AS share,
                   CAST(${t.peopleWhere('business_associate')} AS BIGINT) AS people_with_business_associate,
                   ${t.peopleWhere('business_associate')}
                     / nullif(${t.peopleWhere('business_associate IS NOT NULL')}, 0) AS people_share
            FROM filtered WHERE reported_date IS NOT NULL
            GROUP BY 1 ORDER BY 1`,
  ),
};
