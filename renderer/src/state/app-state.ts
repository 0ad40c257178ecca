import type { DrillInput, ViewState } from '../../../shared/api';
import { VIEW_STATE_VERSION } from '../../../shared/api';
import { EMPTY_FILTERS, type Filters } from '../../../shared/filters';
import { INITIAL_COMPARE, type CompareState } from '../compare/compare-state';
import { INITIAL_IMPORTS, type ImportsState, type RecentFile } from '../imports/import-state';

export const VIEW_IDS = ['overview', 'explore', 'sources', 'sql', 'reports', 'compare', 'import'] as const;
export type ViewId = (typeof VIEW_IDS)[number];
export type ThemeChoice = ViewState['theme'];

export interface CaseRef {
  source: string;
  caseId: string;
}

/**
 * Everything the window shows that is not data: which view, the one filter state, what the grid
 * drills into, whose history is open, chart toggles and theme. Actions change it; views read it.
 */
export interface AppState {
  view: ViewId;
  filters: Filters;
  /** The rows Explore shows beyond the filters: the number that was clicked. Null: all filtered rows. */
  drill: DrillInput | null;
  historyCase: CaseRef | null;
  charts: ViewState['charts'];
  theme: ThemeChoice;
  sql: string;
  shortcutsOpen: boolean;
  /** Uploads, mapping steps and import jobs in progress or just finished. */
  imports: ImportsState;
  /** Saved with the view state: the import view's "Recent files". */
  recentFiles: RecentFile[];
  compare: CompareState;
}

export const DEFAULT_SQL = `SELECT year(reported_date) AS year, count(*) AS breaches, sum(records_affected) AS people
FROM breaches
GROUP BY 1
ORDER BY 1`;

export const INITIAL_STATE: AppState = {
  view: 'overview',
  filters: EMPTY_FILTERS,
  drill: null,
  historyCase: null,
  charts: { perYearLogScale: false, actorShares: false },
  theme: 'system',
  sql: DEFAULT_SQL,
  shortcutsOpen: false,
  imports: INITIAL_IMPORTS,
  recentFiles: [],
  compare: INITIAL_COMPARE,
};

export function isViewId(value: string): value is ViewId {
  return (VIEW_IDS as readonly string[]).includes(value);
}

/** The part of the state that is saved in the workspace and restored on reopen. */
export function toViewState(state: AppState): ViewState {
  return {
    version: VIEW_STATE_VERSION,
    view: state.view,
    filters: state.filters,
    charts: state.charts,
    theme: state.theme,
    sql: state.sql,
    recentFiles: state.recentFiles,
  };
}

export function fromViewState(saved: ViewState | null, base: AppState = INITIAL_STATE): AppState {
  if (!saved) return base;
  return {
    ...base,
    view: isViewId(saved.view) ? saved.view : base.view,
    filters: saved.filters,
    charts: saved.charts,
    theme: saved.theme,
    sql: saved.sql ?? base.sql,
    recentFiles: saved.recentFiles ?? base.recentFiles,
  };
}
