/**
 * Every STIX object lands in `stix_objects` whole (its JSON in `raw`), tagged with the file it came
 * from; typed views pick out the properties analysts filter on. A view shows each object's latest
 * version (STIX versions an object by `modified`).
 */
export const STIX_OBJECTS_DDL = `CREATE TABLE IF NOT EXISTS stix_objects (
  file_id VARCHAR NOT NULL,
  file VARCHAR NOT NULL,
  bundle_id VARCHAR,
  type VARCHAR NOT NULL,
  id VARCHAR NOT NULL,
  spec_version VARCHAR,
  created TIMESTAMP,
  modified TIMESTAMP,
  name VARCHAR,
  description VARCHAR,
  raw JSON NOT NULL
)`;

const latest = (type: string) =>
  `FROM stix_objects WHERE type = '${type}' QUALIFY row_number() OVER (PARTITION BY id ORDER BY modified DESC NULLS LAST, file) = 1`;

const str = (path: string) => `json_extract_string(raw, '${path}')`;
const time = (path: string) => `TRY_CAST(json_extract_string(raw, '${path}') AS TIMESTAMP)`;
const strings = (path: string) => `coalesce(json_extract_string(raw, '${path}[*]'), [])`;

export const STIX_VIEWS: Record<string, string> = {
  stix_incidents: `SELECT id, name, description, created, modified, ${strings('$.incident_types')} AS incident_types, file, raw ${latest('incident')}`,
  stix_indicators: `SELECT id, name, description, ${str('$.pattern')} AS pattern, ${str('$.pattern_type')} AS pattern_type,
      ${time('$.valid_from')} AS valid_from, ${time('$.valid_until')} AS valid_until, ${strings('$.indicator_types')} AS indicator_types,
      created, modified, file, raw ${latest('indicator')}`,
  stix_sightings: `SELECT id, ${str('$.sighting_of_ref')} AS sighting_of_ref, ${strings('$.where_sighted_refs')} AS where_sighted_refs,
      ${strings('$.observed_data_refs')} AS observed_data_refs, TRY_CAST(${str('$.count')} AS BIGINT) AS count,
      ${time('$.first_seen')} AS first_seen, ${time('$.last_seen')} AS last_seen, created, modified, file, raw ${latest('sighting')}`,
  stix_identities: `SELECT id, name, description, ${str('$.identity_class')} AS identity_class, ${strings('$.sectors')} AS sectors,
      ${str('$.contact_information')} AS contact_information, created, modified, file, raw ${latest('identity')}`,
  stix_relationships: `SELECT id, ${str('$.relationship_type')} AS relationship_type, ${str('$.source_ref')} AS source_ref,
      ${str('$.target_ref')} AS target_ref, ${time('$.start_time')} AS start_time, ${time('$.stop_time')} AS stop_time,
      created, modified, file, raw ${latest('relationship')}`,
};
