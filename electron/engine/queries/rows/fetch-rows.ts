import type { ApiParsedRequest, FetchRowsResult } from '../../../../shared/api';
import type { Database } from '../../db/database';
import { provenanceFor } from '../provenance';
import { sqlError } from '../read-only-sql';
import { buildRowQuery } from './row-query';

/**
 * One page of the rows behind a number, as Arrow, with the count of every matching row and the
 * people they affected (so the grid can show "1,204 breaches, 3.1 million people" and a test can
 * hold it against the chart it came from).
 */
export async function fetchRows(db: Database, request: ApiParsedRequest<'fetchRows'>): Promise<FetchRowsResult> {
  const query = buildRowQuery(request);
  const started = performance.now();
  const connection = await db.connect();
  try {
    const page = await db.arrow(query.page.sql, query.page.params, connection).catch((error: unknown) => {
      throw sqlError(error);
    });
    let totalRows: number | null = null;
    let totalPeople: number | null = null;
    if (request.totals) {
      const reader = await connection.runAndReadAll(query.totals.sql, query.totals.params);
      const [row] = reader.getRowObjectsJS() as { total_rows: bigint; total_people: bigint | number | null }[];
      totalRows = Number(row?.total_rows ?? 0);
      totalPeople = row?.total_people === null || row?.total_people === undefined ? null : Number(row.total_people);
    }
    const provenance = await provenanceFor(db, sourcesRead(request));
    return {
      arrow: page.bytes,
      offset: request.offset,
      totalRows,
      totalPeople,
      meta: {
        sql: query.page.sql,
        params: Object.values(query.page.params).map((v) => (typeof v === 'bigint' ? Number(v) : (v as string | number | boolean | null))),
        rowCount: page.rowCount,
        ...provenance,
        ruleVersions: [],
        elapsedMs: performance.now() - started,
        truncated: totalRows !== null && request.offset + page.rowCount < totalRows,
      },
    };
  } finally {
    connection.closeSync();
  }
}

/** The sources the rows can come from: every restriction that names sources narrows it (empty means all). */
function sourcesRead(request: ApiParsedRequest<'fetchRows'>): string[] {
  const restrictions = [request.filters.sources, request.drill.also.sources, request.drill.cases.map((c) => c.source)].filter((list) => list.length > 0);
  if (restrictions.length === 0) return [];
  const [first, ...rest] = restrictions;
  const narrowed = [...new Set(first)].filter((s) => rest.every((list) => list.includes(s)));
  // Nothing in common: no row can match; cite nothing rather than every source.
  return narrowed.length ? narrowed : ['(none)'];
}
