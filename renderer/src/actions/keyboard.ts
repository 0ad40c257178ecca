import type { Action, KeyLike } from './action';
import { clearAllFilters } from './filters';
import { closeOverlay, cycleTheme, toggleShortcuts } from './display';
import { openImportView } from './imports';
import { VIEW_ACTIONS } from './navigation';

/** Every action with a shortcut, in the order the shortcut list shows them. */
export const SHORTCUT_ACTIONS: readonly Action[] = [...VIEW_ACTIONS, openImportView, clearAllFilters, cycleTheme, toggleShortcuts, closeOverlay];

/**
 * The action a key press runs, if any. While the user types in a field only chords with Ctrl/Cmd
 * (and Escape) count, so "?" can be typed into a search box.
 */
export function actionForKey(event: KeyLike, typing: boolean): Action | undefined {
  if (typing && !(event.ctrlKey || event.metaKey) && event.key !== 'Escape') return undefined;
  return SHORTCUT_ACTIONS.find((action) => action.keyTest?.(event));
}
