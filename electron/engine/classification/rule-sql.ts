import type { DuckDBValue } from '@duckdb/node-api';
import type { ActorRuleSet, RuleCondition, ThreatRuleSet } from './rule-types';

/** Where a record's fields are in the relation being classified (names written by engine code only). */
export interface ClassifiedColumns {
  id: string;
  breachTypes: string;
  locations: string;
  entityType: string;
  businessAssociate: string;
  description: string;
}

export interface CompiledSql {
  sql: string;
  params: Record<string, DuckDBValue>;
}

/** Collects bound parameters; the SQL text only ever holds `$rN` placeholders, never rule text. */
class Binder {
  readonly params: Record<string, DuckDBValue> = {};
  private next = 0;
  bind(value: string): string {
    const name = `r${this.next++}`;
    this.params[name] = value;
    return `$${name}`;
  }
  bindList(values: readonly string[]): string {
    return `CAST(${this.bind(JSON.stringify(values))} AS VARCHAR[])`;
  }
}

function conditionSql(when: RuleCondition, c: ClassifiedColumns, b: Binder): string {
  const parts: string[] = [];
  if (when.breachTypesAny) parts.push(`list_has_any(${c.breachTypes}, ${b.bindList(when.breachTypesAny)})`);
  if (when.locationsAny) parts.push(`list_has_any(${c.locations}, ${b.bindList(when.locationsAny)})`);
  if (when.entityTypesAny) parts.push(`list_contains(${b.bindList(when.entityTypesAny)}, ${c.entityType})`);
  // A blank Business Associate Present counts as "no": the portal's default answer.
  if (when.businessAssociate !== undefined) parts.push(when.businessAssociate ? `${c.businessAssociate} IS TRUE` : `${c.businessAssociate} IS NOT TRUE`);
  if (when.descriptionMatches) parts.push(`regexp_matches(coalesce(${c.description}, ''), ${b.bind(when.descriptionMatches)}, 'i')`);
  if (when.descriptionNotMatches) parts.push(`NOT regexp_matches(coalesce(${c.description}, ''), ${b.bind(when.descriptionNotMatches)}, 'i')`);
  return parts.length ? `(${parts.join(' AND ')})` : 'true';
}

/**
 * `hits` = the 1-based indexes of the matching rules of the lowest tier that has a match, as a
 * CASE over one list per tier. Each list is built from `CASE WHEN <condition> THEN <index> END`.
 */
function hitsSql(rules: ReadonlyArray<{ tier: number; when: RuleCondition }>, c: ClassifiedColumns, b: Binder): string {
  const tiers = [...new Set(rules.map((r) => r.tier))].sort((x, y) => x - y);
  const lists = tiers.map((tier) => {
    const cases = rules
      .map((rule, index) => (rule.tier === tier ? `CASE WHEN ${conditionSql(rule.when, c, b)} THEN ${index + 1} END` : null))
      .filter((s): s is string => s !== null);
    return `list_filter([${cases.join(', ')}], x -> x IS NOT NULL)`;
  });
  return `CASE ${lists.map((l) => `WHEN len(${l}) > 0 THEN ${l}`).join(' ')} ELSE CAST([] AS INTEGER[]) END`;
}

/**
 * The actor of every record: the union of what the deciding tier's matching rules say. Several kinds
 * give `mixed` (e.g. "Theft, Loss": a thief and a careless insider are both possible); `unknown` only
 * when nothing else is named. Confidence: the best matching rule's, or the weakest one's when mixed.
 */
export function compileActorRules(set: ActorRuleSet, relation: string, c: ClassifiedColumns): CompiledSql {
  const b = new Binder();
  const hits = hitsSql(set.rules, c, b);
  const actors = b.bindList(set.rules.map((r) => r.actor));
  const ids = b.bindList(set.rules.map((r) => r.id));
  const confidences = b.bind(JSON.stringify(set.rules.map((r) => r.confidence)));
  const version = b.bind(set.version);
  return {
    sql: `SELECT id,
       CASE WHEN len(named) = 0 THEN 'unknown' WHEN len(named) = 1 THEN named[1] ELSE 'mixed' END AS actor,
       CASE WHEN len(named) = 0 THEN ['unknown'] ELSE named END AS actors,
       ${version} || '#' || CASE WHEN len(hits) = 0 THEN 'none' ELSE array_to_string(list_transform(hits, i -> ${ids}[i]), '+') END AS actor_rule,
       CASE WHEN len(hits) = 0 THEN 0.0
            WHEN len(named) > 1 THEN list_min(list_transform(hits, i -> CAST(${confidences} AS DOUBLE[])[i]))
            ELSE list_max(list_transform(hits, i -> CAST(${confidences} AS DOUBLE[])[i])) END AS actor_confidence
     FROM (
       SELECT id, hits, list_sort(list_distinct(list_filter(list_transform(hits, i -> ${actors}[i]), a -> a <> 'unknown'))) AS named
       FROM (SELECT ${c.id} AS id, ${hits} AS hits FROM ${relation}))`,
    params: b.params,
  };
}

/** The threat of every record: the first matching rule (in table order) of the deciding tier. */
export function compileThreatRules(set: ThreatRuleSet, relation: string, c: ClassifiedColumns): CompiledSql {
  const b = new Binder();
  const hits = hitsSql(set.rules, c, b);
  const threats = b.bindList(set.rules.map((r) => r.threat));
  const ids = b.bindList(set.rules.map((r) => r.id));
  const confidences = b.bind(JSON.stringify(set.rules.map((r) => r.confidence)));
  const version = b.bind(set.version);
  return {
    sql: `SELECT id,
       CASE WHEN len(hits) = 0 THEN 'other' ELSE ${threats}[hits[1]] END AS threat,
       ${version} || '#' || CASE WHEN len(hits) = 0 THEN 'none' ELSE ${ids}[hits[1]] END AS threat_rule,
       CASE WHEN len(hits) = 0 THEN 0.0 ELSE CAST(${confidences} AS DOUBLE[])[hits[1]] END AS threat_confidence
     FROM (SELECT ${c.id} AS id, ${hits} AS hits FROM ${relation})`,
    params: b.params,
  };
}
