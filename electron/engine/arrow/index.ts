// The Arrow path of the engine: DuckDB results to Arrow built straight from
// DuckDB's vectors (typed-array copies, validity masks as bitmaps, strings as
// dictionaries), never through a JS object per row.
export { duckdbResultToArrowIpc, duckdbResultToArrowIpcResult, duckdbResultToArrowTable, type ArrowIpcResult } from './duckdb-result-to-arrow';
export { readArrowBatches, type ArrowBatchStream, type ArrowConversionOptions } from './record-batch-reader';
