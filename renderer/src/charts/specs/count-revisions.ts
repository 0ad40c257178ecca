import type { ChartSpec, Datum } from '../chart-spec';
import { categoryTooltip, formatCompact, formatCount, toNumber } from '../format';

/**
 * OCR cases whose count of people affected changed most between snapshots (Change Healthcare:
 * 500 -> 192.7 million). A click opens the case's row with its revision history.
 */
export const countRevisionsSpec: ChartSpec = {
  id: 'count-revisions',
  chart: 'count_revisions',
  title: 'OCR revisions: cases whose count of people affected changed most',
  units: 'people affected, first published count to latest',
  height: 340,
  build(rows) {
    const top = rows.slice(0, 12);
    const datums: Datum[] = top.map((r) => {
      const ref = { source: 'ocr', caseId: String(r.case_id) };
      return { key: ref.caseId, label: String(r.entity), drill: { cases: [ref], label: `${r.entity}: revisions` }, history: ref };
    });
    return {
      option: {
        tooltip: categoryTooltip((i) => {
          const r = top[i];
          return r && {
            title: String(r.entity),
            lines: [
              `First count: ${formatCount(r.first_count)}`,
              `Latest count: ${formatCount(r.latest_count)}`,
              `Change: ${formatCount(r.change)} in ${formatCount(r.revisions)} revision${r.revisions === 1 ? '' : 's'}`,
              `Last revised: ${r.last_revised}`,
            ],
          };
        }),
        legend: { top: 0 },
        grid: { left: 8, right: 56, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'value', splitNumber: 3, axisLabel: { formatter: (v: number) => formatCompact(v), hideOverlap: true } },
        yAxis: { type: 'category', inverse: true, data: top.map((r) => String(r.entity)), axisLabel: { width: 200, overflow: 'truncate' } },
        series: [
          { name: 'First count', type: 'bar', data: top.map((r) => toNumber(r.first_count)), itemStyle: { color: '#9aa0a6' } },
          { name: 'Latest count', type: 'bar', data: top.map((r) => toNumber(r.latest_count)), label: { show: true, position: 'right', formatter: (p: { value: number }) => formatCompact(p.value) } },
        ],
      },
      columns: [
        { label: 'Entity' },
        { label: 'First count', numeric: true },
        { label: 'Latest count', numeric: true },
        { label: 'Change', numeric: true },
        { label: 'Revisions', numeric: true },
        { label: 'Last revised' },
      ],
      rows: top.map((r, i) => ({
        key: datums[i]!.key,
        cells: [String(r.entity), toNumber(r.first_count), toNumber(r.latest_count), toNumber(r.change), toNumber(r.revisions), String(r.last_revised ?? '–')],
        datum: datums[i],
      })),
      summary: top.length ? `Most revised: ${top[0]!.entity}, from ${formatCount(top[0]!.first_count)} to ${formatCount(top[0]!.latest_count)}.` : 'No revised counts.',
      datumAt: (click) => datums[click.dataIndex],
    };
  },
};
