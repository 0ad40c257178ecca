import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportReport } from '../shared/api';
import { IMPORTERS } from '../electron/engine/imports/importer-registry';
import { importPath } from '../electron/engine/imports/run-import';
import { Workspace } from '../electron/engine/workspace/workspace';

/** The importer the app would pick for this file, or undefined when none claims it yet. */
export async function appImporterFor(path: string): Promise<string | undefined> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.byteLength, 0);
    return IMPORTERS.find((i) => i.sniff({ path, name: basename(path), head: head.subarray(0, bytesRead), isDirectory: false }))?.kind;
  } finally {
    await handle.close();
  }
}

export interface AppImport {
  ms: number;
  report: ImportReport;
}

/**
 * Imports one file into the workspace in `workspaceDir` the way the app does (importPath: stat, hash,
 * sniff, the importer's staging, mapping and swap). Only importPath is timed; opening and closing the
 * workspace are not part of an import.
 */
export async function importThroughApp(workspaceDir: string, path: string, hooks: { beforeImport?: () => void } = {}): Promise<AppImport> {
  const workspace = await Workspace.open(workspaceDir);
  try {
    hooks.beforeImport?.();
    const started = performance.now();
    const report = await importPath(workspace.db, path, { signal: new AbortController().signal, progress: () => undefined });
    const ms = performance.now() - started;
    if (report.rowsLoaded === 0) throw new Error(`the app imported no rows from ${basename(path)}: ${JSON.stringify(report)}`);
    return { ms, report };
  } finally {
    workspace.close();
  }
}
