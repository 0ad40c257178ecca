import type { DuckDBConnection } from '@duckdb/node-api';
import type { RejectedRow } from '../../imports/import-log';
import { RAW_COLUMNS } from './ocr-columns';
import {
  blankToNullSql,
  businessAssociateSql,
  countIsInvalidSql,
  countSql,
  dateSql,
  multiValueSql,
  nameKeySql,
  OCR_BREACH_TYPES,
  OCR_LOCATIONS,
} from './ocr-fields';
import { STAGE } from './ocr-reader';
import type { OcrSnapshot, SnapshotEvidence } from './ocr-snapshot';
import { isDamagedSql, repairTextSql, textKeySql } from './ocr-text';

const PARSED = 'bw_stage_ocr_parsed';

/** What the staged rows say about the file before any decision: for `decideSnapshot`. */
export async function stagedEvidence(connection: DuckDBConnection, fileName: string): Promise<SnapshotEvidence> {
  const reader = await connection.runAndReadAll(
    `SELECT count(*) FILTER (WHERE ${blankToNullSql('raw_description')} IS NOT NULL AND trim(raw_description) <> '\\N') AS described,
            strftime(max(${dateSql('raw_submitted')}), '%Y-%m-%d') AS latest
     FROM ${STAGE}`,
  );
  const row = reader.getRowObjectsJS()[0] ?? {};
  return { fileName, describedRows: Number(row.described ?? 0), latestSubmission: (row.latest as string | null) ?? null };
}

export interface LoadResult {
  loaded: number;
  repaired: number;
  invalid: RejectedRow[];
  tally: LoadTally;
  /** Exact repeats: [line of the repeat, line it repeats]. */
  duplicates: Array<[number, number]>;
}

export interface LoadTally {
  entityDamaged: number;
  descriptionDamaged: number;
  descriptionNullMarker: number;
  descriptionMultiline: number;
  blankCount: number;
  blankState: number;
  blankEntityType: number;
  blankBreachType: number;
  blankLocation: number;
  blankBusinessAssociate: number;
  unknownBusinessAssociate: number;
}

/**
 * Parses the staged rows and lands the valid ones in `ocr_rows` (replacing an earlier load of the same
 * file). A row is refused only when it cannot stand for a breach report: no entity name, no readable
 * Breach Submission Date, or an Individuals Affected that is not a whole number. Everything else that
 * is blank stays unknown (NULL, or [] for the lists) and is counted as a repair, as are `\N` and text
 * damage. Raw text is kept beside the parsed values.
 */
export async function loadStagedRows(connection: DuckDBConnection, fileId: string, snapshot: OcrSnapshot): Promise<LoadResult> {
  const damagedEntity = isDamagedSql('raw_entity');
  const descriptionText = `CASE WHEN trim(raw_description) = '\\N' THEN NULL ELSE ${blankToNullSql('raw_description')} END`;
  await connection.run(`DROP TABLE IF EXISTS ${PARSED}`);
  await connection.run(
    `CREATE TABLE ${PARSED} AS
     WITH parsed AS (
       SELECT *,
         ${blankToNullSql('raw_entity')} AS entity_text,
         ${descriptionText} AS description_text,
         ${dateSql('raw_submitted')} AS reported_date,
         ${countSql('raw_individuals')} AS records_affected
       FROM ${STAGE})
     SELECT *,
       CASE
         WHEN ${RAW_COLUMNS.map((c) => `${blankToNullSql(c)} IS NULL`).join(' AND ')} THEN 'the row is empty'
         WHEN entity_text IS NULL THEN 'Name of Covered Entity is blank'
         WHEN ${blankToNullSql('raw_submitted')} IS NULL THEN 'Breach Submission Date is blank'
         WHEN reported_date IS NULL THEN 'Breach Submission Date is ''' || raw_submitted || ''', expected MM/DD/YYYY'
         WHEN ${countIsInvalidSql('raw_individuals')} THEN 'Individuals Affected is ''' || raw_individuals || ''', expected a whole number'
       END AS refusal,
       CASE
         WHEN entity_text IS NULL THEN 'Name of Covered Entity'
         WHEN reported_date IS NULL THEN 'Breach Submission Date'
         WHEN ${countIsInvalidSql('raw_individuals')} THEN 'Individuals Affected'
       END AS refused_column,
       CASE
         WHEN entity_text IS NULL THEN raw_entity
         WHEN reported_date IS NULL THEN raw_submitted
         WHEN ${countIsInvalidSql('raw_individuals')} THEN raw_individuals
       END AS refused_value,
       ${damagedEntity} AS entity_damaged,
       ${isDamagedSql('description_text')} AS description_damaged
     FROM parsed`,
  );

  const invalidReader = await connection.runAndReadAll(
    `SELECT line, refused_column, refused_value, refusal FROM ${PARSED} WHERE refusal IS NOT NULL ORDER BY record`,
  );
  const invalid: RejectedRow[] = invalidReader.getRowObjectsJS().map((r) => ({
    line: Number(r.line),
    column: (r.refused_column as string | null) ?? null,
    value: (r.refused_value as string | null) ?? null,
    reason: String(r.refusal),
  }));

  const repairs = [
    `CASE WHEN entity_damaged THEN 'entity text damage repaired' END`,
    `CASE WHEN description_damaged THEN 'description text damage repaired' END`,
    `CASE WHEN trim(raw_description) = '\\N' THEN 'description \\N read as NULL' END`,
    `CASE WHEN ${blankToNullSql('raw_individuals')} IS NULL THEN 'blank Individuals Affected read as NULL' END`,
    `CASE WHEN ${blankToNullSql('raw_state')} IS NULL THEN 'blank State read as NULL' END`,
    `CASE WHEN ${blankToNullSql('raw_entity_type')} IS NULL THEN 'blank Covered Entity Type read as NULL' END`,
    `CASE WHEN ${blankToNullSql('raw_breach_type')} IS NULL THEN 'blank Type of Breach read as []' END`,
    `CASE WHEN ${blankToNullSql('raw_location')} IS NULL THEN 'blank Location read as []' END`,
    `CASE WHEN ${blankToNullSql('raw_business_associate')} IS NULL THEN 'blank Business Associate Present read as NULL' END`,
    `CASE WHEN ${blankToNullSql('raw_business_associate')} IS NOT NULL AND ${businessAssociateSql('raw_business_associate')} IS NULL THEN 'Business Associate Present not Yes/No, read as NULL' END`,
  ];
  await connection.run(`DELETE FROM ocr_rows WHERE file_id = $fileId`, { fileId });
  await connection.run(
    `INSERT INTO ocr_rows BY NAME
     SELECT $fileId AS file_id, record, line, CAST($snapshotDate AS DATE) AS snapshot_date, $list AS list,
       ${RAW_COLUMNS.join(', ')},
       CASE WHEN entity_damaged THEN ${repairTextSql('entity_text')} ELSE entity_text END AS entity,
       entity_damaged,
       ${nameKeySql('entity_text')} AS name_key,
       upper(${blankToNullSql('raw_state')}) AS state,
       ${blankToNullSql('raw_entity_type')} AS entity_type,
       records_affected,
       reported_date,
       ${multiValueSql('raw_breach_type', OCR_BREACH_TYPES)} AS breach_types,
       ${multiValueSql('raw_location', OCR_LOCATIONS)} AS locations,
       ${businessAssociateSql('raw_business_associate')} AS business_associate,
       CASE WHEN description_damaged THEN ${repairTextSql('description_text')} ELSE description_text END AS description,
       description_damaged,
       ${textKeySql('description_text')} AS description_key,
       list_filter([${repairs.join(', ')}], x -> x IS NOT NULL) AS repairs,
       CASE WHEN record > min(record) OVER same_row THEN CAST(min(record) OVER same_row AS INTEGER) END AS duplicate_of
     FROM ${PARSED}
     WHERE refusal IS NULL
     WINDOW same_row AS (PARTITION BY ${RAW_COLUMNS.join(', ')})`,
    { fileId, snapshotDate: snapshot.snapshotDate, list: snapshot.list },
  );

  const tallyReader = await connection.runAndReadAll(
    `SELECT count(*) AS loaded,
       count(*) FILTER (WHERE len(repairs) > 0) AS repaired,
       count(*) FILTER (WHERE entity_damaged) AS entity_damaged,
       count(*) FILTER (WHERE description_damaged) AS description_damaged,
       count(*) FILTER (WHERE trim(raw_description) = '\\N') AS description_null_marker,
       count(*) FILTER (WHERE description LIKE '%' || chr(10) || '%' OR description LIKE '%' || chr(13) || '%') AS description_multiline,
       count(*) FILTER (WHERE records_affected IS NULL) AS blank_count,
       count(*) FILTER (WHERE state IS NULL) AS blank_state,
       count(*) FILTER (WHERE entity_type IS NULL) AS blank_entity_type,
       count(*) FILTER (WHERE len(breach_types) = 0) AS blank_breach_type,
       count(*) FILTER (WHERE len(locations) = 0) AS blank_location,
       count(*) FILTER (WHERE ${blankToNullSql('raw_business_associate')} IS NULL) AS blank_business_associate,
       count(*) FILTER (WHERE ${blankToNullSql('raw_business_associate')} IS NOT NULL AND business_associate IS NULL) AS unknown_business_associate
     FROM ocr_rows WHERE file_id = $fileId`,
    { fileId },
  );
  const t = tallyReader.getRowObjectsJS()[0] ?? {};
  const n = (k: string) => Number(t[k] ?? 0);
  const dupReader = await connection.runAndReadAll(
    `SELECT r.line AS line, f.line AS first_line FROM ocr_rows r JOIN ocr_rows f ON f.file_id = r.file_id AND f.record = r.duplicate_of
     WHERE r.file_id = $fileId ORDER BY r.record`,
    { fileId },
  );
  await connection.run(`DROP TABLE ${PARSED}`);
  return {
    loaded: n('loaded'),
    repaired: n('repaired'),
    invalid,
    tally: {
      entityDamaged: n('entity_damaged'),
      descriptionDamaged: n('description_damaged'),
      descriptionNullMarker: n('description_null_marker'),
      descriptionMultiline: n('description_multiline'),
      blankCount: n('blank_count'),
      blankState: n('blank_state'),
      blankEntityType: n('blank_entity_type'),
      blankBreachType: n('blank_breach_type'),
      blankLocation: n('blank_location'),
      blankBusinessAssociate: n('blank_business_associate'),
      unknownBusinessAssociate: n('unknown_business_associate'),
    },
    duplicates: dupReader.getRowObjectsJS().map((r) => [Number(r.line), Number(r.first_line)] as [number, number]),
  };
}
