import { useApi } from '../api/use-api';
import { useAsync } from '../api/use-async';

/** Reports start from what is loaded; the export formats are listed with the sources they will cite. */
export function ReportsView() {
  const api = useApi();
  const sources = useAsync(() => api.listSources({}), [api]);
  return (
    <div className="view">
      <h1>Reports</h1>
      <p className="muted">Every report ends with its sources. Loaded now:</p>
      {sources.status === 'ready' && (
        <ul>
          {sources.value.map((s) => (
            <li key={s.id}>
              {s.title}: {s.files.length} files{s.snapshotDates.length ? `, snapshots ${s.snapshotDates.join(', ')}` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
