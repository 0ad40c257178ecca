import type { ViewId } from '../state/app-state';
import { primary, type Action } from './action';

export const navigate: Action<ViewId> = {
  name: 'navigate',
  label: 'Go to view',
  perform: (state, view) => (state.view === view ? state : { ...state, view }),
};

function goTo(view: ViewId, label: string, key: string): Action {
  return {
    name: `goTo:${view}`,
    label,
    shortcut: `Ctrl+${key}`,
    keyTest: (e) => primary(e) && !e.shiftKey && e.key === key,
    perform: (state) => navigate.perform(state, view),
  };
}

/**
 * The sidebar, the View menu and Ctrl+1..7 all run these, in the sidebar's order: Compare sits beside
 * the dashboard it extends and Import beside Sources, while older views keep their numbers.
 */
export const VIEW_ACTIONS = [
  goTo('overview', 'Overview', '1'),
  goTo('explore', 'Explore rows', '2'),
  goTo('compare', 'Compare', '6'),
  goTo('sources', 'Sources', '3'),
  goTo('import', 'Import', '7'),
  goTo('sql', 'SQL console', '4'),
  goTo('reports', 'Reports', '5'),
] as const;
