import type { Database } from '../db/database';
import { reclassifyAll } from './classify';
import { activeRuleSets, readActiveRuleSets, storeRuleSet, validateRuleSet, type RuleSetKind } from './rule-store';

export { ACTOR_RULES, ACTOR_RULES_VERSION, DEFAULT_ACTOR_RULE_SET } from './actor-rules';
export { THREAT_RULES, THREAT_RULES_VERSION, DEFAULT_THREAT_RULE_SET } from './threat-rules';
export {
  classifyTarget,
  reclassifyAll,
  refreshClassifiedCopies,
  registerClassificationTarget,
  registerClassifiedCopy,
  type ClassificationTarget,
  type ClassifiedCopy,
} from './classify';
export { ensureClassificationTables } from './classification-tables';
export { activeRuleSets, type ActiveRuleSets, type RuleSetKind } from './rule-store';
export {
  clearClassificationOverride,
  listClassificationOverrides,
  OVERRIDE_RULE,
  setClassificationOverride,
  type ClassificationOverride,
  type StoredOverride,
} from './overrides';
export type { ActorRule, ActorRuleSet, RuleCondition, ThreatRule, ThreatRuleSet } from './rule-types';
export { actorRuleSetSchema, threatRuleSetSchema } from './rule-types';
export type { ClassifiedColumns } from './rule-sql';

/**
 * Replaces the built-in actor or threat rules with a user's set (stored in the workspace), or with
 * `null` goes back to the built-in ones; every classified source is re-classified in the same
 * transaction. Returns the version now in force.
 */
export async function setClassificationRules(db: Database, kind: RuleSetKind, input: unknown | null): Promise<string> {
  const set = input === null ? null : await db.exclusive((c) => validateRuleSet(c, kind, input));
  return db.transaction(async (connection) => {
    await storeRuleSet(connection, kind, set);
    await reclassifyAll(connection);
    const active = await activeRuleSets(connection);
    return kind === 'actor' ? active.actor.version : active.threat.version;
  });
}

/**
 * The rule versions in force, for a chart's provenance: `['actor-rules/1.0.0', 'hicp-threat-rules/1.0.0']`.
 * Read beside the write queue, so a chart does not wait behind an import for its citation.
 */
export async function classificationRuleVersions(db: Database): Promise<string[]> {
  const sets = await db.read((c) => readActiveRuleSets(c));
  return [sets.actor.version, sets.threat.version];
}
