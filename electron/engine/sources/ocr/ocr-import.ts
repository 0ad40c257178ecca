import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ImportReport } from '../../../../shared/api';
import { WorkbenchError } from '../../../../shared/errors';
import { recordImportedFile, recordRejects } from '../../imports/import-log';
import type { ImportContext } from '../../imports/importer';
import { matchOcrHeader, OCR_COLUMNS, parseHeaderLine, type OcrHeader } from './ocr-columns';
import { loadStagedRows, stagedEvidence, type LoadResult } from './ocr-load';
import { mergeOcrSnapshots, type MergeSummary } from './ocr-merge';
import { dropOcrStage, readOcrCsv } from './ocr-reader';
import { ensureOcrTables } from './ocr-schema';
import { decideSnapshot, type OcrSnapshot, type OcrSnapshotOverrides } from './ocr-snapshot';
import { OCR_SOURCE_ID, refreshOcrBreaches } from './ocr-view';
import { repairUtf8 } from './utf8-repair';

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Imports one OCR portal export (either list) as a snapshot, then re-merges all snapshots into cases,
 * re-classifies them and rebuilds `ocr_breaches`, all in one transaction with the file's `bw_files`
 * row and its rejects: the import lands whole or not at all. `overrides` let the user correct the
 * list and snapshot date the file would otherwise be given. The source file is only read.
 */
export async function importOcrExport(context: ImportContext, overrides: OcrSnapshotOverrides = {}): Promise<ImportReport> {
  const bytes = await readFile(context.path);
  const header = readHeader(bytes, context.fileName);
  const utf8 = repairUtf8(bytes);
  let readPath = context.path;
  let tempPath: string | null = null;
  if (utf8.invalidBytes > 0) {
    // DuckDB reads files, not buffers: the repaired copy goes to the OS temp folder and is removed after.
    tempPath = join(tmpdir(), `bw-ocr-${context.fileId}-${randomUUID()}.csv`);
    await writeFile(tempPath, utf8.bytes);
    readPath = tempPath;
  }
  const crlf = /^[^\n]*\r\n/.test(bytes.subarray(0, 4096).toString('latin1'));
  try {
    return await context.db.transaction(async (connection) => {
      checkCancelled(context);
      context.progress({ percent: 10, rows: null, message: 'Reading' });
      await ensureOcrTables(connection);
      const read = await readOcrCsv(connection, readPath, header.columnCount);
      const evidence = await stagedEvidence(connection, context.fileName);
      const snapshot = decideSnapshot(evidence, overrides);
      checkCancelled(context);
      context.progress({ percent: 40, rows: read.records, message: 'Checking rows' });
      const load = await loadStagedRows(connection, context.fileId, snapshot);
      await writeOcrFile(connection, context, snapshot, header, utf8.invalidBytes, evidence.latestSubmission);
      await dropOcrStage(connection);
      checkCancelled(context);
      context.progress({ percent: 60, rows: load.loaded, message: 'Merging snapshots into cases' });
      const merge = await mergeOcrSnapshots(connection);
      context.progress({ percent: 80, rows: merge.cases, message: 'Classifying' });
      await refreshOcrBreaches(connection);
      const ofFile = await fileCaseCounts(connection, context.fileId, snapshot.snapshotDate);
      const rejects = [...read.malformed, ...load.invalid].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      const report: ImportReport = {
        file: context.fileName,
        kind: `ocr-${snapshot.list}`,
        table: 'ocr_rows',
        snapshotDate: snapshot.snapshotDate,
        rowsRead: read.records,
        rowsLoaded: load.loaded,
        rowsRepaired: load.repaired,
        rowsRejected: rejects.length,
        notes: reportNotes({ header, invalidBytes: utf8.invalidBytes, crlf, snapshot, load, merge, ofFile, rejects: rejects.length }),
      };
      checkCancelled(context);
      await recordRejects(connection, context, rejects);
      await recordImportedFile(connection, context, OCR_SOURCE_ID, report);
      context.progress({ percent: 100, rows: load.loaded, message: 'Done' });
      return report;
    });
  } finally {
    if (tempPath) await rm(tempPath, { force: true });
  }
}

function readHeader(bytes: Buffer, fileName: string): OcrHeader {
  const cells = parseHeaderLine(bytes.subarray(0, 8192));
  const header = matchOcrHeader(cells);
  if (!header) {
    throw new WorkbenchError({
      code: 'bad_input',
      message: `${fileName} line 1: the header is not the OCR portal's (expected ${OCR_COLUMNS.map((c) => `"${c.name}"`).join(', ')}; found ${cells.map((c) => `"${c}"`).join(', ')}).`,
      file: fileName,
      line: 1,
    });
  }
  return header;
}

function checkCancelled(context: ImportContext): void {
  if (context.signal.aborted) throw new WorkbenchError({ code: 'cancelled', message: `Import of ${context.fileName} cancelled; nothing was changed.`, file: context.fileName });
}

async function writeOcrFile(
  connection: DuckDBConnection,
  context: ImportContext,
  snapshot: OcrSnapshot,
  header: OcrHeader,
  invalidBytes: number,
  latestSubmission: string | null,
): Promise<void> {
  await connection.run(`DELETE FROM ocr_files WHERE file_id = $fileId`, { fileId: context.fileId });
  await connection.run(
    `INSERT INTO ocr_files (file_id, name, list, list_basis, snapshot_date, snapshot_basis, header_mode, encoding, column_count, latest_submission)
     VALUES ($fileId, $name, $list, $listBasis, CAST($snapshotDate AS DATE), $snapshotBasis, $headerMode, $encoding, $columns, CAST($latest AS DATE))`,
    {
      fileId: context.fileId,
      name: context.fileName,
      list: snapshot.list,
      listBasis: snapshot.listBasis,
      snapshotDate: snapshot.snapshotDate,
      snapshotBasis: snapshot.snapshotBasis,
      headerMode: header.placeholderPositions.length ? `by position; UIPanel placeholders in columns ${header.placeholderPositions.join(', ')}` : 'by position; names match',
      encoding: invalidBytes ? `utf-8 with ${invalidBytes} invalid bytes read as latin-1` : 'utf-8',
      columns: header.columnCount,
      latest: latestSubmission,
    },
  );
}

interface FileCases {
  cases: number;
  firstSeenHere: number;
}

async function fileCaseCounts(connection: DuckDBConnection, fileId: string, snapshotDate: string): Promise<FileCases> {
  const reader = await connection.runAndReadAll(
    `SELECT count(DISTINCT cr.case_id) AS cases, count(DISTINCT cr.case_id) FILTER (WHERE c.first_seen = CAST($snapshotDate AS DATE)) AS first_seen_here
     FROM ocr_case_rows cr JOIN ocr_cases c USING (case_id) WHERE cr.file_id = $fileId`,
    { fileId, snapshotDate },
  );
  const row = reader.getRowObjectsJS()[0] ?? {};
  return { cases: Number(row.cases ?? 0), firstSeenHere: Number(row.first_seen_here ?? 0) };
}

function reportNotes(facts: {
  header: OcrHeader;
  invalidBytes: number;
  crlf: boolean;
  snapshot: OcrSnapshot;
  load: LoadResult;
  merge: MergeSummary;
  ofFile: FileCases;
  rejects: number;
}): string[] {
  const { header, snapshot, load, merge } = facts;
  const t = load.tally;
  const notes: string[] = [];
  notes.push(`List: ${snapshot.list} (${snapshot.listBasis}).`);
  notes.push(`Snapshot date: ${snapshot.snapshotDate} (${snapshot.snapshotBasis}).`);
  notes.push(...snapshot.notes);
  if (header.placeholderPositions.length) {
    notes.push(
      `Header: column${header.placeholderPositions.length > 1 ? 's' : ''} ${header.placeholderPositions.join(' and ')} ` +
        `named "javax.faces.component.UIPanel@…" instead of ${header.placeholderPositions.map((p) => `"${OCR_COLUMNS[p - 1]!.name}"`).join(' and ')} ` +
        `(a portal quirk); all columns were read by position.`,
    );
  } else {
    notes.push(`Header: the portal's ${header.columnCount} column names; columns read by position.`);
  }
  if (header.columnCount === 8) notes.push('The file has no Web Description column; descriptions are NULL.');
  if (facts.crlf) notes.push('Line ends: CRLF (read as line ends; line numbers count lines as an editor does).');
  if (facts.invalidBytes) {
    notes.push(
      `Encoding: ${fmt(facts.invalidBytes)} bytes are not valid UTF-8 (the file was re-saved by an editor); each was read as the ` +
        `latin-1 character of the same value, then the damage patterns were repaired. The file itself was not changed.`,
    );
  }
  if (t.entityDamaged || t.descriptionDamaged) {
    notes.push(
      `Repaired text: ${fmt(t.entityDamaged)} entity names and ${fmt(t.descriptionDamaged)} descriptions had damaged quotes or dashes ` +
        `(\\x83??, â€™???, Â); fixed by pattern here, and each case prefers an undamaged copy of the same text from another snapshot ` +
        `(${fmt(merge.cleanCopies)} cases across all snapshots use one).`,
    );
  }
  if (t.descriptionNullMarker) notes.push(`${fmt(t.descriptionNullMarker)} Web Descriptions were the literal \\N (a database NULL) and are NULL.`);
  if (t.descriptionMultiline) notes.push(`${fmt(t.descriptionMultiline)} descriptions contain line breaks; kept as written.`);
  if (t.blankCount) notes.push(`${fmt(t.blankCount)} rows have a blank Individuals Affected: NULL (unknown), never 0.`);
  const blanks = [
    [t.blankState, 'State'],
    [t.blankEntityType, 'Covered Entity Type'],
    [t.blankBreachType, 'Type of Breach'],
    [t.blankLocation, 'Location of Breached Information'],
    [t.blankBusinessAssociate, 'Business Associate Present'],
  ].filter(([n]) => (n as number) > 0);
  if (blanks.length) notes.push(`Blank values kept as unknown (NULL, or an empty list): ${blanks.map(([n, c]) => `${c} ${fmt(n as number)}`).join(', ')}.`);
  if (t.unknownBusinessAssociate) notes.push(`${fmt(t.unknownBusinessAssociate)} rows have a Business Associate Present other than Yes/No: NULL.`);
  if (load.duplicates.length) {
    const shown = load.duplicates.slice(0, 10).map(([line, first]) => `line ${line} = line ${first}`).join(', ');
    notes.push(
      `Exact duplicates: ${fmt(load.duplicates.length)} rows repeat an earlier row in every column (${shown}${load.duplicates.length > 10 ? ', …' : ''}); ` +
        `kept in ocr_rows, counted once as a case.`,
    );
  }
  if (facts.rejects) notes.push(`${fmt(facts.rejects)} rows rejected; see the rejects table (bw_rejects) for line and reason.`);
  notes.push(
    `Merged: this file's rows are ${fmt(facts.ofFile.cases)} cases (${fmt(facts.ofFile.firstSeenHere)} first seen in this snapshot). ` +
      `All snapshots: ${fmt(merge.cases)} cases from ${fmt(merge.snapshots)} snapshot dates, ${fmt(merge.revisions)} revised values; ` +
      `${fmt(merge.linked.renamed)} renamed, ${fmt(merge.linked.redated)} re-dated, ${fmt(merge.linked.recounted)} re-counted reports joined to their earlier identity; ` +
      `${fmt(merge.collapsedRows)} rows collapsed as duplicates within a snapshot.`,
  );
  return notes;
}
