import type { WorkbenchApi } from '../../../shared/api';
import { createApiClient } from '../../../shared/api-client';
import type { DesktopBridge, IpcApiBridge } from '../../../shared/desktop-bridge';
import { httpTransport } from '../../../shared/http-transport';

declare global {
  interface Window {
    workbenchIpc?: IpcApiBridge;
    workbenchDesktop?: DesktopBridge;
  }
}

const TOKEN_KEY = 'breach-workbench-token';

/**
 * The window's only way to data. In Electron the preload exposes one IPC call into the engine; in a
 * browser the same API goes over HTTP to the web host, with the token the server printed. Either way
 * the window holds the same typed, validating client.
 */
export function connectWorkbench(): WorkbenchApi {
  const ipc = window.workbenchIpc;
  if (ipc) return createApiClient((method, request) => ipc.call(method, request));
  return createApiClient(httpTransport('', takeToken()));
}

/** The token arrives in the URL once; it is kept for this tab and removed from the address bar. */
function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export const desktopBridge = (): DesktopBridge | undefined => window.workbenchDesktop;
