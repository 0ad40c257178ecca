import { closeSync, openSync, readSync, readdirSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { WorkbenchError } from '../../../../shared/errors';
import { extractZipEntries } from './zip-entries';

/** A VERIS record names its schema and carries incident_id; these two are enough to tell it from other JSON. */
export function looksLikeVeris(head: string): boolean {
  return /"incident_id"\s*:/.test(head) && /"schema_version"\s*:/.test(head) && /"(action|actor|timeline)"\s*:/.test(head);
}

function readTextSync(path: string, bytes = 64 * 1024): string {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

export async function jsonFilesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && extname(e.name).toLowerCase() === '.json')
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * A folder is VERIS when its first JSON files are. Synchronous, because importers sniff synchronously;
 * it opens at most three files.
 */
export function sniffVerisFolder(folder: string): boolean {
  let files: string[];
  try {
    files = readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && extname(e.name).toLowerCase() === '.json')
      .map((e) => join(e.parentPath, e.name))
      .sort()
      .slice(0, 3);
  } catch {
    return false;
  }
  return files.length > 0 && files.every((file) => looksLikeVeris(readTextSync(file)));
}

export interface VerisFiles {
  files: string[];
  /** Prefix stripped from paths to name a file in rejects (the folder, or the zip's unpack folder). */
  root: string;
  cleanup(): Promise<void>;
}

/** The JSON files of a VERIS import: one file, every .json under a folder, or every .json in a zip. */
export async function verisFiles(path: string, fileName: string, isDirectory: boolean): Promise<VerisFiles> {
  const none = async () => undefined;
  if (isDirectory) {
    const files = await jsonFilesIn(path);
    if (files.length === 0) throw new WorkbenchError({ code: 'bad_input', message: `${fileName}: the folder holds no .json files.`, file: fileName });
    return { files, root: path, cleanup: none };
  }
  if (extname(path).toLowerCase() === '.zip') {
    const dir = await mkdtemp(join(tmpdir(), 'bw-veris-'));
    try {
      const files = await extractZipEntries(path, fileName, dir, (name) => extname(name).toLowerCase() === '.json');
      if (files.length === 0) throw new WorkbenchError({ code: 'bad_input', message: `${fileName}: the zip holds no .json files. A zip is read as VERIS incidents (JSON); unzip other files and open them instead.`, file: fileName });
      return { files, root: dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }
  return { files: [path], root: join(path, '..'), cleanup: none };
}

export function displayName(root: string, file: string): string {
  return relative(root, file) || file;
}
