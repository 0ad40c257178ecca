import { inflateRawSync, constants as zlibConstants } from 'node:zlib';
import { classifyOaicHeaders } from './oaic-headers';

/**
 * Cheap recognition of an OAIC table from a file's first bytes (the importer sees 64 KiB).
 *
 * CSV/TSV: the first line must be an OAIC-shaped header (a period, and notifications, source,
 * sector or another OAIC breakdown). XLSX: the strings of the workbook that fit in those bytes
 * (shared strings and sheet XML, inflated as far as they go) must hold such a header among them; a
 * workbook whose strings lie beyond the head is claimed only when its name says OAIC or NDB.
 */
export function sniffOaicTable(file: { name: string; head: Buffer; isDirectory: boolean }): boolean {
  if (file.isDirectory) return false;
  const lower = file.name.toLowerCase();
  if (lower.endsWith('.xlsx') || isZip(file.head)) {
    if (!lower.endsWith('.xlsx')) return false;
    const strings = xlsxHeadStrings(file.head);
    if (classifyOaicHeaders(strings)) return true;
    return /(^|[^a-z])(oaic|ndb|notifiable)/.test(lower) && strings.length === 0;
  }
  if (!/\.(csv|tsv|txt)$/.test(lower)) return false;
  return classifyOaicHeaders(csvHeader(file.head)) !== null;
}

/** The first line of a delimited file, split on its most frequent delimiter; quotes respected. */
export function csvHeader(head: Buffer): string[] {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t', '|'].reduce((best, d) => (count(line, d) > count(line, best) ? d : best), ',');
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells.filter((c) => c.length > 0);
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

function isZip(head: Buffer): boolean {
  return head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
}

/**
 * Text cells found in the XLSX entries that start within the head. Walks the ZIP local headers;
 * stops at an entry whose size is only given after its data (a streaming writer's data descriptor).
 */
export function xlsxHeadStrings(head: Buffer): string[] {
  const strings: string[] = [];
  let offset = 0;
  while (offset + 30 <= head.length && head.readUInt32LE(offset) === 0x04034b50) {
    const flags = head.readUInt16LE(offset + 6);
    const method = head.readUInt16LE(offset + 8);
    const compressedSize = head.readUInt32LE(offset + 18);
    const nameLength = head.readUInt16LE(offset + 26);
    const extraLength = head.readUInt16LE(offset + 28);
    const name = head.toString('utf8', offset + 30, offset + 30 + nameLength);
    const start = offset + 30 + nameLength + extraLength;
    if (/^xl\/(sharedStrings\.xml|worksheets\/sheet\d+\.xml)$/.test(name)) {
      const data = head.subarray(start, compressedSize > 0 ? start + compressedSize : head.length);
      strings.push(...xmlTexts(inflatePartial(data, method)));
    }
    if (flags & 0x08) break;
    offset = start + compressedSize;
  }
  return strings;
}

function inflatePartial(data: Buffer, method: number): string {
  try {
    if (method === 0) return data.toString('utf8');
    // SYNC_FLUSH returns what the truncated stream holds instead of failing at its cut end.
    if (method === 8) return inflateRawSync(data, { finishFlush: zlibConstants.Z_SYNC_FLUSH }).toString('utf8');
  } catch {
    // A damaged or cut entry just yields no strings; the importer reports real errors.
  }
  return '';
}

function xmlTexts(xml: string): string[] {
  const out: string[] = [];
  for (const match of xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) out.push(unescapeXml(match[1]!));
  return out;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
