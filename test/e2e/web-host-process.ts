import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkbenchApi } from '../../shared/api';
import { createApiClient } from '../../shared/api-client';
import { httpTransport } from '../../shared/http-transport';

export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  workspace: string;
  /** The same API the window uses, for independent checks from the test. */
  api: WorkbenchApi;
  stop(): Promise<void>;
}

// ESM: Playwright loads this project's tests as modules, which have no __dirname.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Starts the built web host (`out/main/web.js`) as a real process on a fresh workspace. */
export async function startHost(options: { workspace?: string; env?: Record<string, string> } = {}): Promise<RunningHost> {
  const workspace = options.workspace ?? mkdtempSync(join(tmpdir(), 'bw-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'out', 'main', 'web.js'), '--workspace', workspace, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}:\n${output}`)));
  });
  const parsed = new URL(url);
  const token = parsed.searchParams.get('token')!;
  return {
    url,
    origin: parsed.origin,
    token,
    workspace,
    api: createApiClient(httpTransport(parsed.origin, token)),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        // A host that does not finish closing in 15 s (a query still running) is killed, so a test run never hangs.
        const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(killer);
      }
      if (!options.workspace) rmSync(workspace, { recursive: true, force: true });
    },
  };
}
