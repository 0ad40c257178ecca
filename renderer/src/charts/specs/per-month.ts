import { monthRange } from '../../filters/filter-edits';
import type { ChartSpec, Datum } from '../chart-spec';
import { categoryTooltip, formatCompact, formatCount, toNumber } from '../format';
import { lowerBoundArea } from '../lower-bound-area';

/** Breaches reported per calendar month: the seasonality and the spikes a yearly bar hides. */
export const perMonthSpec: ChartSpec = {
  id: 'per-month',
  chart: 'breaches_per_month',
  title: 'Breaches reported, per month',
  units: 'breaches reported, by month of report (months without a report are left out)',
  height: 240,
  wide: true,
  build(rows, context) {
    const { filters } = context;
    const months = rows.map((r) => String(r.month_label));
    const datums: Datum[] = months.map((month) => ({
      key: month,
      label: `reported in ${month}`,
      filter: { kind: 'month', month },
      drill: { also: monthRange(month), label: `Breaches reported in ${month}` },
    }));
    const selected = months.find((m) => filters.dateFrom === monthRange(m).dateFrom && filters.dateTo === monthRange(m).dateTo);
    return {
      option: {
        tooltip: categoryTooltip((i) => {
          const r = rows[i];
          return r && {
            title: String(r.month_label),
            lines: [`Breaches: ${formatCount(r.breaches)}`, `People affected: ${formatCount(r.people_affected)}`, `Breaches with no count: ${formatCount(r.unknown_counts)}`],
          };
        }),
        grid: { left: 48, right: 16, top: 16, bottom: 28 },
        // A tick per month, hidden: with ticks only under the shown labels, ECharts snaps the lower-bound shade to them.
        xAxis: { type: 'category', data: months, axisLabel: { hideOverlap: true }, axisTick: { show: false, interval: 0 } },
        yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatCompact(v) } },
        series: [
          {
            name: 'Breaches',
            type: 'bar',
            barCategoryGap: '15%',
            data: rows.map((r, i) => ({ value: toNumber(r.breaches), itemStyle: selected !== undefined && months[i] !== selected ? { opacity: 0.35 } : undefined })),
            markArea: lowerBoundArea(context, months),
          },
        ],
      },
      columns: [{ label: 'Month' }, { label: 'Breaches', numeric: true }, { label: 'People affected', numeric: true }],
      rows: rows.map((r, i) => ({ key: months[i]!, cells: [months[i]!, toNumber(r.breaches), r.people_affected === null ? null : toNumber(r.people_affected)], datum: datums[i] })),
      summary: months.length ? `${months.length} months, ${months[0]} to ${months[months.length - 1]}.` : 'No months.',
      datumAt: (click) => datums[click.dataIndex],
    };
  },
};
