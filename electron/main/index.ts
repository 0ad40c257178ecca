import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, type IpcMainInvokeEvent } from 'electron';
import { IPC_API_CHANNEL, IPC_MENU_CHANNEL } from '../../shared/desktop-bridge';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { EngineProcess } from './engine-process';
import { buildMenu } from './menu';
import { hardenWebContents } from './security';
import { loadWindowState, trackWindowState } from './window-state';

/**
 * The main process is thin: it owns the window, the menu and dialogs, and relays API calls from the
 * window to the engine's utility process. It never touches DuckDB.
 */
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const isAppUrl = (url: string) => url.startsWith(`${APP_ORIGIN}/`) || (devServerUrl !== undefined && url.startsWith(devServerUrl));

registerAppScheme();
hardenWebContents(isAppUrl);

let engine: EngineProcess | undefined;

function workspaceDir(): string {
  return process.env.BREACH_WORKSPACE ?? join(app.getPath('userData'), 'workspace');
}

/** Only our own window, showing our own page, may call the engine. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return isAppUrl(url) && BrowserWindow.fromWebContents(event.sender) !== null;
}

function createWindow(): BrowserWindow {
  const state = loadWindowState(app.getPath('userData'));
  const window = new BrowserWindow({
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: 960,
    minHeight: 600,
    title: 'Breach Workbench',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would open links in new windows, which this app never wants.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (state.maximized) window.maximize();
  trackWindowState(window, app.getPath('userData'));
  window.once('ready-to-show', () => window.show());
  Menu.setApplicationMenu(buildMenu(window, () => void openFiles(window)));
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

async function openFiles(window: BrowserWindow): Promise<void> {
  const picked = await dialog.showOpenDialog(window, {
    title: 'Open breach data',
    properties: ['openFile', 'openDirectory', 'multiSelections'],
    filters: [
      { name: 'Breach data', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'json', 'jsonl', 'ndjson', 'parquet', 'zip'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  if (picked.canceled || picked.filePaths.length === 0) return;
  app.addRecentDocument(picked.filePaths[0]!);
  // The window takes it from here, as for dropped files: local logs get the mapping step, the rest import.
  window.webContents.send(IPC_MENU_CHANNEL, 'open-files', JSON.stringify(picked.filePaths));
}

app.whenReady().then(() => {
  serveRenderer(join(import.meta.dirname, '../renderer'));
  engine = EngineProcess.start(join(import.meta.dirname, 'engine-host.js'), workspaceDir());
  ipcMain.handle(IPC_API_CHANNEL, (event, method: unknown, request: unknown) => {
    if (!isTrustedSender(event)) return { ok: false, error: { code: 'unauthorized', message: 'Refused: the call did not come from the app window.' } };
    if (typeof method !== 'string') return { ok: false, error: { code: 'invalid_request', message: 'Method name missing.' } };
    return engine!.call(method, request);
  });
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}, (error: unknown) => {
  console.error(error);
  app.exit(1);
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => engine?.stop());
