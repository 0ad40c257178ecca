import { extname } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ImportReport } from '../../../../shared/api';
import { WorkbenchError } from '../../../../shared/errors';
import { quoteIdentifier } from '../../db/sql-identifiers';
import { recordImportedFile, recordRejects, type RejectedRow } from '../../imports/import-log';
import type { ImportContext, Importer } from '../../imports/importer';
import { classifyOaicHeaders, type OaicHeaderMap } from './oaic-headers';
import { OAIC_COMMITTED_KIND, OAIC_SOURCE_ID, OAIC_USER_KIND } from './oaic-source';
import { sniffOaicTable } from './oaic-sniff';
import { STAGE, STAGE_PERIODS, buildPeriodMap, dropStageTables, periodJoinSql, type UnreadPeriod } from './oaic-staging';
import { OAIC_TABLES, createOaicTables } from './oaic-tables';
import { mapUserTable, type UserMapping } from './oaic-user-mapping';
import { probeCsv, stageCsv, stageSheet, type CsvDialect } from './oaic-user-stage';
import { readOaicSheet, type OaicSheet } from './oaic-xlsx-reader';

const STAGE_REJECTS = 'bw_stage_oaic_rejects';

/**
 * An OAIC table the user brings (CSV/TSV, or XLSX read with exceljs): totals per period, a
 * breakdown by source of breach or by sector, bins of individuals affected, and the other tables
 * of `datasets/oaic`. Its rows land in the same `oaic_*` tables, each marked with this file
 * (`file_id`, `source_file`, `source_line`). They go beside the rows already there, never over them:
 * a revised total for a period the committed data has becomes a second figure for that period.
 * Importing the same file again replaces that file's rows only.
 */
export const oaicTableImporter: Importer = {
  kind: OAIC_USER_KIND,
  sniff: (file) => sniffOaicTable(file),
  async import(context) {
    const xlsx = extname(context.fileName).toLowerCase() === '.xlsx';
    const source: UserSource = xlsx
      ? { sheet: await readOaicSheet(context.path, context.fileName) }
      : { dialect: await probeCsv(context.db, context.path, context.fileName) };
    if (context.signal.aborted) throw cancelled(context.fileName);
    context.progress({ percent: null, rows: null, message: `Reading ${context.fileName} as an OAIC table` });
    return context.db.transaction((connection) => importStaged(connection, context, source));
  },
};

type UserSource = { sheet: OaicSheet } | { dialect: CsvDialect };

async function importStaged(connection: DuckDBConnection, context: ImportContext, source: UserSource): Promise<ImportReport> {
  const name = context.fileName;
  const sheet = 'sheet' in source ? source.sheet : null;
  const committed = await scalar(connection, `SELECT name FROM bw_files WHERE file_id = $fileId AND kind = $kind`, {
    fileId: context.fileId,
    kind: OAIC_COMMITTED_KIND,
  });
  if (typeof committed === 'string') {
    // Same bytes as a committed file: its rows are already there, under the committed file's id.
    // Loading them again would only relabel them (and a later reseed would then duplicate them).
    return {
      file: name, kind: OAIC_USER_KIND, table: null, snapshotDate: null, rowsRead: 0, rowsLoaded: 0, rowsRepaired: 0, rowsRejected: 0,
      notes: [`${name} is identical to the committed ${committed}, which every workspace already has loaded; nothing was changed.`],
    };
  }
  const staged = 'sheet' in source
    ? { headers: await stageSheet(connection, source.sheet), notes: [] }
    : await stageCsv(connection, context.path, source.dialect);
  const headers = staged.headers;
  const classified = classifyOaicHeaders(headers);
  if (!classified) {
    throw new WorkbenchError({
      code: 'bad_input',
      message: `${name}: the columns (${headers.join(', ')}) are not an OAIC table: it needs a period column and notifications, source or sector columns`,
      file: name,
      line: sheet?.headerRow ?? 1,
    });
  }
  const mapping = mapUserTable(classified);
  await createOaicTables((sql) => connection.run(sql));

  const blankRows = await dropBlankRows(connection, headers);
  const unreadPeriods = await buildPeriodMap(connection, mapping.period);
  await collectRejects(connection, mapping, classified);
  const rejects = await readRejects(connection);
  const rowsRead = Number(await scalar(connection, `SELECT count(*) FROM ${STAGE}`)) + blankRows;

  if (context.signal.aborted) throw cancelled(name);
  for (const table of OAIC_TABLES) await connection.run(`DELETE FROM ${table} WHERE file_id = $fileId`, { fileId: context.fileId });
  const rowsLoaded = mapping.sourceClass ? await insertPivoted(connection, mapping, context) : await insertRows(connection, mapping, context);

  const notes = [
    sheet
      ? `Read sheet "${sheet.sheetName}" (header on row ${sheet.headerRow}) as an OAIC ${classified.shape.replaceAll('_', ' ')} table into ${mapping.table}.`
      : `Read as an OAIC ${classified.shape.replaceAll('_', ' ')} table into ${mapping.table}.`,
    ...staged.notes,
    ...describeRoles(classified, mapping),
    ...(blankRows ? [`${blankRows} blank row(s) skipped.`] : []),
    ...(unreadPeriods.length ? [`Not a reporting period (rows rejected): ${unreadPeriods.map(describePeriodText).join(', ')}.`] : []),
    ...(sheet?.otherSheets.length ? [`Other sheets not read: ${sheet.otherSheets.join(', ')}.`] : []),
    ...(await besideNotes(connection, mapping, context.fileId)),
  ];
  const report: ImportReport = {
    file: name,
    kind: OAIC_USER_KIND,
    table: mapping.table,
    snapshotDate: null,
    rowsRead,
    rowsLoaded,
    rowsRepaired: 0,
    rowsRejected: new Set(rejects.map((r) => r.line)).size,
    notes,
  };
  await recordRejects(connection, context, rejects);
  await recordImportedFile(connection, context, OAIC_SOURCE_ID, report);
  await connection.run(`DROP TABLE IF EXISTS ${STAGE_REJECTS}`);
  await dropStageTables(connection);
  return report;
}

/** Rows with no text at all (spacer rows in a sheet) are not data; they are counted in the notes. */
async function dropBlankRows(connection: DuckDBConnection, headers: string[]): Promise<number> {
  if (headers.length === 0) return 0;
  const blank = headers.map((h) => `nullif(trim(${quoteIdentifier(h)}), '') IS NULL`).join(' AND ');
  const n = Number(await scalar(connection, `SELECT count(*) FROM ${STAGE} WHERE ${blank}`));
  if (n) await connection.run(`DELETE FROM ${STAGE} WHERE ${blank}`);
  return n;
}

async function collectRejects(connection: DuckDBConnection, mapping: UserMapping, classified: OaicHeaderMap): Promise<void> {
  await connection.run(`CREATE OR REPLACE TABLE ${STAGE_REJECTS} (line INTEGER, "column" VARCHAR, value VARCHAR, reason VARCHAR)`);
  const periodHeader = classified.roles.get('period') ?? `${classified.roles.get('period_start')} / ${classified.roles.get('period_end')}`;
  const periodValue = mapping.period.period
    ? `s.${mapping.period.period}`
    : `concat_ws(' .. ', s.${mapping.period.start}, s.${mapping.period.end})`;
  await connection.run(
    `INSERT INTO ${STAGE_REJECTS}
     SELECT s.__line, $column, ${periodValue}, $reason FROM ${STAGE} s
     WHERE NOT EXISTS (SELECT 1 FROM ${STAGE_PERIODS} p WHERE ${periodJoinSql(mapping.period)})`,
    {
      column: periodHeader,
      reason: 'not an OAIC reporting period (e.g. 2024-H1, Jan-Jun 2024, 2018-Q3, or first and last days of a quarter or half)',
    },
  );
  for (const check of mapping.checks) {
    await connection.run(
      `INSERT INTO ${STAGE_REJECTS} SELECT s.__line, $column, CAST(${check.value} AS VARCHAR), $reason FROM ${STAGE} s WHERE ${check.when}`,
      { column: check.column, reason: check.reason },
    );
  }
  if (mapping.sourceClass) {
    // One figure per source per period: a second row for the same pair would be a silent overwrite.
    await connection.run(
      `INSERT INTO ${STAGE_REJECTS}
       SELECT line, $column, source, 'the same source of breach appears twice for this period' FROM (
         SELECT s.__line AS line, ${mapping.sourceClass} AS source,
                row_number() OVER (PARTITION BY p.period, ${mapping.sourceClass} ORDER BY s.__line) AS nth
         FROM ${STAGE} s JOIN ${STAGE_PERIODS} p ON ${periodJoinSql(mapping.period)}
       ) WHERE nth > 1 AND source IS NOT NULL`,
      { column: classified.roles.get('source') ?? 'source' },
    );
  }
}

async function readRejects(connection: DuckDBConnection): Promise<RejectedRow[]> {
  const reader = await connection.runAndReadAll(`SELECT line, "column", value, reason FROM ${STAGE_REJECTS} ORDER BY line, "column"`);
  return reader.getRowObjectsJS().map((r) => ({
    line: r.line === null ? null : Number(r.line),
    column: (r.column as string | null) ?? null,
    value: (r.value as string | null) ?? null,
    reason: String(r.reason),
  }));
}

const accepted = `s.__line NOT IN (SELECT line FROM ${STAGE_REJECTS} WHERE line IS NOT NULL)`;

async function insertRows(connection: DuckDBConnection, mapping: UserMapping, context: ImportContext): Promise<number> {
  const targets = Object.keys(mapping.select);
  const reader = await connection.runAndReadAll(
    `INSERT INTO ${mapping.table} (${targets.join(', ')}, file_id, source_file, source_line)
     SELECT ${targets.map((t) => mapping.select[t]).join(', ')}, $fileId, $sourceFile, s.__line
     FROM ${STAGE} s JOIN ${STAGE_PERIODS} p ON ${periodJoinSql(mapping.period)}
     WHERE ${accepted}
     ORDER BY s.__line`,
    { fileId: context.fileId, sourceFile: context.fileName },
  );
  return Number(reader.getRowObjectsJS()[0]?.Count ?? 0);
}

/** "period, source, notifications" rows become one `oaic_totals` row per period (counts and shares kept apart). */
async function insertPivoted(connection: DuckDBConnection, mapping: UserMapping, context: ImportContext): Promise<number> {
  const pick = (cls: string, column: 'n' | 'pct') => `max(${column}) FILTER (WHERE cls = '${cls}')`;
  await connection.runAndReadAll(
    `INSERT INTO oaic_totals (period, period_start, period_end, notifications_first_published,
        malicious_count, malicious_pct, human_error_count, human_error_pct, system_fault_count, system_fault_pct,
        cyber_incident_count, notes, source_url, file_id, source_file, source_line)
     SELECT period, period_start, period_end, ${pick('total', 'n')},
        ${pick('malicious', 'n')}, ${pick('malicious', 'pct')}, ${pick('human_error', 'n')}, ${pick('human_error', 'pct')},
        ${pick('system_fault', 'n')}, ${pick('system_fault', 'pct')}, ${pick('cyber_incident', 'n')},
        string_agg(note, '; ' ORDER BY line), min(source_url), $fileId, $sourceFile, min(line)
     FROM (
       SELECT s.__line AS line, ${mapping.sourceClass} AS cls, ${mapping.select.value_count} AS n, ${mapping.select.value_pct} AS pct,
              ${mapping.select.note} AS note, ${mapping.select.source_url} AS source_url, p.period, p.period_start, p.period_end
       FROM ${STAGE} s JOIN ${STAGE_PERIODS} p ON ${periodJoinSql(mapping.period)}
       WHERE ${accepted}
     )
     GROUP BY period, period_start, period_end
     ORDER BY period_start`,
    { fileId: context.fileId, sourceFile: context.fileName },
  );
  // Rows loaded = source rows that went into a period's row, so read + rejected + loaded add up.
  return Number(await scalar(connection, `SELECT count(*) FROM ${STAGE} s WHERE ${accepted}`));
}

function describeRoles(classified: OaicHeaderMap, mapping: UserMapping): string[] {
  const roles = [...classified.roles.entries()].filter(([, header]) => mapping.used.has(header)).map(([role, header]) => `${header} -> ${role}`);
  const unused = [...classified.unused, ...[...classified.roles.values()].filter((h) => !mapping.used.has(h))];
  return [`Columns: ${roles.join('; ')}.`, ...(unused.length ? [`Columns not used: ${unused.join(', ')}.`] : [])];
}

/** Periods that other files already give figures for: the user's rows sit beside them. */
async function besideNotes(connection: DuckDBConnection, mapping: UserMapping, fileId: string): Promise<string[]> {
  if (mapping.table === 'oaic_totals') {
    const reader = await connection.runAndReadAll(
      `SELECT u.period, u.notifications_first_published AS mine,
              any_value(o.notifications_first_published) AS first_published, any_value(o.notifications_revised) AS revised
       FROM oaic_totals u JOIN oaic_totals o ON o.period = u.period AND o.file_id <> u.file_id
       WHERE u.file_id = $fileId AND u.notifications_first_published IS NOT NULL
       GROUP BY u.period, u.notifications_first_published, u.period_start ORDER BY u.period_start`,
      { fileId },
    );
    const differing = reader
      .getRowObjectsJS()
      .filter((r) => r.mine !== r.first_published)
      .map((r) => `${r.period}: ${r.mine} here, ${r.first_published ?? 'none'} first published${r.revised !== null ? `, ${r.revised} revised` : ''}`);
    if (differing.length) return [`Totals that differ from figures already loaded, kept beside them (not over them): ${differing.join('; ')}.`];
  }
  const present = await scalar(
    connection,
    `SELECT count(DISTINCT u.period) FROM ${mapping.table} u
     WHERE u.file_id = $fileId AND EXISTS (SELECT 1 FROM ${mapping.table} o WHERE o.period = u.period AND o.file_id <> u.file_id)`,
    { fileId },
  );
  return Number(present) ? [`${present} period(s) already had figures from other files; these rows are kept beside them.`] : [];
}

async function scalar(connection: DuckDBConnection, sql: string, params?: Record<string, string>): Promise<unknown> {
  const reader = await connection.runAndReadAll(sql, params);
  const row = reader.getRowObjectsJS()[0];
  return row ? Object.values(row)[0] : undefined;
}

function describePeriodText(u: UnreadPeriod): string {
  if (u.raw !== null) return `"${u.raw}"`;
  if (u.rawStart !== null || u.rawEnd !== null) return `${u.rawStart ?? '?'} to ${u.rawEnd ?? '?'}`;
  return '(blank)';
}

function cancelled(file: string): WorkbenchError {
  return new WorkbenchError({ code: 'cancelled', message: `${file}: import cancelled`, file });
}
