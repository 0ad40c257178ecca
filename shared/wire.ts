/**
 * The HTTP transport's body format: JSON with binary parts carried beside it, not inside it, so that
 * Arrow bytes never go through base64 or JSON. Electron IPC does not need this (structured clone
 * carries Uint8Array as is).
 *
 * Layout: [4-byte little-endian JSON length][JSON UTF-8][binary parts, back to back].
 * In the JSON a binary value is `{"$bin":[offset,length]}` relative to the start of the parts.
 */
const BIN_KEY = '$bin';

export function encodeWire(value: unknown): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [];
  let offset = 0;
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Uint8Array) {
      parts.push(v);
      const ref = { [BIN_KEY]: [offset, v.byteLength] };
      offset += v.byteLength;
      return ref;
    }
    if (typeof v === 'bigint') return Number(v);
    return v;
  });
  const jsonBytes = new TextEncoder().encode(json ?? 'null');
  const out = new Uint8Array(4 + jsonBytes.byteLength + offset);
  new DataView(out.buffer).setUint32(0, jsonBytes.byteLength, true);
  out.set(jsonBytes, 4);
  let at = 4 + jsonBytes.byteLength;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

export function decodeWire(bytes: Uint8Array): unknown {
  if (bytes.byteLength < 4) throw new Error('wire message too short');
  const jsonLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  if (4 + jsonLength > bytes.byteLength) throw new Error('wire message truncated');
  const json = new TextDecoder().decode(bytes.subarray(4, 4 + jsonLength));
  const binStart = 4 + jsonLength;
  return JSON.parse(json, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const ref = (v as Record<string, unknown>)[BIN_KEY];
      if (Array.isArray(ref) && ref.length === 2 && Object.keys(v).length === 1) {
        const [start, length] = ref as [number, number];
        // A copy, so the part does not pin the whole message and is aligned for Arrow's typed arrays.
        return bytes.slice(binStart + start, binStart + start + length);
      }
    }
    return v;
  });
}
