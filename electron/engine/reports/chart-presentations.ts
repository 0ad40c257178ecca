/**
 * How a chart's result columns are drawn in reports. Charts not listed here are drawn from their
 * columns by `inferPresentation` (first text column as category, numbers as bars), so a chart added to
 * the dashboard appears in reports at once; list it here when its picture needs more than that.
 */
export interface SeriesPresentation {
  column: string;
  label?: string;
  type?: 'bar' | 'line';
  axis?: 0 | 1;
  stack?: string;
}

export interface ChartPresentation {
  /** `map`: US states by USPS code in `category` (a picture on slides, with bars when no browser can draw it). */
  kind: 'xy' | 'pie' | 'table' | 'map';
  category?: string;
  categoryLabel?: string;
  series?: SeriesPresentation[];
  axisNames?: [string, string?];
  /** Categories are time (years, months): keep them all, in order, along the bottom. */
  timeAxis?: boolean;
  horizontal?: boolean;
  percent?: boolean;
  /**
   * Long results (one row per year and actor) drawn wide: one series per value of `column`, each
   * holding `value`; `labels` renames the values for the legend.
   */
  pivot?: { column: string; value: string; labels?: Record<string, string> };
  /** Stack the bars (pivoted series add up to the category's total). */
  stacked?: boolean;
  /** Columns shown in the data table under the chart (and the slide notes), not in the picture. */
  tableOnly?: SeriesPresentation[];
  /** Table columns, in order (default: every column). */
  columns?: string[];
  /** Leave it out of the default report (e.g. a chart that only makes sense for one case). */
  inDefaultReport?: boolean;
}

const people: SeriesPresentation = { column: 'people_affected', label: 'People affected' };

/** Horizontal bars of breaches per category, largest first (the query's order), people in the table. */
const categoryBars = (category: string, categoryLabel: string): ChartPresentation => ({
  kind: 'xy',
  category,
  categoryLabel,
  horizontal: true,
  series: [{ column: 'breaches', label: 'Breaches' }],
  tableOnly: [people],
  axisNames: ['Breaches'],
});

const PRESENTATIONS: Record<string, ChartPresentation> = {
  breaches_per_year: {
    kind: 'xy',
    category: 'year',
    categoryLabel: 'Year reported',
    timeAxis: true,
    series: [
      { column: 'breaches', label: 'Breaches', type: 'bar', axis: 0 },
      { column: 'people_affected', label: 'People affected', type: 'line', axis: 1 },
    ],
    axisNames: ['Breaches', 'People affected'],
  },
  breaches_per_month: {
    kind: 'xy',
    category: 'month_label',
    categoryLabel: 'Month reported',
    timeAxis: true,
    // Monthly people counts are one spike per mega-breach: they stay in the table, not the picture.
    series: [{ column: 'breaches', label: 'Breaches', type: 'bar', axis: 0 }],
    tableOnly: [people],
    axisNames: ['Breaches'],
  },
  actor_per_year: {
    kind: 'xy',
    category: 'year',
    categoryLabel: 'Year reported',
    timeAxis: true,
    pivot: {
      column: 'actor',
      value: 'breaches',
      labels: { internal: 'Insider (internal)', external: 'External', partner: 'Partner', mixed: 'Several kinds', unknown: 'Unknown' },
    },
    stacked: true,
    axisNames: ['Breaches'],
  },
  breaches_by_type: categoryBars('breach_type', 'Type of breach'),
  breaches_by_location: categoryBars('location', 'Location of breached information'),
  breaches_by_entity_type: categoryBars('entity_type', 'Type of entity'),
  breaches_by_threat: categoryBars('label', 'HICP threat'),
  breaches_by_state: {
    kind: 'map',
    category: 'state',
    categoryLabel: 'State',
    series: [{ column: 'breaches', label: 'Breaches' }],
    tableOnly: [people],
    axisNames: ['Breaches'],
  },
  business_associate_share: {
    kind: 'xy',
    category: 'year',
    categoryLabel: 'Year reported',
    timeAxis: true,
    percent: true,
    series: [{ column: 'share', label: 'Share of breaches with a business associate' }],
    tableOnly: [
      { column: 'with_business_associate', label: 'With a business associate' },
      { column: 'breaches', label: 'All breaches' },
      { column: 'not_known', label: 'Not known' },
    ],
    axisNames: ['Share of breaches'],
  },
  largest_breaches: { kind: 'table', columns: ['entity', 'entity_type', 'state', 'reported_date', 'records_affected', 'breach_types'] },
  count_revisions: { kind: 'table', columns: ['entity', 'state', 'reported_date', 'first_count', 'latest_count', 'change', 'revisions', 'last_revised'] },
};

const oaicPerPeriod = (value: string, label: string): ChartPresentation => ({
  kind: 'xy',
  category: 'period',
  categoryLabel: 'Reporting period',
  timeAxis: true,
  series: [{ column: value, label, type: 'bar', axis: 0 }],
  axisNames: [label],
});

Object.assign(PRESENTATIONS, {
  oaic_notifications_per_period: oaicPerPeriod('notifications_latest', 'Notifications'),
  oaic_health_sector: oaicPerPeriod('notifications', 'Notifications from health service providers'),
  oaic_notifications_by_source: {
    kind: 'xy',
    category: 'period',
    categoryLabel: 'Reporting period',
    timeAxis: true,
    pivot: { column: 'label', value: 'notifications' },
    stacked: true,
    axisNames: ['Notifications'],
  },
  oaic_notifications_by_sector: { kind: 'table', columns: ['period', 'sector', 'rank', 'notifications', 'pct_of_period_total'] },
  oaic_individuals_affected: { kind: 'table', columns: ['period', 'bin', 'notifications', 'pct_of_period'] },
} satisfies Record<string, ChartPresentation>);

// The comparison view's charts: meant for one source at a time, so added to reports by hand.
Object.assign(PRESENTATIONS, {
  breaches_by_actor: { ...categoryBars('actor', 'Actor'), inDefaultReport: false },
  records_per_incident: {
    kind: 'xy',
    category: 'bin',
    categoryLabel: 'People or records affected',
    series: [{ column: 'breaches', label: 'Breaches' }],
    tableOnly: [{ column: 'share', label: 'Share of breaches with a known count' }],
    axisNames: ['Breaches'],
    columns: ['bin', 'breaches', 'share', 'people_affected'],
    inDefaultReport: false,
  },
  records_summary: {
    kind: 'table',
    columns: ['breaches', 'with_count', 'people_affected', 'median', 'p25', 'p75', 'first_year', 'last_year'],
    inDefaultReport: false,
  },
} satisfies Record<string, ChartPresentation>);

/**
 * The default report is the record-level (OCR and incident log) charts; the OAIC aggregates are
 * there to add by hand, since they describe another country's notifications.
 */
export function inDefaultReport(chartId: string): boolean {
  return presentationFor(chartId)?.inDefaultReport ?? !chartId.startsWith('oaic_');
}

export function presentationFor(chartId: string): ChartPresentation | undefined {
  return PRESENTATIONS[chartId];
}
