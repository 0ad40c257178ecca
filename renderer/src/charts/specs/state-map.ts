import { valueLabel } from '../../filters/filter-labels';
import type { ChartSpec, Datum } from '../chart-spec';
import { formatCount, toNumber, tooltipText } from '../format';
import { ensureUsMap, US_MAP } from '../us-map';
import { STATE_NAMES, US_STATES } from '../../../../shared/us-states';
import { NOT_STATED } from './category-bars';

const OFF_MAP = new Set(['AS', 'GU', 'MP', 'VI']);

/** Breaches per US state on a map; a click on a state filters by it. */
export const stateMapSpec: ChartSpec = {
  id: 'state-map',
  chart: 'breaches_by_state',
  title: 'Breaches reported, by state of the reporting entity',
  units: 'breaches reported',
  height: 340,
  build(rows, { filters, theme }) {
    ensureUsMap();
    const known = rows.filter((r) => typeof r.state === 'string' && STATE_NAMES[r.state]);
    const other = rows.filter((r) => !(typeof r.state === 'string' && STATE_NAMES[r.state]));
    const byCode = new Map(known.map((r) => [String(r.state), r]));
    const max = Math.max(1, ...known.map((r) => toNumber(r.breaches)));
    const datums: Datum[] = rows.map((r) => {
      const code = r.state === null || r.state === NOT_STATED ? null : String(r.state);
      if (code === null) return { key: '(unknown)', label: 'Unknown', drill: { missing: ['state'], label: 'State: unknown' } };
      const label = valueLabel('states', code);
      return { key: code, label, filter: { kind: 'list', field: 'states', value: code }, drill: { also: { states: [code] }, label: `State: ${label}` } };
    });
    const datumByCode = new Map(datums.map((d) => [d.key, d]));
    const sorted = [...rows].sort((a, b) => toNumber(b.breaches) - toNumber(a.breaches));
    const offMap = other.filter((r) => r.state !== null && r.state !== NOT_STATED);
    const unknown = other.find((r) => r.state === null || r.state === NOT_STATED);
    return {
      option: {
        tooltip: {
          trigger: 'item',
          formatter: (p: { name: string }) => {
            const row = byCode.get(p.name);
            return tooltipText(String(STATE_NAMES[p.name] ?? p.name), [`Breaches: ${formatCount(row?.breaches ?? 0)}`, `People affected: ${formatCount(row?.people_affected ?? 0)}`]);
          },
        },
        visualMap: {
          type: 'continuous',
          min: 0,
          max,
          left: 8,
          bottom: 8,
          text: [formatCount(max), '0'],
          calculable: false,
          inRange: { color: theme === 'dark' ? ['#1d2c3d', '#4c8ed9', '#cfe3ff'] : ['#e8f0fa', '#5b93cf', '#12406f'] },
        },
        series: [
          {
            name: 'Breaches',
            type: 'map',
            map: US_MAP,
            aspectScale: 1,
            roam: false,
            selectedMode: false,
            layoutCenter: ['52%', '50%'],
            layoutSize: '100%',
            itemStyle: { borderColor: theme === 'dark' ? '#11161c' : '#ffffff', borderWidth: 0.6, areaColor: theme === 'dark' ? '#222b35' : '#eef1f4' },
            emphasis: { label: { show: false }, itemStyle: { areaColor: '#e6a100' } },
            label: { show: false },
            data: US_STATES.filter((s) => !OFF_MAP.has(s.code)).map((s) => {
              const row = byCode.get(s.code);
              const dim = filters.states.length > 0 && !filters.states.includes(s.code);
              return { name: s.code, value: row ? toNumber(row.breaches) : 0, itemStyle: dim ? { opacity: 0.4 } : undefined };
            }),
          },
        ],
      },
      columns: [{ label: 'State' }, { label: 'Breaches', numeric: true }, { label: 'People affected', numeric: true }],
      rows: sorted.map((r) => {
        const d = datumByCode.get(r.state === null || r.state === NOT_STATED ? '(unknown)' : String(r.state))!;
        return { key: d.key, cells: [d.label, toNumber(r.breaches), r.people_affected === null ? null : toNumber(r.people_affected)], datum: d };
      }),
      summary: `${known.length} states and territories; most breaches: ${valueLabel('states', String(sorted[0]?.state ?? ''))}.`,
      datumAt: (click) => datumByCode.get(click.name),
      caveat:
        offMap.length || unknown
          ? [
              offMap.length ? `Not drawn: ${offMap.map((r) => `${valueLabel('states', String(r.state))} ${formatCount(r.breaches)}`).join(', ')}.` : '',
              unknown ? `No state given: ${formatCount(unknown.breaches)} breaches.` : '',
            ]
              .filter(Boolean)
              .join(' ') + ' See the table.'
          : undefined,
    };
  },
};
