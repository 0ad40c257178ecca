import type { DuckDBConnection } from '@duckdb/node-api';
import { WorkbenchError } from '../../../shared/errors';
import { bumpDataVersion } from '../db/data-version';
import { quoteIdentifier } from '../db/sql-identifiers';
import { ensureClassificationTables } from './classification-tables';
import { compileActorRules, compileThreatRules, type ClassifiedColumns } from './rule-sql';
import { activeRuleSets, type ActiveRuleSets } from './rule-store';

/**
 * A relation to classify (one per record source) and the table its verdicts go to:
 * `<output>(case_id, actor, actors, actor_rule, actor_confidence, threat, threat_rule, threat_confidence)`.
 * Overrides are not applied here; the source's canonical view applies them (so an override needs no
 * re-classification).
 */
export interface ClassificationTarget {
  sourceId: string;
  relation: string;
  output: string;
  columns: ClassifiedColumns;
}

const ENGINE_NAME = /^[a-z][a-z0-9_]{0,62}$/;

function checkNames(target: ClassificationTarget): void {
  for (const name of [target.relation, target.output, ...Object.values(target.columns)]) {
    if (!ENGINE_NAME.test(name)) throw new WorkbenchError({ code: 'internal', message: `"${name}" is not a table or column name the engine writes.` });
  }
}

function quotedColumns(columns: ClassifiedColumns): ClassifiedColumns {
  return {
    id: quoteIdentifier(columns.id),
    breachTypes: quoteIdentifier(columns.breachTypes),
    locations: quoteIdentifier(columns.locations),
    entityType: quoteIdentifier(columns.entityType),
    businessAssociate: quoteIdentifier(columns.businessAssociate),
    description: quoteIdentifier(columns.description),
  };
}

/** Remembers a target so that a rule change re-classifies it; then classifies it. */
export async function registerClassificationTarget(connection: DuckDBConnection, target: ClassificationTarget): Promise<void> {
  checkNames(target);
  await ensureClassificationTables(connection);
  await connection.run(`DELETE FROM classification_targets WHERE source_id = $sourceId`, { sourceId: target.sourceId });
  await connection.run(`INSERT INTO classification_targets VALUES ($sourceId, $relation, $output, $columns)`, {
    sourceId: target.sourceId,
    relation: target.relation,
    output: target.output,
    columns: JSON.stringify(target.columns),
  });
  await classifyTarget(connection, target);
}

/** Rebuilds the target's verdict table with the active rules: a few SQL statements over the whole relation. */
export async function classifyTarget(connection: DuckDBConnection, target: ClassificationTarget, sets?: ActiveRuleSets): Promise<void> {
  checkNames(target);
  const rules = sets ?? (await activeRuleSets(connection));
  const relation = quoteIdentifier(target.relation);
  const columns = quotedColumns(target.columns);
  const actor = compileActorRules(rules.actor, relation, columns);
  const threat = compileThreatRules(rules.threat, relation, columns);
  const threatParams = Object.fromEntries(Object.entries(threat.params).map(([k, v]) => [`t_${k}`, v]));
  const threatSql = threat.sql.replace(/\$r(\d+)/g, (_, n: string) => `$t_r${n}`);
  await connection.run(
    `CREATE OR REPLACE TABLE ${quoteIdentifier(target.output)} AS
     SELECT a.id AS case_id, a.actor, a.actors, a.actor_rule, CAST(a.actor_confidence AS DOUBLE) AS actor_confidence,
            t.threat, t.threat_rule, CAST(t.threat_confidence AS DOUBLE) AS threat_confidence
     FROM (${actor.sql}) a JOIN (${threatSql}) t USING (id)`,
    { ...actor.params, ...threatParams },
  );
  await refreshClassifiedCopies(connection, target.sourceId);
}

/** Re-classifies every registered target, e.g. after the rules changed. */
export async function reclassifyAll(connection: DuckDBConnection): Promise<number> {
  await ensureClassificationTables(connection);
  const reader = await connection.runAndReadAll(`SELECT source_id, relation, output, columns FROM classification_targets ORDER BY source_id`);
  const sets = await activeRuleSets(connection);
  const targets = reader.getRowObjectsJS();
  let count = 0;
  for (const row of targets) {
    await classifyTarget(
      connection,
      { sourceId: String(row.source_id), relation: String(row.relation), output: String(row.output), columns: JSON.parse(String(row.columns)) as ClassifiedColumns },
      sets,
    );
    count += 1;
  }
  // The rule versions charts cite changed even where no record did.
  await bumpDataVersion(connection, targets.map((t) => String(t.source_id)));
  return count;
}

/**
 * A table that holds a copy of `view` (a view over a source's verdicts and the overrides), refreshed
 * whenever either changes (`refreshClassifiedCopies`). Remembers it, then refreshes it.
 */
export interface ClassifiedCopy {
  sourceId: string;
  table: string;
  view: string;
}

export async function registerClassifiedCopy(connection: DuckDBConnection, copy: ClassifiedCopy): Promise<void> {
  for (const name of [copy.table, copy.view]) {
    if (!ENGINE_NAME.test(name)) throw new WorkbenchError({ code: 'internal', message: `"${name}" is not a table or view name the engine writes.` });
  }
  await ensureClassificationTables(connection);
  await connection.run(`DELETE FROM classification_copies WHERE table_name = $table`, { table: copy.table });
  await connection.run(`INSERT INTO classification_copies VALUES ($sourceId, $table, $view)`, { sourceId: copy.sourceId, table: copy.table, view: copy.view });
  await refreshCopy(connection, copy.table, copy.view);
  await bumpDataVersion(connection, [copy.sourceId]);
}

/**
 * Rewrites the copies of a source (or of every source) from their views. Called by every change of
 * verdicts (`classifyTarget`) and of overrides, inside the caller's transaction, so a copy never shows
 * another state than its view would.
 */
export async function refreshClassifiedCopies(connection: DuckDBConnection, sourceId?: string): Promise<void> {
  await ensureClassificationTables(connection);
  const reader = await connection.runAndReadAll(
    `SELECT source_id, table_name, view_name FROM classification_copies WHERE $sourceId IS NULL OR source_id = $sourceId ORDER BY table_name`,
    { sourceId: sourceId ?? null },
  );
  const copies = reader.getRowObjectsJS();
  for (const row of copies) await refreshCopy(connection, String(row.table_name), String(row.view_name));
  if (copies.length > 0) await bumpDataVersion(connection, copies.map((c) => String(c.source_id)));
}

/** Every source whose rows a person's override can change: those classified, and those with a copy. */
export async function classifiedSources(connection: DuckDBConnection): Promise<string[]> {
  await ensureClassificationTables(connection);
  const reader = await connection.runAndReadAll(
    `SELECT source_id FROM classification_targets UNION SELECT source_id FROM classification_copies ORDER BY 1`,
  );
  return reader.getRowObjectsJS().map((r) => String(r.source_id));
}

async function refreshCopy(connection: DuckDBConnection, table: string, view: string): Promise<void> {
  // Workspaces written before copies existed have a view of the copy's name; it becomes the table.
  const legacy = await connection.runAndReadAll(
    `SELECT count(*) AS n FROM duckdb_views() WHERE database_name = current_database() AND schema_name = 'main' AND view_name = $table`,
    { table },
  );
  if (Number(legacy.getRowObjectsJS()[0]?.n ?? 0) > 0) await connection.run(`DROP VIEW ${quoteIdentifier(table)}`);
  await connection.run(`CREATE OR REPLACE TABLE ${quoteIdentifier(table)} AS SELECT * FROM ${quoteIdentifier(view)}`);
}
