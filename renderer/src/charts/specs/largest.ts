import type { ChartSpec, Datum } from '../chart-spec';
import { categoryTooltip, formatCompact, formatCount, toNumber } from '../format';

/** The largest breaches by people affected; a click opens the case's rows (and its history from there). */
export const largestSpec: ChartSpec = {
  id: 'largest',
  chart: 'largest_breaches',
  title: 'Largest breaches, by people affected',
  units: 'people affected',
  height: 340,
  build(rows) {
    const top = rows.slice(0, 15);
    const datums: Datum[] = top.map((r) => ({
      key: `${r.source}:${r.case_id}`,
      label: String(r.entity),
      drill: { cases: [{ source: String(r.source), caseId: String(r.case_id) }], label: `${r.entity} (${r.reported_date})` },
    }));
    return {
      option: {
        tooltip: categoryTooltip((i) => {
          const r = top[i];
          return r && { title: String(r.entity), lines: [`${r.state ?? ''} · reported ${r.reported_date}`, `People affected: ${formatCount(r.records_affected)}`] };
        }),
        grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', splitNumber: 3, axisLabel: { formatter: (v: number) => formatCompact(v), hideOverlap: true } },
        yAxis: { type: 'category', inverse: true, data: top.map((r) => String(r.entity)), axisLabel: { width: 200, overflow: 'truncate' } },
        series: [
          {
            name: 'People affected',
            type: 'bar',
            label: { show: true, position: 'right', formatter: (p: { value: number }) => formatCompact(p.value) },
            data: top.map((r) => toNumber(r.records_affected)),
          },
        ],
      },
      columns: [{ label: 'Entity' }, { label: 'State' }, { label: 'Reported' }, { label: 'People affected', numeric: true }],
      rows: top.map((r, i) => ({ key: datums[i]!.key, cells: [String(r.entity), r.state === null ? null : String(r.state), String(r.reported_date), toNumber(r.records_affected)], datum: datums[i] })),
      summary: top.length ? `Largest: ${top[0]!.entity}, ${formatCount(top[0]!.records_affected)} people.` : 'None.',
      datumAt: (click) => datums[click.dataIndex],
    };
  },
};
