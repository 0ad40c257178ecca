import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the bench keeps what it generates (git-ignored) and what it reads beside the project. */
export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const PROJECT_DIR = resolve(BENCH_DIR, '..');
export const DATA_DIR = join(BENCH_DIR, 'data');
/** Workspaces and scratch databases of one run; emptied at the start of every run. */
export const SCRATCH_DIR = join(DATA_DIR, 'scratch');
export const RESULTS_FILE = join(BENCH_DIR, 'results.json');

/** The shared real datasets sit beside the project checkout, as for the tests. */
export const SHARED_DATASETS = process.env.BREACH_SHARED_DATASETS ?? resolve(PROJECT_DIR, '..', 'shared', 'datasets');
export const OCR_DIR = join(SHARED_DATASETS, 'ocr');

export function hasOcrData(): boolean {
  return existsSync(OCR_DIR);
}
