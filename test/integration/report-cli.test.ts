import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { tableFromIPC } from 'apache-arrow';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/engine/export/chromium-report-browser';
import { Workbench } from '../../electron/engine/workbench';
import { makeTempDir } from '../helpers/temp-dir';
import { FIXTURE_ROWS, loadFixtureSource } from './report-fixtures';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '..', '..');

/** The command, run from source as a real process; resolves with its exit code instead of throwing. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'electron', 'cli', 'index.ts'), ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('breach-workbench report and export', () => {
  const temp = makeTempDir();
  const workspace = join(temp.dir, 'ws');
  const out = (name: string) => join(temp.dir, name);

  beforeAll(async () => {
    const engine = await Workbench.open({ workspaceDir: workspace, appVersion: '0.0.0-test', transport: 'test' });
    await loadFixtureSource(engine);
    await engine.reports.save({ version: 1, name: 'Board', title: 'Board pack', tlp: 'TLP:RED', items: [{ id: 'a', chart: 'breaches_per_year', filters: { states: ['WA'] } }] });
    engine.close();
  });
  afterAll(() => temp.remove());

  it('writes the default report as HTML and a saved one as slides', async () => {
    const html = await cli(['report', '--workspace', workspace, '--format', 'html', '--out', out('default.html'), '--tlp', 'amber', '--author', 'CLI']);
    expect(html.code).toBe(0);
    expect(html.stderr).toMatch(/Wrote .*default\.html \(HTML, \d+ charts, [\d,]+ bytes, TLP:AMBER\)/);
    const text = readFileSync(out('default.html'), 'utf8');
    expect(text).toContain('By CLI');
    expect(text).toContain('incidents.csv');

    const pptx = await cli(['report', '--workspace', workspace, '--format', 'pptx', '--name', 'Board', '--out', out('board.pptx')]);
    expect(pptx.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out('board.pptx')));
    expect(Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(3);
    expect(await zip.file('ppt/slides/slide2.xml')!.async('string')).toContain('>TLP:RED<');
    expect(await zip.file('ppt/notesSlides/notesSlide2.xml')!.async('string')).toContain('Filters: states: WA.');
  });

  it.skipIf(!findChromium())('prints a PDF on Letter paper', async () => {
    const pdf = await cli(['report', '--workspace', workspace, '--format', 'pdf', '--page-size', 'Letter', '--out', out('r.pdf')]);
    expect(pdf.code).toBe(0);
    expect(readFileSync(out('r.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('exports a query as neutralised CSV, with its provenance on stderr', async () => {
    const csv = await cli(['export', '--workspace', workspace, '--sql', 'SELECT case_id, description, delta FROM fixture_records ORDER BY case_id', '--format', 'csv', '--out', out('q.csv')]);
    expect(csv.code).toBe(0);
    expect(csv.stderr).toContain(`Wrote ${FIXTURE_ROWS.length} rows to`);
    expect(csv.stderr).toContain('File: incidents.csv (local:fixture, snapshot 2024-03-01, 7 rows, sha256 abc123)');
    const lines = readFileSync(out('q.csv'), 'utf8').split('\n');
    expect(lines[0]).toBe('case_id,description,delta');
    expect(lines[1]).toBe(`F-1,"'=HYPERLINK(""http://evil.example/x"",""click"")",-5`);
    expect(lines[3]).toBe(`F-3,'-2+3,-5`);
  });

  it('exports a table as Arrow and Parquet, whole', async () => {
    expect((await cli(['export', '--workspace', workspace, '--table', 'breaches', '--format', 'arrow', '--out', out('b.arrow')])).code).toBe(0);
    expect(tableFromIPC(readFileSync(out('b.arrow'))).numRows).toBe(FIXTURE_ROWS.length);
    expect((await cli(['export', '--workspace', workspace, '--sql', 'SELECT * FROM breaches', '--format', 'parquet', '--out', out('b.parquet')])).code).toBe(0);
    expect(readFileSync(out('b.parquet')).subarray(0, 4).toString()).toBe('PAR1');
  });

  it('says what is wrong with a bad command line', async () => {
    const noFormat = await cli(['report', '--workspace', workspace, '--out', out('x.html')]);
    expect(noFormat).toMatchObject({ code: 2 });
    expect(noFormat.stderr).toContain('report needs --format html|pdf|pptx.');
    const badFormat = await cli(['export', '--workspace', workspace, '--sql', 'SELECT 1', '--format', 'json', '--out', out('x.json')]);
    expect(badFormat).toMatchObject({ code: 2 });
    expect(badFormat.stderr).toContain('export needs --format csv|xlsx|parquet|arrow, not "json".');
    const missing = await cli(['report', '--workspace', workspace, '--format', 'html', '--name', 'Nope', '--out', out('x.html')]);
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.stderr).toContain('There is no saved report called "Nope".');
    const write = await cli(['export', '--workspace', workspace, '--sql', 'DROP TABLE bw_files', '--format', 'csv', '--out', out('x.csv')]);
    expect(write).toMatchObject({ code: 1 });
    expect(write.stderr).toMatch(/read-only/);
  });
});
