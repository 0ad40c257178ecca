import { DuckDBInstance, type DuckDBConnection, type DuckDBResult, type DuckDBValue } from '@duckdb/node-api';
import { duckdbResultToArrowIpcResult, type ArrowConversionOptions } from '../arrow';
import { ReadConnections } from './read-connections';

export type SqlParams = DuckDBValue[] | Record<string, DuckDBValue>;

export interface ArrowQueryResult {
  bytes: Uint8Array;
  rowCount: number;
  /** Whether `maxRows` cut the result short. */
  truncated: boolean;
}

export interface DatabaseOptions {
  /**
   * DuckDB's `memory_limit`. DuckDB's own default is 80% of the machine's RAM, which let a 10M-row
   * import peak at 2.2 GiB; with 1 GB it peaked at 1.3 GiB and was no slower (bench/README.md).
   * Default: env BREACH_DUCKDB_MEMORY_LIMIT, else '1GB'.
   */
  memoryLimit?: string | undefined;
  /** Where DuckDB spills what does not fit in `memoryLimit` (e.g. `<workspace>/.duckdb-tmp`). */
  tempDirectory?: string | undefined;
}

export const DEFAULT_MEMORY_LIMIT = '1GB';
export const MEMORY_LIMIT_ENV = 'BREACH_DUCKDB_MEMORY_LIMIT';

/** Idle read connections kept open: enough for a dashboard's charts to run without opening new ones. */
const IDLE_READ_CONNECTIONS = 8;

/**
 * One DuckDB database (a workspace file or memory) and the connection the engine writes through.
 * Values are always bound as parameters; callers never paste user text into SQL.
 *
 * Work on the main connection is queued, because one DuckDB connection runs one statement at a time
 * and a transaction must not interleave with another caller's statements.
 */
export class Database {
  private queue: Promise<unknown> = Promise.resolve();
  private epoch = 0;
  private readonly readers: ReadConnections;

  private constructor(
    readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    readonly path: string,
  ) {
    this.readers = new ReadConnections(instance, IDLE_READ_CONNECTIONS);
  }

  static async open(path: string, options: DatabaseOptions = {}): Promise<Database> {
    const memoryLimit = options.memoryLimit ?? (process.env[MEMORY_LIMIT_ENV]?.trim() || DEFAULT_MEMORY_LIMIT);
    const config: Record<string, string> = { memory_limit: memoryLimit };
    if (options.tempDirectory) config.temp_directory = options.tempDirectory;
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, config);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/memory/i.test(message) && options.memoryLimit === undefined && process.env[MEMORY_LIMIT_ENV]) {
        throw new Error(`${MEMORY_LIMIT_ENV}="${memoryLimit}" is not a memory limit DuckDB accepts (e.g. 1GB, 512MB): ${message}`, { cause: error });
      }
      throw error;
    }
    const connection = await instance.connect();
    return new Database(instance, connection, path);
  }

  /**
   * A separate connection for work that may run beside the main queue (cancellable SQL, exports).
   * Only for reading: every write goes through `exclusive`, `transaction` or `run`, so that
   * `writeEpoch` moves when the data may have changed.
   */
  async connect(): Promise<DuckDBConnection> {
    return this.instance.connect();
  }

  /**
   * Goes up each time a piece of work on the main connection finishes. Every write goes through that
   * connection and commits before its work finishes, so a reader that saw this number unchanged
   * knows nothing was written since; caches of what is derived from the data check it first.
   */
  get writeEpoch(): number {
    return this.epoch;
  }

  /** Runs `work` alone on the main connection. */
  exclusive<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const next = this.queue.then(() => work(this.connection)).finally(() => {
      this.epoch += 1;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Runs `work` on a reused connection of its own, beside the main queue: readers neither wait behind
   * an import nor see its rows before it commits. For work that leaves the workspace as it is (reads,
   * and the in-memory caches of queries/breaches-summary.ts).
   */
  read<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.readers.use(work);
  }

  /** Small read results as plain JS objects, beside the main queue (see `rows`). */
  async readRows<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.read(async (c) => (await c.runAndReadAll(sql, params)).getRowObjectsJS() as T[]);
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

  /**
   * Query to Arrow IPC on the given connection, or on a read connection so readers do not wait behind imports.
   * `options.maxRows` stops after that many rows and reports whether there were more (`truncated`),
   * without fetching the rest.
   */
  async arrow(sql: string, params?: SqlParams, connection?: DuckDBConnection, options?: Pick<ArrowConversionOptions, 'maxRows'>): Promise<ArrowQueryResult> {
    const query = async (c: DuckDBConnection) => resultToArrow(await c.stream(sql, params), options);
    return connection ? query(connection) : this.read(query);
  }

  close(): void {
    this.readers.close();
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/**
 * Streamed rather than materialized (`run`): DuckDB then holds one chunk at a time instead of the whole
 * result, and with text columns it is no slower, since reading a materialized result back copies every
 * string a second time. Batches are written to IPC bytes as they fill; no Table is built.
 */
async function resultToArrow(result: DuckDBResult, options?: ArrowConversionOptions): Promise<ArrowQueryResult> {
  return duckdbResultToArrowIpcResult(result, options);
}
