import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shared datasets live beside the project (../shared/datasets) and are never committed into it.
 * Tests that need them skip, saying why, when they are absent (a fresh clone elsewhere).
 */
// From import.meta.url, not __dirname: Playwright loads the end-to-end tests (which use this too) as ES modules.
export const SHARED_DATASETS = process.env.BREACH_SHARED_DATASETS ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'datasets');

export function datasetPath(...parts: string[]): string {
  return join(SHARED_DATASETS, ...parts);
}

export function hasDataset(...parts: string[]): boolean {
  const present = existsSync(datasetPath(...parts));
  if (!present) console.warn(`skipping: ${datasetPath(...parts)} is not present (the shared datasets sit beside the project checkout)`);
  return present;
}

export const OCR_FILES = [
  'ocr_archive_2024-06-28_cleantext.csv',
  'ocr_archive_2024-10-08.csv',
  'ocr_investigation_2024-10-08.csv',
  'ocr_investigation_2024-11-01.csv',
  'ocr_investigation_2025-06-13.csv',
  'ocr_investigation_2025-11-13.csv',
  'ocr_investigation_2025-12-31.csv',
  'ocr_investigation_2026-04-07.csv',
] as const;
