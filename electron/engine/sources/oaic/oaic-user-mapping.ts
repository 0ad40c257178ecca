import { quoteIdentifier } from '../../db/sql-identifiers';
import { col, countOf, figureChecks, pctOf, requiredText, text, unitIsPct, type CellCheck, type CellKind } from './oaic-cell-sql';
import { SHAPE_TABLE, type Figure, type OaicHeaderMap } from './oaic-headers';
import { binBoundsSql, sectorGroupSql, type OaicTableName } from './oaic-tables';

/**
 * How a user's OAIC table (classified by `classifyOaicHeaders`) maps onto an `oaic_*` table: SQL per
 * target column over the stage `s` and the period map `p`, and the checks whose failures become
 * rejects. The provenance columns (file, line) are added by the importer.
 */
export interface UserMapping {
  table: OaicTableName;
  select: Record<string, string>;
  checks: CellCheck[];
  /** Quoted stage columns holding the period label / first day / last day. */
  period: { period: string | null; start: string | null; end: string | null };
  /** Long "period, source, notifications" tables: SQL naming each row's source; rows are pivoted per period. */
  sourceClass?: string;
  /** Headers the mapping reads; the rest are reported as not used. */
  used: Set<string>;
}

export function mapUserTable(headers: OaicHeaderMap): UserMapping {
  const { roles } = headers;
  const used = new Set<string>();
  const role = (name: string): string | undefined => {
    const header = roles.get(name);
    if (header) used.add(header);
    return header;
  };
  const checks: CellCheck[] = [];
  const unitHeader = headers.shape === 'individuals_affected' ? (role('unit') ?? role('measure')) : role('unit');

  /** The column giving counts of a figure, and how to read it; its checks are registered once. */
  const seen = new Set<string>();
  const figure = (f: Figure, want: 'count' | 'pct'): { header: string | undefined; kind: CellKind } => {
    const fixed = want === 'count' ? `${f}.count` : `${f}.pct`;
    let header = role(fixed);
    let kind: CellKind = { by: want };
    if (!header) {
      header = role(`${f}.auto`);
      kind = header && f === 'value' && unitHeader ? { by: 'unit', unit: unitHeader } : { by: 'auto' };
    }
    if (header && !seen.has(header)) {
      seen.add(header);
      checks.push(...figureChecks(header, kind));
    }
    return { header, kind };
  };
  const count = (f: Figure) => {
    const { header, kind } = figure(f, 'count');
    return countOf(header, kind);
  };
  const pct = (f: Figure) => {
    const { header, kind } = figure(f, 'pct');
    return pctOf(header, kind);
  };
  /** Sector, bin and the like: the notifications column, or a generic value column. */
  const anyCount = () => (hasFigure(roles, 'notifications') ? count('notifications') : count('value'));
  const anyPct = () => (hasFigure(roles, 'notifications') ? pct('notifications') : pct('value'));
  const required = (name: string, what: string) => {
    const header = role(name)!;
    checks.push(requiredText(header, what));
    return text(header);
  };

  const q = (name: string) => {
    const header = role(name);
    return header ? quoteIdentifier(header) : null;
  };
  const period = { period: q('period'), start: q('period_start'), end: q('period_end') };
  const dates = { period: 'p.period', period_start: 'p.period_start', period_end: 'p.period_end' };
  const provenance = { source_url: text(role('source_url')) };
  const table = SHAPE_TABLE[headers.shape];
  // Every shape's rows start with the period's dates and end with the source address.
  const shaped = (select: Record<string, string>, extra: Pick<UserMapping, 'sourceClass'> = {}): UserMapping => ({
    table,
    period,
    checks,
    used,
    ...extra,
    select: { ...dates, ...select, ...provenance },
  });

  switch (headers.shape) {
    case 'totals':
      return shaped({
        report_type: text(role('report_type')),
        notifications_first_published: count('notifications'),
        notifications_revised: count('notifications_revised'),
        revised_in: text(role('revised_in')),
        malicious_count: count('malicious'),
        malicious_pct: pct('malicious'),
        human_error_count: count('human_error'),
        human_error_pct: pct('human_error'),
        system_fault_count: count('system_fault'),
        system_fault_pct: pct('system_fault'),
        cyber_incident_count: count('cyber_incident'),
        extra_source_urls: extraUrls(role('extra_source_urls')),
        notes: text(role('note')),
      });
    case 'source_long': {
      const source = required('source', 'source of breach');
      const sourceClass = `CASE
          WHEN regexp_matches(lower(${source}), 'malicious|criminal') THEN 'malicious'
          WHEN regexp_matches(lower(${source}), 'human') THEN 'human_error'
          WHEN regexp_matches(lower(${source}), 'system') THEN 'system_fault'
          WHEN regexp_matches(lower(${source}), 'cyber') THEN 'cyber_incident'
          WHEN regexp_matches(lower(${source}), '^(total|all|all sources|all notifications)$') THEN 'total' END`;
      checks.push({
        column: roles.get('source')!,
        when: `${source} IS NOT NULL AND (${sourceClass}) IS NULL`,
        value: col(roles.get('source')!),
        reason: 'not an OAIC source of breach (malicious or criminal attack, human error, system fault, cyber incident, total)',
      });
      return shaped({ value_count: anyCount(), value_pct: anyPct(), note: text(role('note')) }, { sourceClass });
    }
    case 'by_sector': {
      const sector = required('sector', 'sector');
      const rank = role('rank');
      if (rank) checks.push(...figureChecks(rank, { by: 'count' }));
      return shaped({
        sector,
        sector_group: sectorGroupSql(sector),
        rank: countOf(rank, { by: 'count' }),
        notifications: anyCount(),
        pct_of_period_total: anyPct(),
        note: text(role('note')),
      });
    }
    case 'source_breakdown': {
      const category = required('category', 'category');
      const unit = unitHeader;
      const pctOfUnit = unit ? `CASE WHEN ${unitIsPct(unit)} THEN coalesce(nullif(regexp_extract(lower(trim(${col(unit)})), '^pct_of_(.+)$', 1), ''), 'all') END` : null;
      const valuePct = anyPct();
      return shaped({
        category,
        subcategory: text(role('subcategory')),
        value_count: anyCount(),
        value_pct: valuePct,
        pct_of: `CASE WHEN (${valuePct}) IS NOT NULL THEN ${pctOfUnit ?? "'all'"} END`,
        note: text(role('note')),
      });
    }
    case 'health_sector':
      return shaped({ measure: required('measure', 'measure'), value_count: count('value'), value_pct: pct('value'), note: text(role('note')) });
    case 'individuals_affected': {
      const bin = required('bin', 'bin of individuals affected');
      const bounds = binBoundsSql(bin);
      return shaped({
        population: text(role('population')),
        bin,
        bin_min: bounds.min,
        bin_max: bounds.max,
        value_count: anyCount(),
        value_pct: anyPct(),
        note: text(role('note')),
      });
    }
    case 'kinds_of_pi':
      return shaped({ kind: required('kind', 'kind of personal information'), value_count: anyCount(), value_pct: anyPct(), note: text(role('note')) });
    case 'timeliness':
      return shaped({ measure: required('measure', 'measure'), value_pct: pct('value'), note: text(role('note')) });
  }
}

function hasFigure(roles: Map<string, string>, f: Figure): boolean {
  return roles.has(`${f}.count`) || roles.has(`${f}.pct`) || roles.has(`${f}.auto`);
}

function extraUrls(header: string | undefined): string {
  if (!header) return 'CAST(NULL AS VARCHAR[])';
  return `CASE WHEN ${text(header)} IS NOT NULL THEN list_transform(string_split(${text(header)}, '|'), u -> trim(u)) END`;
}
