import { useApi } from '../api/use-api';
import { useQuery } from '../api/use-query';
import { formatCount } from '../charts/format';

/** The workspace's tables and views with their columns; a click inserts the name into the query. */
export function TableList({ onInsert }: { onInsert: (text: string) => void }) {
  const api = useApi();
  const tables = useQuery('tables', () => api.listTables({}));
  const list = tables.value ?? [];
  // The canonical view first, then the rest; the workspace's own bookkeeping tables last.
  const ordered = [...list].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
  return (
    <nav className="table-list" aria-label="Tables and views">
      <h2>Tables</h2>
      {tables.loading && !tables.value && <p className="muted">Loading…</p>}
      {tables.error && <p className="error">{tables.error}</p>}
      <ul>
        {ordered.map((t) => (
          <li key={t.name}>
            <details open={t.name === 'breaches'}>
              <summary>
                <span className="table-name">{t.name}</span>
                <span className="muted small">
                  {t.kind === 'view' ? ' view' : ''}
                  {t.rows !== null ? ` ${formatCount(t.rows)}` : ''}
                </span>
              </summary>
              <button type="button" className="link-button small" onClick={() => onInsert(t.name)}>
                Insert “{t.name}”
              </button>
              <ul className="column-list">
                {t.columns.map((c) => (
                  <li key={c.name}>
                    <button type="button" className="column-button" onClick={() => onInsert(quoteIfNeeded(c.name))} title={`Insert ${c.name}`}>
                      <span>{c.name}</span>
                      <span className="muted small">{c.type.toLowerCase()}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function rank(name: string): number {
  if (name === 'breaches') return 0;
  if (name.startsWith('bw_')) return 3;
  if (name.startsWith('ocr_') || name.startsWith('oaic_')) return 1;
  return 2;
}

function quoteIfNeeded(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}
