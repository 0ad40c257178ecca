import { extname } from 'node:path';
import type { ReaderOptions } from '../../../../shared/api';

export type LocalFormat = ReaderOptions['format'];

const CSV_EXTENSIONS = ['.csv', '.tsv', '.tab', '.txt'];

/** The reader for a file, from its magic bytes first and its name second; null when it is none of ours. */
export function detectLocalFormat(name: string, head: Buffer): LocalFormat | null {
  const ext = extname(name).toLowerCase();
  if (head.subarray(0, 4).toString('latin1') === 'PAR1') return 'parquet';
  if (ext === '.parquet') return 'parquet';
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (CSV_EXTENSIONS.includes(ext)) return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return looksLikeJsonLines(head) ? 'jsonl' : 'json';
  return null;
}

/** A .json file whose first two non-blank lines each hold a whole object is JSON Lines. */
function looksLikeJsonLines(head: Buffer): boolean {
  const lines = head.toString('utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length < 2) return false;
  return lines.slice(0, 2).every((line) => {
    if (!line.startsWith('{') || !line.endsWith('}')) return false;
    try {
      JSON.parse(line);
      return true;
    } catch {
      return false;
    }
  });
}

/** Reader defaults that follow from the name alone (a .tsv is tab-separated). */
export function defaultReaderOptions(name: string, format: LocalFormat): ReaderOptions {
  const ext = extname(name).toLowerCase();
  const reader: ReaderOptions = { format, badRows: 'fail' };
  if (format === 'csv' && (ext === '.tsv' || ext === '.tab')) reader.delimiter = '\t';
  return reader;
}

export type TextEncoding = NonNullable<ReaderOptions['encoding']>;

/**
 * The text encoding from the first bytes: a byte-order mark decides; otherwise UTF-8 when the head
 * decodes as UTF-8, else Windows-1252 (what Excel on Windows writes; a superset of Latin-1's
 * printable characters). Null means the head is binary.
 */
export function detectEncoding(head: Buffer): TextEncoding | null {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return 'utf-16';
  if (looksBinary(head)) return null;
  // The head may end inside a multi-byte character: leave the last three bytes out of the check.
  const body = head.length > 3 ? head.subarray(0, head.length - 3) : head;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** NUL bytes or many control characters: not a text file whatever its name says. */
export function looksBinary(head: Buffer): boolean {
  const sample = head.subarray(0, 8192);
  if (sample.length === 0) return false;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control += 1;
  }
  return control / sample.length > 0.1;
}
