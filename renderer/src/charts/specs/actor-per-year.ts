import { ACTORS } from '../../../../shared/schema';
import { ACTOR_LABELS } from '../../filters/filter-labels';
import { yearRange } from '../../filters/filter-edits';
import type { ChartSpec, Datum } from '../chart-spec';
import { ACTOR_COLORS } from '../chart-themes';
import { formatCompact, formatCount, formatPercent, toNumber } from '../format';

/**
 * Who caused the breach, per year: stacked counts, or each year's shares (100%). The actor is
 * derived by versioned rules; the footnote names the version.
 */
export const actorPerYearSpec: ChartSpec = {
  id: 'actor-per-year',
  chart: 'actor_per_year',
  title: 'Breaches by actor (insider, external, partner), per year',
  units: 'breaches reported, or share of the year\u2019s breaches',
  height: 320,
  wide: true,
  toggle: { label: '100% shares', pressed: (c) => c.actorShares, action: 'toggleActorShares' },
  build(rows, { charts, filters }) {
    const shares = charts.actorShares;
    const years = [...new Set(rows.map((r) => Number(r.year)))].sort((a, b) => a - b);
    const present = ACTORS.filter((a) => rows.some((r) => r.actor === a));
    const count = (year: number, actor: string) => toNumber(rows.find((r) => Number(r.year) === year && r.actor === actor)?.breaches ?? 0);
    const yearTotal = new Map(years.map((y) => [y, present.reduce((n, a) => n + count(y, a), 0)]));
    const datum = (year: number, actor: string): Datum => ({
      key: `${year}:${actor}`,
      label: `${ACTOR_LABELS[actor] ?? actor}, ${year}`,
      filter: { kind: 'list', field: 'actors', value: actor },
      drill: { also: { ...yearRange(year), actors: [actor as (typeof ACTORS)[number]] }, label: `${ACTOR_LABELS[actor] ?? actor} breaches reported in ${year}` },
    });
    return {
      option: {
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          valueFormatter: (v: number) => (shares ? formatPercent(v) : formatCount(v)),
        },
        legend: { top: 0 },
        grid: { left: 56, right: 24, top: 40, bottom: 28 },
        xAxis: { type: 'category', data: years.map(String) },
        yAxis: shares
          ? { type: 'value', max: 1, axisLabel: { formatter: (v: number) => formatPercent(v) } }
          : { type: 'value', name: 'Breaches', axisLabel: { formatter: (v: number) => formatCompact(v) } },
        series: present.map((actor) => ({
          name: ACTOR_LABELS[actor] ?? actor,
          type: 'bar',
          stack: 'actors',
          itemStyle: { color: ACTOR_COLORS[actor], opacity: filters.actors.length && !filters.actors.includes(actor) ? 0.35 : 1 },
          data: years.map((y) => (shares ? count(y, actor) / (yearTotal.get(y) || 1) : count(y, actor))),
        })),
      },
      columns: [{ label: 'Year' }, ...present.map((a) => ({ label: ACTOR_LABELS[a] ?? a, numeric: true }))],
      rows: years.map((y) => ({ key: String(y), cells: [String(y), ...present.map((a) => count(y, a))], datum: { key: String(y), label: `reported in ${y}`, drill: { also: yearRange(y), label: `Breaches reported in ${y}` } } })),
      caveat: ruleNote(rows),
      summary: `${present.map((a) => ACTOR_LABELS[a]).join(', ')} per year, ${years[0] ?? ''} to ${years[years.length - 1] ?? ''}.`,
      datumAt: (click) => {
        const year = years[click.dataIndex];
        const actor = present[click.seriesIndex];
        return year !== undefined && actor ? datum(year, actor) : undefined;
      },
    };
  },
};

/** OCR has no actor field: say which versioned rules decided it, right under the chart. */
function ruleNote(rows: { rule_versions?: unknown }[]): string | undefined {
  const rules = [...new Set(rows.flatMap((r) => String(r.rule_versions ?? '').split(', ')).filter(Boolean))].sort();
  return rules.length ? `Actor derived by rules ${rules.join(', ')} from the breach type, business associate and description; not reported by OCR.` : undefined;
}
