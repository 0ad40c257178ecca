import { existsSync } from 'node:fs';
import type { Workbench } from '../../electron/engine/workbench';
import { registerRecordSource } from '../../electron/engine/workspace/breaches-view';
import { IMPORTERS } from '../../electron/engine/imports/importer-registry';
import { datasetPath, OCR_FILES } from '../helpers/datasets';

/**
 * A small record source in the canonical shape, registered like an importer would: a table, a view
 * over it, its file in bw_files. Descriptions include the hostile text a CSV export must neutralise.
 */
export const FIXTURE_ROWS = [
  // case_id, entity, state, reported, records, types, locations, ba, description
  ['F-1', 'Mercy Clinic', 'CA', '2021-03-04', 1200, ['Hacking/IT Incident'], ['Network Server'], false, '=HYPERLINK("http://evil.example/x","click")'],
  ['F-2', 'Valley Health Plan', 'TX', '2021-07-19', 560, ['Theft', 'Loss'], ['Laptop'], true, '+cmd|/C calc!A0'],
  ['F-3', '@Risk Dental', 'NY', '2022-01-11', 80000, ['Unauthorized Access/Disclosure'], ['Email'], false, '-2+3'],
  ['F-4', 'North Hospital', 'CA', '2022-05-30', 3000000, ['Hacking/IT Incident'], ['Network Server', 'Email'], true, '@SUM(1+1)*cmd|/C calc'],
  ['F-5', 'Lakeside Pharmacy', 'FL', '2023-02-14', 742, ['Improper Disposal'], ['Paper/Films'], false, '\tindented with a tab'],
  ['F-6', 'Summit Imaging', 'WA', '2023-09-01', null, ['Hacking/IT Incident'], ['Network Server'], false, 'A plain description, with a comma'],
  ['F-7', 'Harbor Labs', 'WA', '2024-02-29', 190000000, ['Hacking/IT Incident'], ['Network Server'], true, 'Ransomware; "quoted" words\nand a second line'],
] as const;

export async function loadFixtureSource(engine: Workbench): Promise<void> {
  await engine.db.transaction(async (c) => {
    await c.run(`CREATE TABLE fixture_records (case_id VARCHAR, entity VARCHAR, state VARCHAR, reported_date DATE, records_affected BIGINT,
                 breach_types VARCHAR[], locations VARCHAR[], business_associate BOOLEAN, description VARCHAR, delta INTEGER)`);
    for (const [i, r] of FIXTURE_ROWS.entries()) {
      await c.run(`INSERT INTO fixture_records VALUES ($1, $2, $3, CAST($4 AS DATE), $5, CAST($6 AS VARCHAR[]), CAST($7 AS VARCHAR[]), $8, $9, $10)`, [
        r[0], r[1], r[2], r[3], r[4] === null ? null : BigInt(r[4]), JSON.stringify(r[5]), JSON.stringify(r[6]), r[7], r[8], i % 2 === 0 ? -5 : 7,
      ]);
    }
    await c.run(`CREATE VIEW local_fixture AS SELECT 'local:fixture' AS source, case_id, entity, 'Healthcare Provider' AS entity_type, 'US' AS country, state,
                 reported_date, NULL AS incident_date, records_affected, breach_types, locations, business_associate,
                 'external' AS actor, ['external'] AS actors, 'fixture-rule@1#1' AS actor_rule, 'other' AS threat, description,
                 NULL AS first_seen, NULL AS last_seen FROM fixture_records`);
    await c.run(`INSERT INTO bw_files (file_id, source_id, kind, path, name, sha256, bytes, snapshot_date, rows_read, rows_loaded)
                 VALUES ('fixture', 'local:fixture', 'local', '/fixture/incidents.csv', 'incidents.csv', 'abc123', 1000, DATE '2024-03-01', 7, 7)`);
    await registerRecordSource(c, { sourceId: 'local:fixture', viewName: 'local_fixture', title: 'Fixture incident log', kind: 'local' });
  });
}

/** The real OCR snapshots, once an OCR importer is registered and the shared datasets are present. */
export function ocrImportAvailable(): { ok: boolean; reason: string } {
  const present = OCR_FILES.every((f) => existsSync(datasetPath('ocr', f)));
  if (!present) return { ok: false, reason: `the OCR exports are not in ${datasetPath('ocr')}` };
  if (!IMPORTERS.some((i) => i.kind === 'ocr' || i.kind.startsWith('ocr'))) return { ok: false, reason: 'no OCR importer is registered yet' };
  return { ok: true, reason: '' };
}

export const OCR_PATHS = OCR_FILES.map((f) => datasetPath('ocr', f));
