import { useApi } from '../api/use-api';
import { useQuery } from '../api/use-query';
import { drillDown } from '../actions/drill';
import { ChartCard } from '../charts/ChartCard';
import { DASHBOARD_CHARTS } from '../charts/dashboard-charts';
import { formatCount } from '../charts/format';
import { FilterBar } from '../components/FilterBar';
import { useAppState, useDispatch } from '../state/store';

/** The dashboard: headline numbers, then every chart, all under the one filter state. */
export function OverviewView() {
  return (
    <div className="view overview">
      <h1>Overview</h1>
      <FilterBar />
      <Headline />
      <div className="dashboard">
        {DASHBOARD_CHARTS.map((spec) => (
          <ChartCard key={spec.id} spec={spec} />
        ))}
      </div>
    </div>
  );
}

/** Breaches and people under the current filters; each number opens its rows. */
function Headline() {
  const api = useApi();
  const dispatch = useDispatch();
  const filters = useAppState((s) => s.filters);
  const totals = useQuery(`totals|${JSON.stringify(filters)}`, () => api.fetchRows({ filters, limit: 0 }));
  const t = totals.value;
  const dates = t?.meta.snapshotDates ?? [];
  return (
    <section className="headline" aria-label="Totals under the current filters" aria-busy={totals.loading}>
      <button type="button" className="kpi" onClick={() => dispatch(drillDown, { label: 'All filtered breaches' })} disabled={!t}>
        <span className="kpi-value" data-testid="kpi-breaches">{t ? formatCount(t.totalRows) : '…'}</span>
        <span className="kpi-label">breaches reported</span>
      </button>
      <button type="button" className="kpi" onClick={() => dispatch(drillDown, { label: 'All filtered breaches' })} disabled={!t}>
        <span className="kpi-value" data-testid="kpi-people">{t ? formatCount(t.totalPeople ?? 0) : '…'}</span>
        <span className="kpi-label">people affected</span>
      </button>
      <div className="kpi static">
        <span className="kpi-value">{dates.length ? `${dates.length}` : '–'}</span>
        <span className="kpi-label">{dates.length ? `snapshots, ${dates[0]} to ${dates[dates.length - 1]}` : 'snapshots'}</span>
      </div>
      {totals.error && <p className="error">{totals.error}</p>}
    </section>
  );
}
