/**
 * The two things only the desktop shell can do, exposed beside the API by the preload: turn a dropped
 * File into its path (sandboxed windows cannot see paths) and tell the window about menu commands.
 * In browser mode this bridge is absent and the window uploads dropped files instead.
 */
import type { ApiMethod, ApiOutcome } from './api';

/** The preload's one entry into the engine; the window wraps it with `createApiClient`. */
export interface IpcApiBridge {
  call(method: ApiMethod, request: unknown): Promise<ApiOutcome>;
}

/**
 * 'open-files' carries the picked paths as a JSON array; 'import-job-started' a job id; 'navigate' a
 * view id; 'theme' one of THEME_CHOICES; 'action' the name of one of MENU_ACTIONS.
 */
export type MenuCommand = 'open-files' | 'import-job-started' | 'navigate' | 'theme' | 'action';

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;

/** The window's actions the menu runs by name (renderer/src/actions): the same ones as their shortcuts. */
export const MENU_ACTIONS = { clearAllFilters: 'Clear all filters', toggleShortcuts: 'Keyboard shortcuts' } as const;
export type MenuActionName = keyof typeof MENU_ACTIONS;

export interface DesktopBridge {
  pathForFile(file: File): string;
  onMenuCommand(listener: (command: MenuCommand, payload: string) => void): () => void;
}

export const IPC_API_CHANNEL = 'workbench:api';
export const IPC_MENU_CHANNEL = 'workbench:menu';
