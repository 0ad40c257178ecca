import type { Caveat } from '../../../shared/api';
import type { Database } from '../db/database';
import { caveatsOf } from '../queries/provenance';
import type { SourceCatalog, SourceCitation } from '../reports/source-catalog';

/** A file behind an export: the name a person can find again, and the snapshot it holds. */
export interface ProvenanceFile {
  sourceId: string;
  name: string;
  snapshotDate: string | null;
  sha256: string;
  rowsLoaded: number;
  importedAt: string;
}

/** What every export carries so that a number in it can be traced to a query, a file and a date. */
export interface ExportProvenance {
  sql: string;
  sources: SourceCitation[];
  files: ProvenanceFile[];
  /** What the sources cannot show (OCR counts after its last archive are lower bounds). */
  caveats: Caveat[];
  madeAt: string;
  appVersion: string;
}

/**
 * The files of the given record sources (empty: every registered record source), with the citation of
 * each source. Read from `bw_files`, which every import writes in the same transaction as its rows.
 */
export async function sourceFiles(db: Database, sourceIds: readonly string[]): Promise<ProvenanceFile[]> {
  const rows = await db.rows<{
    source_id: string; name: string; snapshot_date: string | null; sha256: string; rows_loaded: bigint; imported_at: string;
  }>(
    `SELECT f.source_id, f.name, strftime(f.snapshot_date, '%Y-%m-%d') AS snapshot_date, f.sha256, f.rows_loaded,
            strftime(f.imported_at, '%Y-%m-%d %H:%M:%S') AS imported_at
     FROM bw_files f
     WHERE (len(CAST($sources AS VARCHAR[])) = 0 AND f.source_id IN (SELECT source_id FROM bw_record_sources))
        OR list_contains(CAST($sources AS VARCHAR[]), f.source_id)
     ORDER BY f.source_id, f.snapshot_date NULLS LAST, f.name`,
    { sources: JSON.stringify(sourceIds) },
  );
  return rows.map((r) => ({
    sourceId: r.source_id,
    name: r.name,
    snapshotDate: r.snapshot_date,
    sha256: r.sha256,
    rowsLoaded: Number(r.rows_loaded),
    importedAt: r.imported_at,
  }));
}

export async function registeredTitles(db: Database): Promise<Map<string, string>> {
  const rows = await db.rows<{ source_id: string; title: string }>(`SELECT source_id, title FROM bw_record_sources`);
  return new Map(rows.map((r) => [r.source_id, r.title]));
}

export async function exportProvenance(
  db: Database,
  catalog: SourceCatalog,
  query: { citedSql: string; sourceIds: readonly string[] },
  appVersion: string,
  now = new Date(),
): Promise<ExportProvenance> {
  const files = await sourceFiles(db, query.sourceIds);
  const titles = await registeredTitles(db);
  const ids = [...new Set(files.map((f) => f.sourceId))];
  return {
    sql: query.citedSql,
    sources: ids.map((id) => catalog.cite(id, titles.get(id))),
    files,
    caveats: await caveatsOf(db, ids),
    madeAt: now.toISOString(),
    appVersion,
  };
}

/** Provenance as lines of text: the XLSX "About" sheet and the CLI's summary. */
export function provenanceLines(p: ExportProvenance): [string, string][] {
  const lines: [string, string][] = [
    ['Made by', `Breach Workbench ${p.appVersion}`],
    ['Made at', p.madeAt],
    ['Query', p.sql],
  ];
  for (const s of p.sources) {
    lines.push(['Source', [s.title, s.publisher, s.url, s.licence ? `licence: ${s.licence}` : null].filter(Boolean).join(' | ')]);
  }
  for (const f of p.files) {
    lines.push(['File', `${f.name} (${f.sourceId}${f.snapshotDate ? `, snapshot ${f.snapshotDate}` : ''}, ${f.rowsLoaded} rows, sha256 ${f.sha256})`]);
  }
  if (p.files.length === 0) lines.push(['Files', 'none: no source files are loaded in this workspace']);
  for (const caveat of p.caveats) lines.push(['Note', `${caveat.summary} ${caveat.detail}`]);
  return lines;
}
