import { readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { IdentifiedFile } from '../../../shared/api';
import type { Importer } from './importer';
import { IMPORTERS } from './importer-registry';
import { readHead } from './run-import';

/** A dropped folder nobody claims is looked into this far, so a folder of 50,000 files cannot stall the window. */
const MAX_FOLDER_FILES = 500;

/**
 * What each dropped or picked path is, before anything is imported: the window sends local incident
 * logs to the mapping step and everything else straight to import. It asks the same importers, in
 * the same order, as `importPath`, so the answer here is the importer that would take the file.
 */
export async function identifyFiles(paths: readonly string[], importers: readonly Importer[] = IMPORTERS): Promise<IdentifiedFile[]> {
  const out: IdentifiedFile[] = [];
  for (const raw of paths) {
    const file = await identifyOne(resolve(raw), importers);
    if (file.isDirectory && file.importer === null && file.problem === null) out.push(...(await identifyFolderFiles(file.path, importers)));
    else out.push(file);
  }
  return out;
}

async function identifyOne(path: string, importers: readonly Importer[]): Promise<IdentifiedFile> {
  const name = basename(path);
  const base = { path, name, isDirectory: false, bytes: 0, importer: null, needsMapping: false };
  const info = await stat(path).catch(() => null);
  if (!info) return { ...base, problem: `${name}: no such file or folder (${path}).` };
  const isDirectory = info.isDirectory();
  if (!isDirectory && info.size === 0) return { ...base, bytes: 0, problem: `${name} is empty: there is nothing to import.` };
  const head = isDirectory ? Buffer.alloc(0) : await readHead(path);
  const importer = importers.find((i) => i.sniff({ path, name, head, isDirectory }));
  return {
    path,
    name,
    isDirectory,
    bytes: isDirectory ? 0 : info.size,
    importer: importer?.kind ?? null,
    needsMapping: importer?.kind === 'local',
    // A folder nobody claims is not a problem yet: its files are looked at one by one.
    problem: importer || isDirectory ? null : `${name}: not a format Breach Workbench reads (OCR portal CSV, CSV/TSV, XLSX, JSON, JSONL, Parquet, VERIS, STIX).`,
  };
}

async function identifyFolderFiles(folder: string, importers: readonly Importer[]): Promise<IdentifiedFile[]> {
  const entries = (await readdir(folder, { withFileTypes: true }))
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  if (entries.length === 0) {
    const name = basename(folder);
    return [{ path: folder, name, isDirectory: true, bytes: 0, importer: null, needsMapping: false, problem: `${name}: the folder holds no files Breach Workbench reads.` }];
  }
  const out: IdentifiedFile[] = [];
  for (const entry of entries.slice(0, MAX_FOLDER_FILES)) out.push(await identifyOne(join(folder, entry), importers));
  return out;
}
