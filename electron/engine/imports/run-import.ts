import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { ImportReport } from '../../../shared/api';
import { WorkbenchError } from '../../../shared/errors';
import type { Database } from '../db/database';
import type { Importer, ImportProgress } from './importer';
import { IMPORTERS } from './importer-registry';

const HEAD_BYTES = 64 * 1024;

/** Imports one file or folder with the first importer that claims it. */
export async function importPath(
  db: Database,
  rawPath: string,
  options: { signal: AbortSignal; progress(update: ImportProgress): void; importers?: Importer[] },
): Promise<ImportReport> {
  const path = resolve(rawPath);
  const fileName = basename(path);
  const info = await stat(path).catch(() => {
    throw new WorkbenchError({ code: 'not_found', message: `${fileName}: no such file or folder (${path})`, file: fileName });
  });
  const isDirectory = info.isDirectory();
  const head = isDirectory ? Buffer.alloc(0) : await readHead(path);
  if (!isDirectory && info.size === 0) {
    throw new WorkbenchError({ code: 'bad_input', message: `${fileName} is empty: there is nothing to import.`, file: fileName });
  }
  const importer = (options.importers ?? IMPORTERS).find((i) => i.sniff({ path, name: fileName, head, isDirectory }));
  if (!importer) {
    throw new WorkbenchError({
      code: 'bad_input',
      message: `${fileName}: not a format Breach Workbench reads (OCR portal CSV, CSV/TSV, XLSX, JSON, JSONL, Parquet, VERIS, STIX).`,
      file: fileName,
    });
  }
  const sha256 = isDirectory ? await hashFolderListing(path) : await hashFile(path);
  return importer.import({
    db,
    path,
    fileName,
    fileId: sha256.slice(0, 16),
    sha256,
    bytes: isDirectory ? 0 : info.size,
    signal: options.signal,
    progress: options.progress,
  });
}

/** The first bytes of a file, which every importer's sniff looks at. */
export async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  // 1 MB reads: with the default 64 KB, a 0.9 GB log hashed in 1.2 s instead of 0.6 s.
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function hashFolderListing(path: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = (await readdir(path, { recursive: true })).sort();
  for (const entry of entries) {
    const s = await stat(join(path, entry));
    hash.update(`${entry}\u0000${s.size}\u0000${s.mtimeMs}\n`);
  }
  return hash.digest('hex');
}
