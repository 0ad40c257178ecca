import type { ChartSpec, Datum } from '../chart-spec';
import { formatCompact, formatCount, toNumber } from '../format';
import { yearRange } from '../../filters/filter-edits';
import { lowerBoundArea } from '../lower-bound-area';

/** Breaches reported (bars) and people affected (line, own axis) per year of the report. */
export const perYearSpec: ChartSpec = {
  id: 'per-year',
  chart: 'breaches_per_year',
  title: 'Breaches reported and people affected, per year',
  units: 'breaches reported (bars); people affected (line), by year of report',
  height: 320,
  wide: true,
  toggle: { label: 'Log scale', pressed: (c) => c.perYearLogScale, action: 'toggleLogScale' },
  build(rows, context) {
    const { charts, filters } = context;
    const log = charts.perYearLogScale;
    const years = rows.map((r) => Number(r.year));
    const datums: Datum[] = years.map((year) => ({
      key: String(year),
      label: `reported in ${year}`,
      filter: { kind: 'year', year },
      drill: { also: yearRange(year), label: `Breaches reported in ${year}` },
    }));
    const selected = years.find((y) => filters.dateFrom === `${y}-01-01` && filters.dateTo === `${y}-12-31`);
    const valueAxis = (name: string) => ({
      type: log ? 'log' : 'value',
      name,
      nameTextStyle: { align: name === 'Breaches' ? 'left' : 'right' },
      axisLabel: { formatter: (v: number) => formatCompact(v) },
      ...(log ? { min: 1 } : {}),
    });
    return {
      option: {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: formatCount },
        legend: { data: ['Breaches', 'People affected'], top: 0 },
        grid: { left: 56, right: 64, top: 40, bottom: 28 },
        // A tick per year even when labels are skipped: the lower-bound shade snaps to ticks.
        xAxis: { type: 'category', data: years.map(String), axisTick: { interval: 0 } },
        yAxis: [valueAxis('Breaches'), { ...valueAxis('People'), splitLine: { show: false } }],
        series: [
          {
            name: 'Breaches',
            type: 'bar',
            data: rows.map((r, i) => ({
              value: toNumber(r.breaches),
              itemStyle: selected !== undefined && years[i] !== selected ? { opacity: 0.35 } : undefined,
            })),
            emphasis: { focus: 'none' },
            markArea: lowerBoundArea(context, years.map(String)),
          },
          {
            name: 'People affected',
            type: 'line',
            yAxisIndex: 1,
            data: rows.map((r) => (r.people_affected === null ? null : toNumber(r.people_affected))),
            symbolSize: 6,
          },
        ],
      },
      columns: [{ label: 'Year' }, { label: 'Breaches', numeric: true }, { label: 'People affected', numeric: true }],
      rows: rows.map((r, i) => ({ key: String(years[i]), cells: [String(years[i]), toNumber(r.breaches), r.people_affected === null ? null : toNumber(r.people_affected)], datum: datums[i] })),
      summary: years.length ? `${years.length} years, ${years[0]} to ${years[years.length - 1]}.` : 'No years.',
      datumAt: (click) => datums[click.dataIndex],
    };
  },
};
