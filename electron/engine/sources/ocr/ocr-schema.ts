import type { DuckDBConnection } from '@duckdb/node-api';
import { RAW_COLUMNS } from './ocr-columns';

/**
 * The OCR source's own tables. They are created on first import (and by `ensureOcrSchema` for a
 * workspace that wants the empty tables, e.g. so the case-revision chart can run before any import).
 *
 * - `ocr_files`: one row per imported export: which list, which snapshot date, and how each was decided.
 * - `ocr_rows`: every data row of every export as read (raw_* columns, exactly the file's text after
 *   invalid UTF-8 bytes were mapped to U+0080..U+00FF) beside the parsed and repaired values, with
 *   its record number and physical line, so any number traces back to a file and a row.
 * - `ocr_case_rows`, `ocr_cases`, `ocr_revisions`: rebuilt by `mergeOcrSnapshots` after every import.
 *
 * No PRIMARY KEY constraints: these tables are emptied and refilled inside one transaction, and DuckDB
 * checks a key deleted and re-inserted in the same transaction too eagerly. Uniqueness is asserted by
 * the merge and by the tests instead.
 */
export const OCR_TABLES = ['ocr_files', 'ocr_rows', 'ocr_case_rows', 'ocr_cases', 'ocr_revisions'] as const;

export const OCR_FILES_DDL = `CREATE TABLE IF NOT EXISTS ocr_files (
  file_id VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  list VARCHAR NOT NULL,
  list_basis VARCHAR NOT NULL,
  snapshot_date DATE NOT NULL,
  snapshot_basis VARCHAR NOT NULL,
  header_mode VARCHAR NOT NULL,
  encoding VARCHAR NOT NULL,
  column_count INTEGER NOT NULL,
  latest_submission DATE,
  imported_at TIMESTAMP NOT NULL DEFAULT current_timestamp
)`;

export const OCR_ROWS_DDL = `CREATE TABLE IF NOT EXISTS ocr_rows (
  file_id VARCHAR NOT NULL,
  record INTEGER NOT NULL,
  line INTEGER NOT NULL,
  snapshot_date DATE NOT NULL,
  list VARCHAR NOT NULL,
  ${RAW_COLUMNS.map((c) => `${c} VARCHAR`).join(',\n  ')},
  entity VARCHAR NOT NULL,
  entity_damaged BOOLEAN NOT NULL,
  name_key VARCHAR NOT NULL,
  state VARCHAR,
  entity_type VARCHAR,
  records_affected BIGINT,
  reported_date DATE NOT NULL,
  breach_types VARCHAR[] NOT NULL,
  locations VARCHAR[] NOT NULL,
  business_associate BOOLEAN,
  description VARCHAR,
  description_damaged BOOLEAN NOT NULL,
  description_key VARCHAR,
  repairs VARCHAR[] NOT NULL,
  duplicate_of INTEGER
)`;

/** One row per case and snapshot: which file row stands for the case in that snapshot. */
export const OCR_CASE_ROWS_DDL = `CREATE TABLE IF NOT EXISTS ocr_case_rows (
  case_id VARCHAR NOT NULL,
  snapshot_date DATE NOT NULL,
  list VARCHAR NOT NULL,
  file_id VARCHAR NOT NULL,
  record INTEGER NOT NULL,
  link_rule VARCHAR
)`;

export const OCR_CASES_DDL = `CREATE TABLE IF NOT EXISTS ocr_cases (
  case_id VARCHAR NOT NULL,
  entity VARCHAR NOT NULL,
  entity_type VARCHAR,
  state VARCHAR,
  reported_date DATE NOT NULL,
  records_affected BIGINT,
  breach_types VARCHAR[] NOT NULL,
  locations VARCHAR[] NOT NULL,
  business_associate BOOLEAN,
  description VARCHAR,
  list VARCHAR NOT NULL,
  first_seen DATE NOT NULL,
  last_seen DATE NOT NULL,
  snapshots INTEGER NOT NULL,
  revisions INTEGER NOT NULL,
  text_source VARCHAR NOT NULL,
  latest_file_id VARCHAR NOT NULL,
  latest_record INTEGER NOT NULL
)`;

export const OCR_REVISIONS_DDL = `CREATE TABLE IF NOT EXISTS ocr_revisions (
  case_id VARCHAR NOT NULL,
  field VARCHAR NOT NULL,
  old_value VARCHAR,
  new_value VARCHAR,
  from_snapshot DATE NOT NULL,
  to_snapshot DATE NOT NULL,
  from_file_id VARCHAR NOT NULL,
  to_file_id VARCHAR NOT NULL
)`;

export async function ensureOcrTables(connection: DuckDBConnection): Promise<void> {
  for (const ddl of [OCR_FILES_DDL, OCR_ROWS_DDL, OCR_CASE_ROWS_DDL, OCR_CASES_DDL, OCR_REVISIONS_DDL]) await connection.run(ddl);
}
