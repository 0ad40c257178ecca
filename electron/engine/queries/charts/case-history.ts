import type { ChartQuery } from '../chart-query';
import { chartParam } from './chart-params';

/**
 * One OCR case as each snapshot showed it (a line chart of its count over time), with the file and
 * line that stand for it. The app filters do not apply.
 */
export const caseHistory: ChartQuery = {
  id: 'case_history',
  title: 'A case in each snapshot',
  units: 'people affected',
  params: [{ name: 'case_id', type: 'string', required: true, min: 1, max: 500, description: 'the case id, e.g. ocr:2024-07-19:MN:changehealthcareinc' }],
  build(_filters, params) {
    return {
      sql: `SELECT cr.case_id, cr.snapshot_date, cr.list, f.name AS file, r.line, r.entity, r.state, r.reported_date,
                   r.records_affected, r.breach_types, r.locations, r.business_associate, cr.link_rule
            FROM ocr_case_rows cr
            JOIN ocr_rows r USING (file_id, record)
            LEFT JOIN ocr_files f USING (file_id)
            WHERE cr.case_id = $caseId
            ORDER BY cr.snapshot_date`,
      params: { caseId: chartParam<string>(params, caseHistory, 'case_id') },
    };
  },
};
