import { DuckDBConnection, DuckDBInstance, type DuckDBResult, type DuckDBValue } from '@duckdb/node-api';
import { tableToIPC } from 'apache-arrow';
import { duckdbResultToArrowTable } from '../arrow';

export type SqlParams = DuckDBValue[] | Record<string, DuckDBValue>;

export interface ArrowQueryResult {
  bytes: Uint8Array;
  rowCount: number;
}

/**
 * One DuckDB database (a workspace file or memory) and the connection the engine writes through.
 * Values are always bound as parameters; callers never paste user text into SQL.
 *
 * Work on the main connection is queued, because one DuckDB connection runs one statement at a time
 * and a transaction must not interleave with another caller's statements.
 */
export class Database {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    readonly path: string,
  ) {}

  static async open(path: string): Promise<Database> {
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    return new Database(instance, connection, path);
  }

  /** A separate connection for work that may run beside the main queue (read queries, cancellable SQL). */
  async connect(): Promise<DuckDBConnection> {
    return this.instance.connect();
  }

  /** Runs `work` alone on the main connection. */
  exclusive<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const next = this.queue.then(() => work(this.connection));
    this.queue = next.catch(() => undefined);
    return next;
  }

  async run(sql: string, params?: SqlParams): Promise<void> {
    await this.exclusive((c) => c.run(sql, params));
  }

  /** Small results as plain JS objects (BIGINT becomes bigint); for metadata, not for data to the window. */
  async rows<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.exclusive(async (c) => {
      const reader = await c.runAndReadAll(sql, params);
      return reader.getRowObjectsJS() as T[];
    });
  }

  async value<T = unknown>(sql: string, params?: SqlParams): Promise<T | undefined> {
    const [row] = await this.rows<Record<string, unknown>>(sql, params);
    return row ? (Object.values(row)[0] as T) : undefined;
  }

  /** Runs all of `work` in one transaction: either every statement lands or none does. */
  transaction<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.exclusive(async (c) => {
      await c.run('BEGIN TRANSACTION');
      try {
        const result = await work(c);
        await c.run('COMMIT');
        return result;
      } catch (error) {
        await c.run('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  /** Query to Arrow IPC on a connection of its own, so readers do not wait behind imports. */
  async arrow(sql: string, params?: SqlParams, connection?: DuckDBConnection): Promise<ArrowQueryResult> {
    const own = connection ?? (await this.connect());
    try {
      const result: DuckDBResult = await own.stream(sql, params);
      return await resultToArrow(result);
    } finally {
      if (!connection) own.closeSync();
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

async function resultToArrow(result: DuckDBResult): Promise<ArrowQueryResult> {
  const table = await duckdbResultToArrowTable(result);
  return { bytes: tableToIPC(table, 'stream'), rowCount: table.numRows };
}
