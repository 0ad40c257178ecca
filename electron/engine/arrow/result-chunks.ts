import { DuckDBMaterializedResult, type DuckDBDataChunk, type DuckDBResult } from '@duckdb/node-api';

/**
 * Every non-empty chunk of a result, in order.
 *
 * A materialized result (what `connection.run` returns) already holds all its
 * chunks, so they are read by index, synchronously. That reads from the first
 * chunk whatever was fetched before, so hand over results nobody has started
 * reading.
 *
 * A streaming result is fetched one chunk ahead: the binding fetches on a
 * libuv worker thread, so DuckDB produces the next chunk while the caller
 * converts this one. A fetched chunk owns its data, so fetching the next does
 * not disturb it.
 */
export async function* resultChunks(result: DuckDBResult): AsyncGenerator<DuckDBDataChunk> {
  if (result instanceof DuckDBMaterializedResult) {
    const chunkCount = result.chunkCount;
    for (let index = 0; index < chunkCount; index++) {
      const chunk = result.getChunk(index);
      if (chunk.rowCount > 0) yield chunk;
    }
    return;
  }
  let next = result.fetchChunk();
  try {
    for (;;) {
      const chunk = await next;
      if (chunk === null || chunk.rowCount === 0) return;
      next = result.fetchChunk();
      yield chunk;
    }
  } finally {
    // Stopped early (a row limit, or the caller failed): let the fetch under
    // way finish before the connection can be handed to another query, and
    // keep its failure, if any, from becoming an unhandled rejection.
    await next.catch(() => undefined);
  }
}
