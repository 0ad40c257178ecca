import { describe, expect, it } from 'vitest';
import { VIEW_STATE_VERSION } from '../../shared/api';
import { EMPTY_FILTERS } from '../../shared/filters';
import { migrateViewState } from '../../electron/engine/view-state/migrate-view-state';

describe('migrateViewState', () => {
  it('fills what an older save left out with defaults', () => {
    const { state, notes } = migrateViewState({ version: 1, filters: { states: ['CA'] } });
    expect(notes).toEqual([]);
    expect(state).toEqual({ version: 1, view: 'overview', filters: { ...EMPTY_FILTERS, states: ['CA'] }, charts: { perYearLogScale: false, actorShares: false }, theme: 'system' });
  });

  it('runs each step from the saved version up to the current one', () => {
    // A pretend history: version 0 kept filters under "f"; the step renames it.
    const steps = [{ from: 0, migrate: (s: Record<string, unknown>) => ({ filters: s.f }) }];
    const { state } = migrateViewState({ f: { minRecords: 500 } }, steps);
    expect(state?.version).toBe(VIEW_STATE_VERSION);
    expect(state?.filters.minRecords).toBe(500);
  });

  it('starts afresh, saying why, for a newer version or something unreadable', () => {
    expect(migrateViewState({ version: VIEW_STATE_VERSION + 1 }).notes[0]).toMatch(/newer version/);
    expect(migrateViewState('nonsense').state).toBeNull();
    expect(migrateViewState({ version: 0 }).notes[0]).toMatch(/No migration from saved view state version 0/);
  });

  it('drops only the values that no longer validate', () => {
    const { state, notes } = migrateViewState({ version: 1, filters: { threats: ['ransomware', 'meteor'], minRecords: -4, gone: 1 }, view: 'sql' });
    expect(state?.filters.threats).toEqual(['ransomware']);
    expect(state?.filters.minRecords).toBeUndefined();
    expect(state?.view).toBe('sql');
    expect(notes).toHaveLength(3);
  });
});
