import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/api';
import { EMPTY_FILTERS } from '../../shared/filters';
import { IMPORTERS } from '../../electron/engine/imports/importer-registry';
import { importPath } from '../../electron/engine/imports/run-import';
import { CHART_QUERIES } from '../../electron/engine/queries/chart-registry';
import { resolveChartParams } from '../../electron/engine/queries/charts/chart-params';
import { caseRevisions, caseSightings, ocrPortalImporter } from '../../electron/engine/sources/ocr';
import { classificationRuleVersions, setClassificationOverride, setClassificationRules, clearClassificationOverride } from '../../electron/engine/classification';
import { Workspace } from '../../electron/engine/workspace/workspace';
import { datasetPath, hasDataset, OCR_FILES } from '../helpers/datasets';
import { makeTempDir } from '../helpers/temp-dir';
import { readRawCsv, type RawRecord } from './ocr-raw-csv';

/** Row counts and Breach Submission Date ranges as PROVENANCE.md states them. */
const PROVENANCE: Record<string, { rows: number; from: string; to: string; list: string; snapshot: string }> = {
  'ocr_archive_2024-06-28_cleantext.csv': { rows: 5371, from: '2009-10-21', to: '2024-04-26', list: 'archive', snapshot: '2024-06-28' },
  'ocr_archive_2024-10-08.csv': { rows: 5590, from: '2009-10-21', to: '2024-06-28', list: 'archive', snapshot: '2024-10-08' },
  'ocr_investigation_2024-10-08.csv': { rows: 852, from: '2022-03-21', to: '2024-10-08', list: 'investigation', snapshot: '2024-10-08' },
  'ocr_investigation_2024-11-01.csv': { rows: 857, from: '2022-03-21', to: '2024-11-01', list: 'investigation', snapshot: '2024-11-01' },
  'ocr_investigation_2025-06-13.csv': { rows: 790, from: '2023-02-17', to: '2025-06-13', list: 'investigation', snapshot: '2025-06-13' },
  'ocr_investigation_2025-11-13.csv': { rows: 742, from: '2023-02-17', to: '2025-11-13', list: 'investigation', snapshot: '2025-11-13' },
  'ocr_investigation_2025-12-31.csv': { rows: 745, from: '2023-02-17', to: '2025-12-31', list: 'investigation', snapshot: '2025-12-31' },
  'ocr_investigation_2026-04-07.csv': { rows: 702, from: '2023-10-12', to: '2026-04-07', list: 'investigation', snapshot: '2026-04-07' },
};

const present = hasDataset('ocr');
const raw = new Map<string, RawRecord[]>();
const reports = new Map<string, ImportReport>();
let workspace: Workspace;
let removeDir: () => void;

async function rows<T = Record<string, unknown>>(sql: string, params?: Record<string, string | number | boolean | null>): Promise<T[]> {
  return workspace.db.rows<T>(sql, params);
}

describe.skipIf(!present)('OCR portal: the eight shared exports', () => {
  beforeAll(async () => {
    for (const name of OCR_FILES) raw.set(name, readRawCsv(datasetPath('ocr', name)).records);
    const temp = makeTempDir('bw-ocr-');
    removeDir = temp.remove;
    workspace = await Workspace.open(temp.dir);
    for (const name of OCR_FILES) {
      const report = await importPath(workspace.db, datasetPath('ocr', name), { signal: new AbortController().signal, progress: () => undefined });
      reports.set(name, report);
    }
  });
  afterAll(() => {
    workspace?.close();
    removeDir?.();
  });

  it('the OCR importer is asked first', () => {
    expect(IMPORTERS[0]).toBe(ocrPortalImporter);
  });

  it('imports every file whole: rows read = loaded = PROVENANCE.md = an independent parse; nothing rejected', async () => {
    for (const name of OCR_FILES) {
      const report = reports.get(name)!;
      const expected = PROVENANCE[name]!;
      expect(raw.get(name)!.length, name).toBe(expected.rows);
      expect(report, name).toMatchObject({ file: name, kind: `ocr-${expected.list}`, table: 'ocr_rows', snapshotDate: expected.snapshot, rowsRead: expected.rows, rowsLoaded: expected.rows, rowsRejected: 0 });
    }
    const ranges = await rows<{ name: string; n: bigint; from: string; to: string }>(
      `SELECT f.name, count(*) AS n, strftime(min(r.reported_date), '%Y-%m-%d') AS from, strftime(max(r.reported_date), '%Y-%m-%d') AS to
       FROM ocr_rows r JOIN ocr_files f USING (file_id) GROUP BY f.name`,
    );
    for (const r of ranges) expect({ n: Number(r.n), from: r.from, to: r.to }, r.name).toEqual({ n: PROVENANCE[r.name]!.rows, from: PROVENANCE[r.name]!.from, to: PROVENANCE[r.name]!.to });
    expect(await rows(`SELECT * FROM bw_rejects WHERE file_id IN (SELECT file_id FROM ocr_files)`)).toEqual([]);
  });

  it('records each file in bw_files under source "ocr" with its list and snapshot date', async () => {
    const files = await rows<{ name: string; source_id: string; kind: string; snapshot: string; rows_loaded: bigint }>(
      `SELECT name, source_id, kind, strftime(snapshot_date, '%Y-%m-%d') AS snapshot, rows_loaded FROM bw_files WHERE kind LIKE 'ocr-%' ORDER BY name`,
    );
    expect(files.map((f) => f.name).sort()).toEqual([...OCR_FILES].sort());
    for (const f of files) {
      expect(f.source_id).toBe('ocr');
      expect(f.kind).toBe(`ocr-${PROVENANCE[f.name]!.list}`);
      expect(f.snapshot).toBe(PROVENANCE[f.name]!.snapshot);
    }
    const bases = await rows<{ name: string; list_basis: string; snapshot_basis: string; header_mode: string; encoding: string }>(
      `SELECT name, list_basis, snapshot_basis, header_mode, encoding FROM ocr_files`,
    );
    const basis = new Map(bases.map((b) => [b.name, b]));
    expect(basis.get('ocr_archive_2024-10-08.csv')).toMatchObject({ snapshot_basis: 'date in the file name (estimate)', encoding: 'utf-8 with 4192 invalid bytes read as latin-1' });
    expect(basis.get('ocr_investigation_2025-06-13.csv')).toMatchObject({ snapshot_basis: 'latest Breach Submission Date (estimate)', list_basis: 'no Web Description values; file name agrees' });
    expect(basis.get('ocr_investigation_2026-04-07.csv')?.header_mode).toBe('by position; UIPanel placeholders in columns 1, 8');
  });

  it('reports every quirk of PROVENANCE.md in the file notes, with counts checked against the raw files', () => {
    const notes = (name: string) => reports.get(name)!.notes.join('\n');
    const damagedArchive = raw.get('ocr_archive_2024-10-08.csv')!;
    const clean = raw.get('ocr_archive_2024-06-28_cleantext.csv')!;
    const count = (records: RawRecord[], test: (r: RawRecord) => boolean) => records.filter(test).length.toLocaleString('en-US');

    expect(notes('ocr_investigation_2026-04-07.csv')).toContain(
      'Header: columns 1 and 8 named "javax.faces.component.UIPanel@…" instead of "Name of Covered Entity" and "Business Associate Present" (a portal quirk); all columns were read by position.',
    );
    expect(notes('ocr_archive_2024-10-08.csv')).toContain('Line ends: CRLF');
    expect(notes('ocr_archive_2024-10-08.csv')).toContain('Encoding: 4,192 bytes are not valid UTF-8');
    // Damage: names and descriptions with a high byte or "??" (the archive), or mojibake (the 2024-10-08 list).
    const damaged = (s: string | undefined) => /[\u0080-\u00ff]|\?\?/.test(s ?? '');
    expect(notes('ocr_archive_2024-10-08.csv')).toContain(
      `Repaired text: ${count(damagedArchive, (r) => damaged(r.fields[0]))} entity names and ${count(damagedArchive, (r) => damaged(r.fields[8]) && r.fields[8] !== '\\N')} descriptions`,
    );
    const investigation = raw.get('ocr_investigation_2024-10-08.csv')!;
    expect(notes('ocr_investigation_2024-10-08.csv')).toContain(`Repaired text: ${count(investigation, (r) => /â€|\?\?/.test(r.fields[0]!))} entity names`);
    expect(count(investigation, (r) => /â€|\?\?/.test(r.fields[0]!))).toBe('13');
    for (const [name, records] of [['ocr_archive_2024-06-28_cleantext.csv', clean], ['ocr_archive_2024-10-08.csv', damagedArchive]] as const) {
      expect(count(records, (r) => r.fields[8] === '\\N')).toBe('488');
      expect(notes(name)).toContain('488 Web Descriptions were the literal \\N (a database NULL) and are NULL.');
      expect(notes(name)).toContain(`${count(records, (r) => /[\r\n]/.test(r.fields[8]!))} descriptions contain line breaks`);
      expect(notes(name)).toContain(`${count(records, (r) => r.fields[3]!.trim() === '')} rows have a blank Individuals Affected: NULL (unknown), never 0.`);
      expect(notes(name)).toContain(`State ${count(records, (r) => r.fields[1]!.trim() === '')}, Covered Entity Type ${count(records, (r) => r.fields[2]!.trim() === '')}`);
    }
    expect(notes('ocr_archive_2024-06-28_cleantext.csv')).toContain('Exact duplicates: 1 rows repeat an earlier row in every column (line 2702 = line 2701)');
    expect(notes('ocr_investigation_2025-11-13.csv')).toContain('(line 59 = line 58, line 60 = line 58)');
    expect(notes('ocr_investigation_2024-10-08.csv')).toContain('Blank values kept as unknown (NULL, or an empty list): State 6.');
  });

  it('keeps every raw value exactly, at the physical line an editor shows', async () => {
    for (const name of ['ocr_archive_2024-10-08.csv', 'ocr_archive_2024-06-28_cleantext.csv', 'ocr_investigation_2026-04-07.csv']) {
      const stored = await rows<Record<string, string | null> & { line: number }>(
        `SELECT r.line, r.raw_entity, r.raw_state, r.raw_entity_type, r.raw_individuals, r.raw_submitted, r.raw_breach_type, r.raw_location,
                r.raw_business_associate, r.raw_description
         FROM ocr_rows r JOIN ocr_files f USING (file_id) WHERE f.name = $name ORDER BY r.record`,
        { name },
      );
      const expected = raw.get(name)!;
      expect(stored.length).toBe(expected.length);
      for (const [i, record] of expected.entries()) {
        const row = stored[i]!;
        const values = [row.raw_entity, row.raw_state, row.raw_entity_type, row.raw_individuals, row.raw_submitted, row.raw_breach_type, row.raw_location, row.raw_business_associate, row.raw_description];
        // DuckDB reads an empty field as NULL; the raw text is otherwise identical.
        expect({ line: row.line, values: values.map((v) => v ?? '') }, `${name} record ${i + 1}`).toEqual({ line: record.line, values: record.fields });
      }
    }
  });

  it('merges snapshots into cases with unique ids, one row per case and snapshot', async () => {
    expect(await rows(`SELECT case_id FROM ocr_cases GROUP BY case_id HAVING count(*) > 1`)).toEqual([]);
    expect(await rows(`SELECT case_id, snapshot_date FROM ocr_case_rows GROUP BY ALL HAVING count(*) > 1`)).toEqual([]);
    const [counts] = await rows<{ cases: bigint; view: bigint; breaches: bigint }>(
      `SELECT (SELECT count(*) FROM ocr_cases) AS cases, (SELECT count(*) FROM ocr_breaches) AS view,
              (SELECT count(*) FROM breaches WHERE source = 'ocr') AS breaches`,
    );
    expect(Number(counts!.view)).toBe(Number(counts!.cases));
    expect(Number(counts!.breaches)).toBe(Number(counts!.cases));
    // Every row not standing for its case in a snapshot is a duplicate of one that does.
    const [unmatched] = await rows<{ n: bigint }>(
      `SELECT count(*) AS n FROM ocr_rows r ANTI JOIN ocr_case_rows cr USING (file_id, record)
       WHERE NOT EXISTS (SELECT 1 FROM ocr_case_rows c JOIN ocr_rows k USING (file_id, record)
                         WHERE k.snapshot_date = r.snapshot_date AND k.name_key = r.name_key AND k.reported_date = r.reported_date)`,
    );
    expect(Number(unmatched!.n)).toBe(0);
  });

  it("shows Change Healthcare's revisions 500 -> 100,000,000 -> 190,000,000 -> 192,700,000 with the files that hold them", async () => {
    const id = 'ocr:2024-07-19:MN:changehealthcareinc';
    const revisions = await caseRevisions(workspace.db, id);
    expect(revisions.map((r) => [r.field, r.oldValue, r.newValue, r.fromFile, r.toFile])).toEqual([
      ['records_affected', '500', '100000000', 'ocr_investigation_2024-10-08.csv', 'ocr_investigation_2024-11-01.csv'],
      ['records_affected', '100000000', '190000000', 'ocr_investigation_2024-11-01.csv', 'ocr_investigation_2025-06-13.csv'],
      ['records_affected', '190000000', '192700000', 'ocr_investigation_2025-06-13.csv', 'ocr_investigation_2025-11-13.csv'],
    ]);
    const sightings = await caseSightings(workspace.db, id);
    expect(sightings.map((s) => [s.snapshotDate, s.recordsAffected])).toEqual([
      ['2024-10-08', 500], ['2024-11-01', 100000000], ['2025-06-13', 190000000], ['2025-11-13', 192700000], ['2025-12-31', 192700000], ['2026-04-07', 192700000],
    ]);
    // The raw rows say the same, at the lines the case points to.
    for (const s of sightings) {
      const record = raw.get(s.file)!.find((r) => r.line === s.line)!;
      expect(Number(record.fields[3])).toBe(s.recordsAffected);
    }
    const [c] = await rows(`SELECT entity, records_affected, first_seen::VARCHAR AS first_seen, last_seen::VARCHAR AS last_seen, revisions, actor FROM ocr_breaches WHERE case_id = $id`, { id });
    expect(c).toMatchObject({ entity: 'Change Healthcare, Inc.', records_affected: 192700000n, first_seen: '2024-10-08', last_seen: '2026-04-07', revisions: 3, actor: 'external' });
  });

  it('joins renamed reports to their earlier identity (hand-checked: same state, date, count and entity type)', async () => {
    const renamed = await rows<{ case_id: string; old_value: string; new_value: string }>(
      `SELECT case_id, old_value, new_value FROM ocr_revisions WHERE field = 'entity' ORDER BY case_id`,
    );
    expect(renamed).toContainEqual({ case_id: 'ocr:2025-08-05:NC:precisionedodonticsofraleigh', old_value: 'Precision Edodontics of Raleigh', new_value: 'Precision Endodontics of Raleigh' });
    expect(renamed).toContainEqual({
      case_id: 'ocr:2024-09-17:MS:southernbonejointspecialistspa',
      old_value: 'Southern Bone & Joint Specialists, PA',
      new_value: 'Southern Bone & Joint Specialists, PA (“Southern Bone”)',
    });
    expect(renamed.length).toBe(RENAMED.length);
  });

  it('counts breaches and people per year as an independent count of the raw files does', async () => {
    const independent = independentYearlyCounts(raw);
    for (const r of RENAMED) {
      const year = independent.get(Number(r.date.slice(0, 4)))!;
      year.breaches -= 1;
      year.people -= r.count;
    }
    const merged = await rows<{ year: number; breaches: bigint; people_affected: bigint }>(
      CHART_QUERIES.get('breaches_per_year')!.build(EMPTY_FILTERS).sql,
    );
    expect(merged.map((m) => [m.year, Number(m.breaches), Number(m.people_affected)])).toEqual(
      [...independent.entries()].sort(([a], [b]) => a - b).map(([year, v]) => [year, v.breaches, v.people]),
    );
    // Figures a reader would quote: 2024 and the Change Healthcare year.
    expect(merged.find((m) => m.year === 2024)).toMatchObject({ breaches: 721n, people_affected: 281727982n });
  });

  it('hand-checked records: multi-valued types, business associates, \\N, blanks, repaired names, the UIPanel file', async () => {
    const one = async (id: string) => (await rows(`SELECT * FROM ocr_breaches WHERE case_id = $id`, { id }))[0];
    // "Loss, Theft" with a business associate and a \N description (archive line 5022 of the clean export).
    expect(await one('ocr:2014-08-15:MA:ironmountainincorporated')).toMatchObject({
      breach_types: ['Loss', 'Theft'], locations: ['Paper/Films'], business_associate: true, description: null,
      actor: 'mixed', actors: ['external', 'partner'], actor_rule: 'actor-rules/1.0.0#type.theft+type.loss-ba', threat: 'loss_or_theft', country: 'US',
    });
    expect(await one('ocr:2014-02-26:NC:cornerstonehealthcarepa')).toMatchObject({ breach_types: ['Loss', 'Theft'], business_associate: false, actor: 'mixed', actors: ['external', 'internal'] });
    // Business associate present, Unauthorized Access/Disclosure, no description (investigation list 2024-11-01).
    expect(await one('ocr:2024-10-29:OR:regencebluecrossblueshield')).toMatchObject({ business_associate: true, actor: 'partner', actor_rule: 'actor-rules/1.0.0#type.unauthorized-ba', threat: 'insider_data_loss' });
    // Blank Individuals Affected stays unknown, never 0; blank Type of Breach is an empty list.
    expect(await one('ocr:2013-09-03:IN:valperaisofiredepartment')).toMatchObject({ records_affected: null });
    expect(await rows(`SELECT case_id FROM ocr_breaches WHERE records_affected = 0`)).toEqual([]);
    expect(await one('ocr:2010-03-30:AL:computerprogramandsystemsinccpsi')).toMatchObject({ breach_types: [], actor: 'unknown', threat: 'other' });
    // Damaged name in the re-saved archive, clean in the clean-text archive: the clean copy wins.
    const cvs = await one('ocr:2024-02-23:RI:cvscaremarkpartdservicesllccvs');
    expect(cvs).toMatchObject({ entity: 'CVS Caremark Part D Services, L.L.C. (“CVS”)', text_source: 'clean copy from another snapshot', actor: 'partner' });
    expect(String(cvs!.description)).toContain('inadvertently mailed');
    const [latest] = await rows<{ raw_entity: string; line: number }>(
      `SELECT r.raw_entity, r.line FROM ocr_cases c JOIN ocr_rows r ON r.file_id = c.latest_file_id AND r.record = c.latest_record WHERE c.case_id = $id`,
      { id: 'ocr:2024-02-23:RI:cvscaremarkpartdservicesllccvs' },
    );
    expect(latest!.raw_entity).toBe('CVS Caremark Part D Services, L.L.C. (\u0083??CVS\u0083?\u009d)');
    expect(raw.get('ocr_archive_2024-10-08.csv')!.find((r) => r.line === latest!.line)!.fields[0]).toBe(latest!.raw_entity);
    // The UIPanel file: columns 1 and 8 read by position.
    const [uipanel] = await rows(
      `SELECT r.entity, r.business_associate, r.raw_business_associate FROM ocr_rows r JOIN ocr_files f USING (file_id)
       WHERE f.name = 'ocr_investigation_2026-04-07.csv' AND r.record = 1`,
    );
    expect(uipanel).toEqual({ entity: 'Virginia Department of Behavioral Health and Developmental Services', business_associate: false, raw_business_associate: 'No' });
    const [ba] = await rows<{ yes: bigint; no: bigint }>(
      `SELECT count(*) FILTER (WHERE business_associate) AS yes, count(*) FILTER (WHERE NOT business_associate) AS no
       FROM ocr_rows r JOIN ocr_files f USING (file_id) WHERE f.name = 'ocr_investigation_2026-04-07.csv'`,
    );
    const uiRaw = raw.get('ocr_investigation_2026-04-07.csv')!;
    expect([Number(ba!.yes), Number(ba!.no)]).toEqual([uiRaw.filter((r) => r.fields[7] === 'Yes').length, uiRaw.filter((r) => r.fields[7] === 'No').length]);
  });

  it('answers the chart queries with the numbers a reader would check', async () => {
    const run = async (id: string, params: Record<string, unknown> = {}, filters = EMPTY_FILTERS) => {
      const query = CHART_QUERIES.get(id)!;
      const built = query.build(filters, resolveChartParams(query, params));
      return rows(built.sql, built.params as Record<string, string | number | boolean | null>);
    };
    const [cases] = await rows<{ n: bigint }>(`SELECT count(*) AS n FROM ocr_cases`);
    const total = Number(cases!.n);

    const months = await run('breaches_per_month');
    expect(months.reduce((n, m) => n + Number(m.breaches), 0)).toBe(total);
    expect(months.find((m) => m.month_label === '2024-07')).toBeDefined();

    const actors = await run('actor_per_year');
    for (const year of new Set(actors.map((a) => a.year))) {
      const share = actors.filter((a) => a.year === year).reduce((s, a) => s + Number(a.share), 0);
      expect(share).toBeCloseTo(1, 9);
    }
    expect(new Set(actors.map((a) => a.rule_versions))).toEqual(new Set(['actor-rules/1.0.0']));
    expect(await classificationRuleVersions(workspace.db)).toEqual(['actor-rules/1.0.0', 'hicp-threat-rules/1.0.0']);

    const types = await run('breaches_by_type');
    expect(types[0]).toMatchObject({ breach_type: 'Hacking/IT Incident' });
    expect(Number(types.find((t) => t.breach_type === 'Theft')!.breaches)).toBe(Number((await rows<{ n: bigint }>(`SELECT count(*) AS n FROM ocr_cases WHERE list_contains(breach_types, 'Theft')`))[0]!.n));
    expect((await run('breaches_by_location')).length).toBe(8);
    expect((await run('breaches_by_entity_type')).reduce((n, r) => n + Number(r.breaches), 0)).toBe(total);
    expect((await run('breaches_by_state')).reduce((n, r) => n + Number(r.breaches), 0)).toBe(total);
    const threats = await run('breaches_by_threat');
    expect(threats.map((t) => t.threat)).toEqual(['email_phishing', 'ransomware', 'loss_or_theft', 'insider_data_loss', 'medical_device_attack', 'other']);
    expect(threats.reduce((n, r) => n + Number(r.breaches), 0)).toBe(total);

    const largest = await run('largest_breaches', { limit: 3 });
    expect(largest.map((l) => [l.entity, Number(l.records_affected)])).toEqual([
      ['Change Healthcare, Inc.', 192700000],
      ['Anthem Inc.', 78800000],
      ['Welltok, Inc.', 14762475],
    ]);
    const inState = await run('largest_breaches', { limit: 1 }, { ...EMPTY_FILTERS, states: ['CA'], dateFrom: '2024-01-01' });
    expect(inState[0]).toMatchObject({ state: 'CA', entity: 'Kaiser Foundation Health Plan, Inc.', records_affected: 13400000n });

    const ba = await run('business_associate_share');
    const y2024 = ba.find((r) => r.year === 2024)!;
    expect(Number(y2024.with_business_associate) / (Number(y2024.breaches) - Number(y2024.not_known))).toBeCloseTo(Number(y2024.share), 12);

    const revisions = await run('case_revisions', { case_id: 'ocr:2024-07-19:MN:changehealthcareinc' });
    expect(revisions.map((r) => r.new_value)).toEqual(['100000000', '190000000', '192700000']);
    expect((await run('case_history', { case_id: 'ocr:2024-07-19:MN:changehealthcareinc' })).length).toBe(6);
    const changed = await run('count_revisions', { limit: 5 });
    expect(changed[0]).toMatchObject({ case_id: 'ocr:2024-07-19:MN:changehealthcareinc', first_count: 500n, latest_count: 192700000n, revisions: 3 });
    expect(() => resolveChartParams(CHART_QUERIES.get('case_revisions')!, {})).toThrow(/needs "case_id"/);
    expect(() => resolveChartParams(CHART_QUERIES.get('largest_breaches')!, { limit: 0 })).toThrow(/whole number from 1/);
    expect(() => resolveChartParams(CHART_QUERIES.get('largest_breaches')!, { top: 5 })).toThrow(/no parameter "top"/);
  });

  it('honours a person’s override and a user rule set, then returns to the rules', async () => {
    const id = 'ocr:2024-10-29:OR:regencebluecrossblueshield';
    await setClassificationOverride(workspace.db, { caseId: id, actor: 'internal', threat: 'email_phishing', note: 'read the letter to patients' });
    expect((await rows(`SELECT actor, actors, actor_rule, threat FROM breaches WHERE case_id = $id`, { id }))[0]).toEqual({
      actor: 'internal', actors: ['internal'], actor_rule: 'override#user', threat: 'email_phishing',
    });
    await clearClassificationOverride(workspace.db, id);
    expect((await rows(`SELECT actor FROM breaches WHERE case_id = $id`, { id }))[0]).toEqual({ actor: 'partner' });
    await expect(setClassificationOverride(workspace.db, { caseId: 'ocr:nope', actor: 'internal' })).rejects.toThrow(/no record with case id/);

    const version = await setClassificationRules(workspace.db, 'actor', {
      version: 'test-actor/1',
      rules: [{ id: 'all-unknown', tier: 1, when: {}, actor: 'unknown', confidence: 0, rationale: 'A rule set that says nothing.' }],
    });
    expect(version).toBe('test-actor/1');
    expect(await rows(`SELECT DISTINCT actor_rule FROM breaches WHERE source = 'ocr'`)).toEqual([{ actor_rule: 'test-actor/1#all-unknown' }]);
    expect(await setClassificationRules(workspace.db, 'actor', null)).toBe('actor-rules/1.0.0');
    expect((await rows(`SELECT actor FROM breaches WHERE case_id = $id`, { id }))[0]).toEqual({ actor: 'partner' });
  });
});

/** Reports OCR renamed between two snapshots we hold, checked by hand in the raw files (state, date, count unchanged). */
const RENAMED = [
  { date: '2019-05-07', count: 1565338, old: 'Inmediata Health Group, Corp.', new: 'Inmediata Health Group' },
  { date: '2020-12-03', count: 37989, old: 'Sincera Reproductive Medicine', new: "Regional Women's Health Group, LLC d/b/a Sincera Reproductive Medicine" },
  { date: '2024-08-13', count: 500, old: 'University of Connecticut Health Center Finance Corporation', new: '… (“UConn Health”)' },
  { date: '2024-09-17', count: 7162, old: 'Southern Bone & Joint Specialists, PA', new: '… (“Southern Bone”)' },
  { date: '2024-10-22', count: 2402, old: 'Mystic Valley Elder Services', new: 'Mystic Valley Elder Services - Business Associate' },
  { date: '2025-08-05', count: 4022, old: 'Precision Edodontics of Raleigh', new: 'Precision Endodontics of Raleigh' },
  { date: '2025-08-13', count: 1001, old: 'Welcome Dentistry', new: 'Welcome Dentistry-Los Angeles' },
  { date: '2025-08-15', count: 1001, old: 'Welcome Dentistry', new: 'Welcome Dentistry-Anaheim' },
  { date: '2025-08-22', count: 501, old: 'Department of Social Services for Vance County, North Carolina', new: 'Vance County Department of Social Services' },
];

/**
 * Cases per year computed from the raw files alone, by the rules docs/classification.md states: a case
 * is a name (letters and digits, lower case) + state + submission date; where one snapshot (the date
 * in the file name) lists that key with different reports, each distinct report is a case. People: the
 * count in the latest snapshot holding the case.
 */
function independentYearlyCounts(files: Map<string, RawRecord[]>): Map<number, { breaches: number; people: number }> {
  const keys = new Map<string, Map<string, Map<string, number>>>(); // key -> snapshot -> report fields -> count
  for (const [name, records] of files) {
    const snapshot = /(\d{4}-\d{2}-\d{2})/.exec(name)![1]!;
    for (const { fields } of records) {
      const [entity, state, entityType, count, submitted, types, locations, ba] = fields as [string, string, string, string, string, string, string, string];
      const [mm, dd, yyyy] = submitted.trim().split('/');
      const key = `${entity.toLowerCase().replace(/[^a-z0-9]+/g, '')}|${state.trim().toUpperCase()}|${yyyy}-${mm}-${dd}`;
      const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean).sort().join(';');
      const report = [count.trim(), entityType.trim(), list(types), list(locations), ba.trim()].join('|');
      const bySnapshot = keys.get(key) ?? new Map<string, Map<string, number>>();
      const reportsHere = bySnapshot.get(snapshot) ?? new Map<string, number>();
      reportsHere.set(report, count.trim() === '' ? 0 : Number(count));
      bySnapshot.set(snapshot, reportsHere);
      keys.set(key, bySnapshot);
    }
  }
  const years = new Map<number, { breaches: number; people: number }>();
  for (const [key, bySnapshot] of keys) {
    const year = Number(key.slice(-10, -6));
    const entry = years.get(year) ?? { breaches: 0, people: 0 };
    const snapshots = [...bySnapshot.keys()].sort();
    const several = [...bySnapshot.values()].some((r) => r.size > 1);
    if (several) {
      const counts = new Map<string, number>();
      for (const s of snapshots) for (const [report, count] of bySnapshot.get(s)!) counts.set(report, count);
      entry.breaches += counts.size;
      for (const c of counts.values()) entry.people += c;
    } else {
      entry.breaches += 1;
      entry.people += [...bySnapshot.get(snapshots[snapshots.length - 1]!)!.values()][0]!;
    }
    years.set(year, entry);
  }
  return years;
}
