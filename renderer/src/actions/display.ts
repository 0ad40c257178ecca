import type { ThemeChoice } from '../state/app-state';
import { primary, type Action } from './action';

const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };

/** System -> light -> dark -> system: "system" follows the OS setting as it changes. */
export const cycleTheme: Action = {
  name: 'cycleTheme',
  label: 'Switch theme',
  shortcut: 'Ctrl+Shift+L',
  keyTest: (e) => primary(e) && e.shiftKey && e.key.toLowerCase() === 'l',
  perform: (state) => ({ ...state, theme: NEXT_THEME[state.theme] }),
};

/** The desktop menu's View > Theme items. */
export const setTheme: Action<ThemeChoice> = {
  name: 'setTheme',
  label: 'Theme',
  perform: (state, theme) => ({ ...state, theme }),
};

export const toggleLogScale: Action = {
  name: 'toggleLogScale',
  label: 'Log scale',
  perform: (state) => ({ ...state, charts: { ...state.charts, perYearLogScale: !state.charts.perYearLogScale } }),
};

export const toggleActorShares: Action = {
  name: 'toggleActorShares',
  label: 'Show shares (100%)',
  perform: (state) => ({ ...state, charts: { ...state.charts, actorShares: !state.charts.actorShares } }),
};

export const toggleShortcuts: Action = {
  name: 'toggleShortcuts',
  label: 'Keyboard shortcuts',
  shortcut: '?',
  keyTest: (e) => e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey,
  perform: (state) => ({ ...state, shortcutsOpen: !state.shortcutsOpen }),
};

/** Escape closes the topmost overlay: the shortcut list, then a case's history. */
export const closeOverlay: Action = {
  name: 'closeOverlay',
  label: 'Close',
  shortcut: 'Esc',
  keyTest: (e) => e.key === 'Escape',
  predicate: (state) => state.shortcutsOpen || state.historyCase !== null,
  perform: (state) => (state.shortcutsOpen ? { ...state, shortcutsOpen: false } : { ...state, historyCase: null }),
};
