import type { Database } from '../../db/database';
import { ensureClassificationTables } from '../../classification';
import { ensureOcrTables } from './ocr-schema';
import { upgradeOcrBreachesView } from './ocr-view';

export { ocrPortalImporter } from './ocr-importer';
export { importOcrExport } from './ocr-import';
export { reviseOcrSnapshot } from './ocr-correct';
export { mergeOcrSnapshots, type MergeSummary } from './ocr-merge';
export { caseRevisions, caseSightings, listOcrFiles, type CaseRevision, type CaseSighting, type OcrFileInfo } from './ocr-cases';
export { OCR_LISTS, type OcrList, type OcrSnapshotOverrides } from './ocr-snapshot';
export { OCR_LIVE_VIEW, OCR_SOURCE_ID, OCR_VIEW } from './ocr-view';
export { OCR_TABLES } from './ocr-schema';

/**
 * Creates the OCR and classification tables (empty) if missing, so queries over `ocr_revisions` or
 * `classification_overrides` run in a workspace with no OCR import yet, and turns an older workspace's
 * `ocr_breaches` view into its table. Cheap and idempotent: a workspace seeder can call it on every open.
 */
export async function ensureOcrSchema(db: Database): Promise<void> {
  await db.exclusive(async (connection) => {
    await ensureOcrTables(connection);
    await ensureClassificationTables(connection);
    await upgradeOcrBreachesView(connection);
  });
}
