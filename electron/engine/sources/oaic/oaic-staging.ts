import type { DuckDBConnection } from '@duckdb/node-api';
import { parseOaicPeriod, periodFromDates, type OaicPeriod } from './oaic-period';

/**
 * Staging tables an OAIC load works in. They are created and dropped inside the load's transaction,
 * so a failed load leaves none behind and other connections never see them.
 */
export const STAGE_RAW = 'bw_stage_oaic_raw';
export const STAGE = 'bw_stage_oaic';
export const STAGE_PERIODS = 'bw_stage_oaic_periods';

export async function dropStageTables(connection: DuckDBConnection): Promise<void> {
  for (const table of [STAGE_RAW, STAGE, STAGE_PERIODS]) await connection.run(`DROP TABLE IF EXISTS ${table}`);
}

export interface UnreadPeriod {
  raw: string | null;
  rawStart: string | null;
  rawEnd: string | null;
}

/**
 * Maps every distinct period text of the stage (a label, or first/last days) to a period, in
 * `bw_stage_oaic_periods(raw_period, raw_start, raw_end, period, period_start, period_end)`. Only the
 * distinct values pass through JS (a few dozen), never the rows. Returns the texts that are not a period.
 */
export async function buildPeriodMap(
  connection: DuckDBConnection,
  columns: { period: string | null; start: string | null; end: string | null },
): Promise<UnreadPeriod[]> {
  const expr = (c: string | null) => (c ? `nullif(trim(CAST(${c} AS VARCHAR)), '')` : 'CAST(NULL AS VARCHAR)');
  const reader = await connection.runAndReadAll(
    `SELECT DISTINCT ${expr(columns.period)} AS raw_period, ${expr(columns.start)} AS raw_start, ${expr(columns.end)} AS raw_end FROM ${STAGE}`,
  );
  await connection.run(
    `CREATE OR REPLACE TABLE ${STAGE_PERIODS} (raw_period VARCHAR, raw_start VARCHAR, raw_end VARCHAR, period VARCHAR, period_start DATE, period_end DATE)`,
  );
  const unread: UnreadPeriod[] = [];
  for (const row of reader.getRowObjectsJS()) {
    const raw = (row.raw_period as string | null) ?? null;
    const rawStart = (row.raw_start as string | null) ?? null;
    const rawEnd = (row.raw_end as string | null) ?? null;
    const parsed = readPeriod(raw, rawStart, rawEnd);
    if (!parsed) {
      unread.push({ raw, rawStart, rawEnd });
      continue;
    }
    await connection.run(
      `INSERT INTO ${STAGE_PERIODS} VALUES ($raw, $rawStart, $rawEnd, $period, CAST($start AS DATE), CAST($end AS DATE))`,
      { raw, rawStart, rawEnd, period: parsed.period, start: parsed.start, end: parsed.end },
    );
  }
  return unread;
}

/** A label wins over dates; when both are given they must agree, or the row is not trusted. */
function readPeriod(raw: string | null, rawStart: string | null, rawEnd: string | null): OaicPeriod | null {
  const fromLabel = raw ? parseOaicPeriod(raw) : null;
  const fromDates = rawStart && rawEnd ? periodFromDates(rawStart, rawEnd) : null;
  if (raw && !fromLabel) return null;
  if (fromLabel && fromDates) return fromLabel.period === fromDates.period ? fromDates : null;
  return fromLabel ?? fromDates;
}

/** Join condition from a stage alias `s` to the period map alias `p`. */
export function periodJoinSql(columns: { period: string | null; start: string | null; end: string | null }): string {
  const side = (c: string | null, mapColumn: string) =>
    `p.${mapColumn} IS NOT DISTINCT FROM ${c ? `nullif(trim(CAST(s.${c} AS VARCHAR)), '')` : 'CAST(NULL AS VARCHAR)'}`;
  return [side(columns.period, 'raw_period'), side(columns.start, 'raw_start'), side(columns.end, 'raw_end')].join(' AND ');
}
