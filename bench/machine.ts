import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { PROJECT_DIR } from './paths';

export interface MachineInfo {
  date: string;
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  platform: string;
  node: string;
  duckdb: string;
  duckdbNodeApi: string;
  duckdbWasm: string;
  commit: string | null;
  /** 1-minute load average when the run started: other work on a shared machine skews absolute times. */
  loadAverageAtStart: number;
}

/** What the figures depend on, recorded beside them: on another machine they will differ. */
export async function describeMachine(): Promise<MachineInfo> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const duckdb = String((await connection.runAndReadAll('SELECT version()')).getRows()[0]?.[0] ?? 'unknown');
  connection.closeSync();
  instance.closeSync();
  const cpu = cpus();
  return {
    date: new Date().toISOString(),
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryBytes: totalmem(),
    platform: `${platform()} ${release()}`,
    node: process.version,
    duckdb,
    duckdbNodeApi: packageVersion('@duckdb/node-api'),
    duckdbWasm: packageVersion('@duckdb/duckdb-wasm'),
    commit: gitCommit(),
    loadAverageAtStart: loadavg()[0] ?? 0,
  };
}

/** Read from node_modules: these packages do not export their package.json. */
function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(PROJECT_DIR, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}
