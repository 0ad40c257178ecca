import { findSharedDatasets } from './data-discovery';
import { appVersion, findProjectRoot } from './project-paths';
import { Workbench } from './workbench';
import { defaultWorkspaceDir } from './workspace/workspace-location';

/** Opens the engine the way every host does: the workspace asked for (or the default) and the data folders found. */
export async function openWorkbench(options: { workspaceDir?: string | undefined; transport: string }): Promise<Workbench> {
  const root = findProjectRoot();
  return Workbench.open({
    workspaceDir: options.workspaceDir ?? defaultWorkspaceDir(),
    appVersion: appVersion(root),
    transport: options.transport,
    dataDir: process.env.BREACH_DATA_DIR,
    sharedDatasetsDir: root ? findSharedDatasets(root) : undefined,
  });
}
