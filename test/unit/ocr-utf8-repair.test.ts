import { readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { repairUtf8 } from '../../electron/engine/sources/ocr/utf8-repair';
import { datasetPath, hasDataset } from '../helpers/datasets';

describe('repairUtf8', () => {
  it('leaves valid UTF-8 alone (the same buffer)', () => {
    const valid = Buffer.from('La Clínica – “CVS”', 'utf8');
    const result = repairUtf8(valid);
    expect(result.invalidBytes).toBe(0);
    expect(result.bytes).toBe(valid);
  });

  it('maps each invalid byte to the character of the same number and keeps valid sequences', () => {
    const input = Buffer.concat([Buffer.from('drivers'), Buffer.from([0x83]), Buffer.from('?? license – ok'), Buffer.from([0xff])]);
    const result = repairUtf8(input);
    expect(result.invalidBytes).toBe(2);
    expect(isUtf8(result.bytes)).toBe(true);
    expect(result.bytes.toString('utf8')).toBe('drivers\u0083?? license – ok\u00ff');
  });

  it('treats truncated and overlong sequences as invalid bytes', () => {
    const truncated = Buffer.from([0x61, 0xe2, 0x80, 0x62]); // "a", half of "–", "b"
    expect(repairUtf8(truncated).bytes.toString('utf8')).toBe('a\u00e2\u0080b');
    const overlong = Buffer.from([0xc0, 0xaf]);
    expect(repairUtf8(overlong).invalidBytes).toBe(2);
  });

  it.skipIf(!hasDataset('ocr', 'ocr_archive_2024-10-08.csv'))('repairs the re-saved 2024-10-08 archive: every byte above 0x7F is invalid there', () => {
    const bytes = readFileSync(datasetPath('ocr', 'ocr_archive_2024-10-08.csv'));
    // Independent count: the file holds no valid multi-byte sequence, so each high byte is one invalid byte.
    const high = bytes.reduce((n, b) => n + (b >= 0x80 ? 1 : 0), 0);
    const result = repairUtf8(bytes);
    expect(result.invalidBytes).toBe(high);
    expect(result.invalidBytes).toBe(4192);
    expect(isUtf8(result.bytes)).toBe(true);
    expect(result.bytes.length).toBe(bytes.length + high);
  });
});
