import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cancelledError } from './duckdb-errors';

/**
 * DuckDB reads UTF-8, UTF-16 and Latin-1, and its Latin-1 refuses bytes 0x80-0x9F, which is where
 * Windows-1252 (Excel's "CSV" on Windows) keeps curly quotes, the euro sign and dashes. Such a file is
 * converted to a temporary UTF-8 copy first, byte stream to byte stream; lines stay where they were.
 */
export async function transcodeToUtf8(
  path: string,
  fileName: string,
  signal: AbortSignal,
  progress: (fraction: number) => void,
): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'bw-transcode-'));
  const target = join(dir, 'utf8.csv');
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const total = (await stat(path)).size || 1;
    const decoder = new TextDecoder('windows-1252');
    const out = createWriteStream(target, { encoding: 'utf8' });
    let done = 0;
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      if (signal.aborted) {
        out.destroy();
        throw cancelledError(fileName);
      }
      done += (chunk as Buffer).length;
      if (!out.write(decoder.decode(chunk as Buffer, { stream: true }))) await once(out, 'drain');
      progress(done / total);
    }
    out.end(decoder.decode());
    await once(out, 'finish');
    return { path: target, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
