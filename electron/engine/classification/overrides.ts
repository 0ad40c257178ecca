import { z } from 'zod';
import { ACTORS, HICP_THREATS } from '../../../shared/schema';
import { WorkbenchError } from '../../../shared/errors';
import { bumpDataVersion } from '../db/data-version';
import type { Database } from '../db/database';
import { ensureClassificationTables } from './classification-tables';
import { classifiedSources, refreshClassifiedCopies } from './classify';

export const classificationOverrideSchema = z
  .object({
    caseId: z.string().min(1).max(500),
    /** null or absent: keep what the rules say for the actor. */
    actor: z.enum(ACTORS).nullable().optional(),
    threat: z.enum(HICP_THREATS).nullable().optional(),
    note: z.string().max(2000).optional(),
  })
  .strict();

export type ClassificationOverride = z.input<typeof classificationOverrideSchema>;

/** The rule id that views show in `actor_rule` for an overridden record. */
export const OVERRIDE_RULE = 'override#user';

/**
 * A person's verdict on one record; it beats every rule and survives re-imports and rule changes (it is
 * keyed by the stable case id). Setting neither actor nor threat removes the override.
 */
export async function setClassificationOverride(db: Database, input: ClassificationOverride): Promise<void> {
  const parsed = classificationOverrideSchema.safeParse(input);
  if (!parsed.success) {
    throw new WorkbenchError({ code: 'invalid_request', message: `Not a valid override: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` });
  }
  const { caseId, actor = null, threat = null, note = null } = parsed.data;
  await db.transaction(async (connection) => {
    await ensureClassificationTables(connection);
    const exists = await connection.runAndReadAll(`SELECT count(*) AS n FROM breaches WHERE case_id = $caseId`, { caseId });
    if (Number(exists.getRowObjectsJS()[0]?.n ?? 0) === 0) {
      throw new WorkbenchError({ code: 'not_found', message: `There is no record with case id "${caseId}".` });
    }
    await connection.run(`DELETE FROM classification_overrides WHERE case_id = $caseId`, { caseId });
    if (actor !== null || threat !== null) {
      await connection.run(`INSERT INTO classification_overrides (case_id, actor, threat, note) VALUES ($caseId, $actor, $threat, $note)`, {
        caseId,
        actor,
        threat,
        note,
      });
    }
    // Tables that copy a view over the overrides (ocr_breaches) must show the change too.
    await refreshClassifiedCopies(connection);
    await bumpDataVersion(connection, await classifiedSources(connection));
  });
}

export async function clearClassificationOverride(db: Database, caseId: string): Promise<void> {
  await setClassificationOverride(db, { caseId, actor: null, threat: null });
}

export interface StoredOverride {
  caseId: string;
  actor: string | null;
  threat: string | null;
  note: string | null;
  setAt: string;
}

export async function listClassificationOverrides(db: Database): Promise<StoredOverride[]> {
  return db.transaction(async (connection) => {
    await ensureClassificationTables(connection);
    const reader = await connection.runAndReadAll(
      `SELECT case_id, actor, threat, note, strftime(set_at, '%Y-%m-%dT%H:%M:%S') AS set_at FROM classification_overrides ORDER BY case_id`,
    );
    return reader.getRowObjectsJS().map((r) => ({
      caseId: String(r.case_id),
      actor: (r.actor as string | null) ?? null,
      threat: (r.threat as string | null) ?? null,
      note: (r.note as string | null) ?? null,
      setAt: String(r.set_at),
    }));
  });
}
