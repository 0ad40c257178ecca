import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { isApiMethod, type ApiOutcome } from '../../shared/api';
import { IPC_API_CHANNEL, IPC_MENU_CHANNEL, type DesktopBridge, type MenuCommand, type IpcApiBridge } from '../../shared/desktop-bridge';

/**
 * The window gets one typed call into the WorkbenchApi and the small desktop bridge, nothing else: no
 * ipcRenderer, no Node. The renderer builds the typed client over `call` (so error values keep their
 * fields: an Error thrown across contextBridge would lose its file, line and column).
 */
const api: IpcApiBridge = {
  call: (method, request) => {
    if (!isApiMethod(method)) return Promise.resolve({ ok: false, error: { code: 'not_found', message: `Unknown API method "${String(method)}".` } });
    return ipcRenderer.invoke(IPC_API_CHANNEL, method, request) as Promise<ApiOutcome>;
  },
};

const desktop: DesktopBridge = {
  pathForFile: (file) => webUtils.getPathForFile(file),
  onMenuCommand: (listener) => {
    const handler = (_event: unknown, command: MenuCommand, payload: string) => listener(command, payload);
    ipcRenderer.on(IPC_MENU_CHANNEL, handler);
    return () => ipcRenderer.removeListener(IPC_MENU_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('workbenchIpc', api);
contextBridge.exposeInMainWorld('workbenchDesktop', desktop);
