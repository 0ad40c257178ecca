import { openImportView } from '../actions/imports';
import { useApi } from '../api/use-api';
import { useAsync } from '../api/use-async';
import { useDispatch } from '../state/store';

/** What is loaded: every source, its files, snapshot dates and row counts. */
export function SourcesView({ refreshKey }: { refreshKey: number }) {
  const api = useApi();
  const sources = useAsync(() => api.listSources({}), [api, refreshKey]);
  const dispatch = useDispatch();
  return (
    <div className="view">
      <h1>Sources</h1>
      <p className="toolbar">
        <button type="button" onClick={() => dispatch(openImportView, undefined)}>
          Import files…
        </button>
        <span className="muted">Or drop files and folders anywhere on the window.</span>
      </p>
      {sources.status === 'loading' && <p className="muted">Loading…</p>}
      {sources.status === 'error' && <p className="error">{sources.message}</p>}
      {sources.status === 'ready' &&
        sources.value.map((s) => (
          <section className="card" key={s.id} aria-labelledby={`source-${s.id}`}>
            <h2 id={`source-${s.id}`}>
              {s.title} <span className="muted">({s.rows.toLocaleString('en-US')} records)</span>
            </h2>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Snapshot</th>
                  <th scope="col">Rows read</th>
                  <th scope="col">Loaded</th>
                  <th scope="col">Rejected</th>
                </tr>
              </thead>
              <tbody>
                {s.files.map((f) => (
                  <tr key={f.file}>
                    <td>{f.file}</td>
                    <td>{f.kind}</td>
                    <td>{f.snapshotDate ?? '–'}</td>
                    <td className="num">{f.rowsRead.toLocaleString('en-US')}</td>
                    <td className="num">{f.rowsLoaded.toLocaleString('en-US')}</td>
                    <td className="num">{f.rowsRejected.toLocaleString('en-US')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
    </div>
  );
}
