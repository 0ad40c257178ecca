import type { Database } from '../../db/database';

export interface CaseRevision {
  field: string;
  oldValue: string | null;
  newValue: string | null;
  fromSnapshot: string;
  toSnapshot: string;
  fromFile: string;
  toFile: string;
}

/** Every value OCR changed in one case, oldest first, with the files on either side. */
export async function caseRevisions(db: Database, caseId: string): Promise<CaseRevision[]> {
  const rows = await db.rows<Record<string, string | null>>(
    `SELECT r.field, r.old_value, r.new_value, strftime(r.from_snapshot, '%Y-%m-%d') AS from_snapshot, strftime(r.to_snapshot, '%Y-%m-%d') AS to_snapshot,
            ff.name AS from_file, tf.name AS to_file
     FROM ocr_revisions r JOIN ocr_files ff ON ff.file_id = r.from_file_id JOIN ocr_files tf ON tf.file_id = r.to_file_id
     WHERE r.case_id = $caseId ORDER BY r.to_snapshot, r.field`,
    { caseId },
  );
  return rows.map((r) => ({
    field: String(r.field),
    oldValue: r.old_value ?? null,
    newValue: r.new_value ?? null,
    fromSnapshot: String(r.from_snapshot),
    toSnapshot: String(r.to_snapshot),
    fromFile: String(r.from_file),
    toFile: String(r.to_file),
  }));
}

export interface CaseSighting {
  snapshotDate: string;
  list: string;
  file: string;
  line: number;
  entity: string;
  recordsAffected: number | null;
  linkRule: string | null;
}

/** Where a case was seen: one row per snapshot, naming the file and line that stand for it. */
export async function caseSightings(db: Database, caseId: string): Promise<CaseSighting[]> {
  const rows = await db.rows<Record<string, unknown>>(
    `SELECT strftime(cr.snapshot_date, '%Y-%m-%d') AS snapshot_date, cr.list, f.name AS file, r.line, r.entity, r.records_affected, cr.link_rule
     FROM ocr_case_rows cr JOIN ocr_rows r USING (file_id, record) JOIN ocr_files f USING (file_id)
     WHERE cr.case_id = $caseId ORDER BY cr.snapshot_date`,
    { caseId },
  );
  return rows.map((r) => ({
    snapshotDate: String(r.snapshot_date),
    list: String(r.list),
    file: String(r.file),
    line: Number(r.line),
    entity: String(r.entity),
    recordsAffected: r.records_affected === null ? null : Number(r.records_affected),
    linkRule: (r.link_rule as string | null) ?? null,
  }));
}

export interface OcrFileInfo {
  fileId: string;
  name: string;
  list: string;
  listBasis: string;
  snapshotDate: string;
  snapshotBasis: string;
  headerMode: string;
  encoding: string;
}

/** The imported exports with how their list and snapshot date were decided (for the correction UI). */
export async function listOcrFiles(db: Database): Promise<OcrFileInfo[]> {
  const exists = await db.value<bigint>(`SELECT count(*) FROM duckdb_tables() WHERE table_name = 'ocr_files' AND schema_name = 'main'`);
  if (!exists) return [];
  const rows = await db.rows<Record<string, string>>(
    `SELECT file_id, name, list, list_basis, strftime(snapshot_date, '%Y-%m-%d') AS snapshot_date, snapshot_basis, header_mode, encoding
     FROM ocr_files ORDER BY snapshot_date, list, name`,
  );
  return rows.map((r) => ({
    fileId: r.file_id!,
    name: r.name!,
    list: r.list!,
    listBasis: r.list_basis!,
    snapshotDate: r.snapshot_date!,
    snapshotBasis: r.snapshot_basis!,
    headerMode: r.header_mode!,
    encoding: r.encoding!,
  }));
}
