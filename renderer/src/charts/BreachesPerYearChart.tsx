import { useMemo, useState } from 'react';
import { EMPTY_FILTERS } from '../../../shared/filters';
import { useApi } from '../api/use-api';
import { useAsync } from '../api/use-async';
import { arrowRows } from './arrow-table';
import { ChartFootnote } from './ChartFootnote';
import { EChart } from './EChart';

const numberFormat = new Intl.NumberFormat('en-US');

/** Breaches reported (bars) and people affected (line, own axis) per year, from the view `breaches`. */
export function BreachesPerYearChart() {
  const api = useApi();
  const [showTable, setShowTable] = useState(false);
  const state = useAsync(() => api.runChart({ chart: 'breaches_per_year', filters: EMPTY_FILTERS }), [api]);

  const rows = useMemo(() => (state.status === 'ready' ? arrowRows(state.value.arrow) : []), [state]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? numberFormat.format(v) : String(v)) },
      legend: { data: ['Breaches', 'People affected'], top: 0 },
      grid: { left: 56, right: 72, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: rows.map((r) => String(r.year)) },
      yAxis: [
        { type: 'value', name: 'Breaches', nameTextStyle: { align: 'left' } },
        { type: 'value', name: 'People', axisLabel: { formatter: (v: number) => compact(v) } },
      ],
      series: [
        { name: 'Breaches', type: 'bar', data: rows.map((r) => r.breaches), itemStyle: { color: '#2f6fb0' } },
        { name: 'People affected', type: 'line', yAxisIndex: 1, data: rows.map((r) => r.people_affected), itemStyle: { color: '#d2691e' }, symbolSize: 6 },
      ],
    }),
    [rows],
  );

  return (
    <section className="card" aria-labelledby="chart-breaches-per-year">
      <header className="card-header">
        <h2 id="chart-breaches-per-year">Breaches reported and people affected, per year</h2>
        <button type="button" className="link-button" onClick={() => setShowTable((s) => !s)} aria-expanded={showTable}>
          {showTable ? 'Show chart' : 'Show data table'}
        </button>
      </header>
      {state.status === 'loading' && <p className="muted">Loading…</p>}
      {state.status === 'error' && <p className="error">{state.message}</p>}
      {state.status === 'ready' && rows.length === 0 && <p className="muted">No breaches match the current filters.</p>}
      {state.status === 'ready' && rows.length > 0 && (
        <>
          {showTable ? (
            <table className="data-table" data-testid="breaches-per-year-table">
              <caption className="sr-only">Breaches and people affected per year</caption>
              <thead>
                <tr><th scope="col">Year</th><th scope="col">Breaches</th><th scope="col">People affected</th></tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={String(r.year)}>
                    <td>{String(r.year)}</td>
                    <td className="num">{numberFormat.format(Number(r.breaches))}</td>
                    <td className="num">{r.people_affected === null ? '–' : numberFormat.format(Number(r.people_affected))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <EChart option={option} label={`Bar chart of breaches per year, ${rows[0]?.year} to ${rows[rows.length - 1]?.year}`} />
          )}
          <div data-testid="breaches-per-year-total" hidden>
            {rows.reduce((n, r) => n + Number(r.breaches), 0)}
          </div>
          <ChartFootnote meta={state.value.meta} />
        </>
      )}
    </section>
  );
}

function compact(value: number): string {
  return new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}
