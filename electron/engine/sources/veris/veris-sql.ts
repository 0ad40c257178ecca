/** Rule id and version written to `actor_rule` for VERIS rows: the actor comes from the record itself. */
export const VERIS_ACTOR_RULE = 'veris-actor/1';

/** VERIS action categories, as breach types. */
const ACTION_CATEGORIES = ['hacking', 'malware', 'social', 'misuse', 'physical', 'error', 'environmental', 'unknown'];

/** A VERIS date part ({year, month, day}) as integers; absent parts are NULL. */
const part = (path: string, unit: string) => `TRY_CAST(json_extract_string(raw, '${path}.${unit}') AS INTEGER)`;

/**
 * A VERIS date with the precision it was given. Year-only dates are set to 1 January and month-only
 * dates to the 1st, so counts by year (and by month where known) stay right; the precision column
 * says which dates are partial, so nobody reads "January" into a year-only date.
 */
function partialDate(path: string, name: string): string {
  const y = part(path, 'year');
  const m = part(path, 'month');
  const d = part(path, 'day');
  return `${y} AS ${name}_y, ${m} AS ${name}_m, ${d} AS ${name}_d,
    CASE WHEN ${y} IS NOT NULL THEN TRY(make_date(${y}, coalesce(${m}, 1), coalesce(${d}, 1))) END AS ${name}`;
}

const list = (values: string[]) => `[${values.map((v) => `'${v}'`).join(', ')}]`;

/**
 * From one staged VERIS record (`raw` JSON, `file`) to the canonical columns and VERIS extras. The
 * only bound value is the dictionary of industries; every literal here is the engine's own.
 */
export function verisMappedSelect(stageTable: string, industryTable: string): string {
  return `
WITH parts AS (
  SELECT s.file, s.raw,
    json_extract_string(raw, '$.incident_id') AS incident_id,
    coalesce(json_extract_string(raw, '$.victim.industry'), json_extract_string(raw, '$.victim[0].industry')) AS industry,
    ${partialDate('$.timeline.incident', 'incident_date')},
    ${partialDate("$.timeline.notification", 'notified_a')},
    ${partialDate('$.plus.timeline.notification', 'notified_b')},
    list_filter(['internal', 'external', 'partner'], lambda k: json_exists(raw, '$.actor.' || k)) AS actors,
    coalesce(list_transform(list_filter(coalesce(json_keys(raw, '$.action'), []), lambda k: list_contains(${list(ACTION_CATEGORIES)}, lower(k))), lambda k: upper(k[1]) || lower(k[2:])), []) AS action_categories
  FROM ${stageTable} s
)
SELECT
  p.file,
  p.incident_id,
  'veris' AS source,
  p.incident_id AS case_id,
  coalesce(json_extract_string(raw, '$.victim.victim_id'), json_extract_string(raw, '$.victim[0].victim_id')) AS entity,
  ind.mapped AS entity_type,
  CASE WHEN regexp_full_match(coalesce(json_extract_string(raw, '$.victim.country[0]'), json_extract_string(raw, '$.victim[0].country[0]'), ''), '[A-Z]{2}')
       THEN coalesce(json_extract_string(raw, '$.victim.country[0]'), json_extract_string(raw, '$.victim[0].country[0]')) END AS country,
  coalesce(json_extract_string(raw, '$.victim.state'), json_extract_string(raw, '$.victim[0].state')) AS state,
  coalesce(p.notified_a, p.notified_b) AS reported_date,
  p.incident_date,
  CASE WHEN p.incident_date IS NULL THEN NULL WHEN p.incident_date_m IS NULL THEN 'year' WHEN p.incident_date_d IS NULL THEN 'month' ELSE 'day' END AS incident_date_precision,
  TRY_CAST(json_extract_string(raw, '$.attribute.confidentiality.data_total') AS BIGINT) AS records_affected,
  list_sort(p.action_categories) AS breach_types,
  list_sort(list_distinct(list_transform(coalesce(json_extract_string(raw, '$.asset.assets[*].variety'), []), lambda v: regexp_replace(v, '^[A-Z]+ - ', '')))) AS locations,
  list_contains(p.actors, 'partner') AS business_associate,
  CASE len(p.actors) WHEN 0 THEN 'unknown' WHEN 1 THEN p.actors[1] ELSE 'mixed' END AS actor,
  p.actors,
  '${VERIS_ACTOR_RULE}' AS actor_rule,
  CASE
    WHEN list_contains(coalesce(json_extract_string(raw, '$.action.malware.variety[*]'), []), 'Ransomware') THEN 'ransomware'
    WHEN list_contains(coalesce(json_extract_string(raw, '$.action.social.variety[*]'), []), 'Phishing') THEN 'email_phishing'
    WHEN list_contains(coalesce(json_extract_string(raw, '$.action.physical.variety[*]'), []), 'Theft')
      OR list_contains(coalesce(json_extract_string(raw, '$.action.error.variety[*]'), []), 'Loss') THEN 'loss_or_theft'
    WHEN list_contains(p.actors, 'internal') AND (json_exists(raw, '$.action.misuse') OR json_exists(raw, '$.action.error')) THEN 'insider_data_loss'
    ELSE 'other' END AS threat,
  json_extract_string(raw, '$.summary') AS description,
  CAST(NULL AS DATE) AS first_seen,
  CAST(NULL AS DATE) AS last_seen,
  p.industry AS victim_industry,
  json_extract_string(raw, '$.schema_version') AS schema_version,
  raw,
  -- A year given but no valid date (month 13, 30 February): the date stays empty and the value is listed.
  CASE WHEN p.incident_date_y IS NOT NULL AND p.incident_date IS NULL
       THEN concat_ws('-', p.incident_date_y, p.incident_date_m, p.incident_date_d) END AS bad_incident_date,
  first_value(p.file) OVER (PARTITION BY p.incident_id ORDER BY length(p.file), p.file) AS kept_file,
  row_number() OVER (PARTITION BY p.incident_id ORDER BY length(p.file), p.file) AS copy_number
FROM parts p
LEFT JOIN ${industryTable} ind ON ind.value = p.industry`;
}

/** The persistent table: one row per incident, the canonical columns plus what VERIS adds. */
export const VERIS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS veris_incidents (
  file_id VARCHAR NOT NULL,
  file VARCHAR NOT NULL,
  incident_id VARCHAR NOT NULL,
  source VARCHAR, case_id VARCHAR, entity VARCHAR, entity_type VARCHAR, country VARCHAR, state VARCHAR,
  reported_date DATE, incident_date DATE, incident_date_precision VARCHAR, records_affected BIGINT,
  breach_types VARCHAR[], locations VARCHAR[], business_associate BOOLEAN, actor VARCHAR, actors VARCHAR[], actor_rule VARCHAR,
  threat VARCHAR, description VARCHAR, first_seen DATE, last_seen DATE,
  victim_industry VARCHAR, schema_version VARCHAR, raw JSON
)`;
