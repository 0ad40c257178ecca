import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { DataCandidate } from '../../shared/api';

/** Extensions worth offering on the welcome screen; anything else in a data folder is left alone. */
const IMPORTABLE = new Set(['.csv', '.tsv', '.txt', '.xlsx', '.json', '.jsonl', '.ndjson', '.parquet']);

export interface DiscoveryOptions {
  /** BREACH_DATA_DIR, when set. */
  dataDir?: string | undefined;
  /** `../shared/datasets` beside the checkout, when present. */
  sharedDatasetsDir?: string | undefined;
}

/**
 * Where data is found, in order: files the user opens (not here: they arrive through startImport),
 * the folder named by BREACH_DATA_DIR, then `../shared/datasets` beside the project. Only the OCR
 * exports of the shared folder are offered by default: they are what the first chart is drawn from.
 */
export function discoverData(options: DiscoveryOptions): DataCandidate[] {
  const found: DataCandidate[] = [];
  if (options.dataDir && existsSync(options.dataDir)) {
    found.push({ origin: 'BREACH_DATA_DIR', folder: resolve(options.dataDir), files: listImportable(options.dataDir, 2) });
  }
  if (options.sharedDatasetsDir) {
    const ocr = join(options.sharedDatasetsDir, 'ocr');
    if (existsSync(ocr)) found.push({ origin: 'shared-datasets', folder: resolve(ocr), files: listImportable(ocr, 1) });
  }
  return found.filter((c) => c.files.length > 0);
}

function listImportable(folder: string, depth: number): DataCandidate['files'] {
  const out: DataCandidate['files'] = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    const info = statSync(path);
    if (info.isDirectory()) {
      if (depth > 1) out.push(...listImportable(path, depth - 1));
    } else if (IMPORTABLE.has(extname(name).toLowerCase())) {
      out.push({ path, name, kind: guessKind(name), bytes: info.size });
    }
  }
  return out;
}

function guessKind(name: string): string {
  const lower = name.toLowerCase();
  if (lower.includes('ocr') || lower.includes('breach_report')) return 'ocr-portal';
  return extname(lower).slice(1);
}

/** `../shared/datasets` relative to the project root, when the project is checked out beside it. */
export function findSharedDatasets(projectRoot: string): string | undefined {
  const candidate = resolve(projectRoot, '..', 'shared', 'datasets');
  return existsSync(candidate) ? candidate : undefined;
}
