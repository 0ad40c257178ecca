import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../db/database';

/**
 * A fingerprint of everything chart results and their citations are read from:
 * - `bw_files` (every import writes its file's row, with the time it was imported; a corrected
 *   snapshot date changes it) and `bw_record_sources` (the sources `breaches` unions);
 * - the identity (oid) of every table and view of the workspace's main schema: an import that replaces
 *   a source's table, or a refreshed copy such as `ocr_breaches`, gives it a new oid (the summaries in
 *   schema `bw_summary` are derived data and left out);
 * - `bw_meta.data_version`, which work that changes rows in place moves (db/data-version.ts).
 * Writes that change none of these (the saved view state, reports, mapping presets) keep it, so they do
 * not throw away what was derived from the data.
 */
export const DATA_FINGERPRINT_SQL = `SELECT md5(concat_ws('|',
  (SELECT max(value) FROM bw_meta WHERE key = 'data_version'),
  (SELECT CAST(list((file_id, source_id, name, snapshot_date, imported_at) ORDER BY file_id) AS VARCHAR) FROM bw_files),
  (SELECT CAST(list((source_id, view_name) ORDER BY source_id) AS VARCHAR) FROM bw_record_sources),
  (SELECT CAST(list(table_oid ORDER BY table_oid) AS VARCHAR) FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main'),
  (SELECT CAST(list(view_oid ORDER BY view_oid) AS VARCHAR) FROM duckdb_views() WHERE database_name = current_database() AND schema_name = 'main')
)) AS fingerprint`;

export async function dataFingerprint(connection: DuckDBConnection): Promise<string> {
  const reader = await connection.runAndReadAll(DATA_FINGERPRINT_SQL);
  return String(reader.getRowObjectsJS()[0]?.fingerprint);
}

interface Derived<T> {
  promise: Promise<T>;
  settled?: { value: T };
}

/**
 * Values derived from a workspace's data (a chart's citations, the summary of `breaches`), computed
 * once per state of the data and shared by every chart asked for meanwhile: a dashboard asks for a
 * dozen charts at once, and they would otherwise each read the same citations.
 *
 * The state is known without a query as long as nothing was written (`Database.writeEpoch`); after
 * a write the fingerprint is read again (one small query), and values are recomputed only if it moved.
 */
export class DerivedData {
  private epoch = -1;
  private fingerprint: Promise<string> | undefined;
  private values = new Map<string, Derived<unknown>>();
  private valuesOf: string | undefined;

  private constructor(private readonly db: Database) {}

  private static readonly byDatabase = new WeakMap<Database, DerivedData>();

  static of(db: Database): DerivedData {
    let derived = DerivedData.byDatabase.get(db);
    if (!derived) {
      derived = new DerivedData(db);
      DerivedData.byDatabase.set(db, derived);
    }
    return derived;
  }

  /** The fingerprint of the data as it is now (see DATA_FINGERPRINT_SQL). */
  current(): Promise<string> {
    const epoch = this.db.writeEpoch;
    if (!this.fingerprint || epoch !== this.epoch) {
      this.epoch = epoch;
      const reading = this.db.read(dataFingerprint);
      this.fingerprint = reading;
      reading.catch(() => {
        if (this.fingerprint === reading) this.fingerprint = undefined;
      });
    }
    return this.fingerprint;
  }

  /**
   * `compute`'s value for the current state of the data; computed once per state. A failure is not
   * kept, so the next caller tries again.
   */
  async get<T>(name: string, compute: () => Promise<T>): Promise<T> {
    return this.entry(await this.current(), name, compute).promise;
  }

  /**
   * The value for the current state if it is ready, else undefined, having started to compute it:
   * for work too slow to wait for (the summary of a big `breaches`), which callers do without meanwhile.
   */
  async ifReady<T>(name: string, compute: () => Promise<T>): Promise<T | undefined> {
    return this.entry(await this.current(), name, compute).settled?.value;
  }

  private entry<T>(fingerprint: string, name: string, compute: () => Promise<T>): Derived<T> {
    if (this.valuesOf !== fingerprint) {
      this.valuesOf = fingerprint;
      this.values = new Map();
    }
    const values = this.values;
    let entry = values.get(name) as Derived<T> | undefined;
    if (!entry) {
      const created: Derived<T> = { promise: compute() };
      entry = created;
      values.set(name, created);
      created.promise.then(
        (value) => {
          created.settled = { value };
        },
        () => {
          if (values.get(name) === created) values.delete(name);
        },
      );
    }
    return entry;
  }
}
