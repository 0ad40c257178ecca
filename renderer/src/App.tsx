import { useCallback, useMemo, useState } from 'react';
import type { WorkbenchApi } from '../../shared/api';
import { ApiContext, useApi } from './api/use-api';
import { useAsync } from './api/use-async';
import { ShortcutsDialog } from './components/ShortcutsDialog';
import { DropOverlay } from './imports/DropOverlay';
import { IntakeContext, useCreateIntake, useDesktopOpenCommands, useImportJobs } from './imports/use-import-jobs';
import { useWindowDrop } from './imports/use-window-drop';
import { Sidebar } from './components/Sidebar';
import { useDocumentTheme } from './components/use-theme';
import { fromViewState } from './state/app-state';
import { createStore, StoreContext, useAppState, type Store } from './state/store';
import { useKeyboardShortcuts, useMenuCommands, usePersistViewState } from './state/use-app-effects';
import { CompareView } from './views/CompareView';
import { ExploreView } from './views/ExploreView';
import { ImportView } from './views/ImportView';
import { OverviewView } from './views/OverviewView';
import { ReportsView } from './views/ReportsView';
import { SourcesView } from './views/SourcesView';
import { SqlView } from './views/SqlView';
import { WelcomeView } from './views/WelcomeView';

/** Restores the saved view state from the workspace, then starts the window with it. */
export function App({ api }: { api: WorkbenchApi }) {
  const saved = useAsync(() => api.getViewState({}), [api]);
  const store = useMemo(() => (saved.status === 'loading' ? null : createStore(fromViewState(saved.status === 'ready' ? saved.value.state : null))), [saved]);
  if (!store) return <p className="splash muted">Opening the workspace…</p>;
  return (
    <ApiContext.Provider value={api}>
      <StoreContext.Provider value={store}>
        <Shell store={store} />
      </StoreContext.Provider>
    </ApiContext.Provider>
  );
}

function Shell({ store }: { store: Store }) {
  const api = useApi();
  const view = useAppState((s) => s.view);
  const shortcutsOpen = useAppState((s) => s.shortcutsOpen);
  const [refreshKey, setRefreshKey] = useState(0);
  const refresh = useCallback(() => setRefreshKey((k) => k + 1), []);
  const sources = useAsync(() => api.listSources({}), [api, refreshKey]);
  useDocumentTheme();
  useKeyboardShortcuts(store);
  useMenuCommands(store);
  usePersistViewState(store, api);
  const intake = useCreateIntake(store, api);
  useImportJobs(store, api, refresh);
  useDesktopOpenCommands(store, intake);
  const dragging = useWindowDrop(intake.openItems);

  const hasRecords = sources.status === 'ready' && sources.value.some((s) => s.kind !== 'oaic' && s.rows > 0);
  const welcome = sources.status === 'ready' && !hasRecords && (view === 'overview' || view === 'explore');

  return (
    <IntakeContext.Provider value={intake}>
    <div className="app">
      <Sidebar />
      <main className="content" key={refreshKey}>
        {sources.status === 'loading' && <p className="muted">Opening the workspace…</p>}
        {sources.status === 'error' && <p className="error">{sources.message}</p>}
        {welcome && <WelcomeView onImported={refresh} />}
        {sources.status === 'ready' && !welcome && (
          <>
            {view === 'overview' && <OverviewView />}
            {view === 'explore' && <ExploreView />}
            {view === 'sources' && <SourcesView refreshKey={refreshKey} />}
            {view === 'sql' && <SqlView />}
            {view === 'reports' && <ReportsView />}
            {view === 'compare' && <CompareView />}
            {view === 'import' && <ImportView />}
          </>
        )}
      </main>
      {shortcutsOpen && <ShortcutsDialog />}
      {dragging && <DropOverlay />}
    </div>
    </IntakeContext.Provider>
  );
}
