import type { ApiOutcome, WorkbenchApi } from '../../../shared/api';
import { createApiClient } from '../../../shared/api-client';
import type { DesktopBridge, IpcApiBridge } from '../../../shared/desktop-bridge';
import { decodeWire, encodeWire } from '../../../shared/wire';

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
  return createApiClient(httpTransport(takeToken()));
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

function httpTransport(token: string) {
  return async (method: string, request: unknown): Promise<ApiOutcome> => {
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'x-workbench-token': token },
        body: encodeWire(request) as BodyInit,
      });
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: `The workbench server is not reachable: ${String(error)}` } };
    }
    return decodeWire(new Uint8Array(await response.arrayBuffer())) as ApiOutcome;
  };
}

export const desktopBridge = (): DesktopBridge | undefined => window.workbenchDesktop;
