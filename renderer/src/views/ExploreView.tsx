import { useApi } from '../api/use-api';
import { useAsync } from '../api/use-async';
import { ResultTable } from '../components/ResultTable';

const LARGEST = `SELECT entity, state, reported_date, records_affected, breach_types, locations, source
FROM breaches WHERE records_affected IS NOT NULL ORDER BY records_affected DESC LIMIT 100`;

/** The rows behind the charts: for now the largest breaches, straight from the view `breaches`. */
export function ExploreView() {
  const api = useApi();
  const result = useAsync(() => api.runSql({ sql: LARGEST }), [api]);
  return (
    <div className="view">
      <h1>Explore</h1>
      <h2>Largest breaches by people affected</h2>
      {result.status === 'loading' && <p className="muted">Loading…</p>}
      {result.status === 'error' && <p className="error">{result.message}</p>}
      {result.status === 'ready' && <ResultTable arrow={result.value.arrow} caption="Largest breaches" />}
    </div>
  );
}
