import { describe, expect, it } from 'vitest';
import { dateFromFileName, decideSnapshot, listFromFileName } from '../../electron/engine/sources/ocr/ocr-snapshot';

describe('OCR list and snapshot date', () => {
  it('reads hints from file names', () => {
    expect(listFromFileName('breach_report_archive.csv')).toBe('archive');
    expect(listFromFileName('ocr_investigation_2025-06-13.csv')).toBe('investigation');
    expect(listFromFileName('breach_report.csv')).toBeNull();
    expect(dateFromFileName('ocr_archive_2024-10-08.csv')).toBe('2024-10-08');
    expect(dateFromFileName('export_20250613.csv')).toBe('2025-06-13');
    expect(dateFromFileName('export_2025-02-30.csv')).toBeNull();
    expect(dateFromFileName('breach_report.csv')).toBeNull();
  });

  it('an investigation list is dated by its latest Breach Submission Date, as an estimate', () => {
    const s = decideSnapshot({ fileName: 'breach_report.csv', describedRows: 0, latestSubmission: '2026-04-07' });
    expect(s).toMatchObject({ list: 'investigation', snapshotDate: '2026-04-07', snapshotEstimated: true });
    expect(s.snapshotBasis).toMatch(/latest Breach Submission Date \(estimate\)/);
  });

  it('an archive is recognised by its descriptions and dated by its file name when that is not earlier than its rows', () => {
    const s = decideSnapshot({ fileName: 'ocr_archive_2024-10-08.csv', describedRows: 4815, latestSubmission: '2024-06-28' });
    expect(s).toMatchObject({ list: 'archive', snapshotDate: '2024-10-08' });
    expect(s.listBasis).toBe('Web Description filled in 4,815 rows');
    const noDate = decideSnapshot({ fileName: 'breach_report_archive.csv', describedRows: 10, latestSubmission: '2024-06-28' });
    expect(noDate).toMatchObject({ list: 'archive', snapshotDate: '2024-06-28' });
    expect(noDate.snapshotBasis).toMatch(/archive may be newer/);
    const early = decideSnapshot({ fileName: 'archive_2020-01-01.csv', describedRows: 10, latestSubmission: '2024-06-28' });
    expect(early.snapshotDate).toBe('2024-06-28');
  });

  it('content beats the file name, and says so', () => {
    const s = decideSnapshot({ fileName: 'ocr_investigation_x.csv', describedRows: 3, latestSubmission: '2024-01-01' });
    expect(s.list).toBe('archive');
    expect(s.notes.join(' ')).toMatch(/file name suggests the investigation list/);
  });

  it('the user can correct both, but not to a date before the rows', () => {
    const s = decideSnapshot({ fileName: 'a.csv', describedRows: 0, latestSubmission: '2024-01-01' }, { list: 'archive', snapshotDate: '2024-02-01' });
    expect(s).toMatchObject({ list: 'archive', listBasis: 'set by user', snapshotDate: '2024-02-01', snapshotBasis: 'set by user', snapshotEstimated: false });
    expect(() => decideSnapshot({ fileName: 'a.csv', describedRows: 0, latestSubmission: '2024-01-01' }, { snapshotDate: '2023-12-31' })).toThrow(
      /before the latest Breach Submission Date/,
    );
    expect(() => decideSnapshot({ fileName: 'a.csv', describedRows: 0, latestSubmission: null }, { snapshotDate: '2024-13-01' })).toThrow(/not a date/);
  });
});
