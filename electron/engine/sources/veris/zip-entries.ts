import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { WorkbenchError } from '../../../../shared/errors';

const MAX_ZIP_BYTES = 1024 ** 3;
const MAX_TOTAL_UNCOMPRESSED = 4 * 1024 ** 3;

/**
 * Extracts the entries a filter accepts from a zip into `targetDir` and returns their paths. Only
 * what VERIS exports use is read: stored or deflated entries, no encryption, no Zip64. Entry names
 * are confined to the target folder, so a crafted name ("../x") cannot write elsewhere.
 */
export async function extractZipEntries(zipPath: string, fileName: string, targetDir: string, accept: (name: string) => boolean): Promise<string[]> {
  const bytes = await readFile(zipPath);
  const fail = (why: string) => new WorkbenchError({ code: 'bad_input', message: `${fileName}: ${why}`, file: fileName });
  if (bytes.length > MAX_ZIP_BYTES) throw fail('zip archives over 1 GB are not read; unpack it and import the folder.');
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > bytes.length) throw fail('not a zip archive (no end-of-central-directory record).');
  const entries = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  if (at === 0xffffffff || entries === 0xffff) throw fail('Zip64 archives are not supported; unpack it and import the folder.');
  const written: string[] = [];
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw fail('damaged zip central directory.');
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/') || name.startsWith('__MACOSX/') || !accept(name)) continue;
    if (flags & 1) throw fail(`entry ${name} is encrypted.`);
    if (method !== 0 && method !== 8) throw fail(`entry ${name} uses compression method ${method}; only stored and deflated entries are read.`);
    total += size;
    if (total > MAX_TOTAL_UNCOMPRESSED) throw fail('unpacks to more than 4 GB; unpack it and import the folder.');
    if (bytes.readUInt32LE(localOffset) !== 0x04034b50) throw fail(`damaged local header for ${name}.`);
    const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    const content = method === 0 ? data : inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
    const safe = normalize(name).replace(/^(\.\.(\/|\\|$))+/, '').replace(/^[/\\]+/, '');
    const target = join(targetDir, safe);
    if (!target.startsWith(targetDir)) throw fail(`entry ${name} points outside the archive.`);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
    written.push(target);
  }
  return written.sort();
}
