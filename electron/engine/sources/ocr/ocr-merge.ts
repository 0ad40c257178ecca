import type { DuckDBConnection } from '@duckdb/node-api';
const ROWS = 'bw_stage_ocr_merge_rows';
const REPS = 'bw_stage_ocr_merge_reps';
const SPANS = 'bw_stage_ocr_merge_spans';
const LINKS = 'bw_stage_ocr_merge_links';

export interface MergeSummary {
  cases: number;
  snapshots: number;
  revisions: number;
  /** Case identities joined across snapshots because OCR renamed, re-dated or re-counted a report. */
  linked: { renamed: number; redated: number; recounted: number };
  /** Rows that stand for a case already represented in the same snapshot (duplicates, near or exact). */
  collapsedRows: number;
  /** Cases whose text (name or description) came from an undamaged copy in another snapshot. */
  cleanCopies: number;
}

/**
 * Rebuilds `ocr_case_rows`, `ocr_cases` and `ocr_revisions` from every row of every snapshot in
 * `ocr_rows`, entirely in SQL (a few thousand rows: milliseconds). Idempotent; the result depends only
 * on which snapshots are loaded, not on the order they were imported in.
 *
 * A snapshot is a date: the archive and the investigation list exported together form one snapshot, so
 * a case that moves from one list to the other stays one case.
 *
 * Case identity (documented in docs/classification.md, "Case identity"):
 * 1. Key = normalised entity name (letters and digits only, damage removed) + State + Breach
 *    Submission Date. The case id is readable: `ocr:2024-07-19:MN:changehealthcareinc`.
 * 2. A key can name several reports: a business associate files one per client on the same day
 *    (Alvaria, Inc. filed 13 on 2023-05-26). When any one snapshot holds a key with different
 *    reports, every report of that key is told apart by a hash of its other fields (count, entity
 *    type, breach types, locations, business associate): `...:alvariainc:1a2b3c4d`. Rows identical in
 *    all those fields within a snapshot are one report (OCR's own re-posts; "This is a duplicate case").
 * 3. OCR revises reports between snapshots. A count revision keeps the key, so it is the same case
 *    (Change Healthcare 500 -> 192,700,000). A name or date revision changes the key; such an
 *    identity is joined to its predecessor when the old one is last seen in the snapshot just before
 *    the new one first appears, they agree on everything else that matters, and each has exactly one
 *    such partner: renamed (same state, date, count and entity type), re-dated (same name, state,
 *    count, types and locations) or, for keys with several reports, re-counted (same key).
 */
export async function mergeOcrSnapshots(connection: DuckDBConnection): Promise<MergeSummary> {
  await dropMergeStage(connection);
  await connection.run(
    `CREATE TABLE ${ROWS} AS
     WITH rows AS (
       SELECT file_id, record, snapshot_date, list, name_key, state, reported_date, records_affected, entity_type, breach_types,
              locations, business_associate, length(coalesce(description, '')) AS description_length,
              dense_rank() OVER (ORDER BY snapshot_date) AS snap,
              'ocr:' || strftime(reported_date, '%Y-%m-%d') || ':' || coalesce(state, '--') || ':' || name_key AS base,
              concat_ws('|', coalesce(CAST(records_affected AS VARCHAR), '?'), coalesce(entity_type, '?'), array_to_string(breach_types, ';'),
                        array_to_string(locations, ';'), coalesce(CAST(business_associate AS VARCHAR), '?')) AS fields
       FROM ocr_rows r),
     multi AS (
       SELECT base, max(reports) > 1 AS several
       FROM (SELECT base, snap, count(DISTINCT fields) AS reports FROM rows GROUP BY base, snap)
       GROUP BY base)
     SELECT rows.*, CASE WHEN multi.several THEN base || ':' || substr(md5(fields), 1, 8) ELSE base END AS identity
     FROM rows JOIN multi USING (base)`,
  );
  // One row stands for an identity in each snapshot; an archive row (it has the description) first.
  await connection.run(
    `CREATE TABLE ${REPS} AS
     SELECT * FROM ${ROWS}
     QUALIFY row_number() OVER (PARTITION BY identity, snap
                                ORDER BY list = 'archive' DESC, description_length DESC, file_id, record) = 1`,
  );
  await connection.run(
    `CREATE TABLE ${SPANS} AS
     SELECT identity, base, min(snap) AS first_snap, max(snap) AS last_snap,
            arg_min(name_key, snap) AS first_name, arg_max(name_key, snap) AS last_name,
            arg_min(state, snap) AS first_state, arg_max(state, snap) AS last_state,
            arg_min(reported_date, snap) AS first_date, arg_max(reported_date, snap) AS last_date,
            arg_min(records_affected, snap) AS first_count, arg_max(records_affected, snap) AS last_count,
            arg_min(entity_type, snap) AS first_type, arg_max(entity_type, snap) AS last_type,
            arg_min(breach_types, snap) AS first_breach, arg_max(breach_types, snap) AS last_breach,
            arg_min(locations, snap) AS first_loc, arg_max(locations, snap) AS last_loc,
            bool_or(base <> identity) AS several
     FROM ${REPS} GROUP BY identity, base`,
  );
  // Candidate successors: b first appears in the snapshot right after a was last seen.
  await connection.run(
    `CREATE TABLE ${LINKS} AS
     WITH candidates AS (
       SELECT a.identity AS a, b.identity AS b,
         CASE
           WHEN a.base = b.base THEN 'recounted'
           WHEN a.last_name <> b.first_name AND a.last_state IS NOT DISTINCT FROM b.first_state AND a.last_date = b.first_date
                AND a.last_count IS NOT DISTINCT FROM b.first_count AND a.last_type IS NOT DISTINCT FROM b.first_type THEN 'renamed'
           WHEN a.last_name = b.first_name AND a.last_state IS NOT DISTINCT FROM b.first_state AND a.last_date <> b.first_date
                AND a.last_count IS NOT DISTINCT FROM b.first_count AND a.last_breach = b.first_breach AND a.last_loc = b.first_loc THEN 'redated'
         END AS rule
       FROM ${SPANS} a JOIN ${SPANS} b ON b.first_snap = a.last_snap + 1 AND a.identity <> b.identity
         AND (a.base = b.base OR a.last_state IS NOT DISTINCT FROM b.first_state)),
     matched AS (SELECT * FROM candidates WHERE rule IS NOT NULL)
     SELECT a, b, rule FROM matched
     WHERE a IN (SELECT a FROM matched GROUP BY a HAVING count(*) = 1)
       AND b IN (SELECT b FROM matched GROUP BY b HAVING count(*) = 1)`,
  );
  await connection.run(`DELETE FROM ocr_case_rows`);
  await connection.run(
    `INSERT INTO ocr_case_rows BY NAME
     WITH RECURSIVE chain(identity, case_id, rule) AS (
       SELECT identity, identity, CAST(NULL AS VARCHAR) FROM ${SPANS} WHERE identity NOT IN (SELECT b FROM ${LINKS})
       UNION ALL
       SELECT l.b, c.case_id, l.rule FROM ${LINKS} l JOIN chain c ON l.a = c.identity)
     SELECT chain.case_id, reps.snapshot_date, reps.list, reps.file_id, reps.record, chain.rule AS link_rule
     FROM ${REPS} reps JOIN chain USING (identity)`,
  );
  await buildCases(connection);
  await buildRevisions(connection);
  await connection.run(
    `UPDATE ocr_cases SET revisions = coalesce((SELECT count(*) FROM ocr_revisions r WHERE r.case_id = ocr_cases.case_id), 0)`,
  );
  const summary = await summarise(connection);
  await dropMergeStage(connection);
  return summary;
}

/** Case rows joined to their file rows. */
const CASE_ROWS = `(SELECT cr.case_id, cr.link_rule, r.* FROM ocr_case_rows cr JOIN ocr_rows r USING (file_id, record))`;

/**
 * The latest snapshot's values; text from an undamaged copy when the latest copy is damaged. For the
 * name, any row of the case with the same name key (the same name, damage aside) may lend it; for
 * the description, any row whose description has the same letters and digits.
 */
async function buildCases(connection: DuckDBConnection): Promise<void> {
  await connection.run(`DELETE FROM ocr_cases`);
  await connection.run(
    `INSERT INTO ocr_cases BY NAME
     WITH rows AS (SELECT * FROM ${CASE_ROWS}),
     latest AS (SELECT * FROM rows QUALIFY row_number() OVER (PARTITION BY case_id ORDER BY snapshot_date DESC) = 1),
     described AS (
       SELECT case_id, description, description_damaged, description_key FROM rows
       WHERE description IS NOT NULL
       QUALIFY row_number() OVER (PARTITION BY case_id ORDER BY snapshot_date DESC) = 1),
     -- every row of the case, including duplicates the case rows left out, can lend clean text
     all_rows AS (
       SELECT DISTINCT cr.case_id, r.entity, r.entity_damaged, r.name_key, r.description, r.description_damaged, r.description_key, r.snapshot_date
       FROM ocr_case_rows cr
       JOIN ocr_rows k USING (file_id, record)
       JOIN ocr_rows r ON r.snapshot_date = k.snapshot_date AND r.name_key = k.name_key AND r.reported_date = k.reported_date
                      AND r.state IS NOT DISTINCT FROM k.state),
     clean_name AS (
       SELECT l.case_id, arg_max(a.entity, a.snapshot_date) AS entity
       FROM latest l JOIN all_rows a ON a.case_id = l.case_id AND a.name_key = l.name_key AND NOT a.entity_damaged
       WHERE l.entity_damaged GROUP BY l.case_id),
     clean_description AS (
       SELECT d.case_id, arg_max(a.description, a.snapshot_date) AS description
       FROM described d JOIN all_rows a ON a.case_id = d.case_id AND NOT a.description_damaged AND a.description IS NOT NULL
                                        AND a.description_key = d.description_key
       WHERE d.description_damaged GROUP BY d.case_id),
     seen AS (
       SELECT case_id, min(snapshot_date) AS first_seen, max(snapshot_date) AS last_seen, count(DISTINCT snapshot_date) AS snapshots
       FROM rows GROUP BY case_id)
     SELECT l.case_id,
       coalesce(cn.entity, l.entity) AS entity,
       l.entity_type, l.state, l.reported_date, l.records_affected, l.breach_types, l.locations, l.business_associate,
       coalesce(cd.description, d.description) AS description,
       l.list, s.first_seen, s.last_seen, CAST(s.snapshots AS INTEGER) AS snapshots, 0 AS revisions,
       CASE
         WHEN cn.entity IS NOT NULL OR cd.description IS NOT NULL THEN 'clean copy from another snapshot'
         WHEN l.entity_damaged OR coalesce(d.description_damaged, false) THEN 'repaired by pattern'
         ELSE 'as exported'
       END AS text_source,
       l.file_id AS latest_file_id, l.record AS latest_record
     FROM latest l
     JOIN seen s USING (case_id)
     LEFT JOIN described d USING (case_id)
     LEFT JOIN clean_name cn USING (case_id)
     LEFT JOIN clean_description cd USING (case_id)`,
  );
}

/**
 * Every value that changed between consecutive snapshots of a case. Text is compared on its letters and
 * digits, so a repaired quote or a trailing space is not a revision; a description that disappears
 * when a case is on the investigation list (which has none) is not one either.
 */
async function buildRevisions(connection: DuckDBConnection): Promise<void> {
  const fields: Array<{ field: string; value: string; key: string; skipNull?: boolean }> = [
    { field: 'list', value: 'list', key: 'list' },
    { field: 'entity', value: 'entity', key: 'name_key' },
    { field: 'state', value: 'state', key: 'state' },
    { field: 'entity_type', value: 'entity_type', key: 'entity_type' },
    { field: 'records_affected', value: 'CAST(records_affected AS VARCHAR)', key: 'records_affected' },
    { field: 'reported_date', value: `strftime(reported_date, '%Y-%m-%d')`, key: 'reported_date' },
    { field: 'breach_types', value: `array_to_string(breach_types, ', ')`, key: 'breach_types' },
    { field: 'locations', value: `array_to_string(locations, ', ')`, key: 'locations' },
    { field: 'business_associate', value: 'CAST(business_associate AS VARCHAR)', key: 'business_associate' },
    { field: 'description', value: 'description', key: 'description_key', skipNull: true },
  ];
  const columns = fields
    .map((f) => `${f.value} AS v_${f.field}, lag(${f.value}) OVER w AS o_${f.field}, ${f.key} AS k_${f.field}, lag(${f.key}) OVER w AS p_${f.field}`)
    .join(',\n');
  const unions = fields
    .map(
      (f) => `SELECT case_id, '${f.field}' AS field, o_${f.field} AS old_value, v_${f.field} AS new_value,
                     prev_snapshot AS from_snapshot, snapshot_date AS to_snapshot, prev_file AS from_file_id, file_id AS to_file_id
              FROM paired WHERE prev_snapshot IS NOT NULL AND k_${f.field} IS DISTINCT FROM p_${f.field}
              ${f.skipNull ? `AND k_${f.field} IS NOT NULL AND p_${f.field} IS NOT NULL` : ''}`,
    )
    .join('\nUNION ALL\n');
  await connection.run(`DELETE FROM ocr_revisions`);
  await connection.run(
    `INSERT INTO ocr_revisions BY NAME
     WITH paired AS (
       SELECT case_id, snapshot_date, file_id, lag(snapshot_date) OVER w AS prev_snapshot, lag(file_id) OVER w AS prev_file,
         ${columns}
       FROM ${CASE_ROWS}
       WINDOW w AS (PARTITION BY case_id ORDER BY snapshot_date))
     ${unions}`,
  );
}

async function summarise(connection: DuckDBConnection): Promise<MergeSummary> {
  const reader = await connection.runAndReadAll(
    `SELECT (SELECT count(*) FROM ocr_cases) AS cases,
            (SELECT count(DISTINCT snapshot_date) FROM ocr_rows) AS snapshots,
            (SELECT count(*) FROM ocr_revisions) AS revisions,
            (SELECT count(*) FROM ${LINKS} WHERE rule = 'renamed') AS renamed,
            (SELECT count(*) FROM ${LINKS} WHERE rule = 'redated') AS redated,
            (SELECT count(*) FROM ${LINKS} WHERE rule = 'recounted') AS recounted,
            (SELECT count(*) FROM ${ROWS}) - (SELECT count(*) FROM ${REPS}) AS collapsed,
            (SELECT count(*) FROM ocr_cases WHERE text_source = 'clean copy from another snapshot') AS clean_copies`,
  );
  const r = reader.getRowObjectsJS()[0] ?? {};
  const n = (k: string) => Number(r[k] ?? 0);
  return {
    cases: n('cases'),
    snapshots: n('snapshots'),
    revisions: n('revisions'),
    linked: { renamed: n('renamed'), redated: n('redated'), recounted: n('recounted') },
    collapsedRows: n('collapsed'),
    cleanCopies: n('clean_copies'),
  };
}

async function dropMergeStage(connection: DuckDBConnection): Promise<void> {
  for (const table of [ROWS, REPS, SPANS, LINKS]) await connection.run(`DROP TABLE IF EXISTS ${table}`);
}
