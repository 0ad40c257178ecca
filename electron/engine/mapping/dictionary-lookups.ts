import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '../db/sql-identifiers';
import { tempName } from '../sources/local/query-control';
import type { DictionaryField, FieldDictionaries, FieldDictionary } from './field-dictionaries';
import { SqlParams } from './sql-params';

/**
 * How the mapped SELECT finds a row's dictionary entry.
 * - 'enum': the raw text is cast to an ENUM type of the dictionary's values (a hash lookup), and the
 *   outputs are read from constant lists by the enum's code. A projection and nothing else, so the rows
 *   keep the file's order and the table's row ids count the file's rows. The lists are constants of
 *   the statement, so this suits dictionaries of up to ENUM_LIMIT values.
 * - 'join': a LEFT JOIN to a temp table of the dictionary; any size, but a join does not keep the order
 *   of the rows, so the line of each row must travel with it.
 */
export type DictionaryLookup = { kind: 'enum'; type: string | null; dictionary: FieldDictionary } | { kind: 'join'; table: string };

/** Per mapped vocabulary field: its lookup, or null for a free-text column (no dictionary). */
export type DictionaryLookups = Partial<Record<DictionaryField, DictionaryLookup | null>>;

/** Largest dictionary looked up through an ENUM; each list is a constant the engine handles per chunk of rows. */
export const ENUM_LIMIT = 256;

export interface CreatedLookups {
  lookups: DictionaryLookups;
  /** ENUM types in the workspace's catalog: create them inside the import's transaction, drop them before COMMIT. */
  types: string[];
  /** Temp tables to drop. */
  tables: string[];
}

/** ENUM lookups for every dictionary (the caller checked they are small). */
export async function createEnumLookups(connection: DuckDBConnection, dictionaries: FieldDictionaries): Promise<CreatedLookups> {
  return createLookups(connection, dictionaries, () => 'enum');
}

/** ENUM lookups for small dictionaries, joins for larger ones. */
export async function createAnyLookups(connection: DuckDBConnection, dictionaries: FieldDictionaries): Promise<CreatedLookups> {
  return createLookups(connection, dictionaries, (d) => (d.entries.length <= ENUM_LIMIT ? 'enum' : 'join'));
}

/** Join lookups only (the preview, whose rows carry their line). */
export async function createJoinLookups(connection: DuckDBConnection, dictionaries: FieldDictionaries): Promise<CreatedLookups> {
  return createLookups(connection, dictionaries, () => 'join');
}

async function createLookups(
  connection: DuckDBConnection,
  dictionaries: FieldDictionaries,
  choose: (dictionary: FieldDictionary) => DictionaryLookup['kind'],
): Promise<CreatedLookups> {
  const created: CreatedLookups = { lookups: {}, types: [], tables: [] };
  try {
    for (const [field, dictionary] of Object.entries(dictionaries) as [DictionaryField, FieldDictionary | null][]) {
      if (dictionary === null) {
        created.lookups[field] = null;
      } else if (choose(dictionary) === 'join') {
        const table = await createDictionaryTable(connection, dictionary);
        created.tables.push(table);
        created.lookups[field] = { kind: 'join', table };
      } else if (dictionary.entries.length === 0) {
        created.lookups[field] = { kind: 'enum', type: null, dictionary };
      } else {
        const values = await createDictionaryTable(connection, dictionary);
        created.tables.push(values);
        const type = tempName('bw_enum');
        // The values come from the temp table, never from SQL text; ORDER BY fixes each value's code.
        await connection.run(`CREATE TYPE ${quoteIdentifier(type)} AS ENUM (SELECT value FROM temp.${quoteIdentifier(values)} ORDER BY position)`);
        created.types.push(type);
        created.lookups[field] = { kind: 'enum', type, dictionary };
      }
    }
    return created;
  } catch (error) {
    await dropLookups(connection, created);
    throw error;
  }
}

/** Temp table: value (the raw text), position, mapped, items, problem, flag, code. */
async function createDictionaryTable(connection: DuckDBConnection, dictionary: FieldDictionary): Promise<string> {
  const table = tempName('bw_dict');
  const p = new SqlParams();
  const { entries } = dictionary;
  await connection.run(
    `CREATE TEMP TABLE ${quoteIdentifier(table)} AS
     SELECT unnest(${p.list(entries.map((e) => e.raw))}) AS value, unnest(range(${entries.length})) AS position,
            unnest(${p.list(entries.map((e) => e.mapped))}) AS mapped, unnest(${p.lists(entries.map((e) => e.items))}) AS items,
            unnest(${p.list(entries.map((e) => e.problem))}) AS problem, unnest(${p.flags(entries.map((e) => e.flag))}) AS flag,
            unnest(${p.integers(entries.map((e) => e.code))}) AS code`,
    p.values,
    p.types,
  );
  return table;
}

export async function dropLookups(connection: DuckDBConnection, created: CreatedLookups): Promise<void> {
  for (const type of created.types) await connection.run(`DROP TYPE IF EXISTS ${quoteIdentifier(type)}`).catch(() => undefined);
  for (const table of created.tables) await connection.run(`DROP TABLE IF EXISTS temp.${quoteIdentifier(table)}`).catch(() => undefined);
  created.types.length = 0;
  created.tables.length = 0;
}
