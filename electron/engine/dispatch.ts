import { apiSpec, isApiMethod, type ApiMethod, type ApiOutcome, type WorkbenchEngineApi } from '../../shared/api';
import { toErrorInfo } from '../../shared/errors';

/**
 * The engine's side of every transport: checks the method name and validates the request at the
 * boundary before the engine sees it, and turns any failure into an error value.
 */
export async function dispatchApiCall(engine: WorkbenchEngineApi, method: string, request: unknown): Promise<ApiOutcome> {
  if (!isApiMethod(method)) {
    return { ok: false, error: { code: 'not_found', message: `Unknown API method "${method}".` } };
  }
  const parsed = apiSpec[method].request.safeParse(request ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    return { ok: false, error: { code: 'invalid_request', message: `Bad request to ${method}${where}: ${issue?.message ?? 'invalid'}` } };
  }
  try {
    const call = engine[method] as (r: unknown) => Promise<unknown>;
    return { ok: true, value: await call.call(engine, parsed.data) };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

export type { ApiMethod };
