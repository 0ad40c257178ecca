import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchOcrHeader, parseHeaderLine } from '../../electron/engine/sources/ocr/ocr-columns';
import { ocrPortalImporter } from '../../electron/engine/sources/ocr';
import { datasetPath, hasDataset } from '../helpers/datasets';

const PORTAL = '"Name of Covered Entity","State","Covered Entity Type","Individuals Affected","Breach Submission Date","Type of Breach","Location of Breached Information","Business Associate Present","Web Description"\n';

function sniff(text: string, name = 'breach_report.csv') {
  return ocrPortalImporter.sniff({ path: `/x/${name}`, name, head: Buffer.from(text), isDirectory: false });
}

describe('OCR export header', () => {
  it('recognises the portal header, quoted or not, with 9 or 8 columns', () => {
    expect(matchOcrHeader(parseHeaderLine(PORTAL))).toEqual({ columnCount: 9, placeholderPositions: [] });
    const unquoted = PORTAL.replaceAll('"', '').replace('\n', '\r\n');
    expect(matchOcrHeader(parseHeaderLine(unquoted))).toEqual({ columnCount: 9, placeholderPositions: [] });
    const eight = PORTAL.replace(',"Web Description"', '');
    expect(matchOcrHeader(parseHeaderLine(eight))).toEqual({ columnCount: 8, placeholderPositions: [] });
    expect(sniff(`\ufeff${PORTAL}`)).toBe(true);
  });

  it('accepts the UIPanel placeholders by position and says which columns they were', () => {
    const quirk = PORTAL.replace('"Name of Covered Entity"', '"javax.faces.component.UIPanel@495f2e1e"').replace(
      '"Business Associate Present"',
      '"javax.faces.component.UIPanel@3408c427"',
    );
    expect(matchOcrHeader(parseHeaderLine(quirk))).toEqual({ columnCount: 9, placeholderPositions: [1, 8] });
    expect(sniff(quirk)).toBe(true);
  });

  it('refuses other CSV files, a column out of place, and a header of placeholders only', () => {
    expect(sniff('entity,state,records\nA,CA,5\n')).toBe(false);
    const swapped = PORTAL.replace('"State","Covered Entity Type"', '"Covered Entity Type","State"');
    expect(sniff(swapped)).toBe(false);
    const placeholders = Array.from({ length: 9 }, (_, i) => `javax.faces.component.UIPanel@${i}abc`).join(',');
    expect(sniff(placeholders)).toBe(false);
    expect(ocrPortalImporter.sniff({ path: '/x', name: 'x', head: Buffer.alloc(0), isDirectory: true })).toBe(false);
  });

  describe.skipIf(!hasDataset('ocr'))('on the shared exports', () => {
    it('claims all eight files, and reads the 2026-04-07 header as UIPanel columns 1 and 8', () => {
      for (const name of [
        'ocr_archive_2024-06-28_cleantext.csv',
        'ocr_archive_2024-10-08.csv',
        'ocr_investigation_2024-10-08.csv',
        'ocr_investigation_2026-04-07.csv',
      ]) {
        const head = readFileSync(datasetPath('ocr', name)).subarray(0, 65536);
        expect(ocrPortalImporter.sniff({ path: datasetPath('ocr', name), name, head, isDirectory: false })).toBe(true);
      }
      const head = readFileSync(datasetPath('ocr', 'ocr_investigation_2026-04-07.csv')).subarray(0, 4096);
      expect(matchOcrHeader(parseHeaderLine(head))?.placeholderPositions).toEqual([1, 8]);
    });
  });
});
