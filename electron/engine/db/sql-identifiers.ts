import { WorkbenchError } from '../../../shared/errors';

/**
 * Quotes a DuckDB identifier. Callers check the name against the schema first; this is the second
 * line of defence, so a name that slipped through still cannot end the quoted identifier.
 */
export function quoteIdentifier(name: string): string {
  if (name.length === 0 || name.length > 255 || name.includes('\u0000')) {
    throw new WorkbenchError({ code: 'invalid_request', message: `"${name}" is not a usable column or table name` });
  }
  return `"${name.replaceAll('"', '""')}"`;
}

/** Names the engine creates itself (source tables, staging tables): lower-case, digits, underscores. */
export function safeTableName(raw: string): string {
  const cleaned = raw
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  return /^[a-z]/.test(cleaned) ? cleaned : `t_${cleaned || 'table'}`;
}
