import type { DuckDBConnection } from '@duckdb/node-api';
import type { Mapping, MappingPreset, ReaderOptions } from '../../../../shared/api';
import { WorkbenchError } from '../../../../shared/errors';
import { quoteIdentifier } from '../../db/sql-identifiers';
import { detectMapping, type ColumnProfile } from '../../mapping/detect-mapping';
import { findPresetOn } from '../../mapping/presets';
import { resolveReader } from './reader-options';
import { stageFile } from './stage-file';
import { dropTempTables, enforceBadRowPolicy, type StagedFile } from './staged-file';

export interface ResolvedFile {
  staged: StagedFile;
  mapping: Mapping;
  /** The preset re-applied because the file has its shape. */
  preset: MappingPreset | null;
  head: Buffer;
  notes: string[];
}

const PROFILE_ROWS = 500;

/**
 * Reads the file into staging and settles its mapping: the caller's, else the saved preset for files
 * of this shape, else one detected from the header names and the first rows' values.
 */
export async function stageAndResolve(
  connection: DuckDBConnection,
  request: { path: string; fileName: string; mapping?: Mapping; signal: AbortSignal; progress(fraction: number): void; limit?: number },
): Promise<ResolvedFile> {
  const { reader, head, notes } = await resolveReader(request.path, request.fileName, request.mapping?.reader);
  const stage = (r: ReaderOptions) =>
    stageFile(connection, { path: request.path, fileName: request.fileName, reader: r, signal: request.signal, progress: request.progress, ...(request.limit !== undefined ? { limit: request.limit } : {}) });
  let staged = await stage(reader);
  try {
    if (staged.rows === 0 && staged.readerRejectCount === 0) {
      throw new WorkbenchError({ code: 'bad_input', message: `${request.fileName}: no rows to import (${staged.columns.length} column(s) found, no data under them).`, file: request.fileName });
    }
    const resolved = await resolveMapping(staged);
    // A preview shows unreadable rows as rejects; an import with badRows 'fail' stops at the first.
    if (request.limit === undefined) enforceBadRowPolicy({ ...resolved.staged, reader: resolved.mapping.reader }, request.fileName);
    return resolved;
  } catch (error) {
    await dropTempTables(connection, staged.tempTables);
    throw error;
  }

  async function resolveMapping(first: StagedFile): Promise<ResolvedFile> {
    if (request.mapping) return { staged: first, mapping: { ...request.mapping, reader: first.reader }, preset: null, head, notes: [...notes, ...first.notes] };
    const preset = await findPresetOn(connection, first.columns);
    if (preset) {
      const saved = preset.mapping.reader;
      if (saved.format === reader.format && saved.encoding && saved.encoding !== first.reader.encoding) {
        await dropTempTables(connection, first.tempTables);
        staged = await stage({ ...first.reader, encoding: saved.encoding });
      }
      const mapping: Mapping = { ...preset.mapping, reader: { ...staged.reader, badRows: saved.badRows } };
      return { staged, mapping, preset, head, notes: [...notes, ...staged.notes, `Mapping preset "${preset.name}" applied: the file has the same columns.`] };
    }
    const detected = detectMapping(await profileColumns(connection, first), first.reader);
    return { staged: first, mapping: detected.mapping, preset: null, head, notes: [...notes, ...first.notes, ...detected.notes] };
  }
}

/** The first rows' values per column, as text: what detection looks at (a small sample, not the data). */
export async function profileColumns(connection: DuckDBConnection, staged: StagedFile, rows = PROFILE_ROWS): Promise<ColumnProfile[]> {
  const list = staged.columns.map((c) => quoteIdentifier(c)).join(', ');
  const reader = await connection.runAndReadAll(`SELECT ${list} FROM temp.${quoteIdentifier(staged.table)} s ORDER BY s.rowid LIMIT ${rows}`);
  const table = reader.getRowObjectsJS();
  return staged.columns.map((name) => ({
    name,
    samples: table.map((r) => r[name]).filter((v): v is string => typeof v === 'string'),
  }));
}
