import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { Mapping } from '../../../shared/api';
import { WorkbenchError } from '../../../shared/errors';
import { quoteIdentifier } from '../db/sql-identifiers';
import { tempName } from '../sources/local/query-control';
import { HICP_THREATS } from '../../../shared/schema';
import { actorKindBits, actorMatcher } from './actor-words';
import { cleanedText } from './cleaned-text';
import { normaliseCountry, normaliseState } from './places';
import { SqlParams } from './sql-params';
import { BREACH_TYPE_RULES, LOCATION_RULES, normaliseList, threatFromWords } from './vocabulary';

/** Vocabulary fields: few distinct values even in a huge file, each classified once in TypeScript. */
export type DictionaryField = 'actor' | 'country' | 'state' | 'breach_types' | 'locations';
export const DICTIONARY_FIELDS: readonly DictionaryField[] = ['actor', 'country', 'state', 'breach_types', 'locations'];

/** Above this many distinct (cleaned) values a vocabulary column is free text, not a vocabulary. */
export const MAX_DISTINCT = 200_000;

/**
 * What one raw value of a vocabulary column maps to. Keyed by the raw text as read, so a row needs no
 * cleaning before the lookup: the cleaning ran once per distinct value, in the same SQL as before.
 */
export interface DictionaryEntry {
  raw: string;
  /** actor: internal/external/partner/mixed/unknown; country: ISO code; state: the code or the text; breach types: the HICP threat. */
  mapped: string | null;
  /** actor: the kinds it names; breach types and locations: the normalised list. */
  items: string[] | null;
  /** Why the value does not fit (an unknown actor word, an unknown country); the row is rejected. */
  problem: string | null;
  /** actor: whether a partner is among the kinds (the business associate flag when none is mapped). */
  flag: boolean | null;
  /** actor: the kinds as bits (`actorKindBits`); breach types: the threat's index in HICP_THREATS. */
  code: number | null;
}

export interface FieldDictionary {
  field: DictionaryField;
  entries: DictionaryEntry[];
}

/** Per mapped vocabulary field: its dictionary, or null when the column is free text (too many values). */
export type FieldDictionaries = Partial<Record<DictionaryField, FieldDictionary | null>>;

export interface RawValue {
  raw: string;
  /** `cleanedText` of the raw value, computed by DuckDB. */
  cleaned: string | null;
}

/** The distinct values of one column, or 'free-text' past MAX_DISTINCT cleaned values. */
export type ColumnValues = RawValue[] | 'free-text';

/**
 * The distinct raw values of some columns of a relation, with their cleaned text, in one scan. Used on
 * the first rows of a file (the optimistic dictionary) and, when those missed a value, on all of it.
 */
export async function readDistinctValues(
  connection: DuckDBConnection,
  relation: { sql: string; params: Record<string, DuckDBValue> },
  columns: readonly string[],
): Promise<Map<string, ColumnValues>> {
  const result = new Map<string, ColumnValues>();
  if (columns.length === 0) return result;
  const table = tempName('bw_values');
  const quoted = columns.map((c) => `s.${quoteIdentifier(c)}`);
  // One GROUP BY with a grouping set per column: the file is read once whatever the number of columns.
  const which = columns.length === 1 ? '0' : `CASE ${quoted.map((q, i) => `WHEN grouping(${q}) = 0 THEN ${i}`).join(' ')} END`;
  const value = columns.length === 1 ? quoted[0]! : `coalesce(${quoted.join(', ')})`;
  const groups = columns.length === 1 ? quoted[0]! : `GROUPING SETS (${quoted.map((q) => `(${q})`).join(', ')})`;
  try {
    await connection.run(
      `CREATE TEMP TABLE ${quoteIdentifier(table)} AS
       SELECT * FROM (SELECT ${which} AS col, ${value} AS raw FROM ${relation.sql} s GROUP BY ${groups}) WHERE raw IS NOT NULL`,
      relation.params,
    );
    for (const [index, column] of columns.entries()) {
      const p = new SqlParams();
      const cleaned = cleanedText('v.raw', p);
      const counted = await connection.runAndReadAll(
        `SELECT count(DISTINCT ${cleaned}) AS n FROM temp.${quoteIdentifier(table)} v WHERE v.col = ${index}`,
        p.values,
        p.types,
      );
      if (Number(counted.getRowObjectsJS()[0]?.n ?? 0) > MAX_DISTINCT) {
        result.set(column, 'free-text');
        continue;
      }
      const reader = await connection.runAndReadAll(
        `SELECT v.raw, ${cleaned} AS cleaned FROM temp.${quoteIdentifier(table)} v WHERE v.col = ${index} ORDER BY v.raw`,
        p.values,
        p.types,
      );
      result.set(
        column,
        reader.getRowObjectsJS().map((r) => ({ raw: String(r.raw), cleaned: r.cleaned === null ? null : String(r.cleaned) })),
      );
    }
    return result;
  } finally {
    await connection.run(`DROP TABLE IF EXISTS temp.${quoteIdentifier(table)}`).catch(() => undefined);
  }
}

/** The columns whose values the mapping's vocabulary fields need. */
export function dictionaryColumns(mapping: Mapping): string[] {
  const columns = DICTIONARY_FIELDS.map((field) => mapping.fields[field]?.column).filter((c): c is string => c !== undefined);
  return [...new Set(columns)];
}

/**
 * Classifies every value of each mapped vocabulary field. Actor and country must have a dictionary
 * (each value is checked); a free-text state column is left empty, free-text breach types and
 * locations are normalised row by row in SQL instead.
 */
export function buildDictionaries(mapping: Mapping, values: ReadonlyMap<string, ColumnValues>): FieldDictionaries {
  const dictionaries: FieldDictionaries = {};
  for (const field of DICTIONARY_FIELDS) {
    const column = mapping.fields[field]?.column;
    if (column === undefined) continue;
    const found = values.get(column);
    if (found === undefined) throw new Error(`no values were read for column "${column}"`);
    if (found === 'free-text') {
      if (field === 'actor' || field === 'country') throw tooManyValues(field);
      dictionaries[field] = null;
      continue;
    }
    const classify = classifier(field, mapping);
    const memo = new Map<string, Omit<DictionaryEntry, 'raw'>>();
    const entries = found.map(({ raw, cleaned }): DictionaryEntry => {
      // A value that cleans to nothing maps to nothing, like a row with no value.
      if (cleaned === null) return { raw, mapped: null, items: null, problem: null, flag: null, code: null };
      let outputs = memo.get(cleaned);
      if (!outputs) {
        outputs = classify(cleaned);
        memo.set(cleaned, outputs);
      }
      return { raw, ...outputs };
    });
    dictionaries[field] = { field, entries };
  }
  return dictionaries;
}

function classifier(field: DictionaryField, mapping: Mapping): (value: string) => Omit<DictionaryEntry, 'raw'> {
  switch (field) {
    case 'actor': {
      const classify = actorMatcher(mapping.actorWords);
      return (value) => {
        const c = classify(value);
        return { mapped: c.actor, items: c.actors, problem: c.problem, flag: c.actors.includes('partner'), code: actorKindBits(c.actors) };
      };
    }
    case 'country':
      return (value) => {
        const c = normaliseCountry(value);
        return { mapped: c.code, items: null, problem: c.problem, flag: null, code: null };
      };
    case 'state':
      return (value) => ({ mapped: normaliseState(value), items: null, problem: null, flag: null, code: null });
    case 'breach_types':
      return (value) => {
        const threat = threatFromWords(value);
        return { mapped: threat, items: normaliseList(BREACH_TYPE_RULES, value), problem: null, flag: null, code: threat === null ? null : HICP_THREATS.indexOf(threat) };
      };
    case 'locations':
      return (value) => ({ mapped: null, items: normaliseList(LOCATION_RULES, value), problem: null, flag: null, code: null });
  }
}

export function tooManyValues(label: string): WorkbenchError {
  return new WorkbenchError({
    code: 'invalid_request',
    message: `The column mapped to ${label} has more than ${MAX_DISTINCT.toLocaleString('en')} different values; it looks like free text. Map another column.`,
  });
}

/** The largest dictionary, in entries (0 when there is none). */
export function largestDictionary(dictionaries: FieldDictionaries): number {
  return Math.max(0, ...Object.values(dictionaries).map((d) => d?.entries.length ?? 0));
}
