import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Breach Workbench';
export const WORKSPACE_FILE = 'workspace.duckdb';

/**
 * The folder Electron calls `userData`, computed without Electron so the CLI and the web host open
 * the same workspace as the desktop app by default.
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

export function defaultWorkspaceDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.BREACH_WORKSPACE ?? join(defaultUserDataDir(env), 'workspace');
}
