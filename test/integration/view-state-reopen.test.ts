import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VIEW_STATE_VERSION } from '../../shared/api';
import { Workbench } from '../../electron/engine/workbench';
import { makeTempDir } from '../helpers/temp-dir';

/** The window's filters survive closing the workspace and opening it again. */
describe('view state in the workspace', () => {
  const temp = makeTempDir();
  const dir = join(temp.dir, 'ws');
  afterAll(() => temp.remove());

  const open = () => Workbench.open({ workspaceDir: dir, appVersion: '0.0.0-test', transport: 'test' });

  it('is empty in a new workspace, and comes back after a reopen exactly as saved', async () => {
    const first = await open();
    expect(await first.getViewState()).toEqual({ state: null, savedAt: null, notes: [] });
    const state = {
      version: VIEW_STATE_VERSION as 1,
      view: 'explore',
      filters: {
        dateFrom: '2020-01-01', dateTo: undefined, sources: ['ocr'], states: ['CA', 'TX'], entityTypes: [], breachTypes: ['Hacking/IT Incident'],
        locations: [], actors: ['external' as const], threats: [], businessAssociate: false, minRecords: 10_000, text: 'ransom',
      },
      charts: { perYearLogScale: true, actorShares: false },
      theme: 'dark' as const,
      sql: 'SELECT 1',
    };
    const { savedAt } = await first.saveViewState({ state });
    expect(savedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    first.close();

    const second = await open();
    const restored = await second.getViewState();
    expect(restored.notes).toEqual([]);
    expect(restored.state).toEqual(JSON.parse(JSON.stringify(state)));
    expect(restored.savedAt).toBe(savedAt);
    expect((await second.info()).workspaceSchemaVersion).toBeGreaterThanOrEqual(2);
    second.close();
  });

  it('drops a stale filter value from a stored state but keeps the rest', async () => {
    const engine = await open();
    await engine.db.run(`UPDATE bw_view_state SET state = $s`, {
      s: JSON.stringify({ version: 1, view: 'overview', filters: { states: ['NY'], actors: ['external', 'aliens'] }, theme: 'purple' }),
    });
    const restored = await engine.getViewState();
    expect(restored.state?.filters.states).toEqual(['NY']);
    expect(restored.state?.filters.actors).toEqual(['external']);
    expect(restored.state?.theme).toBe('system');
    expect(restored.notes.join(' ')).toMatch(/actors/);
    engine.close();
  });
});
