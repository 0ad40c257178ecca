import type { Database } from '../db/database';
import { quoteIdentifier } from '../db/sql-identifiers';
import { canonicalSelect } from '../workspace/breaches-view';
import type { BreachesSummary } from './chart-query';
import { ensureSummarySchema, readSourceStates, recordSummary, rows, sourceFingerprint, strayTables, type SourceState } from './summary/source-summaries';
import { computeSummary, copySummary, cubeFacts, dropSummary, MEMORY_DB, rowFacts, SUMMARY_SCHEMA, summaryTables } from './summary/summary-tables';

/**
 * Summaries of the record sources, so that a filter change over millions of rows does not scan them
 * again for every chart (bench/README.md: 2.85 s for the dashboard over a 10M-row log, each chart
 * rescanning it). Per source (summary/summary-tables.ts): a cube of the fact dimensions (a 10M-row
 * log gives about 100,000 rows, which a chart reads in milliseconds) and its rows with the largest
 * counts. Stored in the workspace file, so that a reopen finds them, and read from a copy in memory.
 *
 * A summary is used while its source's fingerprint (summary/source-summaries.ts) is the one it was
 * built from. The first chart asked for after a source changed waits while that source's summary is
 * rebuilt (an OCR import next to a 10M-row log rebuilds only the OCR summary, in a fraction of a
 * second); a source whose summary cannot be built is read from its rows beside the others'
 * summaries. Below SUMMARY_MIN_ROWS rows in `breaches` nothing is built: the rows are quick.
 */
export const SUMMARY_MIN_ROWS = 200_000;

interface Summaries {
  epoch: number;
  states: Promise<SourceState[]> | undefined;
  /** Builds whose row count matched their source's in this process (a summary found on opening is checked before use). */
  checked: Set<string>;
  /** Builds whose row count did not: rebuilt. */
  mismatched: Set<string>;
  /** Builds copied into memory, and those that could not be (read from the file). */
  inMemory: Set<string>;
  onDisk: Set<string>;
  /** Fingerprints whose build failed: not tried again until the source changes. */
  failed: Set<string>;
  /** Checking and building under way, and copying into memory under way. */
  making: Promise<void> | undefined;
  loading: Promise<void> | undefined;
  big: { epoch: number; value: Promise<boolean> } | undefined;
}

const byDatabase = new WeakMap<Database, Summaries>();

function summariesOf(db: Database): Summaries {
  let s = byDatabase.get(db);
  if (!s) {
    s = {
      epoch: -1, states: undefined, checked: new Set(), mismatched: new Set(), inMemory: new Set(), onDisk: new Set(), failed: new Set(),
      making: undefined, loading: undefined, big: undefined,
    };
    byDatabase.set(db, s);
  }
  return s;
}

/**
 * The summary to read charts from, or undefined when no source has a usable one (the charts read
 * `breaches`). When a source's summary is missing or stale, waits for it to be checked or built: in
 * a big workspace, building a source's summary takes about what one dashboard over its rows does,
 * and the dashboards after it are quick; in a small one nothing is built and nothing waited for.
 */
export async function readySummary(db: Database): Promise<BreachesSummary | undefined> {
  const s = summariesOf(db);
  let states = await sourceStates(db);
  if (!states.every((state) => usable(s, state))) {
    await single(s, 'making', () => makeUsable(db, s));
    states = await sourceStates(db);
  }
  if (states.some((state) => usable(s, state) && !s.inMemory.has(state.stored!.build) && !s.onDisk.has(state.stored!.build))) {
    void single(s, 'loading', () => loadIntoMemory(db, s));
  }
  return relations(s, states);
}

/** Waits for all the work (copies into memory too) and returns the summary (undefined when `breaches` is too small to need one). */
export async function summaryOfBreaches(db: Database): Promise<BreachesSummary | undefined> {
  const s = summariesOf(db);
  await readySummary(db);
  while (s.loading) await s.loading;
  return relations(s, await sourceStates(db));
}

function usable(s: Summaries, state: SourceState): boolean {
  const stored = state.stored;
  return stored !== undefined && stored.fingerprint === state.fingerprint && s.checked.has(stored.build) && !s.mismatched.has(stored.build);
}

function relations(s: Summaries, states: SourceState[]): BreachesSummary | undefined {
  if (!states.some((state) => usable(s, state))) return undefined;
  const parts = states.map((state) => {
    if (!usable(s, state)) return { cube: rowFacts(state.viewName), largest: canonicalSelect(state.viewName), cut: undefined };
    const tables = summaryTables(state.stored!.build, s.inMemory.has(state.stored!.build));
    const cut = state.stored!.allRows ? undefined : { largest: tables.largest, cube: `(${cubeFacts(tables)})` };
    return { cube: cubeFacts(tables), largest: `SELECT * FROM ${tables.largest}`, cut };
  });
  return {
    cube: `(${parts.map((p) => p.cube).join(' UNION ALL ')})`,
    largest: `(${parts.map((p) => p.largest).join(' UNION ALL ')})`,
    cutParts: parts.flatMap((p) => (p.cut ? [p.cut] : [])),
  };
}

/** The sources and their summaries, read again after any write. */
function sourceStates(db: Database): Promise<SourceState[]> {
  const s = summariesOf(db);
  if (!s.states || s.epoch !== db.writeEpoch) {
    s.epoch = db.writeEpoch;
    const reading = db.read(readSourceStates);
    s.states = reading;
    reading.catch(() => {
      if (s.states === reading) s.states = undefined;
    });
  }
  return s.states;
}

/** One run of `task` at a time; callers meanwhile share it. It never rejects: a failure leaves the rows to answer. */
function single(s: Summaries, slot: 'making' | 'loading', task: () => Promise<void>): Promise<void> {
  const running = s[slot];
  if (running) return running;
  const started = task()
    .catch(() => undefined)
    .finally(() => {
      if (s[slot] === started) s[slot] = undefined;
    });
  s[slot] = started;
  return started;
}

/** Checks the summaries found on opening, then builds the missing ones, one source at a time. */
async function makeUsable(db: Database, s: Summaries): Promise<void> {
  for (;;) {
    const states = await sourceStates(db);
    const current = states.filter((state) => state.stored?.fingerprint === state.fingerprint && !s.mismatched.has(state.stored.build));
    const unchecked = current.find((state) => !s.checked.has(state.stored!.build));
    if (unchecked) {
      await checkRowCount(db, s, unchecked);
      continue;
    }
    const missing = states.find((state) => !current.includes(state) && !s.failed.has(state.fingerprint));
    if (!missing || !(await breachesIsBig(db, s))) return;
    try {
      // Not stored when the source changed meanwhile: the next state has a new fingerprint to build.
      if (!(await buildSource(db, s, missing))) s.failed.add(missing.fingerprint);
    } catch (error) {
      s.failed.add(missing.fingerprint);
      if (/closed|interrupt/i.test(error instanceof Error ? error.message : String(error))) return;
    }
  }
}

/** Copies the usable summaries into memory, where DuckDB reads them several times faster than from the file. */
async function loadIntoMemory(db: Database, s: Summaries): Promise<void> {
  for (;;) {
    const states = await sourceStates(db);
    const notLoaded = states.find((state) => usable(s, state) && !s.inMemory.has(state.stored!.build) && !s.onDisk.has(state.stored!.build));
    if (!notLoaded) return;
    const build = notLoaded.stored!.build;
    try {
      await db.read(async (connection) => {
        await connection.run(`ATTACH IF NOT EXISTS ':memory:' AS ${MEMORY_DB}`);
        await dropSummary(connection, build, true);
        await copySummary(connection, build, 'memory');
      });
      s.inMemory.add(build);
    } catch {
      s.onDisk.add(build);
    }
  }
}

/** A guard against a change of a source's rows that some writer did not record in its fingerprint. */
async function checkRowCount(db: Database, s: Summaries, state: SourceState): Promise<void> {
  const [row] = await db.read((connection) => rows(connection, `SELECT count(*) AS n FROM (${canonicalSelect(state.viewName)})`));
  if (Number(row?.n ?? -1) === state.stored!.rows) s.checked.add(state.stored!.build);
  else s.mismatched.add(state.stored!.build);
}

function breachesIsBig(db: Database, s: Summaries): Promise<boolean> {
  if (!s.big || s.big.epoch !== db.writeEpoch) {
    const value = db.readRows<{ n: bigint }>(`SELECT count(*) AS n FROM breaches`).then((r) => Number(r[0]?.n ?? 0) >= SUMMARY_MIN_ROWS);
    s.big = { epoch: db.writeEpoch, value };
  }
  return s.big.value;
}

let builds = 0;

/**
 * Computes a source's summary in memory on a read connection (the write queue is not held while
 * millions of rows are grouped), then stores it in the workspace in one short transaction, if the
 * source's fingerprint is still the one it was computed from. Returns whether it was stored.
 */
async function buildSource(db: Database, s: Summaries, source: SourceState): Promise<boolean> {
  builds += 1;
  const build = `${Date.now().toString(36)}_${process.pid}_${builds}`;
  let stored = false;
  try {
    const computed = await db.read(async (connection) => {
      await connection.run(`ATTACH IF NOT EXISTS ':memory:' AS ${MEMORY_DB}`);
      // One transaction: the fingerprint and the summary are of the same rows.
      await connection.run('BEGIN TRANSACTION');
      try {
        const fingerprint = await sourceFingerprint(connection, source.sourceId);
        const summary = await computeSummary(connection, source.viewName, build);
        await connection.run('COMMIT');
        return { ...summary, fingerprint };
      } catch (error) {
        await connection.run('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
    if (computed.fingerprint === undefined || computed.fingerprint !== source.fingerprint) return false;
    const fingerprint = computed.fingerprint;
    const replaced = await db.transaction(async (connection) => {
      if ((await sourceFingerprint(connection, source.sourceId)) !== fingerprint) return undefined;
      await ensureSummarySchema(connection);
      await copySummary(connection, build, 'file');
      const old = await recordSummary(connection, source.sourceId, { build, fingerprint, allRows: computed.allRows, rows: computed.rows });
      for (const oldBuild of old) await dropSummary(connection, oldBuild, false);
      for (const table of await strayTables(connection)) await connection.run(`DROP TABLE ${SUMMARY_SCHEMA}.${quoteIdentifier(table)}`);
      return old;
    });
    if (!replaced) return false;
    stored = true;
    s.checked.add(build);
    s.inMemory.add(build);
    await db.read(async (connection) => {
      for (const oldBuild of replaced) {
        s.inMemory.delete(oldBuild);
        await dropSummary(connection, oldBuild, true);
      }
    });
    return true;
  } finally {
    if (!stored) await db.read((connection) => dropSummary(connection, build, true)).catch(() => undefined);
  }
}
