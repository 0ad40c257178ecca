import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { datasetPath, hasDataset } from '../helpers/datasets';
import { makeTempDir } from '../helpers/temp-dir';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '..', '..');

/** The `breach-workbench` command, run from source as a real process with its own workspace. */
async function cli(args: string[], encoding: BufferEncoding | 'buffer' = 'utf8') {
  return run(process.execPath, ['--import', 'tsx', join(ROOT, 'electron', 'cli', 'index.ts'), ...args], {
    cwd: ROOT,
    encoding: encoding as BufferEncoding,
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe.skipIf(!hasDataset('ocr'))('breach-workbench command line', () => {
  const temp = makeTempDir();
  const workspace = join(temp.dir, 'ws');
  afterAll(() => temp.remove());

  it('imports OCR exports into a workspace and reports each file', async () => {
    const { stdout } = await cli([
      'import',
      datasetPath('ocr', 'ocr_archive_2024-10-08.csv'),
      datasetPath('ocr', 'ocr_investigation_2024-10-08.csv'),
      '--workspace',
      workspace,
    ]);
    expect(stdout).toMatch(/ocr_archive_2024-10-08\.csv: ocr-archive, snapshot 2024-10-08: 5590 rows read/);
    expect(stdout).toMatch(/ocr_investigation_2024-10-08\.csv: ocr-investigation, snapshot 2024-10-08: 852 rows read/);
  });

  it('lists sources with row counts and snapshot dates', async () => {
    const { stdout } = await cli(['sources', '--workspace', workspace]);
    expect(stdout).toMatch(/^ocr\t/m);
    expect(stdout).toContain('2024-10-08');
    const json = JSON.parse((await cli(['sources', '--format', 'json', '--workspace', workspace])).stdout) as { id: string; rows: number; files: unknown[] }[];
    const ocr = json.find((s) => s.id === 'ocr')!;
    expect(ocr.files).toHaveLength(2);
    expect(ocr.rows).toBeGreaterThan(6000);
  });

  it('answers SQL over the canonical view as CSV, JSON and Arrow', async () => {
    const sql = `SELECT count(*) AS n, count(DISTINCT case_id) AS cases FROM breaches WHERE source = 'ocr'`;
    const csv = (await cli(['sql', sql, '--workspace', workspace])).stdout.trim().split('\n');
    expect(csv[0]).toBe('n,cases');
    const [n, cases] = csv[1]!.split(',').map(Number);
    expect(n).toBe(cases);
    const json = JSON.parse((await cli(['sql', sql, '--format', 'json', '--workspace', workspace])).stdout) as { n: number }[];
    expect(json[0]!.n).toBe(n);
    const arrow = (await cli(['sql', sql, '--format', 'arrow', '--workspace', workspace], 'buffer')).stdout as unknown as Buffer;
    expect(Number(tableFromIPC(new Uint8Array(arrow)).getChild('n')!.get(0))).toBe(n);
  });

  it('fills every canonical column of the view breaches', async () => {
    const { stdout } = await cli(['sql', 'DESCRIBE breaches', '--format', 'json', '--workspace', workspace]);
    const columns = (JSON.parse(stdout) as { column_name: string; column_type: string }[]).map((c) => `${c.column_name} ${c.column_type}`);
    expect(columns).toEqual(
      expect.arrayContaining(['source VARCHAR', 'case_id VARCHAR', 'reported_date DATE', 'records_affected BIGINT', 'breach_types VARCHAR[]', 'business_associate BOOLEAN']),
    );
  });

  it('refuses writes and says why, with a non-zero exit', async () => {
    const error = (await cli(['sql', 'DELETE FROM bw_files', '--workspace', workspace]).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(error.code).toBe(1);
    expect(error.stderr).toMatch(/read-only/);
  });

  it('names the file when an import fails', async () => {
    const error = (await cli(['import', join(temp.dir, 'missing.csv'), '--workspace', workspace]).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(error.code).toBe(1);
    expect(error.stderr).toMatch(/missing\.csv/);
  });
});
