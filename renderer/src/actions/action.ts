import type { AppState } from '../state/app-state';

/** The keys of a keyboard event an action looks at; a plain object in tests, a KeyboardEvent in the window. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * One thing a user can do, as in Excalidraw: a name, a pure state change, and optionally the key
 * that runs it. Buttons, menu commands and shortcuts all dispatch the same object.
 */
export interface Action<P = void> {
  name: string;
  /** What a menu item or a button says. */
  label: string;
  perform(state: AppState, payload: P): AppState;
  /** True when this key press runs the action (only actions without payload have one). */
  keyTest?(event: KeyLike): boolean;
  /** The shortcut as shown to people, e.g. "Ctrl+1". */
  shortcut?: string;
  /** When false the action does nothing (and its button is disabled). */
  predicate?(state: AppState): boolean;
}

/** Ctrl on Windows and Linux, Cmd on macOS: either counts. */
export const primary = (e: KeyLike) => (e.ctrlKey || e.metaKey) && !e.altKey;
