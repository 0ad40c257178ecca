import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchApi } from '../../shared/api';
import { tableToPlainRows } from '../../shared/arrow-values';
import { createApiClient } from '../../shared/api-client';
import { httpTransport } from '../../shared/http-transport';
import { dispatchApiCall } from '../../electron/engine/dispatch';
import { Workbench } from '../../electron/engine/workbench';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * The same calls through the in-process dispatcher (what the Electron utility process runs) and
 * through HTTP on loopback must give the same answers: a test that passes on one transport must pass
 * on the other.
 */
describe('transports', () => {
  const temp = makeTempDir();
  let engine: Workbench;
  let host: WebHost;
  let direct: WorkbenchApi;
  let http: WorkbenchApi;

  beforeAll(async () => {
    engine = await Workbench.open({ workspaceDir: join(temp.dir, 'ws'), appVersion: '0.0.0-test', transport: 'test' });
    const rendererDir = join(temp.dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    host = await startWebHost({ engine, rendererDir });
    direct = createApiClient((method, request) => dispatchApiCall(engine, method, request));
    http = createApiClient(httpTransport(host.origin, host.token));
  });
  afterAll(async () => {
    await host.close();
    engine.close();
    temp.remove();
  });

  it('answers SQL identically, as Arrow', async () => {
    const sql = `SELECT range AS n, 'row ' || range AS label, DATE '2024-02-29' + CAST(range AS INTEGER) AS day,
                        CASE WHEN range % 3 = 0 THEN NULL ELSE range * 1000000000000 END AS big
                 FROM range(5000) ORDER BY n`;
    const [a, b] = await Promise.all([direct.runSql({ sql }), http.runSql({ sql })]);
    expect(b.meta.rowCount).toBe(5000);
    const table = tableFromIPC(b.arrow);
    expect(tableToPlainRows(table)).toEqual(tableToPlainRows(tableFromIPC(a.arrow)));
    expect(table.getChild('big')?.get(1)).toBe(1_000_000_000_000n);
    expect(table.getChild('big')?.get(3)).toBeNull();
  });

  it('cuts a console result at the row limit and says so', async () => {
    const cut = await http.runSql({ sql: 'SELECT range AS n FROM range(1000)', limit: 250 });
    expect(cut.meta).toMatchObject({ rowCount: 250, truncated: true });
    expect(tableFromIPC(cut.arrow).numRows).toBe(250);
    const whole = await http.runSql({ sql: 'SELECT range AS n FROM range(250)', limit: 250 });
    expect(whole.meta).toMatchObject({ rowCount: 250, truncated: false });
  });

  it('carries errors as values with their code, line and column', async () => {
    for (const api of [direct, http]) {
      await expect(api.runSql({ sql: 'DROP TABLE bw_files' })).rejects.toMatchObject({ code: 'read_only' });
      await expect(api.runSql({ sql: 'SELECT *\nFROM no_such_table' })).rejects.toMatchObject({ code: 'sql_error', line: 2 });
      await expect(api.runChart({ chart: 'no_such_chart' })).rejects.toMatchObject({ code: 'not_found' });
    }
  });

  it('validates requests at the boundary', async () => {
    const outcome = await dispatchApiCall(engine, 'runSql', { sql: 42 });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const unknown = await dispatchApiCall(engine, 'dropEverything', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('lists the same sources and tables', async () => {
    expect(await http.listSources({})).toEqual(await direct.listSources({}));
    const tables = await http.listTables({});
    expect(tables.map((t) => t.name)).toContain('breaches');
    expect(tables.find((t) => t.name === 'breaches')?.columns.map((c) => c.name)).toContain('records_affected');
  });

  it('refuses calls without the token, from another origin or for another host', async () => {
    const noToken = await fetch(`${host.origin}/api/info`, { method: 'POST' });
    expect(noToken.status).toBe(401);
    const foreignOrigin = await fetch(`${host.origin}/api/info`, {
      method: 'POST',
      headers: { 'x-workbench-token': host.token, origin: 'http://evil.example' },
    });
    expect(foreignOrigin.status).toBe(403);
    // DNS rebinding: a request that reaches 127.0.0.1 under another host name.
    expect(await statusWithHost(host.origin, 'evil.example')).toBe(421);
    expect(await statusWithHost(host.origin, new URL(host.origin).host)).toBe(200);
    const page = await fetch(`${host.origin}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('listens on loopback only', () => {
    expect(new URL(host.origin).hostname).toBe('127.0.0.1');
  });
});

function statusWithHost(origin: string, hostHeader: string): Promise<number> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ hostname: url.hostname, port: url.port, path: '/', headers: { host: hostHeader } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}
