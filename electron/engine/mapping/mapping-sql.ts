import type { Mapping, MappableField } from '../../../shared/api';
import { quoteIdentifier } from '../db/sql-identifiers';
import { HICP_THREATS, type HicpThreat } from '../../../shared/schema';
import { actorKindBits, actorOfBits, LOCAL_ACTOR_RULE } from './actor-words';
import { cleanedTextFast } from './cleaned-text';
import { checkDatePattern, dateFormatExample, strptimeVariants } from './date-formats';
import type { DictionaryLookup, DictionaryLookups } from './dictionary-lookups';
import type { DictionaryField } from './field-dictionaries';
import { SqlParams } from './sql-params';
import { BREACH_TYPE_RULES, LOCATION_RULES, NO_WORDS, THREAT_RULES, YES_WORDS, type VocabularyRule } from './vocabulary';

export interface MappedSelectInput {
  /** The rows as text columns, to read as alias `s`: a temp table or a `read_csv(...)` expression. */
  from: string;
  /**
   * SQL over `s` giving each row's line, stored with the row; null when the line is the stored
   * table's row id plus an offset (the rows then keep the file's order: ENUM lookups only).
   */
  lineExpr: string | null;
  mapping: Mapping;
  sourceId: string;
  sourceName: string;
  lookups: DictionaryLookups;
}

export interface MappedSelect {
  /** SELECT of the stored columns: `__line` (when the line is given), the canonical columns that vary by row, `__problems`. */
  sql: string;
  params: SqlParams;
  /**
   * The canonical row over the stored columns (alias `d`), in MAPPED_COLUMNS order plus `problems`:
   * columns that are the same for every row (the source, empty fields) are constants here rather than
   * stored ten million times.
   */
  projection(line: string): string;
}

/** Columns of the mapped rows: the file line, the canonical columns, then the row's problems. */
export const MAPPED_COLUMNS = [
  'line', 'source', 'case_id', 'entity', 'entity_type', 'country', 'state', 'reported_date', 'incident_date', 'records_affected',
  'breach_types', 'locations', 'business_associate', 'actor', 'actors', 'actor_rule', 'threat', 'description', 'first_seen', 'last_seen',
] as const;

export const PROBLEM_TYPE = 'STRUCT(col VARCHAR, val VARCHAR, reason VARCHAR)';

/** Raised (and caught by the importer) when a row holds a value the optimistic dictionary lacks. */
export const DICTIONARY_MISS = 'bw-dictionary-miss';

/**
 * One SELECT from the file's text columns to the stored columns, in two layers: `m` reads each mapped
 * column once, looks up the vocabulary dictionaries and parses dates and counts; the outer layer
 * builds values and problems from those. Every value that does not fit comes out NULL and adds a
 * problem (column, value, reason) to `__problems`, which stays NULL for a row without any; the caller
 * loads rows without problems (or all rows, with those values empty) and writes the problems to
 * bw_rejects.
 *
 * Per-row work is kept to what varies by row: cleaning runs only where the value could change
 * (`cleanedTextFast`), vocabulary words were classified once per distinct value, and problem checks
 * read columns already computed before they clean anything.
 */
export function buildMappedSelect(input: MappedSelectInput): MappedSelect {
  const { mapping, lookups } = input;
  const p = new SqlParams();
  const spec = (field: MappableField) => mapping.fields[field];
  // The raw text of a mapped field: `source` in the middle layer (over `s`), else in the outer one (over `m`).
  const raw = (field: MappableField) => `m.${quoteIdentifier(`r_${field}`)}`;
  const source = (field: MappableField) => `s.${quoteIdentifier(spec(field)!.column)}`;
  const cleaned = (field: MappableField) => cleanedTextFast(raw(field), p);

  const middle: string[] = [];
  const joins: string[] = [];
  if (input.lineExpr) middle.push(`${input.lineExpr} AS __line`);
  for (const [field, fieldSpec] of Object.entries(mapping.fields)) {
    if (fieldSpec) middle.push(`s.${quoteIdentifier(fieldSpec.column)} AS ${quoteIdentifier(`r_${field}`)}`);
  }

  // Dictionary lookups: `lookup(field, output)` is the row's entry output, NULL without an entry.
  const outputs = ['mapped', 'items', 'problem', 'flag', 'code'] as const;
  type Output = (typeof outputs)[number];
  const lookupSql = new Map<string, string>();
  const enumOutputs = new Map<string, () => string>();
  const lookupOf = (field: DictionaryField): DictionaryLookup | null | undefined => (spec(field) ? lookups[field] : undefined);
  for (const field of Object.keys(lookups) as DictionaryField[]) {
    const lookup = lookupOf(field);
    if (!lookup) continue;
    const column = source(field);
    if (lookup.kind === 'join') {
      const alias = `j_${field}`;
      joins.push(`LEFT JOIN temp.${quoteIdentifier(lookup.table)} ${alias} ON ${alias}.value = ${column}`);
      for (const output of outputs) {
        middle.push(`${alias}.${output} AS ${quoteIdentifier(`${alias}_${output}`)}`);
        lookupSql.set(`${field}.${output}`, `m.${quoteIdentifier(`${alias}_${output}`)}`);
      }
      continue;
    }
    // A value missing from the dictionary stops the statement: the caller reads every value and retries.
    const miss = `CASE WHEN ${column} IS NOT NULL THEN error(${p.add(DICTIONARY_MISS)}) END`;
    const code = lookup.type ? `enum_code(coalesce(TRY_CAST(${column} AS ${quoteIdentifier(lookup.type)}), ${miss}))` : `CAST(${miss} AS INTEGER)`;
    middle.push(`${code} AS ${quoteIdentifier(`k_${field}`)}`);
    // Each output list is bound on first use: a statement must use every parameter it is given.
    const entries = lookup.dictionary.entries;
    const index = `m.${quoteIdentifier(`k_${field}`)} + 1`;
    const bind: Record<Output, () => string> = {
      mapped: () => p.list(entries.map((e) => e.mapped)),
      items: () => p.lists(entries.map((e) => e.items)),
      problem: () => p.list(entries.map((e) => e.problem)),
      flag: () => p.flags(entries.map((e) => e.flag)),
      code: () => p.integers(entries.map((e) => e.code)),
    };
    for (const output of outputs) enumOutputs.set(`${field}.${output}`, () => `list_extract(${p.once(`${field}.${output}`, bind[output])}, ${index})`);
  }
  const has = (field: DictionaryField) => Boolean(lookupOf(field));
  const lookup = (field: DictionaryField, output: Output) => lookupSql.get(`${field}.${output}`) ?? enumOutputs.get(`${field}.${output}`)!();

  const stored: [name: string, sql: string][] = [];
  // `flag` is true for every row with the problem and cheap (it reads computed columns only); it may be
  // true for a few more rows (a null token where a date was expected), which `condition` then clears.
  const problems: { flag: string; condition: string; entry: string }[] = [];
  const problem = (field: MappableField, condition: string, reason: string, flag = condition) => {
    problems.push({ flag, condition, entry: `struct_pack(col := ${p.add(spec(field)!.column)}, val := ${cleaned(field)}, reason := ${reason})` });
  };

  if (input.lineExpr) stored.push(['__line', 'm.__line']);
  for (const field of ['case_id', 'entity', 'entity_type'] as const) {
    if (spec(field)) stored.push([field, cleaned(field)]);
  }

  if (spec('records_affected')) {
    const rawCount = source('records_affected');
    const value = cleanedTextFast(rawCount, p);
    // Most values are plain integers: a cast that round-trips exactly is enough (and such a value needs
    // no cleaning). The rest ("1,200", "12.0", " 7") are cleaned and go through the slower path;
    // anything else ("about 40", "12.7") is not a count.
    const stripped = `regexp_replace(${value}, ${p.add("[\\s,_']")}, '', 'g')`;
    const slow = `CASE WHEN CAST(TRY_CAST(${value} AS BIGINT) AS VARCHAR) = ${value} THEN TRY_CAST(${value} AS BIGINT)
      WHEN regexp_full_match(${stripped}, ${p.add('[+-]?\\d+(\\.0*)?')}) THEN TRY_CAST(regexp_replace(${stripped}, ${p.add('\\.0*$')}, '') AS BIGINT) END`;
    middle.push(`CASE WHEN CAST(TRY_CAST(${rawCount} AS BIGINT) AS VARCHAR) = ${rawCount} THEN TRY_CAST(${rawCount} AS BIGINT) ELSE ${slow} END AS n_records`);
    problem('records_affected', `m.n_records IS NULL AND ${cleaned('records_affected')} IS NOT NULL`, p.add('not a whole number of records'), `m.n_records IS NULL AND ${raw('records_affected')} IS NOT NULL`);
    problem('records_affected', `m.n_records < 0`, p.add('negative count'));
    stored.push(['records_affected', `CAST(CASE WHEN m.n_records >= 0 THEN m.n_records END AS BIGINT)`]);
  }

  if (spec('country')) {
    if (!has('country')) throw new Error('the country field needs a dictionary');
    stored.push(['country', lookup('country', 'mapped')]);
    problem('country', `${lookup('country', 'problem')} IS NOT NULL`, lookup('country', 'problem'));
  }
  if (has('state')) stored.push(['state', lookup('state', 'mapped')]);

  // The actor is stored as the bits of the kinds it names (`actorKindBits`); the actor text, the list of
  // kinds and the partner flag follow from them in the projection. Without an actor column every row
  // has none: 'unknown', a constant of the projection.
  if (spec('actor') && !has('actor')) throw new Error('the actor field needs a dictionary');
  const actorBits = has('actor') ? `CAST(coalesce(${lookup('actor', 'code')}, 0) AS UTINYINT)` : null;
  if (spec('actor')) {
    problem('actor', `${lookup('actor', 'problem')} IS NOT NULL`, lookup('actor', 'problem'));
  }

  if (spec('business_associate')) {
    const lower = `lower(${cleaned('business_associate')})`;
    const yes = `list_contains(${p.list(YES_WORDS)}, ${lower})`;
    const no = `list_contains(${p.list(NO_WORDS)}, ${lower})`;
    stored.push(['business_associate', `CASE WHEN ${yes} THEN true WHEN ${no} THEN false END`]);
    problem('business_associate', `${cleaned('business_associate')} IS NOT NULL AND NOT ${yes} AND NOT ${no}`, p.add('expected yes or no'));
  }

  for (const field of ['reported_date', 'incident_date'] as const) {
    const fieldSpec = spec(field);
    if (!fieldSpec) continue;
    const format = fieldSpec.format ?? 'iso';
    checkDatePattern(format);
    middle.push(`${parsedDate(source(field), cleanedTextFast(source(field), p), format, p)} AS ${quoteIdentifier(`d_${field}`)}`);
    const parsed = `m.${quoteIdentifier(`d_${field}`)}`;
    // The upper bound as a DATE (midnight a year ahead, as before) so rows compare dates, not timestamps.
    const inRange = `(${parsed} BETWEEN DATE '1900-01-01' AND CAST(current_date + INTERVAL 366 DAY AS DATE))`;
    problem(field, `${parsed} IS NULL AND ${cleaned(field)} IS NOT NULL`, p.add(`not a date like ${dateFormatExample(format)} (format ${format})`), `${parsed} IS NULL AND ${raw(field)} IS NOT NULL`);
    problem(field, `NOT ${inRange}`, p.add('date out of range (before 1900 or more than a year ahead)'));
    stored.push([field, `CAST(CASE WHEN ${inRange} THEN ${parsed} END AS DATE)`]);
  }

  const list = (field: 'breach_types' | 'locations', rules: readonly VocabularyRule[]) => {
    if (!spec(field)) return;
    stored.push([field, has(field) ? `coalesce(${lookup(field, 'items')}, CAST([] AS VARCHAR[]))` : normalisedList(cleaned(field), rules, p)]);
  };
  list('breach_types', BREACH_TYPE_RULES);
  list('locations', LOCATION_RULES);

  if (actorBits) stored.push(['actor_kinds', actorBits]);

  // The breach-type words name the threat when they can; else an internal actor means insider data loss.
  // Stored as the threat's index in HICP_THREATS (a constant list the projection reads it back from).
  if (spec('breach_types') || actorBits) {
    const code = (threat: HicpThreat) => String(HICP_THREATS.indexOf(threat));
    const fromWords = !spec('breach_types')
      ? 'CAST(NULL AS INTEGER)'
      : has('breach_types')
        ? lookup('breach_types', 'code')
        : `CASE ${THREAT_RULES.map((r) => `WHEN regexp_matches(lower(${cleaned('breach_types')}), ${p.add(r.pattern)}) THEN ${code(r.threat)}`).join(' ')} END`;
    const internalOnly = String(actorKindBits(['internal']));
    stored.push([
      'threat_code',
      `CAST(coalesce(${fromWords}, CASE WHEN ${actorBits ?? '0'} = ${internalOnly} THEN ${code('insider_data_loss')} ELSE ${code('other')} END) AS UTINYINT)`,
    ]);
  }

  if (spec('description')) stored.push(['description', cleaned('description')]);

  // The list is only built for rows with a problem: most rows have none, and lists cost. Each exact
  // condition (which may clean the value) is written once, inside the CASE, so DuckDB evaluates it only
  // for the flagged rows rather than hoisting it as a common subexpression computed for every row.
  stored.push([
    '__problems',
    problems.length
      ? `CASE WHEN ${problems.map((x) => `(${x.flag})`).join(' OR ')}
         THEN nullif(list_filter([${problems.map((x) => `CASE WHEN ${x.condition} THEN ${x.entry} END`).join(', ')}], lambda x: x IS NOT NULL), CAST([] AS ${PROBLEM_TYPE}[])) END`
      : `CAST(NULL AS ${PROBLEM_TYPE}[])`,
  ]);

  const storedNames = new Set(stored.map(([name]) => name));
  const sql = `SELECT ${stored.map(([name, expr]) => `${expr} AS ${quoteIdentifier(name)}`).join(',\n  ')}
FROM (
  SELECT ${middle.length ? middle.join(', ') : '1 AS __nothing'}
  FROM ${input.from} s
  ${joins.join('\n  ')}
) m`;

  const projection = (line: string) => {
    const column = (name: string, empty: string) => (storedNames.has(name) ? `d.${quoteIdentifier(name)}` : empty);
    const generatedId = `${constantText(`${input.sourceName}-`)} || CAST(${line} AS VARCHAR)`;
    const columns: Record<(typeof MAPPED_COLUMNS)[number], string> = {
      line,
      source: `CAST(${constantText(input.sourceId)} AS VARCHAR)`,
      case_id: `CAST(${storedNames.has('case_id') ? `coalesce(d.case_id, ${generatedId})` : generatedId} AS VARCHAR)`,
      entity: column('entity', 'CAST(NULL AS VARCHAR)'),
      entity_type: column('entity_type', 'CAST(NULL AS VARCHAR)'),
      country: column('country', 'CAST(NULL AS VARCHAR)'),
      state: column('state', 'CAST(NULL AS VARCHAR)'),
      reported_date: column('reported_date', 'CAST(NULL AS DATE)'),
      incident_date: column('incident_date', 'CAST(NULL AS DATE)'),
      records_affected: column('records_affected', 'CAST(NULL AS BIGINT)'),
      breach_types: column('breach_types', 'CAST([] AS VARCHAR[])'),
      locations: column('locations', 'CAST([] AS VARCHAR[])'),
      // Without a column of its own, a business associate is a partner among the actors (OCR's sense).
      business_associate: storedNames.has('business_associate')
        ? 'd.business_associate'
        : storedNames.has('actor_kinds')
          ? `((d.actor_kinds & ${actorKindBits(['partner'])}) <> 0)`
          : 'CAST(NULL AS BOOLEAN)',
      actor: storedNames.has('actor_kinds') ? actorFromBits('d.actor_kinds') : `CAST('unknown' AS VARCHAR)`,
      actors: storedNames.has('actor_kinds') ? actorsFromBits('d.actor_kinds') : 'CAST([] AS VARCHAR[])',
      actor_rule: storedNames.has('actor_kinds') ? `CAST(${constantText(LOCAL_ACTOR_RULE)} AS VARCHAR)` : 'CAST(NULL AS VARCHAR)',
      threat: storedNames.has('threat_code')
        ? `CAST(list_extract([${HICP_THREATS.map(constantText).join(', ')}], d.threat_code + 1) AS VARCHAR)`
        : `CAST('other' AS VARCHAR)`,
      description: column('description', 'CAST(NULL AS VARCHAR)'),
      first_seen: 'CAST(NULL AS DATE)',
      last_seen: 'CAST(NULL AS DATE)',
    };
    return [
      ...MAPPED_COLUMNS.map((name) => `${columns[name]} AS ${quoteIdentifier(name)}`),
      `coalesce(d.__problems, CAST([] AS ${PROBLEM_TYPE}[])) AS problems`,
    ].join(', ');
  };
  return { sql, params: p, projection };
}

/** The actor text of a bit set of kinds, from constants (every bit set has one). */
function actorFromBits(bits: string): string {
  const cases = Array.from({ length: 8 }, (_v, b) => `WHEN ${b} THEN ${constantText(actorOfBits(b).actor)}`).join(' ');
  return `CAST(CASE ${bits} ${cases} END AS VARCHAR)`;
}

/** The list of kinds of a bit set, in KIND_ORDER. */
function actorsFromBits(bits: string): string {
  const lists = Array.from({ length: 8 }, (_v, b) => `[${actorOfBits(b).actors.map(constantText).join(', ')}]`);
  return `CAST(list_extract([${lists.join(', ')}], ${bits} + 1) AS VARCHAR[])`;
}

/**
 * A constant of a view, which cannot hold bound parameters: the source id and the rule id. Both come
 * from a checked alphabet (source names are `[a-z][a-z0-9_]*`), which this checks again.
 */
function constantText(text: string): string {
  if (!/^[a-z0-9_:./-]*$/.test(text)) throw new Error(`"${text}" is not a safe constant for a view`);
  return `'${text}'`;
}

/**
 * A date column's value. ISO dates are cast straight from the raw text, which gives the cleaned text's
 * date whenever it gives one (the cast skips the spaces `trim` would remove, and no null token is a
 * date); other formats parse the cleaned text.
 */
function parsedDate(raw: string, cleaned: string, format: string, p: SqlParams): string {
  if (format === 'iso') return `coalesce(TRY_CAST(${raw} AS DATE), CASE WHEN ${raw} IS NOT NULL THEN TRY_CAST(${cleaned} AS DATE) END)`;
  if (format === 'excel_serial') {
    return `CASE WHEN regexp_full_match(${cleaned}, ${p.add('\\d{1,6}(\\.\\d+)?')}) THEN CAST(DATE '1899-12-30' + CAST(floor(CAST(${cleaned} AS DOUBLE)) AS INTEGER) AS DATE) END`;
  }
  return `CAST(try_strptime(${cleaned}, ${p.list(strptimeVariants(format))}) AS DATE)`;
}

/**
 * The SQL twin of `normaliseList`, for list columns with too many distinct values for a dictionary:
 * split on ; | , and new lines, each item put in the vocabulary, sorted.
 */
function normalisedList(value: string, rules: readonly VocabularyRule[], p: SqlParams): string {
  const items = `list_filter(list_transform(string_split_regex(${value}, ${p.add('[;|,\\n]')}), lambda x: trim(x)), lambda x: x <> '')`;
  const label = `CASE ${rules.map((r) => `WHEN regexp_matches(lower(x), ${p.add(r.pattern)}) THEN ${p.add(r.label)}`).join(' ')} ELSE x END`;
  return `CASE WHEN ${value} IS NULL THEN CAST([] AS VARCHAR[]) ELSE list_sort(list_distinct(list_transform(${items}, lambda x: ${label}))) END`;
}

