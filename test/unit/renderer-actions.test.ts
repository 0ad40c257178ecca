import { describe, expect, it } from 'vitest';
import { VIEW_STATE_VERSION, viewStateSchema } from '../../shared/api';
import type { KeyLike } from '../../renderer/src/actions/action';
import { closeOverlay, cycleTheme, toggleLogScale, toggleShortcuts } from '../../renderer/src/actions/display';
import { clearDrill, closeCaseHistory, drillDown, showCaseHistory } from '../../renderer/src/actions/drill';
import { clearAllFilters, removeFilterChip, toggleFilterValue, toggleYearFilter } from '../../renderer/src/actions/filters';
import { actionForKey, SHORTCUT_ACTIONS } from '../../renderer/src/actions/keyboard';
import { MENU_ACTION_BY_NAME, runMenuCommand } from '../../renderer/src/actions/menu';
import { MENU_ACTIONS } from '../../shared/desktop-bridge';
import { navigate, VIEW_ACTIONS } from '../../renderer/src/actions/navigation';
import { filterChips } from '../../renderer/src/filters/filter-chips';
import { fromViewState, INITIAL_STATE, toViewState } from '../../renderer/src/state/app-state';
import { createStore } from '../../renderer/src/state/store';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('actions are pure state changes', () => {
  it('cross-filters, then drills, then clears', () => {
    let s = toggleFilterValue.perform(INITIAL_STATE, { field: 'breachTypes', value: 'Theft' });
    s = toggleYearFilter.perform(s, 2023);
    expect(s.filters).toMatchObject({ breachTypes: ['Theft'], dateFrom: '2023-01-01', dateTo: '2023-12-31' });
    expect(INITIAL_STATE.filters.breachTypes).toEqual([]);

    s = drillDown.perform(s, { also: { states: ['CA'] }, label: 'State: California' });
    expect(s.view).toBe('explore');
    expect(s.drill?.label).toBe('State: California');
    expect(clearDrill.perform(s, undefined).drill).toBeNull();

    const chip = filterChips(s.filters).find((c) => c.kind === 'list')!;
    expect(removeFilterChip.perform(s, chip).filters.breachTypes).toEqual([]);
    const cleared = clearAllFilters.perform(s, undefined);
    expect(filterChips(cleared.filters)).toEqual([]);
    expect(cleared.drill).toBeNull();
  });

  it('opens and closes a case history; Escape closes the shortcut list first', () => {
    let s = showCaseHistory.perform(INITIAL_STATE, { source: 'ocr', caseId: 'c1' });
    s = toggleShortcuts.perform(s, undefined);
    s = closeOverlay.perform(s, undefined);
    expect(s.shortcutsOpen).toBe(false);
    expect(s.historyCase).toEqual({ source: 'ocr', caseId: 'c1' });
    expect(closeOverlay.perform(s, undefined).historyCase).toBeNull();
    expect(closeCaseHistory.predicate!(INITIAL_STATE)).toBe(false);
  });

  it('cycles the theme system -> light -> dark -> system and toggles the log scale', () => {
    const themes = [INITIAL_STATE];
    for (let i = 0; i < 3; i++) themes.push(cycleTheme.perform(themes[i]!, undefined));
    expect(themes.map((s) => s.theme)).toEqual(['system', 'light', 'dark', 'system']);
    expect(toggleLogScale.perform(INITIAL_STATE, undefined).charts.perYearLogScale).toBe(true);
  });

  it('returns the same state when nothing changes, so nothing re-renders', () => {
    expect(navigate.perform(INITIAL_STATE, 'overview')).toBe(INITIAL_STATE);
  });
});

describe('shortcuts run the same actions as the buttons', () => {
  it('maps Ctrl/Cmd+1..5 to the views, Ctrl+Shift+L to the theme and ? to the list', () => {
    expect(actionForKey(key('2', { ctrlKey: true }), false)).toBe(VIEW_ACTIONS[1]);
    expect(actionForKey(key('4', { metaKey: true }), false)?.perform(INITIAL_STATE, undefined).view).toBe('sql');
    expect(actionForKey(key('L', { ctrlKey: true, shiftKey: true }), false)).toBe(cycleTheme);
    expect(actionForKey(key('?', { shiftKey: true }), false)).toBe(toggleShortcuts);
    expect(actionForKey(key('Backspace', { ctrlKey: true, shiftKey: true }), false)).toBe(clearAllFilters);
    expect(actionForKey(key('2'), false)).toBeUndefined();
  });

  it('lets "?" be typed into a search box, but keeps Ctrl chords and Escape', () => {
    expect(actionForKey(key('?'), true)).toBeUndefined();
    expect(actionForKey(key('1', { ctrlKey: true }), true)).toBe(VIEW_ACTIONS[0]);
    expect(actionForKey(key('Escape'), true)).toBe(closeOverlay);
  });

  it('gives every shortcut a label people can read in the list', () => {
    for (const action of SHORTCUT_ACTIONS) expect(action.shortcut && action.label).toBeTruthy();
  });
});

describe('the store and the saved view state', () => {
  it('dispatches through predicates and tells subscribers only on change', () => {
    const store = createStore(INITIAL_STATE);
    let calls = 0;
    store.subscribe(() => calls++);
    store.dispatch(closeCaseHistory, undefined); // predicate false: nothing to close
    store.dispatch(navigate, 'overview'); // same view: no change
    store.dispatch(navigate, 'sql');
    expect(calls).toBe(1);
    expect(store.getState().view).toBe('sql');
  });

  it('saves what the contract accepts and restores it', () => {
    const s = toggleFilterValue.perform({ ...INITIAL_STATE, view: 'explore', theme: 'dark' }, { field: 'states', value: 'NY' });
    const saved = toViewState(s);
    expect(saved.version).toBe(VIEW_STATE_VERSION);
    expect(viewStateSchema.parse(JSON.parse(JSON.stringify(saved)))).toEqual(JSON.parse(JSON.stringify(saved)));
    const restored = fromViewState(saved);
    expect(restored).toMatchObject({ view: 'explore', theme: 'dark', drill: null, historyCase: null });
    expect(restored.filters.states).toEqual(['NY']);
    expect(fromViewState({ ...saved, view: 'no-such-view' }).view).toBe('overview');
  });
});

describe('desktop menu commands run the window’s own actions', () => {
  it('navigates, sets the theme, clears filters and opens the shortcut list; ignores what it does not know', () => {
    const store = createStore(toggleYearFilter.perform(INITIAL_STATE, 2023));
    expect(runMenuCommand(store, 'navigate', 'sql')).toBe(true);
    expect(store.getState().view).toBe('sql');
    expect(runMenuCommand(store, 'theme', 'dark')).toBe(true);
    expect(store.getState().theme).toBe('dark');
    expect(runMenuCommand(store, 'action', 'clearAllFilters')).toBe(true);
    expect(filterChips(store.getState().filters)).toEqual([]);
    expect(runMenuCommand(store, 'action', 'toggleShortcuts')).toBe(true);
    expect(store.getState().shortcutsOpen).toBe(true);

    const before = store.getState();
    expect(runMenuCommand(store, 'theme', 'sepia')).toBe(false);
    expect(runMenuCommand(store, 'navigate', 'nowhere')).toBe(false);
    expect(runMenuCommand(store, 'action', 'toString')).toBe(false);
    expect(store.getState()).toBe(before);
  });

  it('names every menu action after an action of the window, with the label its button shows', () => {
    for (const [name, label] of Object.entries(MENU_ACTIONS)) {
      const action = MENU_ACTION_BY_NAME[name as keyof typeof MENU_ACTIONS];
      expect(action.name).toBe(name);
      expect(action.label).toBe(label);
    }
  });
});
