import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importPath } from '../../electron/engine/imports/run-import';
import { datasetPath, hasDataset } from '../helpers/datasets';
import { useTempWorkspace } from '../helpers/temp-workspace';

const FOLDER = datasetPath('vcdb', 'healthcare');

interface Expected {
  files: number;
  incidents: number;
  byYear: Map<number, number>;
  byActor: Map<string, number>;
  records: number;
  withRecords: number;
}

/** The same figures from the JSON files, read with plain fs + JSON.parse: what the import must agree with. */
function expectedFromFiles(): Expected {
  const names = readdirSync(FOLDER).filter((n) => n.endsWith('.json'));
  // One incident_id may sit in two files (a copied file); the first by name length, then name, counts.
  names.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  const seen = new Set<string>();
  const byYear = new Map<number, number>();
  const byActor = new Map<string, number>();
  let records = 0;
  let withRecords = 0;
  for (const name of names) {
    const incident = JSON.parse(readFileSync(join(FOLDER, name), 'utf8')) as {
      incident_id: string;
      timeline: { incident: { year: number } };
      actor?: Record<string, unknown>;
      attribute?: { confidentiality?: { data_total?: number } };
    };
    if (seen.has(incident.incident_id)) continue;
    seen.add(incident.incident_id);
    const year = incident.timeline.incident.year;
    byYear.set(year, (byYear.get(year) ?? 0) + 1);
    const kinds = ['internal', 'external', 'partner'].filter((k) => incident.actor && k in incident.actor);
    const actor = kinds.length === 0 ? 'unknown' : kinds.length === 1 ? kinds[0]! : 'mixed';
    byActor.set(actor, (byActor.get(actor) ?? 0) + 1);
    const total = incident.attribute?.confidentiality?.data_total;
    if (typeof total === 'number') {
      records += total;
      withRecords += 1;
    }
  }
  return { files: names.length, incidents: seen.size, byYear, byActor, records, withRecords };
}

describe.skipIf(!hasDataset('vcdb', 'healthcare'))('importing the VCDB healthcare folder (VERIS)', () => {
  const t = useTempWorkspace('bw-veris-');
  let expected: Expected;

  beforeAll(async () => {
    expected = expectedFromFiles();
  });

  it('imports every incident in a few seconds, with counts by year and actor equal to the JSON files', async () => {
    const started = performance.now();
    const report = await importPath(t.workspace.db, FOLDER, { signal: new AbortController().signal, progress: () => undefined });
    const seconds = (performance.now() - started) / 1000;
    console.info(`VCDB healthcare: ${expected.files} files imported in ${seconds.toFixed(2)} s`);
    expect(seconds).toBeLessThan(15);

    expect(expected.files).toBe(2445);
    expect(expected.incidents).toBe(2444);
    expect(report).toMatchObject({ kind: 'veris', table: 'veris_breaches', rowsRead: 2445, rowsLoaded: 2444, rowsRejected: 1 });

    const years = await t.workspace.db.rows<{ y: number; n: bigint }>(
      `SELECT CAST(year(incident_date) AS INTEGER) AS y, count(*) AS n FROM breaches WHERE source = 'veris' GROUP BY ALL ORDER BY y`,
    );
    expect(new Map(years.map((r) => [r.y, Number(r.n)]))).toEqual(expected.byYear);
    expect(expected.byYear.get(2013)).toBe(395);

    const actors = await t.workspace.db.rows<{ actor: string; n: bigint }>(`SELECT actor, count(*) AS n FROM breaches WHERE source = 'veris' GROUP BY ALL`);
    expect(new Map(actors.map((r) => [r.actor, Number(r.n)]))).toEqual(expected.byActor);

    const records = await t.workspace.db.rows<{ total: bigint; known: bigint }>(
      `SELECT sum(records_affected) AS total, count(records_affected) AS known FROM breaches WHERE source = 'veris'`,
    );
    expect(records[0]).toEqual({ total: BigInt(expected.records), known: BigInt(expected.withRecords) });
  });

  it('maps VERIS fields to the canonical columns (one incident checked by hand)', async () => {
    const [row] = await t.workspace.db.rows(
      `SELECT case_id, entity, entity_type, country, state, strftime(incident_date, '%Y-%m-%d') AS incident_date, strftime(reported_date, '%Y-%m-%d') AS reported_date,
              records_affected, breach_types, locations, actor, actors, actor_rule, threat, business_associate
       FROM breaches WHERE source = 'veris' AND case_id = '0008DADB-E83D-4278-A19A-CEE01610CF43'`,
    );
    expect(row).toEqual({
      case_id: '0008DADB-E83D-4278-A19A-CEE01610CF43',
      entity: 'Corvallis Clinic',
      entity_type: 'Healthcare Provider',
      country: 'US',
      state: 'OR',
      incident_date: '2014-01-01',
      reported_date: '2014-12-11',
      records_affected: null,
      breach_types: ['Physical'],
      locations: ['Desktop or laptop', 'Laptop'],
      actor: 'external',
      actors: ['external'],
      actor_rule: 'veris-actor/1',
      threat: 'loss_or_theft',
      business_associate: false,
    });
    const precision = await t.workspace.db.value(`SELECT incident_date_precision FROM veris_incidents WHERE incident_id = '0008DADB-E83D-4278-A19A-CEE01610CF43'`);
    expect(precision).toBe('year');
  });

  it('lists the duplicate file in the rejects table, and a re-import replaces rather than doubles', async () => {
    const rejects = await t.workspace.db.rows<{ file: string; reason: string }>(
      `SELECT r.file, r.reason FROM bw_rejects r JOIN bw_files f USING (file_id) WHERE f.source_id = 'veris'`,
    );
    expect(rejects).toEqual([{ file: 'f100b661-46be-40f0-a2ea-d56a997cf0e1 2.json', reason: expect.stringMatching(/duplicate incident_id.*f100b661-46be-40f0-a2ea-d56a997cf0e1\.json/) }]);
    await importPath(t.workspace.db, FOLDER, { signal: new AbortController().signal, progress: () => undefined });
    expect(await t.workspace.db.value(`SELECT count(*) FROM breaches WHERE source = 'veris'`)).toBe(2444n);
  });
});
