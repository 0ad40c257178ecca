import { describe, expect, it } from 'vitest';
import { UPLOAD_PART_BYTES, type IdentifiedFile, type JobStatus, type Mapping, type WorkbenchApi } from '../../shared/api';
import type { Action } from '../../renderer/src/actions/action';
import { compareSource, setCompareMine, toggleCompareSameYears } from '../../renderer/src/actions/compare';
import {
  dismissImportJob,
  editMapping,
  filesIdentified,
  fixMappingAndRerun,
  forgetRecentFile,
  importJobCancelling,
  importJobStarted,
  importJobUpdated,
  mappingProposed,
  openImportView,
  skipMappingFile,
} from '../../renderer/src/actions/imports';
import { actionForKey } from '../../renderer/src/actions/keyboard';
import { actorShareModel, perYearModel, sizeModel, summaryRows, type CompareSide } from '../../renderer/src/compare/compare-models';
import { ancestorPath, pickedFolderItems } from '../../renderer/src/imports/dropped-items';
import { MAX_RECENT_FILES } from '../../renderer/src/imports/import-state';
import { createIntake, labelFor } from '../../renderer/src/imports/intake';
import { parseWords, readerSummary, unknownActorWord, withActorWords, withField } from '../../renderer/src/imports/mapping-labels';
import { fromViewState, INITIAL_STATE, toViewState } from '../../renderer/src/state/app-state';

const file = (name: string, extra: Partial<IdentifiedFile> = {}): IdentifiedFile => ({
  path: `/data/${name}`,
  name,
  isDirectory: false,
  bytes: 100,
  importer: 'local',
  needsMapping: true,
  problem: null,
  ...extra,
});

const mapping: Mapping = {
  version: 1,
  reader: { format: 'csv', badRows: 'fail', delimiter: ',' },
  fields: { reported_date: { column: 'Opened', format: 'iso' } },
  actorWords: {},
  invalidValues: 'reject_row',
};

const status = (jobId: string, state: JobStatus['state'], percent = 50): JobStatus => ({
  jobId,
  kind: 'import',
  label: 'log.csv',
  startedAt: '2025-01-01T10:00:00.000Z',
  state,
  percent,
  rows: 10,
  message: state,
  reports: [],
  error: null,
});

describe('import actions are pure state changes', () => {
  it('queues local logs for the mapping step, lists what cannot be read, remembers the rest', () => {
    const s = filesIdentified.perform(INITIAL_STATE, {
      files: [file('log.csv'), file('ocr.csv', { importer: 'ocr-portal', needsMapping: false }), file('notes.bin', { importer: null, needsMapping: false, problem: 'notes.bin: not a format' })],
      at: '2025-01-01T10:00:00Z',
    });
    expect(s.view).toBe('import');
    expect(s.imports.queue.map((d) => d.file.name)).toEqual(['log.csv']);
    expect(s.imports.queue[0]).toMatchObject({ mapping: null, preset: null, edited: false, rerun: false });
    expect(s.imports.problems).toEqual([{ name: 'notes.bin', message: 'notes.bin: not a format' }]);
    expect(s.recentFiles.map((r) => r.name)).toEqual(['log.csv', 'ocr.csv']);
    expect(INITIAL_STATE.imports.queue).toEqual([]);

    // Opened again: not queued twice, moved to the top of the recent files.
    const again = filesIdentified.perform(filesIdentified.perform(s, { files: [file('other.csv')], at: 't2' }), { files: [file('log.csv')], at: 't3' });
    expect(again.imports.queue.map((d) => d.file.name)).toEqual(['log.csv', 'other.csv']);
    expect(again.recentFiles.map((r) => r.name)).toEqual(['log.csv', 'other.csv', 'ocr.csv']);
    expect(forgetRecentFile.perform(again, '/data/ocr.csv').recentFiles.map((r) => r.name)).toEqual(['log.csv', 'other.csv']);
  });

  it('keeps at most ten recent files, newest first', () => {
    let s = INITIAL_STATE;
    for (let i = 0; i < 14; i++) s = filesIdentified.perform(s, { files: [file(`f${i}.csv`)], at: `t${i}` });
    expect(s.recentFiles).toHaveLength(MAX_RECENT_FILES);
    expect(s.recentFiles[0]!.name).toBe('f13.csv');
  });

  it('takes the engine’s proposal once, then the user’s edits', () => {
    let s = filesIdentified.perform(INITIAL_STATE, { files: [file('log.csv')], at: 't' });
    s = mappingProposed.perform(s, { path: '/data/log.csv', mapping, preset: { name: 'Register', revision: 2 } });
    expect(s.imports.queue[0]).toMatchObject({ mapping, preset: { name: 'Register', revision: 2 }, edited: false });
    const edited = withField(mapping, 'records_affected', 'People');
    s = editMapping.perform(s, { path: '/data/log.csv', mapping: edited });
    // A late proposal (an older preview answering) does not overwrite the edit.
    s = mappingProposed.perform(s, { path: '/data/log.csv', mapping, preset: null });
    expect(s.imports.queue[0]).toMatchObject({ mapping: edited, edited: true });
    expect(skipMappingFile.perform(s, '/data/log.csv').imports.queue).toEqual([]);
  });

  it('follows a job from start to report, and reopens its mapping to fix and re-run', () => {
    let s = filesIdentified.perform(INITIAL_STATE, { files: [file('log.csv')], at: 't' });
    const mapped = { file: { path: '/data/log.csv', name: 'log.csv', bytes: 100 }, mapping };
    s = importJobStarted.perform(s, { jobId: 'j1', label: 'log.csv', mapped });
    expect(s.imports.queue).toEqual([]);
    expect(s.imports.jobs).toHaveLength(1);
    expect(importJobStarted.perform(s, { jobId: 'j1', label: 'log.csv', mapped })).toBe(s);

    s = importJobCancelling.perform(importJobUpdated.perform(s, status('j1', 'running')), 'j1');
    expect(s.imports.jobs[0]).toMatchObject({ cancelling: true, status: { percent: 50 } });
    expect(importJobUpdated.perform(s, status('j1', 'running'))).toBe(s);
    // A running job cannot be dismissed; a finished one can.
    expect(dismissImportJob.perform(s, 'j1').imports.jobs).toHaveLength(1);
    s = importJobUpdated.perform(s, status('j1', 'done', 100));
    expect(s.imports.jobs[0]).toMatchObject({ cancelling: false, status: { state: 'done' } });

    const rerun = fixMappingAndRerun.perform({ ...s, view: 'overview' }, 'j1');
    expect(rerun.view).toBe('import');
    expect(rerun.imports.queue[0]).toMatchObject({ mapping, rerun: true, file: { name: 'log.csv' } });
    expect(dismissImportJob.perform(s, 'j1').imports.jobs).toEqual([]);
  });

  it('saves recent files with the view state and restores them', () => {
    const s = filesIdentified.perform(INITIAL_STATE, { files: [file('log.csv')], at: '2025-01-01T10:00:00Z' });
    const saved = toViewState(s);
    expect(saved.recentFiles).toEqual([{ path: '/data/log.csv', name: 'log.csv', importer: 'local', openedAt: '2025-01-01T10:00:00Z' }]);
    expect(fromViewState(saved).recentFiles).toEqual(saved.recentFiles);
    expect(fromViewState({ ...saved, recentFiles: undefined }).recentFiles).toEqual([]);
  });

  it('opens the import view with Ctrl+O and the new views with Ctrl+6 and Ctrl+7', () => {
    const key = (k: string) => ({ key: k, ctrlKey: true, metaKey: false, shiftKey: false, altKey: false });
    expect(actionForKey(key('o'), false)).toBe(openImportView);
    expect(actionForKey(key('6'), false)?.perform(INITIAL_STATE, undefined).view).toBe('compare');
    expect(actionForKey(key('7'), false)?.perform(INITIAL_STATE, undefined).view).toBe('import');
  });

  it('sets the comparison’s sides', () => {
    const s = compareSource.perform(INITIAL_STATE, 'local:register');
    expect(s).toMatchObject({ view: 'compare', compare: { mine: 'local:register', theirs: 'ocr', sameYears: true } });
    expect(setCompareMine.perform(s, 'local:register')).toBe(s);
    expect(toggleCompareSameYears.perform(s, undefined).compare.sameYears).toBe(false);
  });
});

describe('mapping step helpers', () => {
  it('edits fields and actor words without touching the old mapping', () => {
    const next = withField(mapping, 'reported_date', null);
    expect(next.fields).toEqual({});
    expect(mapping.fields.reported_date).toBeDefined();
    expect(withField(mapping, 'incident_date', 'Notified', '%d/%m/%Y').fields.incident_date).toEqual({ column: 'Notified', format: '%d/%m/%Y' });
    expect(parseWords('intern, temp staff;intern,, ')).toEqual(['intern', 'temp staff']);
    expect(withActorWords(mapping, 'internal', ['intern']).actorWords).toEqual({ internal: ['intern'] });
    expect(withActorWords(withActorWords(mapping, 'internal', ['intern']), 'internal', []).actorWords).toEqual({});
  });

  it('reads the unknown actor word out of a reject', () => {
    expect(unknownActorWord('unknown actor word "martian": expected words for …', 'martian')).toBe('martian');
    expect(unknownActorWord('unknown actor word "martian": expected', null)).toBe('martian');
    expect(unknownActorWord('negative count', '-3')).toBeNull();
  });

  it('says how a file is read', () => {
    expect(readerSummary({ format: 'csv', badRows: 'fail', delimiter: '\t', header: true, encoding: 'utf-8' })).toBe('CSV, tab-separated, with a header row, UTF-8');
    expect(readerSummary({ format: 'xlsx', badRows: 'fail', sheet: 'Incidents' })).toBe('Excel workbook, sheet "Incidents"');
  });

  it('finds a dropped folder above its files, on POSIX and Windows hosts', () => {
    expect(ancestorPath('/ws/uploads/drop-1/healthcare/2019', 1)).toBe('/ws/uploads/drop-1/healthcare');
    expect(ancestorPath('C:\\ws\\uploads\\drop-1\\healthcare', 0)).toBe('C:\\ws\\uploads\\drop-1\\healthcare');
    expect(ancestorPath('C:\\data\\healthcare\\2019\\a.json', 2)).toBe('C:\\data\\healthcare');
  });

  it('groups a folder chooser’s files by the folder chosen', () => {
    const picked = (relative: string) => Object.assign(new Blob(['{}']), { name: relative.split('/').pop()!, webkitRelativePath: relative, lastModified: 0 }) as unknown as File;
    const items = pickedFolderItems([picked('vcdb/a.json'), picked('vcdb/2019/b.json')]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'folder', name: 'vcdb' });
    expect(items[0]!.kind === 'folder' && items[0]!.files.map((f) => f.dir)).toEqual(['vcdb', 'vcdb/2019']);
    expect(labelFor(['a.csv', 'b.csv', 'c.csv', 'd.csv'])).toBe('4 files (a.csv, b.csv, …)');
  });
});

describe('comparison models', () => {
  const side = (source: string, label: string, rows: Partial<CompareSide>): CompareSide => ({
    source,
    label,
    range: {},
    summary: null,
    perYear: [],
    actors: [],
    types: [],
    sizes: [],
    ...rows,
  });
  const mine = side('local:register', 'register', {
    perYear: [{ year: 2023, breaches: 6 }, { year: 2024, breaches: 4 }],
    actors: [{ actor: 'internal', breaches: 4, share: 0.4, rule_versions: 'local-actor-words/1' }, { actor: 'external', breaches: 6, share: 0.6, rule_versions: 'local-actor-words/1' }],
    sizes: [{ bin: '1–99', breaches: 3, share: 0.375, upper_bound: 99 }, { bin: '500–999', breaches: 1, share: 0.125, upper_bound: 999 }],
    summary: { breaches: 10, with_count: 8, people_affected: 70427, median: 460, p25: 54, p75: 5550, mean: 8803.4, largest: 52000, first_year: 2023, last_year: 2024 },
  });
  const ocr = side('ocr', 'OCR', {
    range: { dateFrom: '2023-01-01', dateTo: '2024-12-31' },
    perYear: [{ year: 2022, breaches: 700 }, { year: 2023, breaches: 745 }],
    actors: [{ actor: 'external', breaches: 1059, share: 0.826, rule_versions: 'actor-rules/1.0.0' }],
    sizes: [{ bin: '1–99', breaches: 0, share: 0, upper_bound: 99 }, { bin: '500–999', breaches: 247, share: 0.193, upper_bound: 999 }],
    summary: { breaches: 1282, with_count: 1282, people_affected: 230781983, median: 5415, p25: 1271, p75: 37181, mean: 180017, largest: 14762475, first_year: 2023, last_year: 2024 },
  });

  it('lines the two sides up year by year, with the rows behind a bar', () => {
    const model = perYearModel(mine, ocr);
    expect(model.rows.map((r) => r.cells)).toEqual([
      ['2022', 0, 700],
      ['2023', 6, 745],
      ['2024', 4, 0],
    ]);
    expect(model.datumAt({ dataIndex: 1, seriesIndex: 1, seriesName: '', name: '', drill: false })?.drill).toEqual({
      also: { dateFrom: '2023-01-01', dateTo: '2023-12-31', sources: ['ocr'] },
      label: 'OCR: breaches reported in 2023',
    });
  });

  it('gives each side’s actor shares and names the rules behind them', () => {
    const model = actorShareModel(mine, ocr);
    expect(model.rows.map((r) => r.cells)).toEqual([
      ['Insider', 4, '40%', 0, '0%'],
      ['External', 6, '60%', 1059, '82.6%'],
    ]);
    expect(model.caveat).toMatch(/actor-rules\/1\.0\.0, local-actor-words\/1/);
  });

  it('says why OCR has no small breaches, and sums up both sides', () => {
    expect(sizeModel(mine, ocr).caveat).toMatch(/500 or more people/);
    const rows = summaryRows(mine, ocr);
    expect(rows.find((r) => r.key === 'median')).toMatchObject({ mine: '460', theirs: '5,415' });
    expect(rows.find((r) => r.key === 'known')).toMatchObject({ mine: '80%', theirs: '100%' });
    expect(rows.find((r) => r.key === 'years')).toMatchObject({ mine: '2023–2024' });
  });
});

describe('browser-mode uploads', () => {
  it('sends a big file in parts, appended in order, and counts the bytes sent', async () => {
    const size = 2 * UPLOAD_PART_BYTES + 123;
    const file = new File([new Uint8Array(size).fill(7)], 'big.csv');
    const calls: { name: string; bytes: number; append: boolean }[] = [];
    const api = {
      uploadFile: async (r: { name: string; bytes: Uint8Array; append?: boolean }) => {
        calls.push({ name: r.name, bytes: r.bytes.byteLength, append: r.append ?? false });
        return { path: `/uploads/${r.name}`, folder: null };
      },
      identifyFiles: async () => [],
    } as unknown as WorkbenchApi;
    let state = INITIAL_STATE;
    const shown: unknown[] = [];
    const store = {
      dispatch: <P>(action: Action<P>, payload: P) => {
        state = action.perform(state, payload);
        shown.push(state.imports.uploading && { ...state.imports.uploading });
      },
    };
    await createIntake(api, store, undefined).openItems([{ kind: 'file', file }]);
    expect(calls).toEqual([
      { name: 'big.csv', bytes: UPLOAD_PART_BYTES, append: false },
      { name: 'big.csv', bytes: UPLOAD_PART_BYTES, append: true },
      { name: 'big.csv', bytes: 123, append: true },
    ]);
    // What the window showed as the parts went: bytes sent rising to the whole file, then the file done.
    const uploading = shown.filter((u): u is NonNullable<typeof state.imports.uploading> => u !== null);
    const sentBytes = uploading.map((u) => u.sentBytes);
    expect(sentBytes).toEqual([...sentBytes].sort((x, y) => x - y));
    expect(uploading[0]).toEqual({ names: ['big.csv'], done: 0, total: 1, sentBytes: 0, totalBytes: size });
    expect(uploading.at(-1)).toEqual({ names: ['big.csv'], done: 1, total: 1, sentBytes: size, totalBytes: size });
  });

  it('sends an empty file as one empty part', async () => {
    const calls: boolean[] = [];
    const api = {
      uploadFile: async (r: { append?: boolean }) => (calls.push(r.append ?? false), { path: '/uploads/empty.csv', folder: null }),
      identifyFiles: async () => [],
    } as unknown as WorkbenchApi;
    await createIntake(api, { dispatch: () => undefined }, undefined).openItems([{ kind: 'file', file: new File([], 'empty.csv') }]);
    expect(calls).toEqual([false]);
  });
});
