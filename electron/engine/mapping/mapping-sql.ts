import type { Mapping, MappableField } from '../../../shared/api';
import { quoteIdentifier } from '../db/sql-identifiers';
import { LOCAL_ACTOR_RULE } from './actor-words';
import { checkDatePattern, dateFormatExample, strptimeVariants } from './date-formats';
import { NULL_TOKENS } from './normalise-text';
import { SqlParams } from './sql-params';
import { BREACH_TYPE_RULES, LOCATION_RULES, NO_WORDS, THREAT_RULES, YES_WORDS, type VocabularyRule } from './vocabulary';

/**
 * Temp tables from `value-dictionary.ts` for the vocabulary fields that are mapped. A list field
 * (breach types, locations) without one has too many distinct values and is normalised in SQL.
 */
export type Dictionaries = Partial<Record<'actor' | 'country' | 'state' | 'breach_types' | 'locations', string>>;

export interface MappedSelectInput {
  stageTable: string;
  lineExpr: string;
  mapping: Mapping;
  sourceId: string;
  sourceName: string;
  dictionaries: Dictionaries;
}

/** Columns of the mapped table: the file line, the canonical columns, then the row's problems. */
export const MAPPED_COLUMNS = [
  'line', 'source', 'case_id', 'entity', 'entity_type', 'country', 'state', 'reported_date', 'incident_date', 'records_affected',
  'breach_types', 'locations', 'business_associate', 'actor', 'actors', 'actor_rule', 'threat', 'description', 'first_seen', 'last_seen',
] as const;

const PROBLEM_TYPE = 'STRUCT(col VARCHAR, val VARCHAR, reason VARCHAR)';

/** The expression that cleans one staged column: trimmed, with null tokens ("n/a", "-") as NULL. */
export function cleanedColumn(column: string, p: SqlParams): string {
  const c = `s.${quoteIdentifier(column)}`;
  return `CASE WHEN list_contains(${p.list(NULL_TOKENS)}, lower(trim(${c}))) THEN NULL ELSE NULLIF(trim(${c}), '') END`;
}

const DICTIONARY_ALIAS: Record<keyof Dictionaries, string> = { actor: 'da', country: 'dc', state: 'ds', breach_types: 'db', locations: 'dl' };

/**
 * One SELECT from the staged text table to the canonical columns, in three layers: `i` cleans the
 * mapped columns, `m` parses each once (dates, counts) and joins the vocabulary dictionaries, the
 * outer layer builds values and problems from those. Every value that does not fit comes out NULL
 * and adds a problem (column, value, reason) to `__problems`; the caller then loads rows without
 * problems (or all rows, with those values empty) and writes the problems to bw_rejects.
 */
export function buildMappedSelect(input: MappedSelectInput): { sql: string; params: SqlParams } {
  const { mapping, dictionaries } = input;
  const p = new SqlParams();
  const mapped = (field: MappableField) => mapping.fields[field];
  const f = (field: MappableField) => `m.${quoteIdentifier(`f_${field}`)}`;
  const dict = (field: keyof Dictionaries) => (mapped(field) && dictionaries[field] ? DICTIONARY_ALIAS[field] : null);

  const inner: string[] = [`${input.lineExpr} AS __line`];
  for (const [field, spec] of Object.entries(mapping.fields)) {
    if (spec) inner.push(`${cleanedColumn(spec.column, p)} AS ${quoteIdentifier(`f_${field}`)}`);
  }
  const middle: string[] = ['i.*'];
  const joins: string[] = [];
  for (const field of Object.keys(DICTIONARY_ALIAS) as (keyof Dictionaries)[]) {
    const alias = dict(field);
    if (!alias) continue;
    joins.push(`LEFT JOIN temp.${quoteIdentifier(dictionaries[field]!)} ${alias} ON ${alias}.value = i.${quoteIdentifier(`f_${field}`)}`);
    middle.push(`${alias}.mapped AS ${alias}_mapped, ${alias}.extra AS ${alias}_extra, ${alias}.items AS ${alias}_items, ${alias}.problem AS ${alias}_problem`);
  }

  const problems: string[] = [];
  const conditions: string[] = [];
  const problem = (field: MappableField, condition: string, reason: string) => {
    conditions.push(`coalesce(${condition}, false)`);
    problems.push(`CASE WHEN ${condition} THEN struct_pack(col := ${p.add(mapped(field)!.column)}, val := ${f(field)}, reason := ${reason}) END`);
  };
  const text = (field: MappableField) => (mapped(field) ? f(field) : 'CAST(NULL AS VARCHAR)');

  const date = (field: 'reported_date' | 'incident_date') => {
    const spec = mapped(field);
    if (!spec) return 'CAST(NULL AS DATE)';
    const format = spec.format ?? 'iso';
    checkDatePattern(format);
    middle.push(`${parsedDate(`i.${quoteIdentifier(`f_${field}`)}`, format, p)} AS ${quoteIdentifier(`d_${field}`)}`);
    const parsed = `m.${quoteIdentifier(`d_${field}`)}`;
    const inRange = `(${parsed} BETWEEN DATE '1900-01-01' AND current_date + INTERVAL 366 DAY)`;
    problem(field, `${f(field)} IS NOT NULL AND ${parsed} IS NULL`, p.add(`not a date like ${dateFormatExample(format)} (format ${format})`));
    problem(field, `NOT ${inRange}`, p.add('date out of range (before 1900 or more than a year ahead)'));
    return `CAST(CASE WHEN ${inRange} THEN ${parsed} END AS DATE)`;
  };

  let records = 'CAST(NULL AS BIGINT)';
  if (mapped('records_affected')) {
    const raw = `i.${quoteIdentifier('f_records_affected')}`;
    // Most values are plain integers: a cast that round-trips exactly is enough. The rest ("1,200",
    // "12.0") go through the slower cleaning; anything else ("about 40", "12.7") is not a count.
    const cleaned = `regexp_replace(${raw}, ${p.add("[\\s,_']")}, '', 'g')`;
    const slow = `CASE WHEN regexp_full_match(${cleaned}, ${p.add('[+-]?\\d+(\\.0*)?')}) THEN TRY_CAST(regexp_replace(${cleaned}, ${p.add('\\.0*$')}, '') AS BIGINT) END`;
    middle.push(`CASE WHEN CAST(TRY_CAST(${raw} AS BIGINT) AS VARCHAR) = ${raw} THEN TRY_CAST(${raw} AS BIGINT) ELSE ${slow} END AS n_records`);
    problem('records_affected', `${f('records_affected')} IS NOT NULL AND m.n_records IS NULL`, p.add('not a whole number of records'));
    problem('records_affected', `m.n_records < 0`, p.add('negative count'));
    records = `CASE WHEN m.n_records >= 0 THEN m.n_records END`;
  }

  let country = 'CAST(NULL AS VARCHAR)';
  if (dict('country')) {
    country = 'm.dc_mapped';
    problem('country', `m.dc_problem IS NOT NULL`, 'm.dc_problem');
  }
  const state = dict('state') ? `coalesce(m.ds_mapped, ${f('state')})` : 'CAST(NULL AS VARCHAR)';

  let actor = `'unknown'`;
  let actors = 'CAST([] AS VARCHAR[])';
  let actorRule = 'CAST(NULL AS VARCHAR)';
  if (dict('actor')) {
    actor = `coalesce(m.da_mapped, 'unknown')`;
    actors = `CASE WHEN coalesce(m.da_extra, '') = '' THEN CAST([] AS VARCHAR[]) ELSE string_split(m.da_extra, ',') END`;
    actorRule = p.add(LOCAL_ACTOR_RULE);
    problem('actor', `m.da_problem IS NOT NULL`, 'm.da_problem');
  }

  // Without a column of its own, a business associate is a partner among the actors (OCR's sense).
  let businessAssociate = dict('actor') ? `list_contains(${actors}, 'partner')` : 'CAST(NULL AS BOOLEAN)';
  if (mapped('business_associate')) {
    const lower = `lower(${f('business_associate')})`;
    const yes = `list_contains(${p.list(YES_WORDS)}, ${lower})`;
    const no = `list_contains(${p.list(NO_WORDS)}, ${lower})`;
    businessAssociate = `CASE WHEN ${yes} THEN true WHEN ${no} THEN false END`;
    problem('business_associate', `${f('business_associate')} IS NOT NULL AND NOT ${yes} AND NOT ${no}`, p.add('expected yes or no'));
  }

  const list = (field: 'breach_types' | 'locations', rules: readonly VocabularyRule[]) => {
    if (!mapped(field)) return 'CAST([] AS VARCHAR[])';
    const alias = dict(field);
    return alias ? `coalesce(m.${alias}_items, CAST([] AS VARCHAR[]))` : normalisedList(f(field), rules, p);
  };

  // The breach-type words name the threat when they can; else an internal actor means insider data loss.
  const threatFromWords = !mapped('breach_types')
    ? 'CAST(NULL AS VARCHAR)'
    : dict('breach_types')
      ? 'm.db_mapped'
      : `CASE ${THREAT_RULES.map((r) => `WHEN regexp_matches(lower(${f('breach_types')}), ${p.add(r.pattern)}) THEN ${p.add(r.threat)}`).join(' ')} END`;
  const threat = `coalesce(${threatFromWords}, CASE WHEN ${actor} = 'internal' THEN 'insider_data_loss' ELSE 'other' END)`;

  const generatedId = `${p.add(`${input.sourceName}-`)} || CAST(m.__line AS VARCHAR)`;
  const caseId = mapped('case_id') ? `coalesce(${f('case_id')}, ${generatedId})` : generatedId;

  const outer = [
    `m.__line AS line`,
    `CAST(${p.add(input.sourceId)} AS VARCHAR) AS source`,
    `CAST(${caseId} AS VARCHAR) AS case_id`,
    `${text('entity')} AS entity`,
    `${text('entity_type')} AS entity_type`,
    `${country} AS country`,
    `${state} AS state`,
    `${date('reported_date')} AS reported_date`,
    `${date('incident_date')} AS incident_date`,
    `CAST(${records} AS BIGINT) AS records_affected`,
    `${list('breach_types', BREACH_TYPE_RULES)} AS breach_types`,
    `${list('locations', LOCATION_RULES)} AS locations`,
    `${businessAssociate} AS business_associate`,
    `CAST(${actor} AS VARCHAR) AS actor`,
    `${actors} AS actors`,
    `${actorRule} AS actor_rule`,
    `CAST(${threat} AS VARCHAR) AS threat`,
    `${text('description')} AS description`,
    `CAST(NULL AS DATE) AS first_seen`,
    `CAST(NULL AS DATE) AS last_seen`,
    // The list is only built for rows with a problem: most rows have none, and lists cost.
    problems.length
      ? `CASE WHEN ${conditions.join(' OR ')} THEN list_filter([${problems.join(', ')}], lambda x: x IS NOT NULL) ELSE CAST([] AS ${PROBLEM_TYPE}[]) END AS __problems`
      : `CAST([] AS ${PROBLEM_TYPE}[]) AS __problems`,
  ];
  const sql = `SELECT ${outer.join(',\n  ')}
FROM (
  SELECT ${middle.join(', ')}
  FROM (SELECT ${inner.join(', ')} FROM temp.${quoteIdentifier(input.stageTable)} s) i
  ${joins.join('\n  ')}
) m`;
  return { sql, params: p };
}

function parsedDate(value: string, format: string, p: SqlParams): string {
  if (format === 'iso') return `TRY_CAST(${value} AS DATE)`;
  if (format === 'excel_serial') {
    return `CASE WHEN regexp_full_match(${value}, ${p.add('\\d{1,6}(\\.\\d+)?')}) THEN CAST(DATE '1899-12-30' + CAST(floor(CAST(${value} AS DOUBLE)) AS INTEGER) AS DATE) END`;
  }
  return `CAST(try_strptime(${value}, ${p.list(strptimeVariants(format))}) AS DATE)`;
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
