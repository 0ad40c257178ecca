import type { OaicTableName } from './oaic-tables';

/**
 * What each column of a user's OAIC table means, read from its header. OAIC reports and the tables
 * people compile from them name the same things many ways ("Malicious or criminal attack",
 * "malicious_pct", "Human error (%)", "Reporting period", "Jan-Jun 2024"...).
 *
 * A role is a plain name (`period`, `sector`) or a figure with how its cells are read:
 * `<figure>.count` (whole numbers), `<figure>.pct` (percentages) or `<figure>.auto` (per cell: a
 * value ending in "%" is a percentage, anything else a count). Counts and percentages always land
 * in separate columns.
 */
export type ValueKind = 'count' | 'pct' | 'auto';

export const FIGURES = ['notifications', 'notifications_revised', 'malicious', 'human_error', 'system_fault', 'cyber_incident', 'value'] as const;
export type Figure = (typeof FIGURES)[number];

/** Which table the user's file fills, by the columns it has. `source_long` is pivoted into `oaic_totals`. */
export type OaicShape =
  | 'totals'
  | 'source_long'
  | 'by_sector'
  | 'source_breakdown'
  | 'health_sector'
  | 'individuals_affected'
  | 'kinds_of_pi'
  | 'timeliness';

export const SHAPE_TABLE: Record<OaicShape, OaicTableName> = {
  totals: 'oaic_totals',
  source_long: 'oaic_totals',
  by_sector: 'oaic_by_sector',
  source_breakdown: 'oaic_source_breakdown',
  health_sector: 'oaic_health_sector',
  individuals_affected: 'oaic_individuals_affected',
  kinds_of_pi: 'oaic_kinds_of_pi',
  timeliness: 'oaic_timeliness',
};

export interface OaicHeaderMap {
  shape: OaicShape;
  /** role -> the header (as written in the file) that plays it; the first header wins a role. */
  roles: Map<string, string>;
  /** Headers that play no role: reported, never silently ignored. */
  unused: string[];
}

const PLAIN_ROLES: ReadonlyArray<readonly [string, RegExp]> = [
  ['period_start', /^(period_start|period_begin|period_from|start|begin|from|start_date|date_from|report_begin|reporting_period_start)$/],
  ['period_end', /^(period_end|period_to|end|to|end_date|date_to|report_end|reporting_period_end)$/],
  ['period', /^(period|reporting_period|report_period|period_label|period_covered|half|half_year|quarter|notification_period)$/],
  ['report_type', /^report_type$/],
  ['revised_in', /^(revised_per|revised_in|revised_by|revision_source)$/],
  ['source_url', /^(source_url|url|link|source_link|reference|reference_url|report_url)$/],
  ['extra_source_urls', /^extra_source_urls?$/],
  ['note', /^(notes?|comments?)$/],
  ['sector', /^(sector|industry|industry_sector|sector_name|business_sector)$/],
  ['rank', /^(rank|ranking|sector_rank)$/],
  ['source', /^(source|source_of_breach|breach_source|cause|primary_cause|breach_cause)$/],
  ['category', /^category$/],
  ['subcategory', /^(subcategory|sub_category)$/],
  ['kind', /^(kind|kind_of_pi|kind_of_personal_information|information_kind|type_of_information|personal_information)$/],
  ['bin', /^(bin|bin_label|size|range|individuals_affected|number_of_individuals|individuals_affected_bin)$/],
  ['population', /^population$/],
  ['unit', /^unit$/],
  ['measure', /^measure$/],
];

/** Lower-case, `%` -> pct, `&` -> and, everything else not alphanumeric -> `_`. */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/%/g, ' pct ')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The role a header plays, or null. */
export function headerRole(header: string): string | null {
  const h = normaliseHeader(header);
  if (!h) return null;
  for (const [role, pattern] of PLAIN_ROLES) if (pattern.test(h)) return role;
  const figure = figureOf(h);
  return figure ? `${figure}.${valueKindOf(h, figure)}` : null;
}

function figureOf(h: string): Figure | null {
  if (/^value(_pct|_count)?$/.test(h)) return 'value';
  if (/revis/.test(h) && /notif|total/.test(h)) return 'notifications_revised';
  if (/^malicious/.test(h)) return 'malicious';
  if (/^human/.test(h)) return 'human_error';
  if (/^system/.test(h)) return 'system_fault';
  if (/^cyber/.test(h)) return 'cyber_incident';
  if (/notification|^total$|^total_|^count$|^number$/.test(h)) return 'notifications';
  if (/^(pct|percent|percentage|share|proportion)(_of_.*)?$/.test(h)) return 'notifications';
  return null;
}

function valueKindOf(h: string, figure: Figure): ValueKind {
  if (/(^|_)(pct|percent|percentage|share|proportion)(_|$)/.test(h)) return 'pct';
  if (/(^|_)(count|number|no|n)(_|$)/.test(h) || (figure === 'notifications' && /^total/.test(h))) return 'count';
  return 'auto';
}

/**
 * Reads a header row. Null unless it names a period (a label, or first and last days) and at least
 * one OAIC figure or breakdown: notifications, a source of breach, a sector, and the like.
 */
export function classifyOaicHeaders(headers: readonly string[]): OaicHeaderMap | null {
  const roles = new Map<string, string>();
  const unused: string[] = [];
  for (const header of headers) {
    const role = headerRole(header);
    if (role && !roles.has(role)) roles.set(role, header);
    else unused.push(header);
  }
  const shape = shapeOf(roles);
  return shape ? { shape, roles, unused } : null;
}

function shapeOf(roles: Map<string, string>): OaicShape | null {
  const has = (role: string) => roles.has(role);
  const hasFigure = (figure: Figure) => has(`${figure}.count`) || has(`${figure}.pct`) || has(`${figure}.auto`);
  if (!has('period') && !(has('period_start') && has('period_end'))) return null;
  const hasValue = hasFigure('value') || hasFigure('notifications');
  if (has('bin') && hasValue) return 'individuals_affected';
  if (has('sector') && (hasValue || has('rank'))) return 'by_sector';
  if (has('category') && hasValue) return 'source_breakdown';
  if (has('kind') && hasValue) return 'kinds_of_pi';
  if (has('source') && hasValue) return 'source_long';
  if (has('measure') && has('value.pct') && !has('value.auto') && !has('value.count') && !has('unit')) return 'timeliness';
  if (has('measure') && hasFigure('value')) return 'health_sector';
  const totals: Figure[] = ['notifications', 'notifications_revised', 'malicious', 'human_error', 'system_fault', 'cyber_incident'];
  if (totals.some(hasFigure)) return 'totals';
  return null;
}
