import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableToPlainRows } from '../../shared/arrow-values';
import { Workbench } from '../../electron/engine/workbench';
import { datasetPath, hasDataset, OCR_FILES } from '../helpers/datasets';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * The grid's numbers and the History panel against the eight real OCR exports: the rows behind a
 * number are counted independently with SQL, and Change Healthcare shows OCR's revisions of its count.
 */
describe.skipIf(!hasDataset('ocr'))('drill-down and case history on the real OCR snapshots', () => {
  const temp = makeTempDir();
  let engine: Workbench;

  beforeAll(async () => {
    engine = await Workbench.open({ workspaceDir: join(temp.dir, 'ws'), appVersion: '0.0.0-test', transport: 'test' });
    const status = await engine.importAndWait(OCR_FILES.map((f) => datasetPath('ocr', f)));
    expect(status.state).toBe('done');
  });
  afterAll(() => {
    engine.close();
    temp.remove();
  });

  const count = async (sql: string) => Number(await engine.db.value<bigint>(sql));

  it('counts the rows behind a state within a year exactly as SQL does', async () => {
    const result = await engine.fetchRows({
      filters: { ...emptyFilters(), dateFrom: '2023-01-01', dateTo: '2023-12-31' },
      drill: { also: { ...emptyFilters(), states: ['CA'] }, cases: [], missing: [] },
      sort: [{ column: 'records_affected', desc: true }],
      offset: 0,
      limit: 5,
      totals: true,
    });
    const expected = await count(`SELECT count(*) FROM breaches WHERE state = 'CA' AND year(reported_date) = 2023`);
    expect(expected).toBeGreaterThan(30);
    expect(result.totalRows).toBe(expected);
    expect(result.totalPeople).toBe(await count(`SELECT sum(records_affected) FROM breaches WHERE state = 'CA' AND year(reported_date) = 2023`));
    const rows = tableToPlainRows(tableFromIPC(result.arrow));
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.state === 'CA' && String(r.reported_date).startsWith('2023'))).toBe(true);
    expect(Number(rows[0]!.records_affected)).toBeGreaterThanOrEqual(Number(rows[4]!.records_affected));
  });

  it('shows the revisions of Change Healthcare\u2019s count, snapshot by snapshot', async () => {
    const [change] = await engine.db.rows<{ case_id: string }>(
      `SELECT case_id FROM breaches WHERE source = 'ocr' AND entity ILIKE 'Change Healthcare%' ORDER BY records_affected DESC LIMIT 1`,
    );
    const history = await engine.caseHistory({ source: 'ocr', caseId: change!.case_id });
    const counts = history.revisions.filter((r) => r.field === 'records_affected');
    expect(counts.map((r) => Number(r.newValue))).toEqual([100_000_000, 190_000_000, 192_700_000]);
    expect(Number(counts[0]!.oldValue)).toBe(500);
    expect(counts.every((r) => r.toFile?.endsWith('.csv'))).toBe(true);
    expect(history.snapshots.length).toBeGreaterThanOrEqual(4);
    expect(history.snapshots.every((s) => s.file !== null && s.line !== null && s.line > 1)).toBe(true);
    expect(history.snapshots.at(-1)!.recordsAffected).toBe(192_700_000);
  });
});

function emptyFilters() {
  return { sources: [], states: [], entityTypes: [], breachTypes: [], locations: [], actors: [], threats: [] };
}
