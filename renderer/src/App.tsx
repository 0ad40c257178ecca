import { useCallback, useEffect, useState } from 'react';
import type { WorkbenchApi } from '../../shared/api';
import { ApiContext } from './api/use-api';
import { useAsync } from './api/use-async';
import { desktopBridge } from './api/workbench-client';
import { ExploreView } from './views/ExploreView';
import { OverviewView } from './views/OverviewView';
import { ReportsView } from './views/ReportsView';
import { SourcesView } from './views/SourcesView';
import { SqlView } from './views/SqlView';
import { WelcomeView } from './views/WelcomeView';

export const VIEWS = [
  { id: 'overview', label: 'Overview', key: '1' },
  { id: 'explore', label: 'Explore', key: '2' },
  { id: 'sources', label: 'Sources', key: '3' },
  { id: 'sql', label: 'SQL', key: '4' },
  { id: 'reports', label: 'Reports', key: '5' },
] as const;
export type ViewId = (typeof VIEWS)[number]['id'];

export function App({ api }: { api: WorkbenchApi }) {
  const [view, setView] = useState<ViewId>('overview');
  const [refreshKey, setRefreshKey] = useState(0);
  const sources = useAsync(() => api.listSources({}), [api, refreshKey]);
  const refresh = useCallback(() => setRefreshKey((k) => k + 1), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const match = VIEWS.find((v) => v.key === e.key);
      if (match) {
        e.preventDefault();
        setView(match.id);
      }
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = desktopBridge()?.onMenuCommand((command, payload) => {
      if (command === 'navigate' && VIEWS.some((v) => v.id === payload)) setView(payload as ViewId);
      if (command === 'import-job-started') setView('sources');
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe?.();
    };
  }, []);

  const hasRecords = sources.status === 'ready' && sources.value.some((s) => s.kind !== 'oaic' && s.rows > 0);

  return (
    <ApiContext.Provider value={api}>
      <div className="app">
        <nav className="sidebar" aria-label="Main">
          <div className="brand">Breach Workbench</div>
          <ul>
            {VIEWS.map((v) => (
              <li key={v.id}>
                <button type="button" className={v.id === view ? 'nav-item active' : 'nav-item'} aria-current={v.id === view ? 'page' : undefined} onClick={() => setView(v.id)}>
                  {v.label}
                  <kbd aria-hidden="true">Ctrl+{v.key}</kbd>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <main className="content" key={refreshKey}>
          {sources.status === 'loading' && <p className="muted">Opening the workspace…</p>}
          {sources.status === 'error' && <p className="error">{sources.message}</p>}
          {sources.status === 'ready' && !hasRecords && view === 'overview' && <WelcomeView onImported={refresh} />}
          {sources.status === 'ready' && (hasRecords || view !== 'overview') && (
            <>
              {view === 'overview' && <OverviewView />}
              {view === 'explore' && <ExploreView />}
              {view === 'sources' && <SourcesView refreshKey={refreshKey} />}
              {view === 'sql' && <SqlView />}
              {view === 'reports' && <ReportsView />}
            </>
          )}
        </main>
      </div>
    </ApiContext.Provider>
  );
}
