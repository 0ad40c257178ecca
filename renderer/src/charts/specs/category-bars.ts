import type { DrillInput } from '../../../../shared/api';
import type { FiltersInput } from '../../../../shared/filters';
import type { ListField } from '../../filters/filter-labels';
import { THREAT_SHORT_LABELS, valueLabel } from '../../filters/filter-labels';
import type { ChartSpec, Datum, PlainRow } from '../chart-spec';
import { categoryTooltip, formatCompact, formatCount, toNumber } from '../format';

interface CategoryOptions {
  id: string;
  chart: string;
  title: string;
  units: string;
  /** The column holding the category in the query's result. */
  column: string;
  /** The filter a click adds. */
  field: ListField;
  /** Column of `breaches` that is empty for the "Unknown" bar. */
  missing: NonNullable<DrillInput['missing']>[number];
  /** Several values per record (breach types, locations): the bars add up to more than the records. */
  multiValued?: boolean;
  height?: number;
}

/** What the engine's chart queries call a blank group (chart-params NOT_STATED). */
export const NOT_STATED = 'Not stated';

/**
 * Horizontal bars of breaches per category, largest first, with people affected in the tooltip and
 * table. A click filters by the category; the unknown bar drills into the rows with no value.
 */
export function categoryBarsSpec(options: CategoryOptions): ChartSpec {
  return {
    id: options.id,
    chart: options.chart,
    title: options.title,
    units: options.units,
    height: options.height ?? 300,
    build(rows, { filters }) {
      const sorted = [...rows].sort((a, b) => toNumber(b.breaches) - toNumber(a.breaches));
      const datums = sorted.map((r) => datumFor(r, options));
      const active = filters[options.field] as string[];
      const labels = datums.map((d) => d.label);
      return {
        option: {
          tooltip: categoryTooltip((i) => {
            const row = sorted[i];
            return row && { title: String(labels[i] ?? ''), lines: [`Breaches: ${formatCount(row.breaches)}`, `People affected: ${formatCount(row.people_affected)}`] };
          }),
          grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
          xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatCompact(v) } },
          yAxis: { type: 'category', inverse: true, data: labels, axisLabel: { width: 180, overflow: 'truncate' } },
          series: [
            {
              name: 'Breaches',
              type: 'bar',
              label: { show: true, position: 'right', formatter: (p: { value: number }) => formatCount(p.value) },
              data: sorted.map((r, i) => {
                const value = datums[i]?.filter?.kind === 'list' ? datums[i]!.filter.value : null;
                const dim = active.length > 0 && value !== null && !active.includes(value);
                return { value: toNumber(r.breaches), itemStyle: dim ? { opacity: 0.35 } : undefined };
              }),
            },
          ],
        },
        columns: [{ label: options.title.split(',')[0] ?? 'Category' }, { label: 'Breaches', numeric: true }, { label: 'People affected', numeric: true }],
        rows: sorted.map((r, i) => ({ key: datums[i]!.key, cells: [labels[i]!, toNumber(r.breaches), r.people_affected === null ? null : toNumber(r.people_affected)], datum: datums[i] })),
        summary: `${sorted.length} categories; largest: ${labels[0] ?? 'none'} with ${formatCount(sorted[0]?.breaches ?? 0)} breaches.`,
        datumAt: (click) => datums[click.dataIndex],
        caveat: options.multiValued ? 'A breach can have several values here, so the bars add up to more than the number of breaches.' : undefined,
      };
    },
  };
}

function datumFor(row: PlainRow, options: CategoryOptions): Datum {
  const raw = row[options.column];
  if (raw === null || raw === undefined || raw === '' || raw === NOT_STATED) {
    return { key: '(unknown)', label: NOT_STATED, drill: { missing: [options.missing], label: `${options.title.split(',')[0]}: unknown` } };
  }
  const value = String(raw);
  const label = options.field === 'threats' ? THREAT_SHORT_LABELS[value] ?? valueLabel(options.field, value) : valueLabel(options.field, value);
  const also: FiltersInput = { [options.field]: [value] };
  return { key: value, label, filter: { kind: 'list', field: options.field, value }, drill: { also, label: `${options.title.split(',')[0]}: ${label}` } };
}

