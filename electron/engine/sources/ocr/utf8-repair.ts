import { isUtf8 } from 'node:buffer';

export interface Utf8Repair {
  bytes: Buffer;
  /** Bytes that were not part of a valid UTF-8 sequence. */
  invalidBytes: number;
}

/**
 * Makes a buffer valid UTF-8 without losing anything: valid sequences pass through unchanged, and each
 * byte that is not part of one becomes the character with the same number (U+0080..U+00FF), as
 * latin-1 would read it. The damage stays visible and reversible (0x83 becomes U+0083), so the SQL
 * repair in `ocr-text.ts` can recognise the portal's patterns, and the trace to the original byte is kept.
 *
 * Why not DuckDB's `encoding='latin-1'`: DuckDB 1.5 refuses C1 bytes 0x80..0x9F ("File is not
 * latin-1 encoded"), which is exactly what the damaged OCR archive holds (0x83, 0x9D, 0x9B), and the
 * `encodings` extension would have to be downloaded. Decoding the whole file as latin-1 would also
 * turn the valid UTF-8 of a mostly good file into mojibake.
 */
export function repairUtf8(input: Buffer): Utf8Repair {
  if (isUtf8(input)) return { bytes: input, invalidBytes: 0 };
  const out = Buffer.allocUnsafe(input.length * 2);
  let o = 0;
  let invalidBytes = 0;
  let i = 0;
  while (i < input.length) {
    const b = input[i]!;
    const length = sequenceLength(input, i);
    if (length > 0) {
      input.copy(out, o, i, i + length);
      o += length;
      i += length;
      continue;
    }
    invalidBytes += 1;
    out[o++] = 0xc0 | (b >> 6);
    out[o++] = 0x80 | (b & 0x3f);
    i += 1;
  }
  return { bytes: out.subarray(0, o), invalidBytes };
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there does not start one. */
function sequenceLength(buf: Buffer, i: number): number {
  const b0 = buf[i]!;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const b = buf[i + k];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}
