import type { ChartQuery } from './chart-query';
import { actorPerYear } from './charts/actor-per-year';
import { breachesByActor } from './charts/breaches-by-actor';
import { breachesByEntityType } from './charts/breaches-by-entity-type';
import { breachesByLocation } from './charts/breaches-by-location';
import { breachesByState } from './charts/breaches-by-state';
import { breachesByThreat } from './charts/breaches-by-threat';
import { breachesByType } from './charts/breaches-by-type';
import { breachesPerMonth } from './charts/breaches-per-month';
import { breachesPerYear } from './charts/breaches-per-year';
import { businessAssociateShare } from './charts/business-associate-share';
import { caseHistory } from './charts/case-history';
import { caseRevisions } from './charts/case-revisions';
import { countRevisions } from './charts/count-revisions';
import { largestBreaches } from './charts/largest-breaches';
import { oaicHealthSector } from './charts/oaic-health-sector';
import { oaicIndividualsAffected } from './charts/oaic-individuals-affected';
import { oaicNotificationsBySector } from './charts/oaic-notifications-by-sector';
import { oaicNotificationsBySource } from './charts/oaic-notifications-by-source';
import { oaicNotificationsPerPeriod } from './charts/oaic-notifications-per-period';
import { recordsPerIncident } from './charts/records-per-incident';
import { recordsSummary } from './charts/records-summary';

/** Every chart the window may ask for, by id. */
export const CHART_QUERIES: ReadonlyMap<string, ChartQuery> = new Map(
  [
    breachesPerYear,
    breachesPerMonth,
    actorPerYear,
    breachesByType,
    breachesByLocation,
    breachesByEntityType,
    breachesByState,
    breachesByThreat,
    largestBreaches,
    businessAssociateShare,
    caseRevisions,
    caseHistory,
    countRevisions,
    oaicNotificationsPerPeriod,
    oaicNotificationsBySource,
    oaicNotificationsBySector,
    oaicHealthSector,
    oaicIndividualsAffected,
    // The comparison view: one source beside another.
    breachesByActor,
    recordsPerIncident,
    recordsSummary,
  ].map((q) => [q.id, q]),
);
