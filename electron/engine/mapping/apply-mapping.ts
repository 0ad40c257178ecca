import type { DuckDBConnection } from '@duckdb/node-api';
import type { Mapping } from '../../../shared/api';
import { WorkbenchError } from '../../../shared/errors';
import { quoteIdentifier } from '../db/sql-identifiers';
import { cancellable, tempName } from '../sources/local/query-control';
import { dropTempTables, type StagedFile } from '../sources/local/staged-file';
import { actorMatcher } from './actor-words';
import { buildMappedSelect, cleanedColumn, type Dictionaries } from './mapping-sql';
import { normaliseCountry, normaliseState } from './places';
import { SqlParams } from './sql-params';
import { createValueDictionary, distinctValues, tooManyValues, type DictionaryEntry } from './value-dictionary';
import { BREACH_TYPE_RULES, LOCATION_RULES, normaliseList, threatFromWords } from './vocabulary';

export interface MappedRows {
  /** Temp table: line, the canonical columns, __problems. */
  table: string;
  rows: number;
  /** Rows with at least one value that did not fit. */
  problemRows: number;
  tempTables: string[];
}

/** Every column the mapping names must be one of the file's columns (names are compared exactly). */
export function checkMappingColumns(mapping: Mapping, columns: readonly string[], fileName: string): void {
  for (const [field, spec] of Object.entries(mapping.fields)) {
    if (spec && !columns.includes(spec.column)) {
      throw new WorkbenchError({
        code: 'invalid_request',
        message: `The mapping takes ${field} from column "${spec.column}", but ${fileName} has no such column (it has: ${columns.slice(0, 30).join(', ')}).`,
        file: fileName,
      });
    }
  }
}

export interface PreparedMapping {
  /** SELECT from the staged table to line, the canonical columns and __problems. */
  sql: string;
  params: SqlParams;
  /** Dictionary temp tables the SELECT joins; drop them when done. */
  tempTables: string[];
}

/** Checks the mapping and builds its SELECT (and the vocabulary dictionaries it joins). */
export async function prepareMapping(
  connection: DuckDBConnection,
  input: { staged: StagedFile; mapping: Mapping; sourceId: string; sourceName: string; fileName: string; onStep?: (message: string) => void },
): Promise<PreparedMapping> {
  const { staged, mapping } = input;
  checkMappingColumns(mapping, staged.columns, input.fileName);
  const tempTables: string[] = [];
  try {
    const dictionaries = await buildDictionaries(connection, staged.table, mapping, tempTables, input.onStep ?? (() => undefined));
    const { sql, params } = buildMappedSelect({
      stageTable: staged.table,
      lineExpr: staged.lineExpr,
      mapping,
      sourceId: input.sourceId,
      sourceName: input.sourceName,
      dictionaries,
    });
    return { sql, params, tempTables };
  } catch (error) {
    await dropTempTables(connection, tempTables);
    throw error;
  }
}

/** Maps a staged file into a temp table of canonical rows with their problems (the preview's path). */
export async function applyMapping(
  connection: DuckDBConnection,
  input: { staged: StagedFile; mapping: Mapping; sourceId: string; sourceName: string; fileName: string; signal: AbortSignal },
): Promise<MappedRows> {
  const prepared = await prepareMapping(connection, input);
  const table = tempName('bw_mapped');
  const tempTables = [...prepared.tempTables, table];
  try {
    await cancellable(connection, input.signal, input.fileName, () =>
      connection.run(`CREATE TEMP TABLE ${quoteIdentifier(table)} AS ${prepared.sql}`, prepared.params.values),
    );
    const counts = await connection.runAndReadAll(
      `SELECT count(*) AS n, count(*) FILTER (WHERE len(__problems) > 0) AS bad FROM temp.${quoteIdentifier(table)}`,
    );
    const row = counts.getRowObjectsJS()[0]!;
    return { table, rows: Number(row.n), problemRows: Number(row.bad), tempTables };
  } catch (error) {
    await dropTempTables(connection, tempTables);
    throw error;
  }
}

async function buildDictionaries(
  connection: DuckDBConnection,
  stageTable: string,
  mapping: Mapping,
  tempTables: string[],
  onStep: (message: string) => void,
): Promise<Dictionaries> {
  const dictionaries: Dictionaries = {};
  /** Null when the column has too many distinct values for a dictionary. */
  const build = async (column: string, classify: (value: string) => Omit<DictionaryEntry, 'value'>): Promise<string | null> => {
    onStep(`Reading the values of "${column}"`);
    const p = new SqlParams();
    const values = await distinctValues(connection, `SELECT ${cleanedColumn(column, p)} AS v FROM temp.${quoteIdentifier(stageTable)} s`, p);
    if (values === null) return null;
    const table = await createValueDictionary(connection, values.map((value) => ({ value, ...classify(value) })));
    tempTables.push(table);
    return table;
  };
  const required = (table: string | null, label: string): string => {
    if (table === null) throw tooManyValues(label);
    return table;
  };
  const { fields } = mapping;
  if (fields.actor) {
    const classify = actorMatcher(mapping.actorWords);
    dictionaries.actor = required(
      await build(fields.actor.column, (value) => {
        const c = classify(value);
        return { mapped: c.actor, extra: c.actors.join(','), problem: c.problem };
      }),
      'actor',
    );
  }
  if (fields.country) {
    dictionaries.country = required(
      await build(fields.country.column, (value) => {
        const c = normaliseCountry(value);
        return { mapped: c.code, extra: null, problem: c.problem };
      }),
      'country',
    );
  }
  if (fields.state) {
    const table = await build(fields.state.column, (value) => ({ mapped: normaliseState(value), extra: null, problem: null }));
    if (table) dictionaries.state = table;
  }
  if (fields.breach_types) {
    const table = await build(fields.breach_types.column, (value) => ({
      mapped: threatFromWords(value),
      extra: null,
      items: normaliseList(BREACH_TYPE_RULES, value),
      problem: null,
    }));
    if (table) dictionaries.breach_types = table;
  }
  if (fields.locations) {
    const table = await build(fields.locations.column, (value) => ({ mapped: null, extra: null, items: normaliseList(LOCATION_RULES, value), problem: null }));
    if (table) dictionaries.locations = table;
  }
  return dictionaries;
}
