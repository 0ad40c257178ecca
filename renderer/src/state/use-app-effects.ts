import { useEffect } from 'react';
import type { WorkbenchApi } from '../../../shared/api';
import { actionForKey } from '../actions/keyboard';
import { runMenuCommand } from '../actions/menu';
import { desktopBridge } from '../api/workbench-client';
import { toViewState } from './app-state';
import type { Store } from './store';

const SAVE_DELAY_MS = 500;

/** Shortcuts: one listener that asks the action registry which action, if any, a key runs. */
export function useKeyboardShortcuts(store: Store): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = !!target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      const action = actionForKey(event, typing);
      if (!action || (action.predicate && !action.predicate(store.getState()))) return;
      event.preventDefault();
      store.dispatch(action, undefined);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}

/** The desktop menu's commands run the same actions as the sidebar (File > Open: see imports/use-import-jobs). */
export function useMenuCommands(store: Store): void {
  useEffect(() => {
    return desktopBridge()?.onMenuCommand((command, payload) => {
      runMenuCommand(store, command, payload);
    });
  }, [store]);
}

/**
 * Saves the view state in the workspace a moment after it changes, so reopening the workspace (in
 * this window or another) restores filters, view and toggles.
 */
export function usePersistViewState(store: Store, api: WorkbenchApi): void {
  useEffect(() => {
    let last = JSON.stringify(toViewState(store.getState()));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      const state = toViewState(store.getState());
      const text = JSON.stringify(state);
      if (text === last) return;
      last = text;
      api.saveViewState({ state }).catch((error: unknown) => console.warn('Could not save the view state:', error));
    };
    const unsubscribe = store.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_DELAY_MS);
    });
    const flush = () => {
      clearTimeout(timer);
      save();
    };
    window.addEventListener('pagehide', flush);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [store, api]);
}
