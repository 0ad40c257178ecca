import { UPLOAD_PART_BYTES, type IdentifiedFile, type WorkbenchApi } from '../../../shared/api';
import type { DesktopBridge } from '../../../shared/desktop-bridge';
import { filesIdentified, importJobStarted, intakeFailed, uploadProgressed, uploadSent, uploadStarted } from '../actions/imports';
import type { Store } from '../state/store';
import { ancestorPath, type DroppedItem } from './dropped-items';

/** Small files go up several at a time (a VERIS folder holds thousands); a big file goes in parts, one after another. */
const PARALLEL_UPLOADS = 6;

/**
 * How opened files reach the engine, whatever opened them (a drop anywhere on the window, a file
 * chooser, File > Open, a recent file): the engine says what each one is, local incident logs wait
 * in the mapping step, and everything else (OCR exports, VERIS, STIX, OAIC tables) is imported at once.
 */
export interface Intake {
  openItems(items: DroppedItem[]): Promise<void>;
  openPaths(paths: string[]): Promise<void>;
}

export function createIntake(api: WorkbenchApi, store: Pick<Store, 'dispatch'>, desktop: DesktopBridge | undefined): Intake {
  const fail = (name: string, error: unknown) => store.dispatch(intakeFailed, { name, message: error instanceof Error ? error.message : String(error) });

  async function openPaths(paths: string[]): Promise<void> {
    if (paths.length === 0) return;
    let files: IdentifiedFile[];
    try {
      files = await api.identifyFiles({ paths });
    } catch (error) {
      fail(paths.length === 1 ? paths[0]! : `${paths.length} files`, error);
      return;
    }
    store.dispatch(filesIdentified, { files, at: new Date().toISOString() });
    const direct = files.filter((f) => f.problem === null && !f.needsMapping);
    if (direct.length === 0) return;
    try {
      const { jobId } = await api.startImport({ paths: direct.map((f) => f.path) });
      store.dispatch(importJobStarted, { jobId, label: labelFor(direct.map((f) => f.name)), mapped: null });
    } catch (error) {
      fail(labelFor(direct.map((f) => f.name)), error);
    }
  }

  async function openItems(items: DroppedItem[]): Promise<void> {
    if (items.length === 0) return;
    if (desktop) {
      await openPaths(items.map((item) => desktopPath(desktop, item)).filter((p) => p !== ''));
      return;
    }
    const bytes = items.reduce((n, i) => n + (i.kind === 'file' ? i.file.size : i.files.reduce((m, f) => m + f.file.size, 0)), 0);
    store.dispatch(uploadStarted, { names: items.map((i) => (i.kind === 'file' ? i.file.name : `${i.name}/`)), bytes });
    // A VERIS folder sends thousands of small files: the bar moves at most ten times a second.
    let unshown = 0;
    let shownAt = 0;
    const show = () => {
      if (unshown > 0) store.dispatch(uploadSent, unshown);
      unshown = 0;
      shownAt = performance.now();
    };
    const sent = (n: number) => {
      unshown += n;
      if (performance.now() - shownAt >= 100) show();
    };
    const paths: string[] = [];
    let done = 0;
    try {
      for (const item of items) {
        if (item.kind === 'file') {
          paths.push((await uploadInParts(api, item.file, undefined, sent)).path);
        } else {
          paths.push(await uploadFolder(api, item, sent));
        }
        show();
        store.dispatch(uploadProgressed, ++done);
      }
    } catch (error) {
      fail(items.length === 1 ? itemName(items[0]!) : `${items.length} files`, error);
      return;
    }
    await openPaths(paths);
  }

  return { openItems, openPaths };
}

/** Every file of a dropped folder under one fresh folder in the uploads, so the folder imports whole. */
async function uploadFolder(api: WorkbenchApi, item: Extract<DroppedItem, { kind: 'folder' }>, sent: (bytes: number) => void): Promise<string> {
  const drop = `drop-${Date.now().toString(36)}`;
  let folderPath: string | null = null;
  const queue = [...item.files];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { folder } = await uploadInParts(api, next.file, `${drop}/${next.dir}`, sent);
      // The answer names the file's own folder; the dropped folder is as many levels up as the file sits below it.
      if (folder && folderPath === null) folderPath = ancestorPath(folder, next.dir.split('/').length - 1);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_UPLOADS, queue.length) }, worker));
  if (folderPath === null) throw new Error(`${item.name} is an empty folder: there is nothing to import.`);
  return folderPath;
}

/**
 * One file to the engine in parts of UPLOAD_PART_BYTES, each read from the file only when it is sent,
 * so a gigabyte log never sits whole in the window's memory or in one request.
 */
async function uploadInParts(api: WorkbenchApi, file: File, folder: string | undefined, sent: (bytes: number) => void) {
  let answer: { path: string; folder: string | null } | undefined;
  for (let start = 0; answer === undefined || start < file.size; start += UPLOAD_PART_BYTES) {
    const bytes = new Uint8Array(await file.slice(start, start + UPLOAD_PART_BYTES).arrayBuffer());
    answer = await api.uploadFile({ name: file.name, bytes, append: start > 0, ...(folder ? { folder } : {}) });
    sent(bytes.byteLength);
  }
  return answer;
}

function desktopPath(desktop: DesktopBridge, item: DroppedItem): string {
  if (item.kind === 'file') return desktop.pathForFile(item.file);
  // A folder chosen with a folder picker arrives as its files; its path is above the first one's.
  const first = item.files[0];
  return first ? ancestorPath(desktop.pathForFile(first.file), first.dir.split('/').length) : '';
}

function itemName(item: DroppedItem): string {
  return item.kind === 'file' ? item.file.name : item.name;
}

export function labelFor(names: string[]): string {
  if (names.length === 1) return names[0]!;
  if (names.length <= 3) return names.join(', ');
  return `${names.length} files (${names.slice(0, 2).join(', ')}, …)`;
}
