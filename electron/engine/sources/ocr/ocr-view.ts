import type { DuckDBConnection } from '@duckdb/node-api';
import {
  ensureClassificationTables,
  OVERRIDE_RULE,
  registerClassificationTarget,
  registerClassifiedCopy,
  type ClassificationTarget,
} from '../../classification';
import { registerRecordSource } from '../../workspace/breaches-view';
import { sqlLiteral } from './ocr-text';

export const OCR_SOURCE_ID = 'ocr';
/** The OCR source's rows in `breaches`: a table, refreshed from `ocr_breaches_live` (see refreshOcrBreaches). */
export const OCR_VIEW = 'ocr_breaches';
export const OCR_LIVE_VIEW = 'ocr_breaches_live';

export const OCR_CLASSIFICATION: ClassificationTarget = {
  sourceId: OCR_SOURCE_ID,
  relation: 'ocr_cases',
  output: 'ocr_classification',
  columns: {
    id: 'case_id',
    breachTypes: 'breach_types',
    locations: 'locations',
    entityType: 'entity_type',
    businessAssociate: 'business_associate',
    description: 'description',
  },
};

/**
 * `ocr_breaches_live`: the merged cases in the canonical columns, then extras the canonical view drops
 * but the SQL console may use (confidence, threat rule, list, revisions). A person's override in
 * `classification_overrides` beats the rules. OCR has no incident date and only US entities.
 */
const LIVE_SELECT = `SELECT 'ocr' AS source, c.case_id, c.entity, c.entity_type, 'US' AS country, c.state, c.reported_date,
       CAST(NULL AS DATE) AS incident_date, c.records_affected, c.breach_types, c.locations, c.business_associate,
       coalesce(o.actor, k.actor) AS actor,
       CASE WHEN o.actor IS NOT NULL THEN [o.actor] ELSE k.actors END AS actors,
       CASE WHEN o.actor IS NOT NULL THEN ${sqlLiteral(OVERRIDE_RULE)} ELSE k.actor_rule END AS actor_rule,
       coalesce(o.threat, k.threat) AS threat,
       c.description, c.first_seen, c.last_seen,
       CASE WHEN o.actor IS NOT NULL THEN 1.0 ELSE k.actor_confidence END AS actor_confidence,
       CASE WHEN o.threat IS NOT NULL THEN ${sqlLiteral(OVERRIDE_RULE)} ELSE k.threat_rule END AS threat_rule,
       CASE WHEN o.threat IS NOT NULL THEN 1.0 ELSE k.threat_confidence END AS threat_confidence,
       c.list, c.snapshots, c.revisions, c.text_source
     FROM ocr_cases c
     LEFT JOIN ocr_classification k USING (case_id)
     LEFT JOIN classification_overrides o USING (case_id)`;

/**
 * Re-classifies the merged cases and rewrites `ocr_breaches`, the table `breaches` reads: a copy of
 * `ocr_breaches_live`, so that every chart reads stored rows instead of joining cases, verdicts and
 * overrides again. The classification refreshes the copy whenever the rules or an override change
 * (classification/classify.ts); call this after every merge, inside the same transaction.
 */
export async function refreshOcrBreaches(connection: DuckDBConnection): Promise<void> {
  await ensureClassificationTables(connection);
  await registerClassificationTarget(connection, OCR_CLASSIFICATION);
  await connection.run(`CREATE OR REPLACE VIEW ${OCR_LIVE_VIEW} AS ${LIVE_SELECT}`);
  await registerClassifiedCopy(connection, { sourceId: OCR_SOURCE_ID, table: OCR_VIEW, view: OCR_LIVE_VIEW });
  await registerRecordSource(connection, { sourceId: OCR_SOURCE_ID, viewName: OCR_VIEW, title: 'HHS OCR breach portal', kind: 'ocr' });
}

/**
 * Workspaces written before `ocr_breaches` was a table hold it as the view that is now
 * `ocr_breaches_live`: on open, the view is replaced by its copy (once; a few thousand rows).
 */
export async function upgradeOcrBreachesView(connection: DuckDBConnection): Promise<void> {
  const reader = await connection.runAndReadAll(
    `SELECT (SELECT count(*) FROM duckdb_views() WHERE database_name = current_database() AND schema_name = 'main' AND view_name = $view) AS legacy,
            (SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = 'ocr_classification') AS classified`,
    { view: OCR_VIEW },
  );
  const row = reader.getRowObjectsJS()[0];
  if (Number(row?.legacy ?? 0) === 0 || Number(row?.classified ?? 0) === 0) return;
  await connection.run('BEGIN TRANSACTION');
  try {
    await connection.run(`CREATE OR REPLACE VIEW ${OCR_LIVE_VIEW} AS ${LIVE_SELECT}`);
    await registerClassifiedCopy(connection, { sourceId: OCR_SOURCE_ID, table: OCR_VIEW, view: OCR_LIVE_VIEW });
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
