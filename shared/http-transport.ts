import type { ApiOutcome } from './api';
import type { ApiTransport } from './api-client';
import { decodeWire, encodeWire } from './wire';

/**
 * The web host's transport: one POST per call to /api/<method>, body and answer in the wire format.
 * `baseUrl` is '' in the window (same origin) and the server's origin in tests and benchmarks.
 */
export function httpTransport(baseUrl: string, token: string): ApiTransport {
  return async (method, request): Promise<ApiOutcome> => {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'x-workbench-token': token },
        body: encodeWire(request),
      });
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: `The workbench server is not reachable: ${String(error)}` } };
    }
    return decodeWire(new Uint8Array(await response.arrayBuffer())) as ApiOutcome;
  };
}
