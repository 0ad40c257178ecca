import type { DuckDBConnection } from '@duckdb/node-api';
import type { Mapping, MappingPreset, ReaderOptions } from '../../../../shared/api';
import { WorkbenchError } from '../../../../shared/errors';
import { quoteIdentifier } from '../../db/sql-identifiers';
import { detectMapping, type ColumnProfile } from '../../mapping/detect-mapping';
import { findPresetOn } from '../../mapping/presets';
import { openLocalSource, type LocalSource } from './local-source';
import { resolveReader } from './reader-options';
import { stageSource } from './stage-source';
import { dropTempTables, type StagedFile } from './staged-file';

export interface ResolvedFile {
  /** The file as DuckDB reads it; close it when done. */
  source: LocalSource;
  /** Its first rows, staged: what detection, presets and the preview look at. */
  sample: StagedFile;
  mapping: Mapping;
  /** The preset re-applied because the file has its shape. */
  preset: MappingPreset | null;
  head: Buffer;
  /** The reader's and the mapping's notes (the sample's own notes are in `sample.notes`). */
  notes: string[];
}

const PROFILE_ROWS = 500;

/**
 * Opens the file, stages its first `sampleRows` rows and settles its mapping: the caller's, else the
 * saved preset for files of this shape, else one detected from the header names and the first rows'
 * values. `convertLimit` converts only that many rows of a sheet (the preview).
 */
export async function stageAndResolve(
  connection: DuckDBConnection,
  request: {
    path: string;
    fileName: string;
    mapping?: Mapping;
    signal: AbortSignal;
    /** Fraction 0..1 of a conversion pass (Windows-1252 text, an XLSX sheet). */
    progress(fraction: number): void;
    sampleRows: number;
    convertLimit?: number;
  },
): Promise<ResolvedFile> {
  const { reader, head, notes } = await resolveReader(request.path, request.fileName, request.mapping?.reader);
  const open = async (r: ReaderOptions): Promise<{ source: LocalSource; sample: StagedFile }> => {
    const source = await openLocalSource(connection, {
      path: request.path,
      fileName: request.fileName,
      reader: r,
      signal: request.signal,
      progress: request.progress,
      ...(request.convertLimit !== undefined ? { limit: request.convertLimit } : {}),
    });
    try {
      return { source, sample: await stageSource(connection, source, { signal: request.signal, limit: request.sampleRows }) };
    } catch (error) {
      await source.close();
      throw error;
    }
  };
  let { source, sample } = await open(reader);
  const close = async () => {
    await dropTempTables(connection, sample.tempTables);
    await source.close();
  };
  try {
    if (sample.rows === 0 && sample.readerRejectCount === 0) {
      throw new WorkbenchError({ code: 'bad_input', message: `${request.fileName}: no rows to import (${sample.columns.length} column(s) found, no data under them).`, file: request.fileName });
    }
    if (request.mapping) {
      return { source, sample, mapping: { ...request.mapping, reader: source.reader }, preset: null, head, notes: [...notes, ...source.notes] };
    }
    const preset = await findPresetOn(connection, sample.columns);
    if (preset) {
      const saved = preset.mapping.reader;
      if (saved.format === reader.format && saved.encoding && saved.encoding !== source.reader.encoding) {
        const first = source.reader;
        await close();
        ({ source, sample } = await open({ ...first, encoding: saved.encoding }));
      }
      const mapping: Mapping = { ...preset.mapping, reader: { ...source.reader, badRows: saved.badRows } };
      return { source, sample, mapping, preset, head, notes: [...notes, ...source.notes, `Mapping preset "${preset.name}" applied: the file has the same columns.`] };
    }
    const detected = detectMapping(await profileColumns(connection, sample), source.reader);
    return { source, sample, mapping: detected.mapping, preset: null, head, notes: [...notes, ...source.notes, ...detected.notes] };
  } catch (error) {
    await close();
    throw error;
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
