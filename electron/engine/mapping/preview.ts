import { basename, resolve } from 'node:path';
import type { Mapping, MappingPreview, RejectInfo } from '../../../shared/api';
import type { Database } from '../db/database';
import { quoteIdentifier } from '../db/sql-identifiers';
import { localSourceNames } from '../sources/local/local-source-name';
import { profileColumns, stageAndResolve } from '../sources/local/stage-and-resolve';
import { dropTempTables } from '../sources/local/staged-file';
import { applyMapping } from './apply-mapping';
import { headerSignature } from './header-signature';
import { MAPPED_COLUMNS } from './mapping-sql';

/** Rows read for a preview: enough for detection to see the values, few enough to answer at once. */
const SAMPLE_ROWS = 1000;
const SAMPLES_PER_COLUMN = 5;
const MAX_PREVIEW_REJECTS = 200;

type PreviewValue = MappingPreview['rows'][number][string];

/**
 * The mapping wizard's view of a file: its columns with sample values, the mapping (given, preset or
 * detected) and the first rows as they would land, with the values that would be rejected and why.
 * Only the first rows are read; nothing in the workspace changes.
 */
export async function previewMapping(
  db: Database,
  rawPath: string,
  options: { mapping?: Mapping; rows?: number; signal?: AbortSignal } = {},
): Promise<MappingPreview> {
  const path = resolve(rawPath);
  const fileName = basename(path);
  const signal = options.signal ?? new AbortController().signal;
  const shown = Math.min(options.rows ?? 20, SAMPLE_ROWS);
  return db.exclusive(async (connection) => {
    const resolved = await stageAndResolve(connection, {
      path,
      fileName,
      ...(options.mapping ? { mapping: options.mapping } : {}),
      signal,
      progress: () => undefined,
      sampleRows: SAMPLE_ROWS,
      convertLimit: SAMPLE_ROWS,
    });
    const temp = [...resolved.sample.tempTables];
    try {
      const staged = resolved.sample;
      const mapping: Mapping = { ...resolved.mapping, reader: staged.reader };
      const profiles = await profileColumns(connection, staged, SAMPLE_ROWS);
      const names = localSourceNames(fileName, mapping);
      const mapped = await applyMapping(connection, { staged, mapping, sourceId: names.sourceId, sourceName: names.name, fileName, signal });
      temp.push(...mapped.tempTables);
      const table = `temp.${quoteIdentifier(mapped.table)}`;
      const rowsReader = await connection.runAndReadAll(
        `SELECT ${MAPPED_COLUMNS.map((c) => quoteIdentifier(c)).join(', ')} FROM ${table} ORDER BY line LIMIT ${shown}`,
      );
      const problemsReader = await connection.runAndReadAll(
        `SELECT line, p.col AS col, p.val AS val, p.reason AS reason
         FROM (SELECT line, unnest(problems) AS p, generate_subscripts(problems, 1) AS i FROM ${table} WHERE len(problems) > 0)
         ORDER BY line, i LIMIT ${MAX_PREVIEW_REJECTS}`,
      );
      const rejects: RejectInfo[] = [
        ...staged.readerRejects.slice(0, MAX_PREVIEW_REJECTS),
        ...problemsReader.getRowObjectsJS().map((r) => ({
          line: r.line === null ? null : Number(r.line),
          column: r.col === null ? null : String(r.col),
          value: r.val === null ? null : String(r.val),
          reason: String(r.reason),
        })),
      ];
      return {
        file: fileName,
        reader: staged.reader,
        columns: profiles.map((p) => ({ name: p.name, type: 'VARCHAR', samples: [...new Set(p.samples.filter((s) => s.trim() !== ''))].slice(0, SAMPLES_PER_COLUMN) })),
        headerSignature: headerSignature(staged.columns),
        preset: resolved.preset ? { name: resolved.preset.name, revision: resolved.preset.revision } : null,
        mapping,
        notes: [...resolved.notes, ...staged.notes],
        rows: rowsReader.getRowObjectsJS().map(toPreviewRow),
        rejects,
        rowsSampled: staged.rows,
      };
    } finally {
      await dropTempTables(connection, temp);
      await resolved.source.close();
    }
  });
}

function toPreviewRow(row: Record<string, unknown>): Record<string, PreviewValue> {
  const out: Record<string, PreviewValue> = {};
  for (const [key, value] of Object.entries(row)) out[key] = previewValue(value);
  return out;
}

function previewValue(value: unknown): PreviewValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map((v) => String(v));
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}
