import type { DuckDBConnection } from '@duckdb/node-api';
import { WorkbenchError } from '../../../shared/errors';
import { DEFAULT_ACTOR_RULE_SET } from './actor-rules';
import { ensureClassificationTables } from './classification-tables';
import { DEFAULT_THREAT_RULE_SET } from './threat-rules';
import {
  actorRuleSetSchema,
  threatRuleSetSchema,
  type ActorRuleSet,
  type RuleCondition,
  type ThreatRuleSet,
} from './rule-types';

export interface ActiveRuleSets {
  actor: ActorRuleSet;
  threat: ThreatRuleSet;
  /** True where the user's set replaces the built-in one. */
  custom: { actor: boolean; threat: boolean };
}

/** The rule sets in force: the user's newest stored set per kind, else the built-in one. */
export async function activeRuleSets(connection: DuckDBConnection): Promise<ActiveRuleSets> {
  await ensureClassificationTables(connection);
  return readActiveRuleSets(connection);
}

/** `activeRuleSets` without creating the tables first: for read connections, in a workspace (whose seeding creates them). */
export async function readActiveRuleSets(connection: DuckDBConnection): Promise<ActiveRuleSets> {
  const reader = await connection.runAndReadAll(
    `SELECT kind, arg_max(rules, set_at) AS rules FROM classification_rule_sets GROUP BY kind`,
  );
  const stored = new Map(reader.getRowObjectsJS().map((r) => [String(r.kind), String(r.rules)]));
  const actorJson = stored.get('actor');
  const threatJson = stored.get('threat');
  return {
    actor: actorJson ? actorRuleSetSchema.parse(JSON.parse(actorJson)) : DEFAULT_ACTOR_RULE_SET,
    threat: threatJson ? threatRuleSetSchema.parse(JSON.parse(threatJson)) : DEFAULT_THREAT_RULE_SET,
    custom: { actor: actorJson !== undefined, threat: threatJson !== undefined },
  };
}

export type RuleSetKind = 'actor' | 'threat';

/**
 * Checks a user rule set: its shape, its own version (not the built-in one), unique rule ids, and every
 * pattern compiled by DuckDB's regex engine (RE2). Run it before the transaction that stores the set: a
 * failed statement aborts a DuckDB transaction.
 */
export async function validateRuleSet(connection: DuckDBConnection, kind: 'actor', input: unknown): Promise<ActorRuleSet>;
export async function validateRuleSet(connection: DuckDBConnection, kind: 'threat', input: unknown): Promise<ThreatRuleSet>;
export async function validateRuleSet(connection: DuckDBConnection, kind: RuleSetKind, input: unknown): Promise<ActorRuleSet | ThreatRuleSet>;
export async function validateRuleSet(connection: DuckDBConnection, kind: RuleSetKind, input: unknown): Promise<ActorRuleSet | ThreatRuleSet> {
  const parsed = kind === 'actor' ? actorRuleSetSchema.safeParse(input) : threatRuleSetSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new WorkbenchError({
      code: 'invalid_request',
      message: `The ${kind} rule set is not valid: ${issue ? `${issue.path.join('.')}: ${issue.message}` : parsed.error.message}`,
    });
  }
  const set = parsed.data;
  const builtIn = kind === 'actor' ? DEFAULT_ACTOR_RULE_SET.version : DEFAULT_THREAT_RULE_SET.version;
  if (set.version === builtIn) {
    throw new WorkbenchError({ code: 'invalid_request', message: `Give your ${kind} rule set its own version; "${builtIn}" names the built-in rules.` });
  }
  const ids = new Set<string>();
  for (const rule of set.rules) {
    if (ids.has(rule.id)) throw new WorkbenchError({ code: 'invalid_request', message: `Rule id "${rule.id}" is used twice in the ${kind} rule set.` });
    ids.add(rule.id);
    await checkPatterns(connection, rule.id, rule.when);
  }
  return set;
}

/** Stores a validated user rule set, or with `null` returns to the built-in rules. Re-classify after. */
export async function storeRuleSet(connection: DuckDBConnection, kind: RuleSetKind, set: ActorRuleSet | ThreatRuleSet | null): Promise<void> {
  await ensureClassificationTables(connection);
  if (set === null) {
    await connection.run(`DELETE FROM classification_rule_sets WHERE kind = $kind`, { kind });
    return;
  }
  await connection.run(`INSERT INTO classification_rule_sets (kind, version, rules) VALUES ($kind, $version, $rules)`, {
    kind,
    version: set.version,
    rules: JSON.stringify(set),
  });
}

/** Compiles each pattern in DuckDB's regex engine (RE2), so a bad one fails here and not in a chart. */
async function checkPatterns(connection: DuckDBConnection, ruleId: string, when: RuleCondition): Promise<void> {
  for (const pattern of [when.descriptionMatches, when.descriptionNotMatches]) {
    if (pattern === undefined) continue;
    try {
      await connection.run(`SELECT regexp_matches('', $pattern, 'i')`, { pattern });
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new WorkbenchError({ code: 'invalid_request', message: `Rule "${ruleId}": the pattern ${JSON.stringify(pattern)} is not a valid regular expression (${reason}).` });
    }
  }
}
