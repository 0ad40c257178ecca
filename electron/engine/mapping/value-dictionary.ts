import type { DuckDBConnection } from '@duckdb/node-api';
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

/**
 * A value -> classification table to join (the VERIS importer's NAICS industries). The local logs'
 * vocabularies go through field-dictionaries.ts and dictionary-lookups.ts instead.
 */
export async function createValueDictionary(connection: DuckDBConnection, entries: readonly DictionaryEntry[]): Promise<string> {
  const table = tempName('bw_dict');
  const p = new SqlParams();
  const column = (pick: (e: DictionaryEntry) => string | null) => `unnest(${p.list(entries.map(pick))})`;
  const items = `unnest(${p.lists(entries.map((e) => e.items ?? []))})`;
  await connection.run(
    `CREATE TEMP TABLE ${quoteIdentifier(table)} AS
     SELECT ${column((e) => e.value)} AS value, ${column((e) => e.mapped)} AS mapped, ${column((e) => e.extra)} AS extra,
            ${items} AS items, ${column((e) => e.problem)} AS problem`,
    p.values,
    p.types,
  );
  return table;
}
