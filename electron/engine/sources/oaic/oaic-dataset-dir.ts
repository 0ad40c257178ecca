import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkbenchError } from '../../../../shared/errors';

/** A file every copy of the committed folder has; finding it confirms the folder is the right one. */
const MARKER = 'oaic_ndb_totals.csv';
const RELATIVE = join('datasets', 'oaic');

/**
 * Where the committed OAIC tables are. In order: `BREACH_OAIC_DIR` (an explicit override must be
 * right, or this throws); then `datasets/oaic` in this module's folder or any folder above it, which
 * finds the project root both from source (`electron/engine/sources/oaic/`, vitest, tsx) and from
 * the electron-vite build (`out/main/*.js`); then Electron's resources folder for a packaged app.
 * Undefined when none has it.
 */
export function resolveOaicDatasetDir(
  env: NodeJS.ProcessEnv = process.env,
  startDir: string = moduleDir(),
): string | undefined {
  const override = env.BREACH_OAIC_DIR?.trim();
  if (override) {
    const dir = resolve(override);
    if (!existsSync(join(dir, MARKER))) {
      throw new WorkbenchError({
        code: 'not_found',
        message: `BREACH_OAIC_DIR is ${dir}, but ${MARKER} is not there. Point it at the folder holding the OAIC CSV files, or unset it.`,
      });
    }
    return dir;
  }
  for (let dir = resolve(startDir); ; dir = dirname(dir)) {
    const candidate = join(dir, RELATIVE);
    if (existsSync(join(candidate, MARKER))) return candidate;
    if (dirname(dir) === dir) break;
  }
  // Electron sets `process.resourcesPath`; the engine reads it without importing Electron.
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources && existsSync(join(resources, RELATIVE, MARKER))) return join(resources, RELATIVE);
  return undefined;
}

function moduleDir(): string {
  // Rollup rewrites import.meta.url for a CommonJS build too; __dirname is the fallback where neither applies.
  try {
    return dirname(fileURLToPath(import.meta.url));
  } catch {
    return typeof __dirname === 'string' ? __dirname : process.cwd();
  }
}
