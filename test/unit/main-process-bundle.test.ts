import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const OUT = resolve(__dirname, '..', '..', 'out');
const built = existsSync(join(OUT, 'main', 'index.js'));
if (!built) console.warn('skipping: out/ is not built (npm test builds it before the unit tests)');

/** Every file the main-process entry loads, following its relative imports through the build. */
function mainProcessFiles(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:from\s*|import\s*\(?\s*|require\(\s*)["'](\.{1,2}\/[^"']+\.c?js)["']/g)) {
      visit(resolve(file, '..', m[1]!));
    }
  };
  visit(entry);
  return [...seen];
}

describe.skipIf(!built)('the Electron main process', () => {
  it('never loads DuckDB: the engine runs in the utility process', () => {
    const files = mainProcessFiles(join(OUT, 'main', 'index.js'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toMatch(/@duckdb\/node-api|node-bindings/);
    // ...while the utility-process entry does load it.
    const host = mainProcessFiles(join(OUT, 'main', 'engine-host.js'));
    expect(host.some((f) => /@duckdb\/node-api/.test(readFileSync(f, 'utf8')))).toBe(true);
  });

  it('loads a sandbox-compatible preload that needs nothing but electron', () => {
    const preload = readFileSync(join(OUT, 'preload', 'index.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });
});
