import { findSharedDatasets } from './data-discovery';
import type { ReportBrowserFactory } from './export/report-browser';
import { appVersion, findProjectRoot } from './project-paths';
import { Workbench } from './workbench';
import { defaultWorkspaceDir } from './workspace/workspace-location';

/** Opens the engine the way every host does: the workspace asked for (or the default) and the data folders found. */
export async function openWorkbench(options: {
  workspaceDir?: string | undefined;
  transport: string;
  /** The desktop app prints through its own window; other hosts use the machine's Chromium. */
  reportBrowser?: ReportBrowserFactory;
}): Promise<Workbench> {
  const root = findProjectRoot();
  return Workbench.open({
    workspaceDir: options.workspaceDir ?? defaultWorkspaceDir(),
    appVersion: appVersion(root),
    transport: options.transport,
    dataDir: process.env.BREACH_DATA_DIR,
    sharedDatasetsDir: root ? findSharedDatasets(root) : undefined,
    reportBrowser: options.reportBrowser,
  });
}
