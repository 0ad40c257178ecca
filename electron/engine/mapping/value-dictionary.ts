import type { DuckDBConnection } from '@duckdb/node-api';
import { WorkbenchError } from '../../../shared/errors';
import { quoteIdentifier } from '../db/sql-identifiers';
import { tempName } from '../sources/local/query-control';
import { SqlParams } from './sql-params';

export interface DictionaryEntry {
  value: string;
  mapped: string | null;
  /** A second output (e.g. the actor kinds, comma-separated). */
  extra: string | null;
  /** A list output (e.g. the normalised breach types). */
  items?: string[];
  problem: string | null;
}

/** Above this many distinct values a vocabulary column is free text, not a vocabulary. */
export const MAX_DISTINCT = 200_000;

/**
 * Vocabulary columns (actor, country, breach type, ...) have few distinct values even in a huge file:
 * each is classified once in TypeScript (the same code the unit tests check) and joined back in SQL,
 * which is far cheaper than running regular expressions on every row. Returns null past `limit`.
 */
export async function distinctValues(connection: DuckDBConnection, sql: string, params: SqlParams, limit = MAX_DISTINCT): Promise<string[] | null> {
  const result = await connection.runAndReadAll(`SELECT DISTINCT v FROM (${sql}) WHERE v IS NOT NULL LIMIT ${limit + 1}`, params.values);
  const values = result.getRowObjectsJS().map((r) => String(r.v));
  return values.length > limit ? null : values;
}

export function tooManyValues(label: string): WorkbenchError {
  return new WorkbenchError({
    code: 'invalid_request',
    message: `The column mapped to ${label} has more than ${MAX_DISTINCT.toLocaleString('en')} different values; it looks like free text. Map another column.`,
  });
}

export async function createValueDictionary(connection: DuckDBConnection, entries: readonly DictionaryEntry[]): Promise<string> {
  const table = tempName('bw_dict');
  const p = new SqlParams();
  const column = (pick: (e: DictionaryEntry) => string | null) => `unnest(${p.list(entries.map(pick))})`;
  const items = `unnest(CAST(${p.add(JSON.stringify(entries.map((e) => e.items ?? [])))} AS VARCHAR[][]))`;
  await connection.run(
    `CREATE TEMP TABLE ${quoteIdentifier(table)} AS
     SELECT ${column((e) => e.value)} AS value, ${column((e) => e.mapped)} AS mapped, ${column((e) => e.extra)} AS extra,
            ${items} AS items, ${column((e) => e.problem)} AS problem`,
    p.values,
  );
  return table;
}
