import { WorkbenchError } from '../../../../shared/errors';
import type { ChartParams, ChartQuery } from '../chart-query';

/**
 * Checks a request's chart parameters against the chart's declared ones and fills in defaults: an
 * unknown name, a missing required value or a value of the wrong type is a request error naming the
 * parameter. Charts without parameters get `{}`.
 */
export function resolveChartParams(query: ChartQuery, raw: Readonly<Record<string, unknown>> = {}): ChartParams {
  const specs = query.params ?? [];
  const resolved: Record<string, string | number> = {};
  for (const name of Object.keys(raw)) {
    if (!specs.some((s) => s.name === name)) {
      throw new WorkbenchError({ code: 'invalid_request', message: `Chart "${query.id}" has no parameter "${name}".` });
    }
  }
  for (const spec of specs) {
    const value = raw[spec.name] ?? spec.default;
    if (value === undefined || value === null || value === '') {
      if (spec.required) throw new WorkbenchError({ code: 'invalid_request', message: `Chart "${query.id}" needs "${spec.name}": ${spec.description}` });
      continue;
    }
    if (spec.type === 'integer') {
      const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isInteger(n) || (spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
        throw new WorkbenchError({
          code: 'invalid_request',
          message: `Chart "${query.id}": "${spec.name}" must be a whole number${spec.min !== undefined ? ` from ${spec.min}` : ''}${spec.max !== undefined ? ` to ${spec.max}` : ''}.`,
        });
      }
      resolved[spec.name] = n;
    } else {
      if (typeof value !== 'string' || (spec.min !== undefined && value.length < spec.min) || (spec.max !== undefined && value.length > spec.max)) {
        throw new WorkbenchError({ code: 'invalid_request', message: `Chart "${query.id}": "${spec.name}" must be text${spec.max !== undefined ? ` of at most ${spec.max} characters` : ''}.` });
      }
      resolved[spec.name] = value;
    }
  }
  return resolved;
}

/** The resolved value of a parameter the chart declares with a default or as required. */
export function chartParam<T extends string | number>(params: ChartParams | undefined, query: ChartQuery, name: string): T {
  const value = params?.[name] ?? query.params?.find((p) => p.name === name)?.default;
  if (value === undefined) throw new WorkbenchError({ code: 'invalid_request', message: `Chart "${query.id}" needs "${name}".` });
  return value as T;
}
