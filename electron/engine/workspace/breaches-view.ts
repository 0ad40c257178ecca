import type { DuckDBConnection } from '@duckdb/node-api';
import { CANONICAL_COLUMNS } from '../../../shared/schema';
import { quoteIdentifier } from '../db/sql-identifiers';

/** Every canonical column, cast, in contract order: each source view is projected through this. */
const CANONICAL_PROJECTION = CANONICAL_COLUMNS.map((c) => `CAST(${quoteIdentifier(c.name)} AS ${c.type}) AS ${quoteIdentifier(c.name)}`).join(', ');

/** One source's part of `breaches`: its view in the canonical columns (also what summaries of a source read). */
export function canonicalSelect(viewName: string): string {
  return `SELECT ${CANONICAL_PROJECTION} FROM ${quoteIdentifier(viewName)}`;
}

const EMPTY_SELECT = `SELECT ${CANONICAL_COLUMNS.map((c) => `CAST(NULL AS ${c.type}) AS ${quoteIdentifier(c.name)}`).join(', ')} WHERE false`;

export interface RecordSource {
  sourceId: string;
  viewName: string;
  title: string;
  kind: string;
}

/** Adds (or replaces) a record-level source and rebuilds `breaches`; call inside the import's transaction. */
export async function registerRecordSource(connection: DuckDBConnection, source: RecordSource): Promise<void> {
  await connection.run(
    `INSERT OR REPLACE INTO bw_record_sources VALUES ($sourceId, $viewName, $title, $kind)`,
    { sourceId: source.sourceId, viewName: source.viewName, title: source.title, kind: source.kind },
  );
  await rebuildBreachesView(connection);
}

export async function unregisterRecordSource(connection: DuckDBConnection, sourceId: string): Promise<void> {
  await connection.run(`DELETE FROM bw_record_sources WHERE source_id = $sourceId`, { sourceId });
  await rebuildBreachesView(connection);
}

/** `breaches` is the union of every registered source's canonical view, always with the same columns. */
export async function rebuildBreachesView(connection: DuckDBConnection): Promise<void> {
  const reader = await connection.runAndReadAll(`SELECT view_name FROM bw_record_sources ORDER BY source_id`);
  const views = reader.getRowObjectsJS().map((r) => String(r.view_name));
  const body = views.length ? views.map((v) => canonicalSelect(v)).join('\nUNION ALL\n') : EMPTY_SELECT;
  await connection.run(`CREATE OR REPLACE VIEW breaches AS\n${body}`);
}
