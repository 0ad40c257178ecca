import type { CaseHistory } from '../../../../shared/api';
import { WorkbenchError } from '../../../../shared/errors';
import type { Database } from '../../db/database';

const OCR_HISTORY_TABLES = ['ocr_case_rows', 'ocr_files', 'ocr_rows', 'ocr_revisions'];

type Row = Record<string, unknown>;

/**
 * A case's history: the snapshots it appears in (file and line in each) and every value OCR revised
 * between them. Only the OCR source keeps snapshots; for other sources the answer says so.
 */
export async function caseHistory(db: Database, source: string, caseId: string): Promise<CaseHistory> {
  const [record] = await db.rows<Row>(
    `SELECT entity, strftime(first_seen, '%Y-%m-%d') AS first_seen, strftime(last_seen, '%Y-%m-%d') AS last_seen
     FROM breaches WHERE source = $source AND case_id = $caseId LIMIT 1`,
    { source, caseId },
  );
  if (!record) throw new WorkbenchError({ code: 'not_found', message: `There is no record ${caseId} in source ${source}.` });
  const history: CaseHistory = {
    source,
    caseId,
    entity: text(record.entity),
    firstSeen: text(record.first_seen),
    lastSeen: text(record.last_seen),
    snapshots: [],
    revisions: [],
    note: null,
  };
  if (source !== 'ocr') return { ...history, note: 'This source keeps one version of each record: there are no snapshots to compare.' };
  if (!(await hasTables(db, OCR_HISTORY_TABLES))) return { ...history, note: 'No OCR snapshots are loaded in this workspace.' };

  const snapshots = await db.rows<Row>(
    `SELECT strftime(cr.snapshot_date, '%Y-%m-%d') AS snapshot_date, cr.list, f.name AS file, r.line, r.entity, r.records_affected
     FROM ocr_case_rows cr
     LEFT JOIN ocr_files f ON f.file_id = cr.file_id
     LEFT JOIN ocr_rows r ON r.file_id = cr.file_id AND r.record = cr.record
     WHERE cr.case_id = $caseId
     ORDER BY cr.snapshot_date, cr.list`,
    { caseId },
  );
  const revisions = await db.rows<Row>(
    `SELECT v.field, v.old_value, v.new_value,
            strftime(v.from_snapshot, '%Y-%m-%d') AS from_snapshot, strftime(v.to_snapshot, '%Y-%m-%d') AS to_snapshot,
            ff.name AS from_file, tf.name AS to_file
     FROM ocr_revisions v
     LEFT JOIN ocr_files ff ON ff.file_id = v.from_file_id
     LEFT JOIN ocr_files tf ON tf.file_id = v.to_file_id
     WHERE v.case_id = $caseId
     ORDER BY v.to_snapshot, v.field`,
    { caseId },
  );
  return {
    ...history,
    snapshots: snapshots.map((s) => ({
      snapshotDate: String(s.snapshot_date),
      list: text(s.list),
      file: text(s.file),
      line: s.line === null || s.line === undefined ? null : Number(s.line),
      entity: text(s.entity),
      recordsAffected: s.records_affected === null || s.records_affected === undefined ? null : Number(s.records_affected),
    })),
    revisions: revisions.map((v) => ({
      field: String(v.field),
      oldValue: text(v.old_value),
      newValue: text(v.new_value),
      fromSnapshot: String(v.from_snapshot),
      toSnapshot: String(v.to_snapshot),
      fromFile: text(v.from_file),
      toFile: text(v.to_file),
    })),
    note: snapshots.length ? null : 'This case is not linked to any loaded snapshot.',
  };
}

async function hasTables(db: Database, names: string[]): Promise<boolean> {
  const found = await db.value<bigint>(
    `SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND list_contains(CAST($names AS VARCHAR[]), table_name)`,
    { names: JSON.stringify(names) },
  );
  return Number(found ?? 0) === names.length;
}

function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
