import type { RejectsPage } from '../../../shared/api';
import type { Database } from '../db/database';

/** The latest import of a file with this name: re-importing a file replaces its rejects, so older ones are gone anyway. */
const LATEST_FILE = `(SELECT file_id FROM bw_files WHERE name = $file ORDER BY imported_at DESC LIMIT 1)`;

/**
 * What did not fit when a file was imported, for the import report: counts by reason and column,
 * then the rejects themselves in file order, a page at a time. On its own connection, so the
 * window can read them while another import holds the main one.
 */
export async function listRejects(db: Database, request: { file: string; offset: number; limit: number }): Promise<RejectsPage> {
  const connection = await db.connect();
  try {
    const params = { file: request.file };
    const reasons = (
      await connection.runAndReadAll(
        `SELECT reason, "column", count(*) AS n FROM bw_rejects WHERE file_id = ${LATEST_FILE}
         GROUP BY ALL ORDER BY n DESC, reason, "column" NULLS FIRST`,
        params,
      )
    ).getRowObjectsJS() as { reason: string; column: string | null; n: bigint }[];
    const rows = (
      await connection.runAndReadAll(
        `SELECT line, "column", value, reason FROM bw_rejects WHERE file_id = ${LATEST_FILE}
         ORDER BY line NULLS FIRST, "column", reason LIMIT $limit OFFSET $offset`,
        { ...params, limit: request.limit, offset: request.offset },
      )
    ).getRowObjectsJS() as { line: bigint | null; column: string | null; value: string | null; reason: string }[];
    return {
      file: request.file,
      total: reasons.reduce((n, r) => n + Number(r.n), 0),
      reasons: reasons.map((r) => ({ reason: r.reason, column: r.column, count: Number(r.n) })),
      rows: rows.map((r) => ({ line: r.line === null ? null : Number(r.line), column: r.column, value: r.value, reason: r.reason })),
      offset: request.offset,
    };
  } finally {
    connection.closeSync();
  }
}
