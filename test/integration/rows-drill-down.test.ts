import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSpec, type ApiRequest, type WorkbenchApi } from '../../shared/api';
import { createApiClient } from '../../shared/api-client';
import { tableToPlainRows } from '../../shared/arrow-values';
import { dispatchApiCall } from '../../electron/engine/dispatch';
import { Workbench } from '../../electron/engine/workbench';
import { registerRecordSource } from '../../electron/engine/workspace/breaches-view';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * The drill-down grid's rows against a small hand-made source whose every count is known: 6 records,
 * two with no state, one with two breach types, one case shared by id with a second source.
 */
const RECORDS = `
  SELECT * FROM (VALUES
    ('t1', 'Alpha Clinic',  'Healthcare Provider', 'US', 'CA', DATE '2023-02-01', 1200,  ['Hacking/IT Incident'],        ['Network Server'], false, 'external', 'ransomware',     'ransomware encrypted servers'),
    ('t2', 'Beta Health',   'Health Plan',         'US', 'TX', DATE '2023-07-15', 500,   ['Theft', 'Loss'],              ['Laptop'],         true,  'internal', 'loss_or_theft',  'laptop stolen from car'),
    ('t3', 'Gamma Labs',    'Business Associate',  'US', NULL, DATE '2024-01-09', NULL,  ['Unauthorized Access/Disclosure'], ['Email'],       true,  'partner',  'email_phishing', 'phishing email 100% real'),
    ('t4', 'Delta Care',    'Healthcare Provider', 'US', 'CA', DATE '2024-03-30', 90000, ['Hacking/IT Incident'],        ['Email'],          false, 'external', 'email_phishing', 'credential phishing'),
    ('t5', 'Epsilon MD',    'Healthcare Provider', 'US', NULL, DATE '2024-11-11', 700,   [],                              ['Paper/Films'],    false, 'unknown',  'other',          NULL),
    ('t6', 'Zeta Pharmacy', NULL,                  'US', 'NY', DATE '2022-05-05', 3000,  ['Loss'],                        ['Other'],          NULL,  'internal', 'insider_data_loss', 'misdirected mail')
  ) AS t(case_id, entity, entity_type, country, state, reported_date, records_affected, breach_types, locations, business_associate, actor, threat, description)`;

describe('fetchRows: the rows behind a number', () => {
  const temp = makeTempDir();
  let engine: Workbench;
  let api: WorkbenchApi;

  beforeAll(async () => {
    engine = await Workbench.open({ workspaceDir: join(temp.dir, 'ws'), appVersion: '0.0.0-test', transport: 'test' });
    await engine.db.transaction(async (c) => {
      await c.run(`CREATE TABLE test_records AS ${RECORDS}`);
      await c.run(`CREATE VIEW test_view AS SELECT 'test' AS source, case_id, entity, entity_type, country, state, reported_date, incident_date, records_affected,
                     breach_types, locations, business_associate, actor, [actor] AS actors, 'test-rule@1' AS actor_rule, threat, description,
                     NULL::DATE AS first_seen, NULL::DATE AS last_seen
                   FROM (SELECT *, NULL::DATE AS incident_date FROM test_records)`);
      await registerRecordSource(c, { sourceId: 'test', viewName: 'test_view', title: 'Test records', kind: 'local' });
      await c.run(`CREATE VIEW other_view AS SELECT 'other' AS source, 't1' AS case_id, 'Other Org' AS entity, NULL AS entity_type, 'US' AS country, 'CA' AS state,
                     DATE '2023-03-03' AS reported_date, NULL::DATE AS incident_date, 10 AS records_affected, ['Hacking/IT Incident'] AS breach_types, ['Email'] AS locations,
                     false AS business_associate, 'external' AS actor, ['external'] AS actors, NULL AS actor_rule, 'other' AS threat, NULL AS description,
                     NULL::DATE AS first_seen, NULL::DATE AS last_seen`);
      await registerRecordSource(c, { sourceId: 'other', viewName: 'other_view', title: 'Other', kind: 'local' });
    });
    api = createApiClient((method, request) => dispatchApiCall(engine, method, request));
  });
  afterAll(() => {
    engine.close();
    temp.remove();
  });

  const rows = async (request: ApiRequest<'fetchRows'>) => {
    const result = await api.fetchRows(request);
    return { result, rows: tableToPlainRows(tableFromIPC(result.arrow)) };
  };

  it('returns every canonical column, newest first, with totals of rows and people', async () => {
    const { result, rows: all } = await rows({});
    expect(result.totalRows).toBe(7);
    expect(result.totalPeople).toBe(1200 + 500 + 90000 + 700 + 3000 + 10);
    expect(all.map((r) => r.case_id)).toEqual(['t5', 't4', 't3', 't2', 't1', 't1', 't6']);
    expect(all[0]).toMatchObject({ source: 'test', entity: 'Epsilon MD', reported_date: '2024-11-11', breach_types: [] });
    expect(Object.keys(all[0]!)).toContain('last_seen');
  });

  it('ANDs the app filters with the clicked category: a breach type within CA', async () => {
    const { result, rows: found } = await rows({ filters: { states: ['CA'] }, drill: { also: { breachTypes: ['Hacking/IT Incident'] } } });
    expect(result.totalRows).toBe(3);
    expect(found.map((r) => r.entity).sort()).toEqual(['Alpha Clinic', 'Delta Care', 'Other Org']);
  });

  it('keeps both conditions on the same list column instead of replacing one', async () => {
    // filters: Theft or Hacking; drill: Loss. Only t2 (Theft, Loss) has both.
    const { rows: found } = await rows({ filters: { breachTypes: ['Theft', 'Hacking/IT Incident'] }, drill: { also: { breachTypes: ['Loss'] } } });
    expect(found.map((r) => r.case_id)).toEqual(['t2']);
  });

  it('drills into a year by date range and into the unknown-state bar', async () => {
    const year = await rows({ drill: { also: { dateFrom: '2024-01-01', dateTo: '2024-12-31' } } });
    expect(year.result.totalRows).toBe(3);
    const noState = await rows({ drill: { missing: ['state'] } });
    expect(noState.rows.map((r) => r.case_id).sort()).toEqual(['t3', 't5']);
    const noTypes = await rows({ drill: { missing: ['breach_types'] } });
    expect(noTypes.rows.map((r) => r.case_id)).toEqual(['t5']);
  });

  it('finds listed cases by source and id, not by id alone', async () => {
    const { rows: found } = await rows({ drill: { cases: [{ source: 'other', caseId: 't1' }] } });
    expect(found).toHaveLength(1);
    expect(found[0]!.entity).toBe('Other Org');
  });

  it('sorts by any canonical column with nulls last, and pages without overlap', async () => {
    const sorted = await rows({ sort: [{ column: 'records_affected', desc: true }] });
    expect(sorted.rows.map((r) => r.records_affected)).toEqual([90000, 3000, 1200, 700, 500, 10, null]);
    const first = await rows({ sort: [{ column: 'entity', desc: false }], limit: 3 });
    const second = await rows({ sort: [{ column: 'entity', desc: false }], limit: 3, offset: 3, totals: false });
    expect(first.result.meta.truncated).toBe(true);
    expect(second.result.totalRows).toBeNull();
    expect([...first.rows, ...second.rows].map((r) => r.entity)).toEqual(['Alpha Clinic', 'Beta Health', 'Delta Care', 'Epsilon MD', 'Gamma Labs', 'Other Org']);
  });

  it('searches descriptions with LIKE wildcards taken literally and refuses unknown sort columns', async () => {
    const { rows: found } = await rows({ filters: { text: '100%' } });
    expect(found.map((r) => r.case_id)).toEqual(['t3']);
    expect(apiSpec.fetchRows.request.safeParse({ sort: [{ column: 'entity; DROP TABLE x', desc: false }] }).success).toBe(false);
  });

  it('offers filter values with counts, unnesting list columns', async () => {
    const options = await api.filterOptions({});
    const types = options.find((o) => o.field === 'breachTypes')!.values;
    expect(types[0]).toEqual({ value: 'Hacking/IT Incident', count: 3 });
    expect(types.find((t) => t.value === 'Loss')?.count).toBe(2);
    expect(options.find((o) => o.field === 'states')!.values.map((v) => v.value)).toEqual(['CA', 'NY', 'TX']);
  });

  it('says a non-OCR record has no snapshots, and that an unknown case does not exist', async () => {
    const history = await api.caseHistory({ source: 'test', caseId: 't2' });
    expect(history.entity).toBe('Beta Health');
    expect(history.revisions).toEqual([]);
    expect(history.note).toMatch(/no snapshots/);
    await expect(api.caseHistory({ source: 'test', caseId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
