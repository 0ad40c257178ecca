import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BENCH_DIR, PROJECT_DIR } from './paths';

export interface ChildOutcome<T> {
  result: T;
  /** From spawn to exit, as the parent saw it (includes Node and tsx start-up). */
  wallMs: number;
}

/**
 * Runs bench/children/<script> in a fresh Node process and returns the JSON it prints on its last
 * line. Fresh processes are how start-up and peak memory are measured: nothing the parent loaded or
 * allocated counts against them.
 */
export function runChild<T>(script: string, args: string[], options: { timeoutMs: number }): Promise<ChildOutcome<T>> {
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(BENCH_DIR, 'children', script), ...args], {
      cwd: PROJECT_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0) {
        reject(new Error(`${script} ${signal ? `was killed (${signal})` : `exited with ${code}`}: ${(stderr || stdout).trim().slice(-2000)}`));
        return;
      }
      try {
        resolvePromise({ result: JSON.parse(last) as T, wallMs });
      } catch {
        reject(new Error(`${script} printed no result: ${stdout.slice(-500)} ${stderr.slice(-500)}`));
      }
    });
  });
}
