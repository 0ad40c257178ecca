import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';

interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized?: boolean;
}

const DEFAULT_STATE: WindowState = { width: 1280, height: 800 };

/** The window opens at the size and place the user left it. */
export function loadWindowState(userData: string): WindowState {
  try {
    const state = JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8')) as WindowState;
    if (state.width >= 640 && state.height >= 480) return state;
  } catch {
    // first run or unreadable: the default size
  }
  return DEFAULT_STATE;
}

export function trackWindowState(window: BrowserWindow, userData: string): void {
  const save = () => {
    const bounds = window.getNormalBounds();
    const state: WindowState = { ...bounds, maximized: window.isMaximized() };
    try {
      writeFileSync(join(userData, 'window-state.json'), JSON.stringify(state));
    } catch {
      // losing the window size is not worth an error dialog
    }
  };
  window.on('close', save);
}
