import { createHash } from 'node:crypto';

/**
 * A file's shape: its column names in order, compared without case or surrounding spaces. Two files
 * with the same signature (this month's export and last month's) take the same mapping preset, whatever
 * their format.
 */
export function headerSignature(columns: readonly string[]): string {
  const canonical = columns.map((c) => c.trim().toLowerCase()).join('\u0001');
  return createHash('sha256').update(canonical).digest('hex').slice(0, 24);
}
