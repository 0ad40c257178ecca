import type { DuckDBConnection } from '@duckdb/node-api';
import { cancelledError } from './duckdb-errors';

/**
 * Runs DuckDB work that a user may cancel: an abort interrupts the connection's running statement,
 * and the resulting "Interrupted" error becomes a cancellation, not a failure.
 */
export async function cancellable<T>(connection: DuckDBConnection, signal: AbortSignal, fileName: string, work: () => Promise<T>): Promise<T> {
  if (signal.aborted) throw cancelledError(fileName);
  const onAbort = () => connection.interrupt();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await work();
  } catch (error) {
    if (signal.aborted) throw cancelledError(fileName);
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/**
 * Polls DuckDB's query progress while `work` runs. DuckDB only tracks progress with the progress bar
 * enabled (its printing stays off), and reports -1 until it knows.
 */
export async function withQueryProgress<T>(
  connection: DuckDBConnection,
  report: (fraction: number, rowsProcessed: number) => void,
  work: () => Promise<T>,
  intervalMs = 200,
): Promise<T> {
  await connection.run(`SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET progress_bar_time = 0`);
  let last = -1;
  const timer = setInterval(() => {
    const { percentage, rows_processed: rows } = connection.progress;
    if (percentage >= 0 && percentage !== last) {
      last = percentage;
      report(Math.min(1, percentage / 100), Number(rows));
    }
  }, intervalMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

/** A fresh name for a temp table of this import, so concurrent previews never collide. */
export function tempName(prefix: string): string {
  return `${prefix}_${Math.random().toString(36).slice(2, 10)}`;
}
