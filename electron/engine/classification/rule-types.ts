import { z } from 'zod';
import { ACTORS, HICP_THREATS } from '../../../shared/schema';

/**
 * A classification rule: a condition over the canonical columns of a record, what it concludes, and how
 * sure that is. Rules are data (they can be stored in the workspace and replaced by the user); they are
 * compiled to SQL CASE expressions with every value bound (see `rule-sql.ts`).
 *
 * All parts of a condition must hold. Text patterns are RE2 regular expressions (DuckDB's dialect),
 * matched case-insensitively anywhere in the text.
 */
export const ruleConditionSchema = z
  .object({
    /** The record's breach types include at least one of these. */
    breachTypesAny: z.array(z.string().min(1)).min(1).optional(),
    /** The record's locations include at least one of these. */
    locationsAny: z.array(z.string().min(1)).min(1).optional(),
    entityTypesAny: z.array(z.string().min(1)).min(1).optional(),
    businessAssociate: z.boolean().optional(),
    /** The description matches this pattern. */
    descriptionMatches: z.string().min(1).max(2000).optional(),
    /** The description is absent or does not match this pattern. */
    descriptionNotMatches: z.string().min(1).max(2000).optional(),
  })
  .strict();

export type RuleCondition = z.output<typeof ruleConditionSchema>;

const ruleIdSchema = z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'rule ids are lower-case letters, digits, dots, dashes, underscores');
/** Versions appear as `<version>#<rule ids>` in `actor_rule`, so they may not contain "#". */
const versionSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_./-]{0,63}$/, 'a version is letters, digits and . _ / -');

const baseRule = {
  id: ruleIdSchema,
  /**
   * Rules of the lowest tier that has any match decide; within it, every matching rule contributes
   * (actor) or the first in order wins (threat). Tier 1 is evidence in the description, 2 the
   * structured fields, 3 the fallback.
   */
  tier: z.number().int().min(1).max(9),
  when: ruleConditionSchema,
  /** 0..1: how often a person reading the full report would agree. */
  confidence: z.number().min(0).max(1),
  /** Why the rule holds, and its source. */
  rationale: z.string().min(1).max(2000),
};

export const actorRuleSchema = z.object({ ...baseRule, actor: z.enum(ACTORS).exclude(['mixed']) }).strict();
export const threatRuleSchema = z.object({ ...baseRule, threat: z.enum(HICP_THREATS) }).strict();

export type ActorRule = z.output<typeof actorRuleSchema>;
export type ThreatRule = z.output<typeof threatRuleSchema>;

export const actorRuleSetSchema = z.object({ version: versionSchema, rules: z.array(actorRuleSchema).min(1).max(500) }).strict();
export const threatRuleSetSchema = z.object({ version: versionSchema, rules: z.array(threatRuleSchema).min(1).max(500) }).strict();

export type ActorRuleSet = z.output<typeof actorRuleSetSchema>;
export type ThreatRuleSet = z.output<typeof threatRuleSetSchema>;
