import type { ImportReport } from '../../../shared/api';
import type { Database } from '../db/database';

export interface ImportProgress {
  /** 0..100 when the total is known. */
  percent: number | null;
  rows: number | null;
  message: string;
}

/** What an importer is handed for one file. */
export interface ImportContext {
  db: Database;
  /** Absolute path of the file (or folder) the user chose. Never written to. */
  path: string;
  /** Display name for reports and errors. */
  fileName: string;
  /** Stable id of this file's content (sha256 of the bytes; of the sorted file list for folders). */
  fileId: string;
  sha256: string;
  bytes: number;
  signal: AbortSignal;
  progress(update: ImportProgress): void;
}

/**
 * One file format or source. `sniff` looks at the first bytes and the name only (cheap); the first
 * importer that claims a file imports it. An import either lands whole (one transaction, or
 * staging then swap) or leaves the workspace as it was.
 */
export interface Importer {
  kind: string;
  sniff(file: { path: string; name: string; head: Buffer; isDirectory: boolean }): boolean;
  import(context: ImportContext): Promise<ImportReport>;
}
