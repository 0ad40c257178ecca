import { yearRange } from '../../filters/filter-edits';
import type { ChartSpec, Datum } from '../chart-spec';
import { categoryTooltip, formatCompact, formatCount, formatPercent, toNumber } from '../format';

const SERIES = [
  { key: 'with', name: 'Involved', color: '#d55e00' },
  { key: 'without', name: 'Not involved', color: '#2f6fb0' },
  { key: 'unknown', name: 'Not known', color: '#9aa0a6' },
] as const;

/**
 * Per year: breaches with a business associate involved, without, and not known, stacked; the
 * tooltip gives the share among the breaches where it is known (as the engine's query defines it).
 */
export const businessAssociateSpec: ChartSpec = {
  id: 'business-associate',
  chart: 'business_associate_share',
  title: 'Breaches with a business associate involved, per year',
  units: 'breaches reported; share of breaches where it is known',
  height: 300,
  build(rows, { filters }) {
    const years = rows.map((r) => Number(r.year));
    const counts = rows.map((r) => {
      const all = toNumber(r.breaches);
      const withBa = toNumber(r.with_business_associate);
      const unknown = toNumber(r.not_known);
      return { with: withBa, without: all - withBa - unknown, unknown, share: r.share === null ? null : toNumber(r.share) };
    });
    const datum = (year: number, key: (typeof SERIES)[number]['key']): Datum => {
      const range = yearRange(year);
      if (key === 'unknown') return { key: `${year}:unknown`, label: `not known, ${year}`, drill: { also: range, missing: ['business_associate'], label: `Business associate not known, ${year}` } };
      const value = key === 'with';
      const label = `${value ? 'Business associate involved' : 'No business associate'}, ${year}`;
      return { key: `${year}:${key}`, label, filter: { kind: 'businessAssociate', value }, drill: { also: { ...range, businessAssociate: value }, label } };
    };
    const dimmed = (key: string) => filters.businessAssociate !== undefined && key !== (filters.businessAssociate ? 'with' : 'without');
    return {
      option: {
        tooltip: categoryTooltip((i) => {
          const c = counts[i];
          return c && {
            title: String(years[i]),
            lines: [
              `Business associate involved: ${formatCount(c.with)}`,
              `No business associate: ${formatCount(c.without)}`,
              `Not known: ${formatCount(c.unknown)}`,
              `Share involved: ${c.share === null ? '–' : formatPercent(c.share)}`,
            ],
          };
        }),
        legend: { top: 0 },
        grid: { left: 48, right: 16, top: 40, bottom: 28 },
        xAxis: { type: 'category', data: years.map(String) },
        yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatCompact(v) } },
        series: SERIES.map((s) => ({
          name: s.name,
          type: 'bar',
          stack: 'ba',
          itemStyle: { color: s.color, opacity: dimmed(s.key) ? 0.35 : 1 },
          data: counts.map((c) => c[s.key]),
        })),
      },
      columns: [{ label: 'Year' }, { label: 'Involved', numeric: true }, { label: 'Not involved', numeric: true }, { label: 'Not known', numeric: true }, { label: 'Share involved', numeric: true }],
      rows: counts.map((c, i) => ({
        key: String(years[i]),
        cells: [String(years[i]), c.with, c.without, c.unknown, c.share === null ? '–' : formatPercent(c.share)],
        datum: { key: String(years[i]), label: `reported in ${years[i]}`, drill: { also: yearRange(years[i]!), label: `Breaches reported in ${years[i]}` } },
      })),
      summary: `Business associate involvement per year, ${years[0] ?? ''} to ${years[years.length - 1] ?? ''}.`,
      datumAt: (click) => {
        const year = years[click.dataIndex];
        const series = SERIES[click.seriesIndex];
        return year !== undefined && series ? datum(year, series.key) : undefined;
      },
    };
  },
};
