import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../../shared/filters';
import { CHART_QUERIES } from '../../electron/engine/queries/chart-registry';
import { resolveOaicDatasetDir } from '../../electron/engine/sources/oaic/oaic-dataset-dir';
import { seedOaic } from '../../electron/engine/sources/oaic/oaic-seed';
import { OAIC_TABLES } from '../../electron/engine/sources/oaic/oaic-tables';
import { Workspace } from '../../electron/engine/workspace/workspace';
import { datasetPath, hasDataset } from '../helpers/datasets';
import { makeTempDir } from '../helpers/temp-dir';

const PROJECT_ROOT = resolve(__dirname, '..', '..');
const OAIC_DIR = join(PROJECT_ROOT, 'datasets', 'oaic');

/** The committed CSV read by hand (quotes, commas in quotes, "" escapes), independent of DuckDB. */
function readCsv(file: string): Array<Record<string, string>> {
  const text = readFileSync(join(OAIC_DIR, file), 'utf8');
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    record.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n') {
      endCell();
      records.push(record);
      record = [];
    } else if (ch !== '\r') cell += ch;
  }
  if (cell || record.length) {
    endCell();
    records.push(record);
  }
  const [header, ...rows] = records;
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

const num = (cell: string | undefined) => (cell === undefined || cell === '' ? null : Number(cell));

describe('OAIC NDB statistics seeded into a new workspace', () => {
  let temp: { dir: string; remove: () => void };
  let workspace: Workspace;
  const totalsCsv = readCsv('oaic_ndb_totals.csv');

  beforeAll(async () => {
    temp = makeTempDir('bw-oaic-seed-');
    workspace = await Workspace.open(temp.dir);
  });
  afterAll(() => {
    workspace?.close();
    temp?.remove();
  });

  it('loads one row per period, 2018-Q1 to 2025-H1 with totals, and 2025-H2 with its total a gap', async () => {
    const rows = await workspace.db.rows<{ period: string; first: number | null }>(
      `SELECT period, notifications_first_published AS first FROM oaic_totals ORDER BY period_start`,
    );
    expect(rows.map((r) => r.period)).toEqual(totalsCsv.map((r) => r.period));
    expect(rows).toHaveLength(19);
    const withTotal = rows.filter((r) => r.first !== null).map((r) => r.period);
    expect(withTotal).toHaveLength(18);
    expect(withTotal[0]).toBe('2018-Q1');
    expect(withTotal.at(-1)).toBe('2025-H1');
    expect(withTotal).toEqual([
      '2018-Q1', '2018-Q2', '2018-Q3', '2018-Q4', '2019-Q1', '2019-Q2', '2019-H2', '2020-H1', '2020-H2',
      '2021-H1', '2021-H2', '2022-H1', '2022-H2', '2023-H1', '2023-H2', '2024-H1', '2024-H2', '2025-H1',
    ]);
  });

  it('keeps every total as the CSV states it (Jul-Sep 2018 = 245, as in the OAIC media release)', async () => {
    const rows = await workspace.db.rows<{ period: string; first: number | null; revised: number | null }>(
      `SELECT period, notifications_first_published AS first, notifications_revised AS revised FROM oaic_totals ORDER BY period_start`,
    );
    const fromCsv = totalsCsv.map((r) => ({ period: r.period!, first: num(r.notifications), revised: num(r.notifications_revised_later) }));
    expect(rows).toEqual(fromCsv);
    expect(rows.find((r) => r.period === '2018-Q3')?.first).toBe(245);
    expect(totalsCsv.find((r) => r.period === '2018-Q3')?.notifications).toBe('245');
    // The 2018-Q3 check values of the brief: health 45, human error 37%, malicious 57%.
    const q3 = await workspace.db.rows(
      `SELECT t.malicious_pct, t.human_error_pct, s.notifications AS health
       FROM oaic_totals t JOIN oaic_by_sector s ON s.period = t.period AND s.sector_group = 'Health service providers'
       WHERE t.period = '2018-Q3'`,
    );
    expect(q3).toEqual([{ malicious_pct: 57, human_error_pct: 37, health: 45 }]);
  });

  it('keeps gaps as NULL: as many NULLs per column as the CSV has empty cells, and never a made-up 0', async () => {
    const numeric = [
      ['notifications_first_published', 'notifications'], ['notifications_revised', 'notifications_revised_later'],
      ['malicious_count', 'malicious_count'], ['malicious_pct', 'malicious_pct'], ['human_error_count', 'human_error_count'],
      ['human_error_pct', 'human_error_pct'], ['system_fault_count', 'system_fault_count'], ['system_fault_pct', 'system_fault_pct'],
      ['cyber_incident_count', 'cyber_incident_count'],
    ] as const;
    for (const [column, csvColumn] of numeric) {
      const nulls = Number(await workspace.db.value(`SELECT count(*) FROM oaic_totals WHERE ${column} IS NULL`));
      const zeros = Number(await workspace.db.value(`SELECT count(*) FROM oaic_totals WHERE ${column} = 0`));
      expect(nulls, column).toBe(totalsCsv.filter((r) => r[csvColumn] === '').length);
      expect(zeros, column).toBe(0);
    }
    const q2025 = await workspace.db.rows(
      `SELECT notifications_first_published, malicious_count, cyber_incident_count, verified FROM oaic_totals WHERE period = '2025-H2'`,
    );
    expect(q2025).toEqual([{ notifications_first_published: null, malicious_count: 405, cyber_incident_count: 253, verified: false }]);
    // 2018-Q1's fourth sector is published as a share only.
    const education = await workspace.db.rows(`SELECT notifications, pct_of_period_total FROM oaic_by_sector WHERE period = '2018-Q1' AND rank = 4`);
    expect(education).toEqual([{ notifications: null, pct_of_period_total: 10 }]);
    // A published zero stays a zero: no Australian breach above 10 million in 2023-H2.
    const zero = await workspace.db.rows(
      `SELECT value_count, value_pct FROM oaic_individuals_affected WHERE period = '2023-H2' AND population = 'Australians' AND bin = '10,000,001+'`,
    );
    expect(zero).toEqual([{ value_count: 0, value_pct: null }]);
  });

  it('keeps percentages and counts in separate columns, one per row of the long CSVs', async () => {
    for (const [table, file, unitColumn] of [
      ['oaic_health_sector', 'oaic_ndb_health_sector.csv', 'unit'],
      ['oaic_individuals_affected', 'oaic_ndb_individuals_affected.csv', 'measure'],
      ['oaic_kinds_of_pi', 'oaic_ndb_kinds_of_pi.csv', 'unit'],
      ['oaic_source_breakdown', 'oaic_ndb_source_breakdown.csv', 'unit'],
    ] as const) {
      const csv = readCsv(file);
      const [split] = await workspace.db.rows<{ counts: bigint; pcts: bigint; both: bigint; neither: bigint }>(
        `SELECT count(value_count) AS counts, count(value_pct) AS pcts,
                count(*) FILTER (WHERE value_count IS NOT NULL AND value_pct IS NOT NULL) AS both,
                count(*) FILTER (WHERE value_count IS NULL AND value_pct IS NULL) AS neither
         FROM ${table}`,
      );
      expect(Number(split!.counts), table).toBe(csv.filter((r) => r[unitColumn] === 'count').length);
      expect(Number(split!.pcts), table).toBe(csv.filter((r) => r[unitColumn]!.startsWith('pct')).length);
      expect(Number(split!.both), table).toBe(0);
      expect(Number(split!.neither), table).toBe(0);
    }
    const health = await workspace.db.rows(
      `SELECT measure, value_count, value_pct FROM oaic_health_sector WHERE period = '2020-H1' AND measure IN ('notifications', 'human_error_share') ORDER BY measure`,
    );
    expect(health).toEqual([
      { measure: 'human_error_share', value_count: null, value_pct: 57 },
      { measure: 'notifications', value_count: 115, value_pct: null },
    ]);
    const shares = await workspace.db.rows(
      `SELECT subcategory, value_pct, pct_of FROM oaic_source_breakdown WHERE period = '2019-Q2' AND category = 'malicious' ORDER BY value_pct DESC, subcategory`,
    );
    expect(shares).toEqual([
      { subcategory: 'cyber_incident', value_pct: 69.5, pct_of: 'malicious' },
      { subcategory: 'theft_paperwork_or_device', value_pct: 14.5, pct_of: 'malicious' },
      { subcategory: 'rogue_employee', value_pct: 8, pct_of: 'malicious' },
      { subcategory: 'social_engineering', value_pct: 8, pct_of: 'malicious' },
    ]);
  });

  it('keeps revised totals beside the first-published ones, with the report that revised them', async () => {
    const revised = await workspace.db.rows<{ period: string; first: number; revised: number; revised_in: string }>(
      `SELECT period, notifications_first_published AS first, notifications_revised AS revised, revised_in
       FROM oaic_totals WHERE notifications_revised IS NOT NULL ORDER BY period_start`,
    );
    expect(revised.map((r) => [r.period, r.first, r.revised])).toEqual([
      ['2019-H2', 537, 532], ['2020-H1', 518, 512], ['2020-H2', 539, 530], ['2021-H1', 446, 436], ['2021-H2', 464, 460],
      ['2022-H1', 396, 393], ['2023-H1', 409, 407], ['2023-H2', 483, 485], ['2024-H1', 527, 518],
    ]);
    expect(revised.find((r) => r.period === '2023-H2')?.revised_in).toBe('per Jan-Jun 2024 report, Table 1');
    expect(revised.every((r) => r.revised_in.length > 0)).toBe(true);
  });

  it('keeps the source URL of every figure, and the file and line it came from', async () => {
    for (const table of OAIC_TABLES) {
      const missing = Number(await workspace.db.value(`SELECT count(*) FROM ${table} WHERE source_url IS NULL OR NOT starts_with(source_url, 'http')`));
      expect(missing, table).toBe(0);
      const orphan = Number(await workspace.db.value(`SELECT count(*) FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM bw_files f WHERE f.file_id = t.file_id)`));
      expect(orphan, table).toBe(0);
    }
    const row = await workspace.db.rows(`SELECT source_file, source_line, source_url FROM oaic_totals WHERE period = '2024-H1'`);
    expect(row).toEqual([
      {
        source_file: 'oaic_ndb_totals.csv',
        source_line: 17,
        source_url: totalsCsv.find((r) => r.period === '2024-H1')!.source_url,
      },
    ]);
    expect(readFileSync(join(OAIC_DIR, 'oaic_ndb_totals.csv'), 'utf8').split('\n')[16]!.startsWith('2024-H1,')).toBe(true);
  });

  it('records the committed files in bw_files (source oaic, kind oaic-ndb, id = sha256 prefix)', async () => {
    const files = await workspace.db.rows<{ file_id: string; name: string; rows_loaded: bigint }>(
      `SELECT file_id, name, rows_loaded FROM bw_files WHERE source_id = 'oaic' AND kind = 'oaic-ndb' ORDER BY name`,
    );
    const csvs = readdirSync(OAIC_DIR).filter((f) => f.endsWith('.csv')).sort();
    expect(files.map((f) => f.name)).toEqual(csvs);
    for (const f of files) {
      const sha = createHash('sha256').update(readFileSync(join(OAIC_DIR, f.name))).digest('hex');
      expect(f.file_id).toBe(sha.slice(0, 16));
      expect(Number(f.rows_loaded)).toBe(readCsv(f.name).length);
    }
    expect(files.map((f) => [f.name, Number(f.rows_loaded)])).toEqual([
      ['claudinec_summary_1df0b77.csv', 12], ['oaic_ndb_by_sector.csv', 66], ['oaic_ndb_health_sector.csv', 39],
      ['oaic_ndb_individuals_affected.csv', 56], ['oaic_ndb_kinds_of_pi.csv', 46], ['oaic_ndb_source_breakdown.csv', 61],
      ['oaic_ndb_timeliness.csv', 10], ['oaic_ndb_totals.csv', 19],
    ]);
  });

  it('flags the third-party summary rows whose dates are swapped (2020), and otherwise agrees with the totals', async () => {
    const rows = await workspace.db.rows<{ period: string; notifications: number; dates_match_url: boolean; first: number }>(
      `SELECT c.period, c.notifications, c.dates_match_url, t.notifications_first_published AS first
       FROM oaic_claudinec_summary c JOIN oaic_totals t USING (period) ORDER BY c.period_start`,
    );
    expect(rows).toHaveLength(12);
    expect(rows.filter((r) => !r.dates_match_url).map((r) => r.period)).toEqual(['2020-H1', '2020-H2']);
    expect(rows.find((r) => r.period === '2020-H1')?.notifications).toBe(518);
    expect(rows.every((r) => r.notifications === r.first)).toBe(true);
  });

  it('is idempotent: opening the same workspace again, or seeding again, adds nothing', async () => {
    const counts = async (db: Workspace['db']) => {
      const out: Record<string, number> = {};
      for (const table of OAIC_TABLES) out[table] = Number(await db.value(`SELECT count(*) FROM ${table}`));
      out.bw_files = Number(await db.value(`SELECT count(*) FROM bw_files WHERE source_id = 'oaic'`));
      return out;
    };
    const before = await counts(workspace.db);
    expect(before).toMatchObject({ oaic_totals: 19, oaic_by_sector: 66, oaic_individuals_affected: 56, bw_files: 8 });
    workspace.close();
    workspace = await Workspace.open(temp.dir);
    expect(await counts(workspace.db)).toEqual(before);
    await seedOaic(workspace.db);
    expect(await counts(workspace.db)).toEqual(before);
    for (const table of OAIC_TABLES) {
      const duplicates = Number(
        await workspace.db.value(`SELECT count(*) - count(DISTINCT (file_id, source_line)) FROM ${table}`),
      );
      expect(duplicates, table).toBe(0);
    }
  });

  it('reseeds when the tables are gone, without touching other files', async () => {
    await workspace.db.run(`DROP TABLE oaic_timeliness`);
    await seedOaic(workspace.db);
    expect(Number(await workspace.db.value(`SELECT count(*) FROM oaic_timeliness`))).toBe(10);
    expect(Number(await workspace.db.value(`SELECT count(*) FROM oaic_totals`))).toBe(19);
  });
});

describe('OAIC chart queries on the committed figures', () => {
  let temp: { dir: string; remove: () => void };
  let workspace: Workspace;
  const chart = async <T = Record<string, unknown>>(id: string, filters = EMPTY_FILTERS) => {
    const query = CHART_QUERIES.get(id);
    if (!query) throw new Error(`${id} is not registered`);
    const built = query.build(filters);
    const arrow = await workspace.db.arrow(built.sql, built.params);
    const rows = await workspace.db.rows<T>(built.sql, built.params);
    expect(arrow.rowCount).toBe(rows.length);
    return rows;
  };

  beforeAll(async () => {
    temp = makeTempDir('bw-oaic-charts-');
    workspace = await Workspace.open(temp.dir);
  });
  afterAll(() => {
    workspace?.close();
    temp?.remove();
  });

  it('oaic_notifications_per_period: first-published and latest figures, 2025-H2 a gap', async () => {
    const rows = await chart<{ period: string; notifications_first_published: number | null; notifications_latest: number | null; revised: boolean; verified: boolean }>(
      'oaic_notifications_per_period',
    );
    expect(rows).toHaveLength(19);
    const byPeriod = new Map(rows.map((r) => [r.period, r]));
    expect(byPeriod.get('2018-Q3')).toMatchObject({ notifications_first_published: 245, notifications_latest: 245, revised: false });
    expect(byPeriod.get('2024-H1')).toMatchObject({ notifications_first_published: 527, notifications_latest: 518, revised: true });
    expect(byPeriod.get('2025-H2')).toMatchObject({ notifications_first_published: null, notifications_latest: null, verified: false });
    // CY2024 as the OAIC reports it (1,113): the revised first half plus the second.
    expect(byPeriod.get('2024-H1')!.notifications_latest! + byPeriod.get('2024-H2')!.notifications_latest!).toBe(1113);
  });

  it('applies the date range to the period start and ignores record-level filters', async () => {
    const rows = await chart<{ period: string }>('oaic_notifications_per_period', {
      ...EMPTY_FILTERS,
      dateFrom: '2024-01-01',
      dateTo: '2025-06-30',
      states: ['CA'],
      actors: ['internal'],
    });
    expect(rows.map((r) => r.period)).toEqual(['2024-H1', '2024-H2', '2025-H1']);
  });

  it('oaic_notifications_by_source: three sources per period, counts and shares apart', async () => {
    const rows = await chart<{ period: string; source: string; notifications: number | null; pct_of_period: number | null }>('oaic_notifications_by_source');
    expect(rows).toHaveLength(19 * 3);
    const pick = (period: string, source: string) => rows.find((r) => r.period === period && r.source === source);
    expect(pick('2018-Q3', 'malicious_or_criminal_attack')).toMatchObject({ notifications: null, pct_of_period: 57 });
    expect(pick('2018-Q3', 'human_error')).toMatchObject({ notifications: null, pct_of_period: 37 });
    expect(pick('2024-H1', 'malicious_or_criminal_attack')).toMatchObject({ notifications: 354, pct_of_period: 67 });
    expect(pick('2024-H1', 'system_fault')).toMatchObject({ notifications: 17, pct_of_period: 3 });
    expect(pick('2024-H2', 'system_fault')).toMatchObject({ notifications: null, pct_of_period: null });
    // 2024-H1: the three sources add up to the first-published total.
    const h1 = rows.filter((r) => r.period === '2024-H1').reduce((n, r) => n + (r.notifications ?? 0), 0);
    expect(h1).toBe(527);
  });

  it('oaic_notifications_by_sector: every published sector row, health marked', async () => {
    const rows = await chart<{ period: string; sector_group: string; notifications: number | null; is_health: boolean }>('oaic_notifications_by_sector');
    expect(rows).toHaveLength(66);
    const health = rows.filter((r) => r.is_health);
    expect(health.map((r) => r.period)).toContain('2018-Q2');
    expect(health.find((r) => r.period === '2024-H1')?.notifications).toBe(102);
  });

  it('oaic_health_sector: one row per period, gaps where no health figure is published', async () => {
    const rows = await chart<{ period: string; notifications: number | null; pct_of_period_total: number | null; malicious_count: number | null; human_error_count: number | null; system_fault_count: number | null }>(
      'oaic_health_sector',
    );
    expect(rows).toHaveLength(19);
    const byPeriod = new Map(rows.map((r) => [r.period, r]));
    expect(byPeriod.get('2024-H1')).toMatchObject({ notifications: 102, pct_of_period_total: 19, malicious_count: 66, human_error_count: 34, system_fault_count: 2 });
    expect(byPeriod.get('2019-Q1')).toMatchObject({ notifications: 58, human_error_count: 30 });
    expect(byPeriod.get('2025-H2')).toMatchObject({ notifications: null, pct_of_period_total: null });
  });

  it('oaic_individuals_affected: the full 2024-H1 table adds up to the 527 notifications', async () => {
    const rows = await chart<{ period: string; population: string; bin: string; notifications: number | null }>('oaic_individuals_affected');
    expect(rows).toHaveLength(56);
    const worldwide = rows.filter((r) => r.period === '2024-H1' && r.population === 'individuals (worldwide)');
    expect(worldwide).toHaveLength(15);
    expect(worldwide[0]!.bin).toBe('1');
    expect(worldwide.at(-1)!.bin).toBe('Unknown');
    expect(worldwide.reduce((n, r) => n + (r.notifications ?? 0), 0)).toBe(527);
  });
});

describe('resolveOaicDatasetDir', () => {
  it('finds datasets/oaic above the source folder and above an electron-vite out/main', () => {
    expect(resolveOaicDatasetDir({})).toBe(OAIC_DIR);
    const { dir, remove } = makeTempDir('bw-oaic-out-');
    try {
      expect(resolveOaicDatasetDir({}, join(PROJECT_ROOT, 'out', 'main'))).toBe(OAIC_DIR);
      // A folder with no datasets above it (the temp dir) finds nothing.
      const lonely = join(dir, 'out', 'main');
      mkdirSync(lonely, { recursive: true });
      expect(resolveOaicDatasetDir({}, lonely)).toBeUndefined();
    } finally {
      remove();
    }
  });

  it('prefers BREACH_OAIC_DIR and refuses one that does not hold the tables', () => {
    expect(resolveOaicDatasetDir({ BREACH_OAIC_DIR: OAIC_DIR }, '/')).toBe(OAIC_DIR);
    expect(() => resolveOaicDatasetDir({ BREACH_OAIC_DIR: PROJECT_ROOT })).toThrow(/BREACH_OAIC_DIR/);
  });
});

describe.skipIf(!hasDataset('oaic'))('the committed copy of the OAIC tables', () => {
  it('is byte for byte the shared compilation', () => {
    const shared = readdirSync(datasetPath('oaic')).sort();
    expect(readdirSync(OAIC_DIR).sort()).toEqual(shared);
    for (const file of shared) {
      expect(readFileSync(join(OAIC_DIR, file)).equals(readFileSync(datasetPath('oaic', file))), file).toBe(true);
    }
  });
});

// Keeps the test honest if the folder moves: every other test here reads it.
if (!existsSync(OAIC_DIR)) throw new Error(`datasets/oaic is missing from the project (${OAIC_DIR})`);
