import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../shared/errors';
import type { ImportProgress } from '../../electron/engine/imports/importer';
import { importPath } from '../../electron/engine/imports/run-import';
import { Workspace } from '../../electron/engine/workspace/workspace';
import { writeBigIncidentCsv } from '../fixtures/big-incident-csv';
import { workspaceSnapshot } from '../fixtures/workspace-snapshot';
import { useTempWorkspace } from '../helpers/temp-workspace';

const ROWS = 2_000_000;

describe('a multi-million-row local CSV: progress and cancel', () => {
  const t = useTempWorkspace('bw-local-big-');
  let csv: string;

  beforeAll(async () => {
    csv = join(t.dir, 'big_log.csv');
    await writeBigIncidentCsv(csv, ROWS);
  });

  it('cancelling mid-read stops the import and leaves the workspace as it was', async () => {
    const before = await workspaceSnapshot(t.workspace.db);
    const controller = new AbortController();
    const updates: ImportProgress[] = [];
    const started = performance.now();
    const error = await importPath(t.workspace.db, csv, {
      signal: controller.signal,
      progress: (u) => {
        updates.push(u);
        if ((u.percent ?? 0) > 0) controller.abort();
      },
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbenchError);
    expect((error as WorkbenchError).code).toBe('cancelled');
    expect((error as WorkbenchError).message).toMatch(/big_log\.csv cancelled; the workspace is as it was/);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(updates.some((u) => (u.percent ?? 0) > 0)).toBe(true);
    expect(await workspaceSnapshot(t.workspace.db)).toEqual(before);
  });

  it('cancelling while mapping and saving rolls the transaction back', async () => {
    const before = await workspaceSnapshot(t.workspace.db);
    const controller = new AbortController();
    const error = await importPath(t.workspace.db, csv, {
      signal: controller.signal,
      progress: (u) => {
        if (u.message === 'Mapping and saving') controller.abort();
      },
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as WorkbenchError).code).toBe('cancelled');
    expect(await workspaceSnapshot(t.workspace.db)).toEqual(before);
  });

  it('a process killed mid-import (SIGKILL) leaves a workspace that reopens as it was', async () => {
    const dir = join(t.dir, 'killed-workspace');
    const first = await Workspace.open(dir);
    const before = await workspaceSnapshot(first.db);
    first.close();
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(__dirname, '../fixtures/import-in-child.ts'), dir, csv], {
      cwd: resolve(__dirname, '../..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    const killed = await new Promise<boolean>((done) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Mapping and saving') && child.exitCode === null) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) => done(signal === 'SIGKILL'));
    });
    expect(killed, `the child finished before it could be killed:\n${output}`).toBe(true);
    const reopened = await Workspace.open(dir);
    try {
      expect(await workspaceSnapshot(reopened.db)).toEqual(before);
    } finally {
      reopened.close();
    }
  });

  it('imports all rows, reporting rising percent and row counts on the way', async () => {
    const updates: ImportProgress[] = [];
    const started = performance.now();
    const report = await importPath(t.workspace.db, csv, { signal: new AbortController().signal, progress: (u) => updates.push(u) });
    console.info(`${ROWS} rows imported in ${((performance.now() - started) / 1000).toFixed(1)} s with ${updates.length} progress updates`);
    expect(report).toMatchObject({ table: 'local_big_log', rowsRead: ROWS, rowsLoaded: ROWS, rowsRejected: 0 });
    const reading = updates.filter((u) => u.message.startsWith('Reading') && (u.percent ?? 0) > 0);
    expect(reading.length).toBeGreaterThan(0);
    expect(reading.every((u) => u.rows !== null && u.rows > 0)).toBe(true);
    const percents = updates.map((u) => u.percent ?? 0);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(updates.at(-1)).toMatchObject({ percent: 100, rows: ROWS });
    expect(await t.workspace.db.value(`SELECT count(*) FROM breaches WHERE source = 'local:big_log'`)).toBe(BigInt(ROWS));
    expect(await t.workspace.db.rows(`SELECT actor, count(*) AS n FROM breaches WHERE source = 'local:big_log' GROUP BY ALL ORDER BY actor`)).toEqual([
      { actor: 'external', n: BigInt(ROWS / 4) },
      { actor: 'internal', n: BigInt(ROWS / 4) },
      { actor: 'partner', n: BigInt(ROWS / 4) },
      { actor: 'unknown', n: BigInt(ROWS / 4) },
    ]);
  });
});
