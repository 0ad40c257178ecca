import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * The classification's workspace tables:
 * - `classification_rule_sets`: a user's replacement rule set per kind (actor, threat), as JSON; the
 *   newest row of a kind is active, none means the built-in rules.
 * - `classification_overrides`: a person's verdict on one case, which beats every rule.
 * - `classification_targets`: the relations classified (one per record source), so a rule change can
 *   re-classify everything.
 * - `classification_copies`: tables that hold a copy of a view over a source's verdicts and the
 *   overrides (e.g. `ocr_breaches` of `ocr_breaches_live`), so that charts read stored rows instead of
 *   joining on every query; refreshed by every change of verdicts or overrides (classify.ts).
 */
export async function ensureClassificationTables(connection: DuckDBConnection): Promise<void> {
  await connection.run(`CREATE TABLE IF NOT EXISTS classification_rule_sets (
    kind VARCHAR NOT NULL,
    version VARCHAR NOT NULL,
    rules VARCHAR NOT NULL,
    set_at TIMESTAMP NOT NULL DEFAULT current_timestamp
  )`);
  await connection.run(`CREATE TABLE IF NOT EXISTS classification_overrides (
    case_id VARCHAR NOT NULL,
    actor VARCHAR,
    threat VARCHAR,
    note VARCHAR,
    set_at TIMESTAMP NOT NULL DEFAULT current_timestamp
  )`);
  await connection.run(`CREATE TABLE IF NOT EXISTS classification_targets (
    source_id VARCHAR NOT NULL,
    relation VARCHAR NOT NULL,
    output VARCHAR NOT NULL,
    columns VARCHAR NOT NULL
  )`);
  await connection.run(`CREATE TABLE IF NOT EXISTS classification_copies (
    source_id VARCHAR NOT NULL,
    table_name VARCHAR NOT NULL,
    view_name VARCHAR NOT NULL
  )`);
}
