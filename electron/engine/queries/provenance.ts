import type { Caveat } from '../../../shared/api';
import type { Database } from '../db/database';
import { ocrCoverageCaveat } from '../sources/ocr/ocr-coverage';
import { OCR_SOURCE_ID } from '../sources/ocr/ocr-view';
import { DerivedData } from './derived-data';

export interface Provenance {
  sources: string[];
  files: string[];
  snapshotDates: string[];
  /** What the files cannot show and a reader must know before quoting a number (OCR's lower bounds). */
  caveats: Caveat[];
}

/**
 * The files and snapshot dates behind a result: every file of the sources the query could read.
 * `sourceIds` empty means all record sources (the query was not filtered by source). Read once per
 * state of the data and set of sources (see derived-data.ts): every chart of a dashboard cites the
 * same files.
 */
export async function provenanceFor(db: Database, sourceIds: readonly string[]): Promise<Provenance> {
  const key = `provenance:${JSON.stringify([...new Set(sourceIds)].sort())}`;
  const cited = await DerivedData.of(db).get(key, () => readProvenance(db, sourceIds));
  // Copies: callers may change what they are given; the cached answer stays as read.
  return { sources: [...cited.sources], files: [...cited.files], snapshotDates: [...cited.snapshotDates], caveats: cited.caveats.map((c) => ({ ...c })) };
}

async function readProvenance(db: Database, sourceIds: readonly string[]): Promise<Provenance> {
  const rows = await db.readRows<{ source_id: string; name: string; snapshot_date: string | null }>(
    `SELECT f.source_id, f.name, strftime(f.snapshot_date, '%Y-%m-%d') AS snapshot_date
     FROM bw_files f
     WHERE (len(CAST($sources AS VARCHAR[])) = 0 AND f.source_id IN (SELECT source_id FROM bw_record_sources))
        OR list_contains(CAST($sources AS VARCHAR[]), f.source_id)
     ORDER BY f.snapshot_date NULLS LAST, f.name`,
    { sources: JSON.stringify(sourceIds) },
  );
  const sources = [...new Set(rows.map((r) => r.source_id))];
  return {
    sources,
    files: rows.map((r) => r.name),
    snapshotDates: [...new Set(rows.map((r) => r.snapshot_date).filter((d): d is string => d !== null))].sort(),
    caveats: await caveatsOf(db, sources),
  };
}

/** What the given sources cannot show (see ResultMeta.caveats): for now OCR's lower bounds after its latest archive. */
export async function caveatsOf(db: Database, sourceIds: readonly string[]): Promise<Caveat[]> {
  const ocr = sourceIds.includes(OCR_SOURCE_ID) ? await ocrCoverageCaveat(db) : null;
  return ocr ? [ocr] : [];
}
