import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Mapping } from '../../shared/api';
import { importPath } from '../../electron/engine/imports/run-import';
import { listPresets, previewMapping, savePreset } from '../../electron/engine/mapping';
import { importLocalFile } from '../../electron/engine/sources/local';
import { useTempWorkspace } from '../helpers/temp-workspace';

/** A ward's hand-kept log: day-first dates, a thousands separator, and five values that do not fit. */
const WARD_LOG = [
  'Ref,Reported,People affected,Who,Country,What happened',
  'W-1,13/02/2024,"1,200",employee,Australia,Misdirected email to a supplier',
  'W-2,sometime in May,40,hacker,AU,Phishing email opened',
  'W-3,01/03/2024,-5,vendor,AU,Lost paperwork at the courier',
  'W-4,02/03/2024,about 40,gremlin,AU,Printer sent scans to an old share',
  'W-5,03/03/2024,7,insider,Narnia,Snooping on a relative\'s record',
  'W-6,31/12/2024,n/a,Former employee,US,Kept records after leaving',
].join('\n');

const noop = { signal: new AbortController().signal, progress: () => undefined };

describe('mapping a local log: detection, preview, rejects, presets', () => {
  const t = useTempWorkspace('bw-local-mapping-');
  let wardPath: string;

  beforeAll(async () => {
    wardPath = join(t.dir, 'ward_incidents.csv');
    writeFileSync(wardPath, WARD_LOG);
  });

  it('previews the detected mapping with the first rows mapped and the values that would be rejected', async () => {
    const preview = await previewMapping(t.workspace.db, wardPath);
    expect(preview.preset).toBeNull();
    expect(preview.reader).toMatchObject({ format: 'csv', delimiter: ',', header: true, encoding: 'utf-8' });
    expect(preview.mapping.fields).toEqual({
      case_id: { column: 'Ref' },
      reported_date: { column: 'Reported', format: '%d/%m/%Y' },
      records_affected: { column: 'People affected' },
      actor: { column: 'Who' },
      country: { column: 'Country' },
      description: { column: 'What happened' },
    });
    expect(preview.columns.map((c) => c.name)).toEqual(['Ref', 'Reported', 'People affected', 'Who', 'Country', 'What happened']);
    expect(preview.rowsSampled).toBe(6);
    expect(preview.rows[0]).toMatchObject({ line: 2, case_id: 'W-1', reported_date: '2024-02-13', records_affected: 1200, actor: 'internal', country: 'AU' });
    expect(preview.rows[5]).toMatchObject({ case_id: 'W-6', records_affected: null, actor: 'external' });
    expect(preview.rejects.map((r) => [r.line, r.column, r.value])).toEqual([
      [3, 'Reported', 'sometime in May'],
      [4, 'People affected', '-5'],
      [5, 'People affected', 'about 40'],
      [5, 'Who', 'gremlin'],
      [6, 'Country', 'Narnia'],
    ]);
    expect(await t.workspace.db.value(`SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'local_%'`)).toBe(0n);
  });

  it('loads the rows that fit and lists every value that did not, with file, line, column, value and reason', async () => {
    const report = await importPath(t.workspace.db, wardPath, noop);
    expect(report).toMatchObject({ table: 'local_ward_incidents', rowsRead: 6, rowsLoaded: 2, rowsRejected: 4, rowsRepaired: 0 });
    expect(await t.workspace.db.rows(`SELECT case_id, records_affected, actor FROM breaches WHERE source = 'local:ward_incidents' ORDER BY case_id`)).toEqual([
      { case_id: 'W-1', records_affected: 1200n, actor: 'internal' },
      { case_id: 'W-6', records_affected: null, actor: 'external' },
    ]);
    const rejects = await t.workspace.db.rows(
      `SELECT file, line, "column", value, reason FROM bw_rejects WHERE file = 'ward_incidents.csv' ORDER BY line, "column"`,
    );
    expect(rejects).toEqual([
      { file: 'ward_incidents.csv', line: 3n, column: 'Reported', value: 'sometime in May', reason: 'not a date like 31/12/2024 (format %d/%m/%Y)' },
      { file: 'ward_incidents.csv', line: 4n, column: 'People affected', value: '-5', reason: 'negative count' },
      { file: 'ward_incidents.csv', line: 5n, column: 'People affected', value: 'about 40', reason: 'not a whole number of records' },
      { file: 'ward_incidents.csv', line: 5n, column: 'Who', value: 'gremlin', reason: expect.stringMatching(/^unknown actor word "gremlin"/) },
      { file: 'ward_incidents.csv', line: 6n, column: 'Country', value: 'Narnia', reason: expect.stringMatching(/not an ISO 3166 country code/) },
    ]);
  });

  it('re-runs with a fixed mapping (an actor word added, bad values loaded empty) and replaces the source whole', async () => {
    const preview = await previewMapping(t.workspace.db, wardPath);
    const mapping: Mapping = { ...preview.mapping, actorWords: { external: ['gremlin'] }, invalidValues: 'load_null' };
    const report = await importLocalFile(t.workspace.db, wardPath, mapping, noop);
    expect(report).toMatchObject({ rowsRead: 6, rowsLoaded: 6, rowsRepaired: 4, rowsRejected: 0 });
    expect(await t.workspace.db.rows(`SELECT case_id, reported_date IS NULL AS no_date, records_affected, actor, country FROM breaches WHERE source = 'local:ward_incidents' ORDER BY case_id`)).toEqual([
      { case_id: 'W-1', no_date: false, records_affected: 1200n, actor: 'internal', country: 'AU' },
      { case_id: 'W-2', no_date: true, records_affected: 40n, actor: 'external', country: 'AU' },
      { case_id: 'W-3', no_date: false, records_affected: null, actor: 'partner', country: 'AU' },
      { case_id: 'W-4', no_date: false, records_affected: null, actor: 'external', country: 'AU' },
      { case_id: 'W-5', no_date: false, records_affected: 7n, actor: 'internal', country: null },
      { case_id: 'W-6', no_date: false, records_affected: null, actor: 'external', country: 'US' },
    ]);
    expect(await t.workspace.db.value(`SELECT count(*) FROM bw_rejects WHERE file = 'ward_incidents.csv'`)).toBe(4n);
    expect(await t.workspace.db.value(`SELECT count(*) FROM bw_files WHERE source_id = 'local:ward_incidents'`)).toBe(1n);
  });

  it('saves the mapping as a named preset and re-applies it to the next file of the same shape, even as TSV', async () => {
    const preview = await previewMapping(t.workspace.db, wardPath);
    const mapping: Mapping = { ...preview.mapping, actorWords: { external: ['gremlin'] }, sourceName: 'ward' };
    const saved = await savePreset(t.workspace.db, { name: 'Ward log', mapping, columns: preview.columns.map((c) => c.name) });
    expect(saved).toMatchObject({ name: 'Ward log', version: 1, revision: 1, headerSignature: preview.headerSignature });
    const again = await savePreset(t.workspace.db, { name: 'Ward log', mapping, columns: preview.columns.map((c) => c.name) });
    expect(again.revision).toBe(2);
    expect((await listPresets(t.workspace.db)).map((p) => p.name)).toEqual(['Ward log']);

    const march = join(t.dir, 'ward_march.tsv');
    writeFileSync(march, ['Ref\tReported\tPeople affected\tWho\tCountry\tWhat happened', 'W-7\t04/03/2024\t3\tgremlin\tAU\tFax to the wrong clinic', 'W-8\t15/03/2024\t12\tnurse\tAU\tChart photographed'].join('\n'));
    const marchPreview = await previewMapping(t.workspace.db, march);
    expect(marchPreview.preset).toEqual({ name: 'Ward log', revision: 2 });
    expect(marchPreview.reader.delimiter).toBe('\t');
    const report = await importPath(t.workspace.db, march, noop);
    expect(report).toMatchObject({ table: 'local_ward', rowsLoaded: 2, rowsRejected: 0 });
    expect(report.notes).toContain('Mapping preset "Ward log" applied: the file has the same columns.');
    expect(await t.workspace.db.rows(`SELECT case_id, strftime(reported_date, '%Y-%m-%d') AS d, actor FROM breaches WHERE source = 'local:ward' ORDER BY case_id`)).toEqual([
      { case_id: 'W-7', d: '2024-03-04', actor: 'external' },
      { case_id: 'W-8', d: '2024-03-15', actor: 'internal' },
    ]);
    expect(readFileSync(march, 'utf8')).toMatch(/^Ref\tReported/);
  });

  it('refuses a mapping that names a column the file does not have', async () => {
    const preview = await previewMapping(t.workspace.db, wardPath);
    const mapping: Mapping = { ...preview.mapping, fields: { ...preview.mapping.fields, entity: { column: 'Hospital' } } };
    await expect(importLocalFile(t.workspace.db, wardPath, mapping, noop)).rejects.toThrow(/takes entity from column "Hospital", but ward_incidents\.csv has no such column/);
  });
});
