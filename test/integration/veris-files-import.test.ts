import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../shared/errors';
import { importPath } from '../../electron/engine/imports/run-import';
import { workspaceSnapshot } from '../fixtures/workspace-snapshot';
import { writeZip } from '../fixtures/zip-writer';
import { datasetPath, hasDataset } from '../helpers/datasets';
import { useTempWorkspace } from '../helpers/temp-workspace';

const noop = () => ({ signal: new AbortController().signal, progress: () => undefined });

describe.skipIf(!hasDataset('vcdb', 'healthcare'))('VERIS as one file, a zip, and folders with bad files', () => {
  const t = useTempWorkspace('bw-veris-files-');
  const folder = datasetPath('vcdb', 'healthcare');
  const names = hasDataset('vcdb', 'healthcare') ? readdirSync(folder).filter((n) => n.endsWith('.json')).sort().slice(0, 40) : [];
  const incident = (name: string) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as Record<string, unknown> & { incident_id: string };


  it('imports one VERIS JSON file', async () => {
    const report = await importPath(t.workspace.db, join(folder, names[0]!), noop());
    expect(report).toMatchObject({ kind: 'veris', rowsRead: 1, rowsLoaded: 1, rowsRejected: 0 });
    expect(await t.workspace.db.value(`SELECT case_id FROM breaches WHERE source = 'veris'`)).toBe(incident(names[0]!).incident_id);
  });

  it('imports a zip of VERIS files (other entries ignored), naming files by their entry', async () => {
    const zip = join(t.dir, 'vcdb-sample.zip');
    writeZip(zip, [
      ...names.map((n) => ({ name: `vcdb/${n}`, content: readFileSync(join(folder, n)) })),
      { name: 'README.txt', content: Buffer.from('forty incidents') },
    ]);
    const report = await importPath(t.workspace.db, zip, noop());
    expect(report).toMatchObject({ kind: 'veris', rowsRead: 40, rowsLoaded: 40, rowsRejected: 0 });
    // The single file imported before is one of these forty: replaced, not doubled.
    expect(await t.workspace.db.value(`SELECT count(*) FROM breaches WHERE source = 'veris'`)).toBe(40n);
    expect(await t.workspace.db.value(`SELECT file FROM veris_incidents WHERE incident_id = $id`, { id: incident(names[1]!).incident_id })).toBe(`vcdb/${names[1]}`);
  });

  it('refuses a zip of CSV files, saying what a zip is read as, and leaves the workspace as it was', async () => {
    const zip = join(t.dir, 'logs.zip');
    writeZip(zip, [{ name: 'log.csv', content: Buffer.from('Case ID,Date Reported\nA1,2024-01-02\n') }]);
    const before = await t.workspace.db.value(`SELECT count(*) FROM breaches`);
    await expect(importPath(t.workspace.db, zip, noop())).rejects.toMatchObject({
      code: 'bad_input',
      file: 'logs.zip',
      message: 'logs.zip: the zip holds no .json files. A zip is read as VERIS incidents (JSON); unzip other files and open them instead.',
    });
    expect(await t.workspace.db.value(`SELECT count(*) FROM breaches`)).toBe(before);
  });

  it('lists a JSON record that is not a VERIS incident and an impossible date, and loads the rest', async () => {
    const dir = join(t.dir, 'mixed');
    mkdirSync(dir);
    for (const n of names.slice(0, 3)) copyFileSync(join(folder, n), join(dir, n));
    const odd = incident(names[3]!);
    writeFileSync(join(dir, 'zz-bad-date.json'), JSON.stringify({ ...odd, timeline: { incident: { year: 2016, month: 13 } } }));
    writeFileSync(join(dir, 'zz-notes.json'), JSON.stringify({ note: 'exported by hand' }));
    const report = await importPath(t.workspace.db, dir, noop());
    expect(report).toMatchObject({ kind: 'veris', rowsRead: 5, rowsLoaded: 4, rowsRejected: 1, rowsRepaired: 1 });
    expect(await t.workspace.db.rows(`SELECT file, "column", value, reason FROM bw_rejects WHERE file LIKE 'zz-%' ORDER BY file`)).toEqual([
      { file: 'zz-bad-date.json', column: 'timeline.incident', value: '2016-13', reason: 'not a valid date; incident_date left empty' },
      { file: 'zz-notes.json', column: 'incident_id', value: null, reason: 'not a VERIS incident: the record has no incident_id' },
    ]);
    expect(await t.workspace.db.value(`SELECT incident_date FROM veris_incidents WHERE incident_id = $id`, { id: odd.incident_id })).toBeNull();
  });

  it('a truncated file in the folder fails the import, naming that file, and changes nothing', async () => {
    const dir = join(t.dir, 'truncated');
    mkdirSync(dir);
    for (const n of names.slice(5, 8)) copyFileSync(join(folder, n), join(dir, n));
    writeFileSync(join(dir, 'zz-cut.json'), readFileSync(join(folder, names[8]!), 'utf8').slice(0, 300));
    const before = await workspaceSnapshot(t.workspace.db);
    const error = await importPath(t.workspace.db, dir, noop()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbenchError);
    expect((error as WorkbenchError).message).toBe('truncated: zz-cut.json: could not be read as VERIS JSON: Malformed JSON, at byte 301: unexpected end of data.');
    expect((error as WorkbenchError).file).toBe('zz-cut.json');
    expect(await workspaceSnapshot(t.workspace.db)).toEqual(before);
  });
});
