import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { WorkbenchApi } from '../../shared/api';
import { createApiClient } from '../../shared/api-client';
import { dispatchApiCall } from '../../electron/engine/dispatch';
import { Workbench } from '../../electron/engine/workbench';
import { makeTempDir } from '../helpers/temp-dir';
import { loadFixtureSource } from './report-fixtures';

async function open(dir: string): Promise<{ engine: Workbench; api: WorkbenchApi }> {
  const engine = await Workbench.open({ workspaceDir: dir, appVersion: '0.0.0-test', transport: 'test' });
  return { engine, api: createApiClient((method, request) => dispatchApiCall(engine, method, request)) };
}

/** Saved reports live in the workspace (bw_reports), survive reopening and are migrated on read. */
describe('saved reports', () => {
  const temp = makeTempDir();
  const dir = join(temp.dir, 'ws');
  afterAll(() => temp.remove());

  it('saves, lists, replaces, reopens, migrates and deletes reports', async () => {
    let { engine, api } = await open(dir);
    await loadFixtureSource(engine);
    expect(await api.listReports({})).toEqual([]);

    const board = { version: 1 as const, name: 'Board Q3', title: 'Breaches this year', author: 'Jo', tlp: 'TLP:GREEN' as const, items: [{ id: 'a', chart: 'breaches_per_year', filters: { states: ['CA'] } }] };
    const saved = await api.saveReport({ report: board });
    expect(saved.items[0]).toMatchObject({ kind: 'chart', title: '', text: '', filters: { states: ['CA'], sources: [] } });
    await api.saveReport({ report: { ...board, title: 'Breaches this year (final)' } });
    await api.saveReport({ report: { ...board, name: 'another', tlp: null, items: [] } });
    const list = await api.listReports({});
    expect(list.map((r) => [r.name, r.title, r.tlp, r.items])).toEqual([
      ['another', 'Breaches this year', null, 0],
      ['Board Q3', 'Breaches this year (final)', 'TLP:GREEN', 1],
    ]);
    // A body written by an older app (no version, `sections`, a bare colour) is read in today's shape.
    await engine.db.run(`INSERT INTO bw_reports (name, version, body) VALUES ('legacy', 0, $body)`, {
      body: JSON.stringify({ title: 'Legacy', tlp: 'amber', sections: [{ chartId: 'breaches_per_year' }] }),
    });
    engine.close();

    ({ engine, api } = await open(dir));
    expect((await api.getReport({ name: 'Board Q3' })).title).toBe('Breaches this year (final)');
    const legacy = await api.getReport({ name: 'legacy' });
    expect(legacy).toMatchObject({ version: 1, name: 'legacy', tlp: 'TLP:AMBER', items: [{ id: 'item-1', chart: 'breaches_per_year' }] });

    const html = new TextDecoder().decode((await api.exportReport({ name: 'Board Q3', format: 'html' })).bytes);
    expect(html).toContain('<h1>Breaches this year (final)</h1>');
    expect(html).toContain('Filters: states: CA');
    expect(html).toContain('>TLP:GREEN<');

    expect(await api.deleteReport({ name: 'Board Q3' })).toEqual({ deleted: true });
    expect(await api.deleteReport({ name: 'Board Q3' })).toEqual({ deleted: false });
    await expect(api.getReport({ name: 'Board Q3' })).rejects.toMatchObject({ code: 'not_found', message: 'There is no saved report called "Board Q3".' });
    await expect(api.saveReport({ report: { ...board, name: 'a/b' } })).rejects.toMatchObject({ code: 'invalid_request' });
    engine.close();
  });

  it('makes the default report over the dashboard filters, leaving out charts this workspace cannot run', async () => {
    const { engine, api } = await open(join(temp.dir, 'ws2'));
    await loadFixtureSource(engine);
    // A workspace without OCR's revision table (new workspaces create it empty; older ones may lack it).
    await engine.db.run('DROP TABLE IF EXISTS ocr_revisions');
    const report = await api.defaultReport({ filters: { states: ['WA'] }, title: 'Washington' });
    expect(report.title).toBe('Washington');
    expect(report.items.length).toBeGreaterThan(0);
    expect(report.items.every((i) => i.filters.states.join() === 'WA')).toBe(true);
    // That chart cannot run here: it is left out rather than shown as an error.
    expect(report.items.map((i) => i.chart)).not.toContain('count_revisions');
    expect(report.items.map((i) => i.id)).toEqual(report.items.map((_, n) => `item-${n + 1}`));
    engine.close();
  });
});
