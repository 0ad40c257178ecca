import { cycleTheme, toggleShortcuts } from '../actions/display';
import { navigate, VIEW_ACTIONS } from '../actions/navigation';
import { isJobRunning } from '../imports/import-state';
import { useAppState, useDispatch } from '../state/store';

const THEME_LABEL = { system: 'System', light: 'Light', dark: 'Dark' } as const;

/** Navigation (the same actions as Ctrl+1..5 and the View menu), theme and shortcut help. */
export function Sidebar() {
  const dispatch = useDispatch();
  const view = useAppState((s) => s.view);
  const theme = useAppState((s) => s.theme);
  const running = useAppState((s) => s.imports.jobs.find(isJobRunning));
  const percent = running?.status?.percent;
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">Breach Workbench</div>
      <ul>
        {VIEW_ACTIONS.map((action) => {
          const current = action.name === `goTo:${view}`;
          return (
            <li key={action.name}>
              <button
                type="button"
                className={current ? 'nav-item active' : 'nav-item'}
                aria-current={current ? 'page' : undefined}
                onClick={() => dispatch(action, undefined)}
              >
                {action.label}
                <kbd aria-hidden="true">{action.shortcut}</kbd>
              </button>
            </li>
          );
        })}
      </ul>
      {running && (
        // Progress stays in sight from every view; the import view has the details and Cancel.
        <button type="button" className="nav-item sidebar-job" onClick={() => dispatch(navigate, 'import')} aria-label={`Import running, ${percent ?? 0}%: show`}>
          <span>Importing…</span>
          <span>{percent !== null && percent !== undefined ? `${Math.round(percent)}%` : ''}</span>
          <progress max={100} value={percent ?? undefined} aria-hidden="true" />
        </button>
      )}
      <div className="sidebar-footer">
        <button type="button" className="nav-item" onClick={() => dispatch(cycleTheme, undefined)} title={`${cycleTheme.label} (${cycleTheme.shortcut})`}>
          Theme: {THEME_LABEL[theme]}
        </button>
        <button type="button" className="nav-item" onClick={() => dispatch(toggleShortcuts, undefined)}>
          Keyboard shortcuts
          <kbd aria-hidden="true">?</kbd>
        </button>
      </div>
    </nav>
  );
}
