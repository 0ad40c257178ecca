import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filtersSchema, type Filters, type FiltersInput } from '../../shared/filters';
import { bumpDataVersion } from '../../electron/engine/db/data-version';
import { readySummary, SUMMARY_MIN_ROWS, summaryOfBreaches } from '../../electron/engine/queries/breaches-summary';
import { CHART_QUERIES } from '../../electron/engine/queries/chart-registry';
import { resolveChartParams } from '../../electron/engine/queries/charts/chart-params';
import { Workbench } from '../../electron/engine/workbench';
import { registerRecordSource } from '../../electron/engine/workspace/breaches-view';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * Charts over a workspace big enough to be summarised (queries/breaches-summary.ts) give exactly the
 * numbers of their own SQL over `breaches`, and never a stale answer: after a re-import, an in-place
 * change that moves the data version, or a reopen.
 *
 * The data: a generated log of 250,000 rows whose every column has NULLs, empty lists and several
 * values, beside a hand-made source of 4 records.
 */
const ROWS = 250_000;

const SYNTHETIC = (rows: number, seed: number) => `
  SELECT 'local:synthetic' AS source, 'syn-' || i AS case_id, 'Org ' || (i % 97) AS entity,
    CASE i % 4 WHEN 0 THEN 'Healthcare Provider' WHEN 1 THEN 'Health Plan' WHEN 2 THEN NULL ELSE 'Business Associate' END AS entity_type,
    CASE WHEN i % 5 = 0 THEN NULL ELSE 'US' END AS country,
    CASE i % 6 WHEN 0 THEN 'CA' WHEN 1 THEN 'TX' WHEN 2 THEN NULL ELSE 'NY' END AS state,
    CASE WHEN i % 50 = 0 THEN NULL ELSE DATE '2015-01-01' + CAST((i * ${seed}) % 3650 AS INTEGER) END AS reported_date,
    CAST(NULL AS DATE) AS incident_date,
    CASE WHEN i % 7 = 0 THEN NULL ELSE CAST((i * 7919 + ${seed}) % 1000003 AS BIGINT) END AS records_affected,
    CAST(CASE i % 5 WHEN 0 THEN ['Theft', 'Loss'] WHEN 1 THEN ['Hacking/IT Incident'] WHEN 2 THEN [] WHEN 3 THEN NULL ELSE ['Loss'] END AS VARCHAR[]) AS breach_types,
    CAST(CASE i % 3 WHEN 0 THEN ['Email'] WHEN 1 THEN ['Network Server', 'Email'] ELSE [] END AS VARCHAR[]) AS locations,
    CASE i % 3 WHEN 0 THEN true WHEN 1 THEN false ELSE NULL END AS business_associate,
    (['internal', 'external', 'partner', 'mixed', 'unknown'])[i % 5 + 1] AS actor,
    [(['internal', 'external', 'partner', 'mixed', 'unknown'])[i % 5 + 1]] AS actors,
    CASE WHEN i % 13 = 0 THEN NULL ELSE 'synthetic/1#r' || (i % 3) END AS actor_rule,
    CASE WHEN i % 10007 = 0 THEN 'medical_device_attack' WHEN i % 9 = 0 THEN NULL
         ELSE (['email_phishing', 'ransomware', 'loss_or_theft', 'insider_data_loss', 'other'])[i % 5 + 1] END AS threat,
    'row ' || i || CASE WHEN i % 11 = 0 THEN ' laptop stolen' ELSE '' END AS description,
    CAST(NULL AS DATE) AS first_seen, CAST(NULL AS DATE) AS last_seen
  FROM range(${rows}) r(i)`;

const HAND_MADE = (records: number) => `
  SELECT * FROM (VALUES
    ('h1', 'Alpha Clinic', 'Healthcare Provider', 'US', 'CA', DATE '2023-02-01', CAST(${records} AS BIGINT), ['Hacking/IT Incident'], ['Network Server'], false, 'external', 'ransomware'),
    ('h2', 'Beta Health', 'Health Plan', 'US', 'TX', DATE '2019-07-15', 5000000, ['Theft', 'Loss'], ['Laptop'], true, 'internal', 'loss_or_theft'),
    ('h3', 'Gamma Labs', NULL, 'US', NULL, NULL, NULL, [], ['Email'], NULL, 'partner', 'medical_device_attack'),
    ('h4', 'Delta Care', 'Healthcare Provider', 'US', 'CA', DATE '2024-03-30', 2000000, NULL, [], false, 'external', NULL)
  ) AS t(case_id, entity, entity_type, country, state, reported_date, records_affected, breach_types, locations, business_associate, actor, threat)`;

const FILTERS: FiltersInput[] = [
  {},
  { dateFrom: '2019-01-01' },
  { dateFrom: '2020-01-01', dateTo: '2023-12-31', actors: ['external', 'partner'] },
  { breachTypes: ['Theft', 'Loss'] },
  { locations: ['Email'], businessAssociate: true },
  { states: ['CA'], entityTypes: ['Health Plan', 'Healthcare Provider'] },
  { threats: ['medical_device_attack'] },
  { threats: ['ransomware'], sources: ['hand'] },
  { minRecords: 900_000 },
  { text: 'laptop' },
];

/** Every chart that reads a summary, with a filter state: its rows as plain values. */
async function answers(engine: Workbench, filters: Filters): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const query of CHART_QUERIES.values()) {
    if (!query.fromSummary) continue;
    const response = await engine.runChart({ chart: query.id, filters });
    out[query.id] = plain(response.arrow);
  }
  return out;
}

/** The same charts from their own SQL over `breaches`, as a reader re-running the cited query would get them. */
async function fromRows(engine: Workbench, filters: Filters): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const query of CHART_QUERIES.values()) {
    if (!query.fromSummary) continue;
    const built = query.build(filters, resolveChartParams(query, {}));
    out[query.id] = plain((await engine.db.arrow(built.sql, built.params)).bytes);
  }
  return out;
}

function plain(bytes: Uint8Array): unknown {
  const table = tableFromIPC(bytes);
  return {
    schema: table.schema.fields.map((f) => `${f.name}:${String(f.type)}`),
    rows: JSON.parse(JSON.stringify(table.toArray().map((r) => r.toJSON()), (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))),
  };
}

async function importSynthetic(engine: Workbench, seed: number): Promise<void> {
  // As an importer does: the source's table replaced and its file's row written, in one transaction.
  await engine.db.transaction(async (c) => {
    await c.run(`CREATE OR REPLACE TABLE synthetic_rows AS ${SYNTHETIC(ROWS, seed)}`);
    await c.run(`CREATE OR REPLACE VIEW synthetic AS SELECT * FROM synthetic_rows`);
    await c.run(`DELETE FROM bw_files WHERE source_id = 'local:synthetic'`);
    await c.run(
      `INSERT INTO bw_files (file_id, source_id, kind, path, name, sha256, bytes, rows_read, rows_loaded)
       VALUES ($id, 'local:synthetic', 'local', '/tmp/synthetic.csv', 'synthetic.csv', $id, 1, ${ROWS}, ${ROWS})`,
      { id: `synthetic-${seed}` },
    );
    await registerRecordSource(c, { sourceId: 'local:synthetic', viewName: 'synthetic', title: 'Synthetic log', kind: 'local' });
  });
}

async function importHandMade(engine: Workbench, records: number): Promise<void> {
  await engine.db.transaction(async (c) => {
    await c.run(`CREATE OR REPLACE TABLE hand_rows AS ${HAND_MADE(records)}`);
    await c.run(`CREATE OR REPLACE VIEW hand AS SELECT 'hand' AS source, case_id, entity, entity_type, country, state, reported_date,
                   CAST(NULL AS DATE) AS incident_date, records_affected, breach_types, locations, business_associate, actor,
                   [actor] AS actors, 'hand/1#x' AS actor_rule, threat, 'hand-made' AS description,
                   CAST(NULL AS DATE) AS first_seen, CAST(NULL AS DATE) AS last_seen FROM hand_rows`);
    await c.run(`DELETE FROM bw_files WHERE source_id = 'hand'`);
    await c.run(
      `INSERT INTO bw_files (file_id, source_id, kind, path, name, sha256, bytes, rows_read, rows_loaded)
       VALUES ($id, 'hand', 'local', '/tmp/hand.csv', 'hand.csv', $id, 1, 4, 4)`,
      { id: `hand-${records}` },
    );
    await registerRecordSource(c, { sourceId: 'hand', viewName: 'hand', title: 'Hand-made', kind: 'local' });
  });
}

describe('charts from the summary of a big workspace', () => {
  const temp = makeTempDir();
  const workspaceDir = join(temp.dir, 'ws');
  let engine: Workbench;

  beforeAll(async () => {
    expect(ROWS).toBeGreaterThanOrEqual(SUMMARY_MIN_ROWS);
    engine = await Workbench.open({ workspaceDir, appVersion: '0.0.0-test', transport: 'test' });
    await importSynthetic(engine, 1);
    await importHandMade(engine, 12_000_000);
  }, 60_000);

  afterAll(() => {
    engine?.close();
    temp.remove();
  });

  it('gives exactly the numbers of the charts’ own SQL over the rows, for every filter', async () => {
    expect(await summaryOfBreaches(engine.db)).toBeDefined();
    for (const input of FILTERS) {
      const filters = filtersSchema.parse(input);
      expect(await answers(engine, filters), JSON.stringify(input)).toEqual(await fromRows(engine, filters));
    }
    // A number a reader would check: the hand-made source's largest breach heads the list.
    const largest = await engine.runChart({ chart: 'largest_breaches', filters: filtersSchema.parse({}) });
    expect(tableFromIPC(largest.arrow).toArray()[0]!.toJSON()).toMatchObject({ case_id: 'h1', records_affected: 12_000_000n });
  }, 120_000);

  it('answers from the new rows right after a re-import, and from the new files in the citation', async () => {
    await summaryOfBreaches(engine.db);
    await importHandMade(engine, 7);
    await importSynthetic(engine, 3);
    const filters = filtersSchema.parse({ dateFrom: '2019-01-01' });
    // No waiting for a rebuild: the first answers after the change are already the new ones.
    expect(await answers(engine, filters)).toEqual(await fromRows(engine, filters));
    const year = await engine.runChart({ chart: 'breaches_per_year', filters: filtersSchema.parse({}) });
    expect(year.meta.files).toEqual(expect.arrayContaining(['hand.csv', 'synthetic.csv']));
    const largest = await engine.runChart({ chart: 'largest_breaches', filters: filtersSchema.parse({ sources: ['hand'] }) });
    expect(tableFromIPC(largest.arrow).toArray().map((r) => r.toJSON().case_id)).toEqual(['h2', 'h4', 'h1', 'h3']);
    // Once rebuilt, the summary still agrees.
    await summaryOfBreaches(engine.db);
    for (const input of FILTERS) {
      const f = filtersSchema.parse(input);
      expect(await answers(engine, f), JSON.stringify(input)).toEqual(await fromRows(engine, f));
    }
  }, 120_000);

  it('answers from the changed rows after an in-place change that moves the data version', async () => {
    await summaryOfBreaches(engine.db);
    await engine.db.transaction(async (c) => {
      await c.run(`UPDATE synthetic_rows SET actor = 'internal' WHERE actor = 'external'`);
      await bumpDataVersion(c, ['local:synthetic']);
    });
    const filters = filtersSchema.parse({ actors: ['external'], sources: ['local:synthetic'] });
    const per = await engine.runChart({ chart: 'actor_per_year', filters });
    expect(tableFromIPC(per.arrow).numRows).toBe(0);
    expect(await answers(engine, filters)).toEqual(await fromRows(engine, filters));
  }, 120_000);

  it('finds its summaries again after a reopen, and they still agree', async () => {
    await summaryOfBreaches(engine.db);
    const before = await engine.db.rows<{ source_id: string; build: string }>(`SELECT source_id, build FROM bw_summary.sources_v2 ORDER BY 1`);
    engine.close();
    engine = await Workbench.open({ workspaceDir, appVersion: '0.0.0-test', transport: 'test' });
    expect(await summaryOfBreaches(engine.db)).toBeDefined();
    expect(await engine.db.rows(`SELECT source_id, build FROM bw_summary.sources_v2 ORDER BY 1`)).toEqual(before);
    expect(await readySummary(engine.db)).toBeDefined();
    for (const input of FILTERS.slice(0, 4)) {
      const f = filtersSchema.parse(input);
      expect(await answers(engine, f), JSON.stringify(input)).toEqual(await fromRows(engine, f));
    }
  }, 120_000);
});
