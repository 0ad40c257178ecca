import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../../shared/wire';

describe('HTTP wire format', () => {
  it('carries JSON and several binary parts without base64', () => {
    const a = new Uint8Array([1, 2, 3]);
    const b = new Uint8Array(100_000).fill(7);
    const message = { ok: true, value: { arrow: a, nested: [{ bytes: b }], text: 'Ünïcode ✓', n: 42, none: null } };
    const bytes = encodeWire(message);
    expect(bytes.byteLength).toBeLessThan(100_200);
    const back = decodeWire(bytes) as typeof message;
    expect(back.value.text).toBe('Ünïcode ✓');
    expect(back.value.none).toBeNull();
    expect([...back.value.arrow]).toEqual([1, 2, 3]);
    expect(back.value.nested[0]!.bytes.byteLength).toBe(100_000);
    expect(back.value.nested[0]!.bytes[99_999]).toBe(7);
  });

  it('refuses a truncated message', () => {
    const bytes = encodeWire({ a: 1 });
    expect(() => decodeWire(bytes.subarray(0, 6))).toThrow(/truncated/);
  });
});
