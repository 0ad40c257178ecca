import { DataType, Message, type Data, type RecordBatch, type Schema } from 'apache-arrow';
// The IPC metadata classes are not re-exported from the package root; the
// package's export map publishes them under this path.
import {
  BufferRegion,
  DictionaryBatch as DictionaryBatchHeader,
  FieldNode,
  RecordBatch as RecordBatchHeader,
} from 'apache-arrow/ipc/metadata/message';

const EMPTY = new Uint8Array(0);

/** One message's body: the field nodes and buffers, laid out as apache-arrow's own writer does. */
class MessageBody {
  readonly nodes: FieldNode[] = [];
  readonly regions: BufferRegion[] = [];
  readonly buffers: Uint8Array[] = [];
  byteLength = 0;

  add(data: Data): void {
    const { type, length, nullCount } = data;
    if (length > 0x7fffffff) throw new RangeError('Cannot write arrays of 2^31 or more rows');
    this.nodes.push(new FieldNode(length, nullCount));
    if (DataType.isNull(type)) return;
    this.addBuffer(nullCount > 0 ? data.nullBitmap!.subarray(0, (length + 7) >> 3) : EMPTY);
    if (DataType.isDictionary(type)) {
      this.addBuffer(bytesOf(data.values, length * 4));
    } else if (DataType.isBool(type)) {
      this.addBuffer(bytesOf(data.values, (length + 7) >> 3));
    } else if (DataType.isUtf8(type) || DataType.isBinary(type)) {
      const offsets = data.valueOffsets as Int32Array;
      // Builders always start offsets at 0.
      this.addBuffer(bytesOf(offsets, (length + 1) * 4));
      this.addBuffer(bytesOf(data.values, offsets[length]!));
    } else if (DataType.isList(type)) {
      const offsets = data.valueOffsets as Int32Array;
      this.addBuffer(bytesOf(offsets, (length + 1) * 4));
      this.add(data.children[0]!);
    } else if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDate(type) || DataType.isTime(type) || DataType.isTimestamp(type)) {
      this.addBuffer(bytesOf(data.values, length * data.stride * (data.values as Int32Array).BYTES_PER_ELEMENT));
    } else {
      throw new Error(`No IPC layout for Arrow type ${String(type)}`);
    }
  }

  /** Buffers are padded to 8 bytes, and regions record the padded length, as apache-arrow's writer does. */
  private addBuffer(bytes: Uint8Array): void {
    const padded = (bytes.byteLength + 7) & ~7;
    this.buffers.push(bytes);
    this.regions.push(new BufferRegion(this.byteLength, padded));
    this.byteLength += padded;
  }
}

function bytesOf(view: ArrayBufferView, byteLength: number): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, byteLength);
}

/**
 * Writes an Arrow IPC stream (schema, then per batch its dictionary deltas
 * and the batch; then end-of-stream) straight from record batches, copying
 * each batch's buffers into the message bytes as it comes. So the builders
 * may lend their stores (`ColumnBuilder.finish(true)`) and reuse them for
 * the next batch, and no Table is ever assembled.
 *
 * Dictionaries follow apache-arrow's writer: a dictionary vector whose chunks
 * extend the ones already sent goes out as delta batches of the new chunks;
 * any other is sent whole as a replacement.
 */
export class ArrowIpcStreamWriter {
  private readonly parts: Uint8Array[] = [];
  private byteLength = 0;
  private readonly sentDictionaries = new Map<number, { first: Data | undefined; chunks: number }>();
  rowCount = 0;

  constructor(schema: Schema) {
    this.writeMessage(Message.from(schema), null);
  }

  write(batch: RecordBatch): void {
    for (const child of batch.data.children) this.writeDictionaries(child);
    const body = new MessageBody();
    for (const child of batch.data.children) body.add(child);
    this.writeMessage(Message.from(new RecordBatchHeader(batch.numRows, body.nodes, body.regions, null), body.byteLength), body);
    this.rowCount += batch.numRows;
  }

  /** The whole stream as one array, end-of-stream marker included. */
  finish(): Uint8Array {
    this.push(Int32Array.of(-1, 0));
    const out = new Uint8Array(this.byteLength);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.byteLength;
    }
    this.parts.length = 0;
    return out;
  }

  private writeDictionaries(data: Data): void {
    for (const child of data.children) this.writeDictionaries(child);
    if (!DataType.isDictionary(data.type) || !data.dictionary) return;
    const id = data.type.id;
    const chunks = data.dictionary.data;
    const sent = this.sentDictionaries.get(id);
    const first = sent === undefined || sent.first !== chunks[0] ? 0 : sent.chunks;
    for (let i = first; i < chunks.length; i++) {
      const chunk = chunks[i]!;
      const body = new MessageBody();
      body.add(chunk);
      const header = new DictionaryBatchHeader(new RecordBatchHeader(chunk.length, body.nodes, body.regions, null), id, i > 0);
      this.writeMessage(Message.from(header, body.byteLength), body);
    }
    this.sentDictionaries.set(id, { first: chunks[0], chunks: chunks.length });
  }

  /** Continuation marker, metadata length, flatbuffer padded to 8, then the body, as one part. */
  private writeMessage(message: Message, body: MessageBody | null): void {
    const metadata = Message.encode(message);
    const metadataLength = (metadata.byteLength + 8 + 7) & ~7;
    const part = new Uint8Array(metadataLength + (body?.byteLength ?? 0));
    const prefix = new Int32Array(part.buffer, 0, 2);
    prefix[0] = -1;
    prefix[1] = metadataLength - 8;
    part.set(metadata, 8);
    if (body !== null) {
      for (let i = 0; i < body.buffers.length; i++) part.set(body.buffers[i]!, metadataLength + Number(body.regions[i]!.offset));
    }
    this.push(part);
  }

  private push(part: ArrayBufferView): void {
    const bytes = part instanceof Uint8Array ? part : new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
    this.parts.push(bytes);
    this.byteLength += bytes.byteLength;
  }
}
