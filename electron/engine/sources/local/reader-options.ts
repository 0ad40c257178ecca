import { open } from 'node:fs/promises';
import type { ReaderOptions } from '../../../../shared/api';
import { WorkbenchError } from '../../../../shared/errors';
import { defaultReaderOptions, detectEncoding, detectLocalFormat } from './file-format';

const HEAD_BYTES = 64 * 1024;

export async function readHead(path: string, fileName: string): Promise<Buffer> {
  const handle = await open(path, 'r').catch(() => {
    throw new WorkbenchError({ code: 'not_found', message: `${fileName}: cannot open the file (${path}).`, file: fileName });
  });
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * The reader options for a file: the user's (from a mapping) where given, otherwise what the name and
 * first bytes say. Binary content under a text name is refused here, before DuckDB guesses at it.
 */
export async function resolveReader(path: string, fileName: string, requested?: ReaderOptions): Promise<{ reader: ReaderOptions; head: Buffer; notes: string[] }> {
  const head = await readHead(path, fileName);
  if (head.length === 0) throw new WorkbenchError({ code: 'bad_input', message: `${fileName} is empty: there is nothing to import.`, file: fileName });
  const format = requested?.format ?? detectLocalFormat(fileName, head);
  if (!format) {
    throw new WorkbenchError({ code: 'bad_input', message: `${fileName}: not a CSV, TSV, JSON, JSON Lines, Parquet or XLSX file.`, file: fileName });
  }
  const reader: ReaderOptions = { ...defaultReaderOptions(fileName, format), ...(requested ?? {}) };
  const notes: string[] = [];
  if (format === 'csv' || format === 'json' || format === 'jsonl') {
    const encoding = detectEncoding(head);
    if (encoding === null) {
      throw new WorkbenchError({ code: 'bad_input', message: `${fileName}: looks like a binary file, not ${format === 'csv' ? 'CSV text' : 'JSON text'}.`, file: fileName });
    }
    if (format === 'csv' && !reader.encoding) {
      reader.encoding = encoding;
      if (encoding === 'windows-1252') notes.push(`${fileName} is not valid UTF-8; read as Windows-1252 (Latin-1). Choose another encoding in the mapping if accents look wrong.`);
    }
    if (format !== 'csv' && encoding !== 'utf-8') {
      throw new WorkbenchError({ code: 'bad_input', message: `${fileName}: JSON must be UTF-8 text; this file is not (wrong encoding?).`, file: fileName });
    }
  }
  return { reader, head, notes };
}

/** Roughly how many rows a text file holds, from the length of the lines in its head; for progress only. */
export function estimateRows(head: Buffer, bytes: number): number | null {
  const newlines = head.reduce((n, b) => (b === 10 ? n + 1 : n), 0);
  if (newlines === 0 || bytes === 0) return null;
  return Math.max(1, Math.round((bytes / head.length) * newlines));
}
