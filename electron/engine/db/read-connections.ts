import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

/**
 * Read connections kept open between queries. A dashboard asks for a dozen charts at once after every
 * filter change; opening a DuckDB connection for each one (and closing it after) was a measurable part
 * of every chart. A connection is reused only after a query that ended normally, so nothing a failed
 * or interrupted query left behind reaches the next caller.
 */
export class ReadConnections {
  private readonly idle: DuckDBConnection[] = [];
  private readonly busy = new Set<DuckDBConnection>();
  private closed = false;

  constructor(
    private readonly instance: DuckDBInstance,
    /** Connections kept open when idle; more are opened when more queries run at once. */
    private readonly maxIdle: number,
  ) {}

  async use<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error('The workspace is closed.');
    const connection = this.idle.pop() ?? (await this.instance.connect());
    this.busy.add(connection);
    let healthy = false;
    try {
      const result = await work(connection);
      healthy = true;
      return result;
    } finally {
      this.busy.delete(connection);
      if (healthy && !this.closed && this.idle.length < this.maxIdle) this.idle.push(connection);
      else connection.closeSync();
    }
  }

  /** Stops running queries and closes every idle connection; busy ones close when their query returns. */
  close(): void {
    this.closed = true;
    for (const connection of this.busy) connection.interrupt();
    for (const connection of this.idle.splice(0)) connection.closeSync();
  }
}
