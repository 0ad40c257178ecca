import type { ChartSpec } from './chart-spec';
import { actorPerYearSpec } from './specs/actor-per-year';
import { businessAssociateSpec } from './specs/business-associate';
import { categoryBarsSpec } from './specs/category-bars';
import { countRevisionsSpec } from './specs/count-revisions';
import { largestSpec } from './specs/largest';
import { perMonthSpec } from './specs/per-month';
import { perYearSpec } from './specs/per-year';
import { stateMapSpec } from './specs/state-map';

/** The Overview dashboard, in reading order. Each spec names the engine chart query it draws. */
export const DASHBOARD_CHARTS: readonly ChartSpec[] = [
  perYearSpec,
  perMonthSpec,
  actorPerYearSpec,
  stateMapSpec,
  categoryBarsSpec({
    id: 'breach-type',
    chart: 'breaches_by_type',
    title: 'Breach type, breaches reported',
    units: 'breaches reported per type of breach',
    column: 'breach_type',
    field: 'breachTypes',
    missing: 'breach_types',
    multiValued: true,
  }),
  categoryBarsSpec({
    id: 'threat',
    chart: 'breaches_by_threat',
    title: 'HICP threat, breaches reported',
    units: 'breaches reported per HHS HICP threat (derived by rules)',
    column: 'threat',
    field: 'threats',
    missing: 'threat',
  }),
  categoryBarsSpec({
    id: 'location',
    chart: 'breaches_by_location',
    title: 'Location of breached information, breaches reported',
    units: 'breaches reported per location',
    column: 'location',
    field: 'locations',
    missing: 'locations',
    multiValued: true,
  }),
  categoryBarsSpec({
    id: 'entity-type',
    chart: 'breaches_by_entity_type',
    title: 'Entity type, breaches reported',
    units: 'breaches reported per type of covered entity',
    column: 'entity_type',
    field: 'entityTypes',
    missing: 'entity_type',
    height: 220,
  }),
  businessAssociateSpec,
  largestSpec,
  countRevisionsSpec,
];
