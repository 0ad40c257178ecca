import type { Filters } from '../../../shared/filters';
import { classificationRuleVersions } from '../classification';
import type { ArrowQueryResult, Database } from '../db/database';
import { readySummary } from './breaches-summary';
import type { ChartParams, ChartQuery } from './chart-query';
import { ChartAnswers } from './chart-answers';
import { DerivedData } from './derived-data';
import type { SqlFragment } from './filters-sql';
import { provenanceFor, type Provenance } from './provenance';

export interface ChartAnswer {
  /** The query that defines the result, as a reader would cite and re-run it (over `breaches`). */
  cited: SqlFragment;
  result: ArrowQueryResult;
  provenance: Provenance;
  ruleVersions: string[];
}

/**
 * Runs a chart: from the summary of `breaches` when one is ready and the chart can read it for these
 * filters, else from the rows; its citations (files, snapshot dates, rule versions) are read beside
 * it, once per state of the data. The result is the same either way; `cited` is always the query
 * over `breaches`.
 */
export async function runChartQuery(
  db: Database,
  query: ChartQuery,
  filters: Filters,
  params: ChartParams,
  onSqlError: (error: unknown) => never,
): Promise<ChartAnswer> {
  const cited = query.build(filters, params);
  const derived = DerivedData.of(db);
  const compute = () => chartResult(db, query, filters, params, cited);
  // Charts over aggregate tables (OAIC) read only the date range of the filters: after any other
  // filter change the window asks them the same question again, and gets the answer it had.
  const answers = query.sources ? await derived.get('chart-answers', async () => new ChartAnswers()) : undefined;
  const [result, provenance, ruleVersions] = await Promise.all([
    (answers ? answers.get(cited.sql, cited.params, compute) : compute()).catch(onSqlError),
    provenanceFor(db, query.sources ?? filters.sources),
    query.usesClassification ? derived.get('rule-versions', () => classificationRuleVersions(db)) : Promise.resolve([]),
  ]);
  return { cited, result, provenance, ruleVersions: [...ruleVersions] };
}

async function chartResult(db: Database, query: ChartQuery, filters: Filters, params: ChartParams, cited: SqlFragment): Promise<ArrowQueryResult> {
  // The summary only makes charts quicker: should reading it fail, the rows answer.
  const summary = query.fromSummary ? await readySummary(db).catch(() => undefined) : undefined;
  const fast = summary ? query.fromSummary?.(filters, params, summary) : undefined;
  if (fast) {
    // Should the summary fail (e.g. dropped by a newer one), the rows still answer.
    const [result, whole] = await Promise.all([
      db.arrow(fast.sql, fast.params).catch(() => undefined),
      fast.check ? db.readRows<{ whole: boolean | null }>(fast.check.sql, fast.check.params).then((r) => r[0]?.whole === true, () => false) : true,
    ]);
    if (result && whole) return result;
  }
  return db.arrow(cited.sql, cited.params);
}
