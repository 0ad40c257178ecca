import type { DuckDBConnection } from '@duckdb/node-api';
import type { RejectedRow } from '../../imports/import-log';
import { RAW_COLUMNS } from './ocr-columns';
import { sqlLiteral } from './ocr-text';

/** Staging tables of one OCR read; created and dropped inside the import's transaction. */
export const STAGE = 'bw_stage_ocr';
const STAGE_READ = 'bw_stage_ocr_read';
const STAGE_RECORDS = 'bw_stage_ocr_records';
const REJECT_ERRORS = 'bw_stage_ocr_reject_errors';
const REJECT_SCANS = 'bw_stage_ocr_reject_scans';

export async function dropOcrStage(connection: DuckDBConnection): Promise<void> {
  for (const table of [STAGE, STAGE_READ, STAGE_RECORDS, REJECT_ERRORS, REJECT_SCANS]) await connection.run(`DROP TABLE IF EXISTS ${table}`);
}

export interface OcrRead {
  /** Data records in the file: loaded by DuckDB plus refused by it. */
  records: number;
  /** Records DuckDB could not split into the expected columns, with their physical line. */
  malformed: RejectedRow[];
}

/**
 * Reads an OCR export into `bw_stage_ocr(record, line, raw_entity, ..., raw_description)`, every
 * value as text exactly as written. Options are explicit so nothing is guessed from a sample:
 * comma, RFC 4180 quotes (a quote inside a field is doubled), a header line skipped, columns taken by
 * position (the header's names are not trusted: some exports name cells `javax.faces...UIPanel@...`),
 * and `strict_mode`, so a row with too many or too few fields is neither padded nor cut. Such rows are
 * kept out with `store_rejects` (never plain `ignore_errors`) and returned, with their line, as rejects.
 *
 * Empty fields, quoted or not, read as NULL; `\N` stays text so the import can count it.
 * The file at `path` must be valid UTF-8 (see `repairUtf8`).
 */
export async function readOcrCsv(connection: DuckDBConnection, path: string, columnCount: 8 | 9): Promise<OcrRead> {
  await dropOcrStage(connection);
  const names = RAW_COLUMNS.slice(0, columnCount);
  const columns = `{${names.map((n) => `${sqlLiteral(n)}: 'VARCHAR'`).join(', ')}}`;
  const description = columnCount === 9 ? '' : ', CAST(NULL AS VARCHAR) AS raw_description';
  await connection.run(
    `CREATE TABLE ${STAGE_READ} AS
     SELECT *${description} FROM read_csv($path,
       header = true, auto_detect = false, all_varchar = true, columns = ${columns},
       delim = ',', quote = '"', escape = '"', encoding = 'utf-8', strict_mode = true,
       store_rejects = true, rejects_table = '${REJECT_ERRORS}', rejects_scan = '${REJECT_SCANS}')`,
    { path },
  );
  await numberRecords(connection);
  const malformed = await readRejects(connection);
  const records = Number(await scalar(connection, `SELECT count(*) FROM ${STAGE_RECORDS}`));
  await connection.run(`DROP TABLE ${STAGE_READ}`);
  return { records, malformed };
}

const breaks = (expr: string) => `(length(coalesce(${expr}, '')) - length(replace(coalesce(${expr}, ''), chr(10), '')))`;

/**
 * Gives every record its number and the physical line it starts on, in `bw_stage_ocr_records`, and
 * the loaded ones their numbers in `bw_stage_ocr`. DuckDB writes a table in file order (insertion
 * order is preserved), so rowid order is file order; DuckDB numbers the records it refused itself
 * (its "line" counts records, header = 1), and the loaded rows fill the numbers in between. A
 * record's first line is 2 (after the header) plus, for each earlier record, 1 + the line breaks
 * inside its quoted fields. Lines are counted by LF, as editors and `wc -l` do; a lone CR inside a
 * description (the archive has some) does not start a line.
 */
async function numberRecords(connection: DuckDBConnection): Promise<void> {
  await connection.run(
    `CREATE TABLE ${STAGE_RECORDS} AS
     WITH refused AS (
       -- csv_line starts at the previous line end, so the break it begins with is not inside the record
       SELECT CAST(line - 1 AS INTEGER) AS record,
              any_value(${breaks("regexp_replace(csv_line, '^\\r?\\n', '')")}) AS breaks
       FROM ${REJECT_ERRORS} GROUP BY line),
     loaded AS (
       SELECT row_number() OVER (ORDER BY rowid) AS k, ${RAW_COLUMNS.map((c) => breaks(c)).join(' + ')} AS breaks FROM ${STAGE_READ}),
     free AS (
       SELECT CAST(range AS INTEGER) AS record, row_number() OVER (ORDER BY range) AS k
       FROM range(1, (SELECT count(*) FROM loaded) + (SELECT count(*) FROM refused) + 1)
       WHERE range NOT IN (SELECT record FROM refused)),
     everything AS (
       SELECT record, breaks, false AS refused FROM free JOIN loaded USING (k)
       UNION ALL SELECT record, breaks, true FROM refused)
     SELECT record, refused,
            CAST(2 + coalesce(sum(1 + breaks) OVER (ORDER BY record ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS INTEGER) AS line
     FROM everything`,
  );
  await connection.run(
    `CREATE TABLE ${STAGE} AS
     SELECT n.record, n.line, s.* EXCLUDE (k)
     FROM (SELECT row_number() OVER (ORDER BY rowid) AS k, * FROM ${STAGE_READ}) s
     JOIN (SELECT record, line, row_number() OVER (ORDER BY record) AS k FROM ${STAGE_RECORDS} WHERE NOT refused) n USING (k)
     ORDER BY n.record`,
  );
}

/** One reject per refused record (its first error), at its physical line, with the record's text. */
async function readRejects(connection: DuckDBConnection): Promise<RejectedRow[]> {
  const reader = await connection.runAndReadAll(
    `SELECT r.line AS line, arg_min(e.error_type, e.column_idx) AS type, arg_min(e.error_message, e.column_idx) AS message,
            arg_min(e.column_name, e.column_idx) AS column_name, any_value(e.csv_line) AS csv_line
     FROM ${REJECT_ERRORS} e JOIN ${STAGE_RECORDS} r ON r.record = e.line - 1 AND r.refused
     GROUP BY r.line ORDER BY r.line`,
  );
  return reader.getRowObjectsJS().map((r) => ({
    line: Number(r.line),
    column: (r.column_name as string | null) ?? null,
    value: String(r.csv_line ?? '').replace(/^[\r\n]+|[\r\n]+$/g, '').slice(0, 2000),
    reason: `${String(r.type).toLowerCase()}: ${String(r.message)}`,
  }));
}

async function scalar(connection: DuckDBConnection, sql: string): Promise<unknown> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRows()[0]?.[0];
}
