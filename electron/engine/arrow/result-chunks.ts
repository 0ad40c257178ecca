import { DuckDBMaterializedResult, type DuckDBDataChunk, type DuckDBResult } from '@duckdb/node-api';

/**
 * Every non-empty chunk of a result, in order.
 *
 * A materialized result (what `connection.run` returns) already holds all its
 * chunks, so they are read by index: synchronous, without fetchChunk's
 * thread-pool round trip per 2048 rows, which measured at about a third of
 * the whole fetch cost. That reads from the first chunk whatever was fetched
 * before, so hand over results nobody has started reading.
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
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) return;
    yield chunk;
  }
}
