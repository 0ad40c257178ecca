import { describe, expect, it } from 'vitest';
import { detectEncoding, detectLocalFormat, looksBinary } from '../../electron/engine/sources/local/file-format';
import { localSourceNames } from '../../electron/engine/sources/local/local-source-name';
import { estimateRows } from '../../electron/engine/sources/local/reader-options';
import { looksLikeStixBundle } from '../../electron/engine/sources/stix/stix-importer';
import { looksLikeVeris } from '../../electron/engine/sources/veris/veris-files';

describe('telling local file formats apart', () => {
  it('picks the reader from magic bytes, then the name', () => {
    expect(detectLocalFormat('log.csv', Buffer.from('a,b\n'))).toBe('csv');
    expect(detectLocalFormat('log.TSV', Buffer.from('a\tb\n'))).toBe('csv');
    expect(detectLocalFormat('log.xlsx', Buffer.from('PK\u0003\u0004'))).toBe('xlsx');
    expect(detectLocalFormat('export.bin', Buffer.from('PAR1xxxx'))).toBe('parquet');
    expect(detectLocalFormat('log.json', Buffer.from('[{"a":1}]'))).toBe('json');
    expect(detectLocalFormat('log.json', Buffer.from('{"a":1}\n{"a":2}\n'))).toBe('jsonl');
    expect(detectLocalFormat('log.ndjson', Buffer.from('{"a":1}\n'))).toBe('jsonl');
    expect(detectLocalFormat('report.docx', Buffer.from('PK'))).toBeNull();
  });

  it('reads the encoding from a byte-order mark or from whether the head is UTF-8', () => {
    expect(detectEncoding(Buffer.from('id,name\n1,café\n', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x69, 0x00]))).toBe('utf-16');
    expect(detectEncoding(Buffer.from('id,name\n1,caf\xe9 and more text\n', 'latin1'))).toBe('windows-1252');
    expect(detectEncoding(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]))).toBeNull();
    expect(looksBinary(Buffer.from('plain, text\n'))).toBe(false);
  });

  it('estimates rows from the head, for progress', () => {
    const head = Buffer.from('a,b\n1,2\n3,4\n5,6\n');
    expect(estimateRows(head, head.length * 1000)).toBe(4000);
    expect(estimateRows(Buffer.from('no newline'), 100)).toBeNull();
  });

  it("names a local source after the file, or the mapping's name", () => {
    expect(localSourceNames('Incident Log 2024.csv')).toEqual({
      name: 'incident_log_2024',
      sourceId: 'local:incident_log_2024',
      viewName: 'local_incident_log_2024',
      tableName: 'local_incident_log_2024_rows',
    });
    expect(localSourceNames('2024.csv').name).toBe('t_2024');
    expect(localSourceNames('x.csv', { sourceName: 'ward' }).sourceId).toBe('local:ward');
  });

  it('knows VERIS records and STIX bundles by their first bytes', () => {
    expect(looksLikeVeris('{"action": {}, "incident_id": "x", "schema_version": "1.3.7"}')).toBe(true);
    expect(looksLikeVeris('{"incident_id": "x"}')).toBe(false);
    expect(looksLikeStixBundle('{"type": "bundle", "id": "bundle--1", "objects": []}')).toBe(true);
    expect(looksLikeStixBundle('{"type": "indicator"}')).toBe(false);
  });
});
