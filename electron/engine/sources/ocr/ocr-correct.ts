import { WorkbenchError } from '../../../../shared/errors';
import type { Database } from '../../db/database';
import { mergeOcrSnapshots, type MergeSummary } from './ocr-merge';
import { decideSnapshot, type OcrSnapshot, type OcrSnapshotOverrides } from './ocr-snapshot';
import { refreshOcrBreaches } from './ocr-view';

/**
 * Corrects the list or snapshot date of a file already imported, without reading it again: its rows,
 * its `ocr_files` and `bw_files` rows change, and the cases are re-merged, in one transaction.
 */
export async function reviseOcrSnapshot(db: Database, fileId: string, overrides: OcrSnapshotOverrides): Promise<{ snapshot: OcrSnapshot; merge: MergeSummary }> {
  return db.transaction(async (connection) => {
    const reader = await connection.runAndReadAll(
      `SELECT f.name, strftime(f.latest_submission, '%Y-%m-%d') AS latest,
              (SELECT count(*) FROM ocr_rows r WHERE r.file_id = f.file_id AND r.description IS NOT NULL) AS described
       FROM ocr_files f WHERE f.file_id = $fileId`,
      { fileId },
    );
    const file = reader.getRowObjectsJS()[0];
    if (!file) throw new WorkbenchError({ code: 'not_found', message: `No OCR file with id ${fileId} has been imported.` });
    const snapshot = decideSnapshot(
      { fileName: String(file.name), describedRows: Number(file.described), latestSubmission: (file.latest as string | null) ?? null },
      overrides,
    );
    const params = { fileId, list: snapshot.list, snapshotDate: snapshot.snapshotDate };
    await connection.run(
      `UPDATE ocr_files SET list = $list, snapshot_date = CAST($snapshotDate AS DATE), list_basis = $listBasis, snapshot_basis = $snapshotBasis WHERE file_id = $fileId`,
      { ...params, listBasis: snapshot.listBasis, snapshotBasis: snapshot.snapshotBasis },
    );
    await connection.run(`UPDATE ocr_rows SET list = $list, snapshot_date = CAST($snapshotDate AS DATE) WHERE file_id = $fileId`, params);
    await connection.run(
      `UPDATE bw_files SET kind = 'ocr-' || $list, snapshot_date = CAST($snapshotDate AS DATE),
         notes = list_append(notes, 'Corrected by user: ' || $list || ' list, snapshot ' || $snapshotDate || '.')
       WHERE file_id = $fileId`,
      params,
    );
    const merge = await mergeOcrSnapshots(connection);
    await refreshOcrBreaches(connection);
    return { snapshot, merge };
  });
}
