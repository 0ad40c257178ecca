import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportContext } from '../../electron/engine/imports/importer';
import { hashFile } from '../../electron/engine/imports/run-import';
import { provenanceFor } from '../../electron/engine/queries/provenance';
import { importOcrExport, reviseOcrSnapshot, caseRevisions } from '../../electron/engine/sources/ocr';
import { ocrCoverageCaveat } from '../../electron/engine/sources/ocr/ocr-coverage';
import { Workspace } from '../../electron/engine/workspace/workspace';
import { makeTempDir } from '../helpers/temp-dir';

const HEADER = 'Name of Covered Entity,State,Covered Entity Type,Individuals Affected,Breach Submission Date,Type of Breach,Location of Breached Information,Business Associate Present,Web Description';

let dir: string;
let remove: () => void;
let workspace: Workspace;

beforeEach(async () => {
  ({ dir, remove } = makeTempDir('bw-ocr-snap-'));
  workspace = await Workspace.open(join(dir, 'ws'));
});
afterEach(() => {
  workspace.close();
  remove();
});

function writeExport(name: string, lines: string[], header = HEADER, eol = '\n'): string {
  const path = join(dir, name);
  writeFileSync(path, [header, ...lines].join(eol) + eol);
  return path;
}

async function context(path: string, signal = new AbortController().signal): Promise<ImportContext> {
  const sha256 = await hashFile(path);
  return { db: workspace.db, path, fileName: basename(path), fileId: sha256.slice(0, 16), sha256, bytes: 0, signal, progress: () => undefined };
}

async function importFile(path: string, overrides = {}) {
  return importOcrExport(await context(path), overrides);
}

const rows = <T = Record<string, unknown>>(sql: string, params?: Record<string, string>) => workspace.db.rows<T>(sql, params);

describe('OCR snapshots merged into cases', () => {
  it('a case that moves from the investigation list to the archive stays one case, with the move as a revision', async () => {
    await importFile(
      writeExport('breach_report_2024-01-10.csv', [
        'Acme Clinic,TX,Healthcare Provider,500,01/05/2024,Hacking/IT Incident,Network Server,No,',
        'Other Clinic,CA,Healthcare Provider,900,01/10/2024,"Theft, Loss",Laptop,No,',
      ]),
    );
    const report = await importFile(
      writeExport('breach_report_archive_2024-03-01.csv', [
        'Acme Clinic,TX,Healthcare Provider,1200,01/05/2024,Hacking/IT Incident,Network Server,No,"The covered entity (CE), Acme Clinic, reported a ransomware attack.\nThe CE notified HHS."',
      ]),
    );
    expect(report).toMatchObject({ kind: 'ocr-archive', snapshotDate: '2024-03-01', rowsLoaded: 1 });
    const cases = await rows(`SELECT case_id, list, records_affected, first_seen::VARCHAR AS first_seen, last_seen::VARCHAR AS last_seen, actor, threat FROM ocr_breaches ORDER BY case_id`);
    expect(cases).toEqual([
      { case_id: 'ocr:2024-01-05:TX:acmeclinic', list: 'archive', records_affected: 1200n, first_seen: '2024-01-10', last_seen: '2024-03-01', actor: 'external', threat: 'ransomware' },
      { case_id: 'ocr:2024-01-10:CA:otherclinic', list: 'investigation', records_affected: 900n, first_seen: '2024-01-10', last_seen: '2024-01-10', actor: 'mixed', threat: 'loss_or_theft' },
    ]);
    const revisions = await caseRevisions(workspace.db, 'ocr:2024-01-05:TX:acmeclinic');
    expect(revisions.map((r) => [r.field, r.oldValue, r.newValue, r.fromSnapshot, r.toSnapshot])).toEqual([
      ['list', 'investigation', 'archive', '2024-01-10', '2024-03-01'],
      ['records_affected', '500', '1200', '2024-01-10', '2024-03-01'],
    ]);
    // Import order does not matter: the merge depends only on the snapshots held.
    const before = await rows(`SELECT * FROM ocr_cases ORDER BY case_id`);
    await importFile(join(dir, 'breach_report_2024-01-10.csv'));
    expect(await rows(`SELECT * FROM ocr_cases ORDER BY case_id`)).toEqual(before);
  });

  it('says from which date on the counts are lower bounds, from the lists held', async () => {
    const acme = 'Acme Clinic,TX,Healthcare Provider,500,01/05/2024,Hacking/IT Incident,Network Server,No,';
    expect(await ocrCoverageCaveat(workspace.db)).toBeNull();
    await importFile(writeExport('breach_report_2024-01-10.csv', [acme]));
    expect((await ocrCoverageCaveat(workspace.db))?.summary).toBe('HHS OCR counts are lower bounds (no archive loaded).');
    await importFile(writeExport('breach_report_archive_2024-03-01.csv', [acme]));
    expect(await ocrCoverageCaveat(workspace.db)).toEqual({
      summary: 'HHS OCR counts of the two years before 2024-03-01 may be lower bounds.',
      detail: 'No list under investigation of 2024-03-01, the latest archive, is loaded, so cases still open that day are missing.',
      after: null,
    });
    // Both lists of one date (an investigation list is dated by its latest submission): every case
    // reported up to it is held, nothing to warn about.
    await importFile(writeExport('breach_report_2024-03-01.csv', ['Other Clinic,CA,Healthcare Provider,900,03/01/2024,Theft,Laptop,No,']));
    expect(await ocrCoverageCaveat(workspace.db)).toBeNull();
    await importFile(writeExport('breach_report_2024-05-02.csv', ['Third Clinic,CA,Healthcare Provider,700,05/02/2024,Theft,Laptop,No,']));
    const caveat = {
      summary: 'HHS OCR counts of breaches reported after 2024-03-01 are lower bounds.',
      detail:
        '2024-03-01 is the latest archive loaded. The snapshots after it (to 2024-05-02) hold only cases still under investigation, so a case closed before the next snapshot was saved is missing.',
      after: '2024-03-01',
    };
    expect(await ocrCoverageCaveat(workspace.db)).toEqual(caveat);
    // Every chart and export over OCR carries it; a query over another source does not.
    expect((await provenanceFor(workspace.db, ['ocr'])).caveats).toEqual([caveat]);
    expect((await provenanceFor(workspace.db, ['oaic'])).caveats).toEqual([]);
  });

  it('tells apart several reports filed under one name and date, and follows a re-counted one', async () => {
    const day = (count: string, state = 'MA') => `"Alvaria, Inc.",${state},Business Associate,${count},05/26/2023,Hacking/IT Incident,Network Server,Yes,`;
    // Both lists' latest submission is the same day, so the snapshot dates are set as a user would.
    await importFile(writeExport('list_2023-06-01.csv', [day('4456'), day('1389'), day('1191')]), { snapshotDate: '2023-06-01' });
    await importFile(writeExport('list_2023-07-01.csv', [day('4456'), day('1389'), day('2000')]), { snapshotDate: '2023-07-01' });
    const cases = await rows<{ case_id: string; records_affected: bigint; snapshots: number }>(`SELECT case_id, records_affected, snapshots FROM ocr_cases ORDER BY records_affected`);
    expect(cases.map((c) => [Number(c.records_affected), c.snapshots])).toEqual([[1389, 2], [2000, 2], [4456, 2]]);
    for (const c of cases) expect(c.case_id).toMatch(/^ocr:2023-05-26:MA:alvariainc:[0-9a-f]{8}$/);
    const recounted = await rows(`SELECT field, old_value, new_value FROM ocr_revisions`);
    expect(recounted).toEqual([{ field: 'records_affected', old_value: '1191', new_value: '2000' }]);
    expect(await rows(`SELECT link_rule FROM ocr_case_rows WHERE link_rule IS NOT NULL`)).toEqual([{ link_rule: 'recounted' }]);
  });

  it('prefers an undamaged copy of the same text from another snapshot', async () => {
    await importFile(
      writeExport('archive_2024-06-28.csv', ['"St. Vincent’s Clinic",IN,Healthcare Provider,700,02/01/2024,Theft,Laptop,No,"A laptop with drivers’ license numbers was stolen from an employee’s car."']),
    );
    const damaged = Buffer.concat([
      Buffer.from(`${HEADER}\r\n`),
      Buffer.from('St. Vincent'), Buffer.from([0x83]), Buffer.from('??s Clinic,IN,Healthcare Provider,700,02/01/2024,Theft,Laptop,No,"A laptop with drivers'),
      Buffer.from([0x83]), Buffer.from('?? license numbers was stolen from an employee'), Buffer.from([0x83]), Buffer.from('??s car."\r\n'),
      Buffer.from('New Clinic,IN,Healthcare Provider,800,03/01/2024,Theft,Laptop,No,"The CE'), Buffer.from([0x83]), Buffer.from('??s laptop was stolen."\r\n'),
    ]);
    writeFileSync(join(dir, 'archive_2024-10-08.csv'), damaged);
    const report = await importFile(join(dir, 'archive_2024-10-08.csv'));
    expect(report.notes.join('\n')).toContain('Encoding: 4 bytes are not valid UTF-8');
    expect(report.rowsRepaired).toBe(2);
    const cases = await rows(`SELECT entity, description, text_source FROM ocr_cases ORDER BY entity`);
    expect(cases).toEqual([
      { entity: 'New Clinic', description: 'The CE’s laptop was stolen.', text_source: 'repaired by pattern' },
      { entity: 'St. Vincent’s Clinic', description: 'A laptop with drivers’ license numbers was stolen from an employee’s car.', text_source: 'clean copy from another snapshot' },
    ]);
    expect(await rows(`SELECT * FROM ocr_revisions`)).toEqual([]);
  });
});

describe('OCR import reports and rejects', () => {
  it('rejects rows that cannot be a breach report, at their physical line, and loads the rest', async () => {
    const path = writeExport(
      'breach_report.csv',
      [
        'Good One,TX,Healthcare Provider,1000,01/02/2024,Theft,Laptop,No,',
        '"Multi, Line",TX,Health Plan,"2,500",01/03/2024,Loss,Email,Yes,"first\nsecond\nthird"',
        'Bad Date,TX,Healthcare Provider,700,2024-01-04,Theft,Laptop,No,',
        'Bad Count,TX,Healthcare Provider,n/a,01/05/2024,Theft,Laptop,No,',
        ',TX,Healthcare Provider,700,01/06/2024,Theft,Laptop,No,',
        'Too Many,TX,Healthcare Provider,700,01/07/2024,Theft,Laptop,No,,extra',
        'Blank Count,,,,01/08/2024,,,,',
        'Odd BA,TX,Healthcare Provider,600,01/09/2024,Other,Other,Maybe,',
      ],
      HEADER,
      '\r\n',
    );
    const report = await importFile(path);
    // One row has a Web Description, so this is the archive, dated by its latest row (no date in the name).
    expect(report).toMatchObject({ kind: 'ocr-archive', snapshotDate: '2024-01-09', rowsRead: 8, rowsLoaded: 4, rowsRejected: 4 });
    const rejects = await rows(`SELECT line, "column", value, reason FROM bw_rejects ORDER BY line`);
    expect(rejects).toEqual([
      { line: 6n, column: 'Breach Submission Date', value: '2024-01-04', reason: "Breach Submission Date is '2024-01-04', expected MM/DD/YYYY" },
      { line: 7n, column: 'Individuals Affected', value: 'n/a', reason: "Individuals Affected is 'n/a', expected a whole number" },
      { line: 8n, column: 'Name of Covered Entity', value: null, reason: 'Name of Covered Entity is blank' },
      { line: 9n, column: null, value: 'Too Many,TX,Healthcare Provider,700,01/07/2024,Theft,Laptop,No,,extra', reason: 'too many columns: Expected Number of Columns: 9 Found: 10' },
    ]);
    const loaded = await rows(`SELECT line, entity, state, entity_type, records_affected, breach_types, business_associate, description, repairs FROM ocr_rows ORDER BY line`);
    expect(loaded).toEqual([
      { line: 2, entity: 'Good One', state: 'TX', entity_type: 'Healthcare Provider', records_affected: 1000n, breach_types: ['Theft'], business_associate: false, description: null, repairs: [] },
      { line: 3, entity: 'Multi, Line', state: 'TX', entity_type: 'Health Plan', records_affected: 2500n, breach_types: ['Loss'], business_associate: true, description: 'first\nsecond\nthird', repairs: [] },
      {
        line: 10, entity: 'Blank Count', state: null, entity_type: null, records_affected: null, breach_types: [], business_associate: null, description: null,
        repairs: ['blank Individuals Affected read as NULL', 'blank State read as NULL', 'blank Covered Entity Type read as NULL', 'blank Type of Breach read as []', 'blank Location read as []', 'blank Business Associate Present read as NULL'],
      },
      { line: 11, entity: 'Odd BA', state: 'TX', entity_type: 'Healthcare Provider', records_affected: 600n, breach_types: ['Other'], business_associate: null, description: null, repairs: ['Business Associate Present not Yes/No, read as NULL'] },
    ]);
    expect(report.rowsRepaired).toBe(2);
    expect(report.notes.join('\n')).toContain('4 rows rejected; see the rejects table (bw_rejects) for line and reason.');
    // Importing the same file again replaces its rows and rejects; nothing doubles.
    await importFile(path);
    expect(await rows(`SELECT count(*) AS n FROM ocr_rows`)).toEqual([{ n: 4n }]);
    expect(await rows(`SELECT count(*) AS n FROM bw_rejects`)).toEqual([{ n: 4n }]);
    expect(await rows(`SELECT count(*) AS n FROM bw_files WHERE source_id = 'ocr'`)).toEqual([{ n: 1n }]);
  });

  it('reads an 8-column export (no Web Description) and lets the user set the list and date', async () => {
    const header = HEADER.replace(',Web Description', '');
    const path = writeExport('export.csv', ['Eight Col,OH,Health Plan,800,02/02/2024,Hacking/IT Incident,Email,No'], header);
    const report = await importFile(path, { list: 'archive', snapshotDate: '2024-05-01' });
    expect(report).toMatchObject({ kind: 'ocr-archive', snapshotDate: '2024-05-01', rowsLoaded: 1 });
    expect(report.notes).toContain('List: archive (set by user).');
    expect(report.notes).toContain('The file has no Web Description column; descriptions are NULL.');
    const fileId = (await rows<{ file_id: string }>(`SELECT file_id FROM ocr_files`))[0]!.file_id;
    const corrected = await reviseOcrSnapshot(workspace.db, fileId, { list: 'investigation', snapshotDate: '2024-06-01' });
    expect(corrected.snapshot).toMatchObject({ list: 'investigation', snapshotDate: '2024-06-01', snapshotBasis: 'set by user' });
    expect(await rows(`SELECT kind, snapshot_date::VARCHAR AS snapshot FROM bw_files WHERE file_id = $fileId`, { fileId })).toEqual([{ kind: 'ocr-investigation', snapshot: '2024-06-01' }]);
    expect(await rows(`SELECT list, first_seen::VARCHAR AS first_seen FROM ocr_cases`)).toEqual([{ list: 'investigation', first_seen: '2024-06-01' }]);
    await expect(reviseOcrSnapshot(workspace.db, fileId, { snapshotDate: '2023-01-01' })).rejects.toThrow(/before the latest Breach Submission Date/);
  });

  it('an import that fails or is cancelled leaves the workspace as it was', async () => {
    await importFile(writeExport('first_2024-01-10.csv', ['Keep Me,TX,Healthcare Provider,500,01/05/2024,Theft,Laptop,No,']));
    const before = await rows(`SELECT (SELECT count(*) FROM ocr_rows) AS r, (SELECT count(*) FROM ocr_cases) AS c, (SELECT count(*) FROM bw_files) AS f`);
    await expect(importFile(writeExport('undated.csv', ['No Date,TX,Healthcare Provider,500,,Theft,Laptop,No,']))).rejects.toThrow(/cannot be dated/);
    const cancelled = new AbortController();
    cancelled.abort();
    const path = writeExport('second_2024-02-10.csv', ['Later,TX,Healthcare Provider,500,02/05/2024,Theft,Laptop,No,']);
    await expect(importOcrExport(await context(path, cancelled.signal))).rejects.toThrow(/cancelled; nothing was changed/);
    await expect(importFile(writeExport('not_ocr.csv', ['a,b'], 'entity,count'))).rejects.toThrow(/line 1: the header is not the OCR portal's/);
    expect(await rows(`SELECT (SELECT count(*) FROM ocr_rows) AS r, (SELECT count(*) FROM ocr_cases) AS c, (SELECT count(*) FROM bw_files) AS f`)).toEqual(before);
    expect(await rows(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'bw_stage_ocr%'`)).toEqual([]);
  });
});
