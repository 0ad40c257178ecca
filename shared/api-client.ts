import { API_METHODS, apiSpec, type ApiMethod, type ApiOutcome, type WorkbenchApi } from './api';
import { WorkbenchError } from './errors';

/** Sends one call over some transport and resolves with the engine's envelope. */
export type ApiTransport = (method: ApiMethod, request: unknown) => Promise<ApiOutcome>;

/**
 * Builds the window's `WorkbenchApi` over any transport. Responses are validated here, so a
 * transport bug shows up as a clear error rather than as a chart drawn from garbage.
 */
export function createApiClient(transport: ApiTransport): WorkbenchApi {
  const client: Partial<Record<ApiMethod, (request: unknown) => Promise<unknown>>> = {};
  for (const method of API_METHODS) {
    client[method] = async (request: unknown) => {
      const outcome = await transport(method, request ?? {});
      if (!outcome.ok) throw new WorkbenchError(outcome.error);
      const parsed = apiSpec[method].response.safeParse(outcome.value);
      if (!parsed.success) {
        throw new WorkbenchError({ code: 'internal', message: `The engine's answer to ${method} was malformed: ${parsed.error.message}` });
      }
      return parsed.data;
    };
  }
  return client as WorkbenchApi;
}
