import type { WorkbenchApi } from '../../../shared/api';
import { desktopBridge } from '../api/workbench-client';

/**
 * Files the user drops or picks, as paths the engine can import. The desktop app knows each file's
 * path; a browser does not, so there the bytes are handed to the web host, which keeps them in the
 * workspace's uploads folder and returns that path.
 */
export async function pathsForFiles(api: WorkbenchApi, files: File[]): Promise<string[]> {
  const bridge = desktopBridge();
  if (bridge) return files.map((f) => bridge.pathForFile(f));
  const paths: string[] = [];
  for (const file of files) {
    const { path } = await api.uploadFile({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    paths.push(path);
  }
  return paths;
}
