/**
 * What the user dropped or picked, as top-level items: a file, or a folder with every file inside it
 * and each one's folder relative to the drop ("healthcare" or "healthcare/2019"). A VERIS folder is
 * imported as one folder, so its shape has to survive the trip to the web host.
 */
export type DroppedItem = { kind: 'file'; file: File } | { kind: 'folder'; name: string; files: { file: File; dir: string }[] };

/**
 * Reads a drop's files and folders. The entries must be taken while the drop event runs (the list
 * empties afterwards); reading the folders' contents may then take its time.
 */
export function dropEntries(data: DataTransfer): { entries: (FileSystemEntry | null)[]; files: File[] } {
  const items = [...data.items].filter((i) => i.kind === 'file');
  return { entries: items.map((i) => (typeof i.webkitGetAsEntry === 'function' ? i.webkitGetAsEntry() : null)), files: [...data.files] };
}

export async function droppedItems(drop: { entries: (FileSystemEntry | null)[]; files: File[] }): Promise<DroppedItem[]> {
  // Without entries (an old browser, a synthetic drop) every item is taken as a plain file.
  if (drop.entries.length !== drop.files.length || drop.entries.some((e) => e === null)) return drop.files.map((file) => ({ kind: 'file', file }));
  const out: DroppedItem[] = [];
  for (const [i, entry] of drop.entries.entries()) {
    if (entry!.isDirectory) out.push({ kind: 'folder', name: entry!.name, files: await folderFiles(entry as FileSystemDirectoryEntry, entry!.name) });
    else out.push({ kind: 'file', file: drop.files[i]! });
  }
  return out;
}

/** Files picked with a folder chooser (`webkitdirectory`) carry their path below the chosen folder. */
export function pickedFolderItems(files: File[]): DroppedItem[] {
  const folders = new Map<string, { file: File; dir: string }[]>();
  for (const file of files) {
    const relative = file.webkitRelativePath || file.name;
    const parts = relative.split('/');
    const top = parts.length > 1 ? parts[0]! : '';
    const list = folders.get(top) ?? [];
    list.push({ file, dir: parts.slice(0, -1).join('/') });
    folders.set(top, list);
  }
  return [...folders.entries()].map(([name, list]) =>
    name === '' ? { kind: 'folder', name: 'files', files: list } : { kind: 'folder', name, files: list },
  );
}

async function folderFiles(folder: FileSystemDirectoryEntry, dir: string): Promise<{ file: File; dir: string }[]> {
  const out: { file: File; dir: string }[] = [];
  for (const entry of await readAllEntries(folder)) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory) out.push(...(await folderFiles(entry as FileSystemDirectoryEntry, `${dir}/${entry.name}`)));
    else out.push({ file: await entryFile(entry as FileSystemFileEntry), dir });
  }
  return out;
}

/** readEntries answers in batches (100 in Chromium) until it answers an empty one. */
async function readAllEntries(folder: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = folder.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** `levels` folders up from `path`, for paths from either Windows or POSIX hosts. */
export function ancestorPath(path: string, levels: number): string {
  let out = path.replace(/[\\/]+$/, '');
  for (let i = 0; i < levels; i++) {
    const cut = Math.max(out.lastIndexOf('/'), out.lastIndexOf('\\'));
    if (cut <= 0) break;
    out = out.slice(0, cut);
  }
  return out;
}
