import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * sha256 of a file's bytes, as `run-import.ts` computes it (so both paths give one file the same id).
 * Kept here rather than imported from there: run-import reaches the importer registry, which imports
 * this folder, and that cycle would leave the registry's importers undefined.
 */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  // 1 MB reads: with the default 64 KB, a 0.9 GB log hashed in 1.2 s instead of 0.6 s.
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
