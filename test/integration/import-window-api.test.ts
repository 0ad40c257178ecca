import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mapping } from '../../shared/api';
import { tableToPlainRows } from '../../shared/arrow-values';
import { filtersSchema } from '../../shared/filters';
import { Workbench } from '../../electron/engine/workbench';
import { writeLogCsv } from '../fixtures/local-incident-log';
import { datasetPath, hasDataset } from '../helpers/datasets';
import { makeTempDir } from '../helpers/temp-dir';

/** A register with two values that do not fit: line 3 has a negative count and an unknown actor word. */
const REGISTER = 'Case ID,Date Reported,Records Affected,Actor\nA1,2024-01-02,10,employee\nA2,2024-02-03,-5,martian\nA3,2023-05-06,7,hacker\nA4,2023-07-01,,vendor\n';

/**
 * The engine side of the import window: what a dropped path is, uploads keeping a folder's shape,
 * the rejects of an import, and the comparison view's chart queries, each checked against SQL.
 */
describe('the import window’s API', () => {
  let temp: { dir: string; remove: () => void };
  let engine: Workbench;

  beforeAll(async () => {
    temp = makeTempDir('bw-import-window-');
    engine = await Workbench.open({ workspaceDir: join(temp.dir, 'workspace'), appVersion: 'test', transport: 'direct' });
  });
  afterAll(() => {
    engine?.close();
    temp?.remove();
  });

  async function waitFor(jobId: string) {
    for (;;) {
      const status = await engine.getJob({ jobId });
      if (status.state !== 'running') return status;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('lists the imports still running, named, so a reloaded window shows them again', async () => {
    const first = join(temp.dir, 'first-register.csv');
    const second = join(temp.dir, 'second-register.csv');
    writeLogCsv(first);
    writeLogCsv(second);
    const a = await engine.startImport({ paths: [first, second] });
    const b = await engine.startImport({ paths: [second] });
    // Imports run one at a time: the second waits behind the first, and both are running now.
    const running = await engine.listJobs();
    expect(running.map((j) => [j.jobId, j.kind, j.label, j.state])).toEqual([
      [a.jobId, 'import', 'first-register.csv and 1 more', 'running'],
      [b.jobId, 'import', 'second-register.csv', 'running'],
    ]);
    expect(Date.parse(running[0]!.startedAt)).not.toBeNaN();
    expect((await waitFor(a.jobId)).state).toBe('done');
    expect((await waitFor(b.jobId)).state).toBe('done');
    expect(await engine.listJobs()).toEqual([]);
  });

  it('says which importer takes each path, looking into a folder nobody claims', async () => {
    const folder = join(temp.dir, 'drop');
    mkdirSync(folder);
    writeLogCsv(join(folder, 'register.csv'));
    writeFileSync(join(folder, 'photo.bin'), Buffer.from([0, 1, 2, 3]));
    writeFileSync(join(folder, '.hidden.csv'), 'a,b\n1,2\n');
    writeFileSync(join(temp.dir, 'empty.csv'), '');
    const files = await engine.identifyFiles({ paths: [folder, join(temp.dir, 'empty.csv'), join(temp.dir, 'missing.csv')] });
    expect(files.map((f) => [f.name, f.importer, f.needsMapping, f.problem !== null])).toEqual([
      ['photo.bin', null, false, true],
      ['register.csv', 'local', true, false],
      ['empty.csv', null, false, true],
      ['missing.csv', null, false, true],
    ]);
    expect(files[0]!.problem).toMatch(/photo\.bin: not a format Breach Workbench reads/);
    expect(files[2]!.problem).toMatch(/empty/);
    expect(files[1]!.bytes).toBe(readFileSync(join(folder, 'register.csv')).byteLength);
  });

  it.skipIf(!hasDataset('ocr') || !hasDataset('vcdb', 'healthcare') || !hasDataset('stix'))('sends OCR exports, VERIS folders and STIX bundles past the mapping step', async () => {
    const files = await engine.identifyFiles({
      paths: [datasetPath('ocr', 'ocr_archive_2024-10-08.csv'), datasetPath('vcdb', 'healthcare'), datasetPath('stix', 'infrastructure.json')],
    });
    expect(files.map((f) => [f.importer, f.needsMapping, f.isDirectory])).toEqual([
      ['ocr-portal', false, false],
      ['veris', false, true],
      ['stix', false, false],
    ]);
  });

  it('keeps a dropped folder’s shape in the uploads and refuses to climb out of them', async () => {
    const nested = await engine.uploadFile({ name: 'a.json', bytes: new TextEncoder().encode('{}'), folder: 'drop-1/vcdb/2019', append: false });
    expect(nested.folder).toBe(join(temp.dir, 'workspace', 'uploads', 'drop-1', 'vcdb', '2019'));
    expect(nested.path).toBe(join(nested.folder!, 'a.json'));
    expect(existsSync(nested.path)).toBe(true);
    const plain = await engine.uploadFile({ name: '../../evil.csv', bytes: new Uint8Array([65]), append: false });
    expect(plain).toEqual({ path: join(temp.dir, 'workspace', 'uploads', 'evil.csv'), folder: null });
    await expect(engine.uploadFile({ name: 'x.csv', bytes: new Uint8Array([65]), folder: 'drop/../../..', append: false })).rejects.toThrow(/Bad upload folder/);
  });

  it('takes a big upload in parts, each appended to the one before, and never starts a file with a later part', async () => {
    const whole = new Uint8Array(100_000).map((_, i) => i % 251);
    const parts = [whole.subarray(0, 40_000), whole.subarray(40_000, 80_000), whole.subarray(80_000)];
    let path = '';
    for (const [i, bytes] of parts.entries()) path = (await engine.uploadFile({ name: 'big.csv', bytes, folder: 'drop-2', append: i > 0 })).path;
    expect(new Uint8Array(readFileSync(path))).toEqual(whole);
    // Sending the file again starts it over rather than adding to the old copy.
    await engine.uploadFile({ name: 'big.csv', bytes: parts[0]!, folder: 'drop-2', append: false });
    expect(readFileSync(path).byteLength).toBe(40_000);
    await expect(engine.uploadFile({ name: 'never-begun.csv', bytes: parts[1]!, append: true })).rejects.toThrow(/never-begun\.csv: no upload to continue/);
    expect(existsSync(join(temp.dir, 'workspace', 'uploads', 'never-begun.csv'))).toBe(false);
  });

  it('lists the rejects of a file’s latest import by reason and line, a page at a time', async () => {
    const path = join(temp.dir, 'register.csv');
    writeFileSync(path, REGISTER);
    const preview = await engine.previewMapping({ path });
    const mapping: Mapping = { ...preview.mapping, fields: { ...preview.mapping.fields, reported_date: { column: 'Date Reported', format: 'iso' } } };
    const status = await waitFor((await engine.startMappedImport({ path, mapping })).jobId);
    expect(status.reports[0]).toMatchObject({ rowsRead: 4, rowsLoaded: 3, rowsRejected: 1 });

    const page = await engine.listRejects({ file: 'register.csv', offset: 0, limit: 200 });
    expect(page.total).toBe(2);
    // Most frequent first, then by reason.
    expect(page.reasons.map((r) => [r.column, r.count, r.reason.slice(0, 14)])).toEqual([
      ['Records Affected', 1, 'negative count'],
      ['Actor', 1, 'unknown actor w'.slice(0, 14)],
    ]);
    expect(page.rows.map((r) => [r.line, r.column, r.value])).toEqual([
      [3, 'Actor', 'martian'],
      [3, 'Records Affected', '-5'],
    ]);
    expect((await engine.listRejects({ file: 'register.csv', offset: 1, limit: 1 })).rows.map((r) => r.column)).toEqual(['Records Affected']);
    expect((await engine.listRejects({ file: 'nothing.csv', offset: 0, limit: 10 })).total).toBe(0);
  });

  it('draws the comparison charts from the same numbers SQL gives', async () => {
    const path = join(temp.dir, 'incident_log.csv');
    writeLogCsv(path);
    const preview = await engine.previewMapping({ path });
    const status = await waitFor((await engine.startMappedImport({ path, mapping: { ...preview.mapping, invalidValues: 'load_null' } })).jobId);
    expect(status.state, status.message).toBe('done');
    const filters = filtersSchema.parse({ sources: ['local:incident_log'] });
    const chart = async (id: string) => tableToPlainRows(tableFromIPC((await engine.runChart({ chart: id, filters })).arrow));
    const sql = async (text: string) => tableToPlainRows(tableFromIPC((await engine.runSql({ sql: text })).arrow));
    const where = `source = 'local:incident_log'`;

    const [summary] = await chart('records_summary');
    const [expected] = await sql(
      `SELECT count(*) AS breaches, count(records_affected) AS with_count, sum(records_affected) AS people, median(records_affected) AS median,
              year(min(reported_date)) AS first_year, year(max(reported_date)) AS last_year FROM breaches WHERE ${where}`,
    );
    expect(summary).toMatchObject({
      breaches: expected!.breaches,
      with_count: expected!.with_count,
      people_affected: expected!.people,
      median: expected!.median,
      first_year: expected!.first_year,
      last_year: expected!.last_year,
    });

    const actors = await chart('breaches_by_actor');
    const byActor = await sql(`SELECT actor, count(*) AS n FROM breaches WHERE ${where} GROUP BY 1`);
    for (const row of byActor) expect(actors.find((a) => a.actor === row.actor)?.breaches).toBe(row.n);
    expect(actors.reduce((n, a) => n + Number(a.share), 0)).toBeCloseTo(1, 10);
    expect(actors.map((a) => a.actor)).toEqual(['internal', 'external', 'partner', 'mixed', 'unknown'].filter((a) => actors.some((r) => r.actor === a)));

    const bins = await chart('records_per_incident');
    expect(bins).toHaveLength(8);
    expect(bins.reduce((n, b) => n + Number(b.breaches), 0)).toBe(expected!.with_count);
    const [between] = await sql(`SELECT count(*) AS n FROM breaches WHERE ${where} AND records_affected BETWEEN 1000 AND 9999`);
    expect(bins.find((b) => b.bin === '1,000–9,999')?.breaches).toBe(between!.n);
  });
});
