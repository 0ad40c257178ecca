import { MENU_ACTIONS, THEME_CHOICES, type MenuActionName, type MenuCommand } from '../../../shared/desktop-bridge';
import { isViewId } from '../state/app-state';
import type { Store } from '../state/store';
import type { Action } from './action';
import { setTheme, toggleShortcuts } from './display';
import { clearAllFilters } from './filters';
import { navigate } from './navigation';

/** The actions the desktop menu names (shared/desktop-bridge.ts MENU_ACTIONS), by name. */
export const MENU_ACTION_BY_NAME: Record<MenuActionName, Action> = { clearAllFilters, toggleShortcuts };

/**
 * Runs what a menu command asks for in the window: the same action as its button or shortcut. Unknown
 * commands and payloads (from a newer or older shell) do nothing; returns whether anything ran.
 */
export function runMenuCommand(store: Store, command: MenuCommand, payload: string): boolean {
  if (command === 'navigate' && isViewId(payload)) store.dispatch(navigate, payload);
  else if (command === 'theme' && isThemeChoice(payload)) store.dispatch(setTheme, payload);
  else if (command === 'action' && Object.hasOwn(MENU_ACTIONS, payload)) {
    const action = MENU_ACTION_BY_NAME[payload as MenuActionName];
    if (action.predicate && !action.predicate(store.getState())) return false;
    store.dispatch(action, undefined);
  } else return false;
  return true;
}

function isThemeChoice(value: string): value is (typeof THEME_CHOICES)[number] {
  return (THEME_CHOICES as readonly string[]).includes(value);
}
