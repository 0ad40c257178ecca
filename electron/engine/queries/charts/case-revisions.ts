import type { ChartQuery } from '../chart-query';
import { chartParam } from './chart-params';

/**
 * Every value OCR changed in one case between snapshots (OCR cases only), oldest first, with the files
 * on either side. The app filters do not apply: the case is chosen by its id.
 */
export const caseRevisions: ChartQuery = {
  id: 'case_revisions',
  title: 'Revisions of a case',
  units: 'changes',
  params: [{ name: 'case_id', type: 'string', required: true, min: 1, max: 500, description: 'the case id, e.g. ocr:2024-07-19:MN:changehealthcareinc' }],
  build(_filters, params) {
    return {
      sql: `SELECT r.case_id, r.field, r.old_value, r.new_value, r.from_snapshot, r.to_snapshot, ff.name AS from_file, tf.name AS to_file
            FROM ocr_revisions r
            LEFT JOIN ocr_files ff ON ff.file_id = r.from_file_id
            LEFT JOIN ocr_files tf ON tf.file_id = r.to_file_id
            WHERE r.case_id = $caseId
            ORDER BY r.to_snapshot, r.field`,
      params: { caseId: chartParam<string>(params, caseRevisions, 'case_id') },
    };
  },
};
