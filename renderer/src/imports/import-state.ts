import type { IdentifiedFile, JobStatus, Mapping, ViewState } from '../../../shared/api';

/** A file opened in this workspace, for "Recent files" (kept in the workspace's saved view state). */
export type RecentFile = NonNullable<ViewState['recentFiles']>[number];

export const MAX_RECENT_FILES = 10;

/** The file a mapping step is about. */
export interface MappingFile {
  path: string;
  name: string;
  bytes: number;
}

/**
 * A local incident log waiting in the mapping step. `mapping` is null until the engine's first
 * preview proposes one (a saved preset for files of this shape, else a detected mapping).
 */
export interface MappingDraft {
  file: MappingFile;
  mapping: Mapping | null;
  /** The saved preset the engine applied because the file has its shape. */
  preset: { name: string; revision: number } | null;
  /** The user changed something since the proposal. */
  edited: boolean;
  /** Reopened from a finished import to fix its mapping and run it again. */
  rerun: boolean;
}

/** One import job the window started (or the desktop menu did), with what is needed to re-run it. */
export interface ImportJobEntry {
  jobId: string;
  /** What was imported, in words ("incidents.csv", "3 files"). */
  label: string;
  /** The mapping step's file and mapping, so "Fix the mapping and re-run" can reopen it. */
  mapped: { file: MappingFile; mapping: Mapping } | null;
  /** The latest status the window has seen; null until the first poll answers. */
  status: JobStatus | null;
  /** Cancel was pressed; the engine is rolling back. */
  cancelling: boolean;
}

/**
 * Everything the import view shows, kept in the app state (not in the view) so that progress goes
 * on while the user looks at another view, and a refresh of the data after an import keeps it.
 */
export interface ImportsState {
  /** Browser mode: files being handed to the web host before they can be imported. */
  /** Files handed to the engine in browser mode: how many are done, and bytes sent of all of them. */
  uploading: { names: string[]; done: number; total: number; sentBytes: number; totalBytes: number } | null;
  /** Local logs waiting for the mapping step, the first one shown. */
  queue: MappingDraft[];
  /** Newest first. */
  jobs: ImportJobEntry[];
  /** Files that could not be opened, and why. */
  problems: { name: string; message: string }[];
}

export const INITIAL_IMPORTS: ImportsState = { uploading: null, queue: [], jobs: [], problems: [] };

export function mappingFile(file: Pick<IdentifiedFile, 'path' | 'name' | 'bytes'>): MappingFile {
  return { path: file.path, name: file.name, bytes: file.bytes };
}

export function isJobRunning(job: ImportJobEntry): boolean {
  return job.status === null || job.status.state === 'running';
}

/** Newest first, one entry per path, at most MAX_RECENT_FILES. */
export function rememberRecent(recent: readonly RecentFile[], files: readonly IdentifiedFile[], at: string): RecentFile[] {
  const opened = files.filter((f) => f.problem === null).map((f) => ({ path: f.path, name: f.name, importer: f.importer, openedAt: at }));
  const paths = new Set(opened.map((f) => f.path));
  return [...opened, ...recent.filter((r) => !paths.has(r.path))].slice(0, MAX_RECENT_FILES);
}
