import { createRequire } from 'node:module';
import type * as DuckDBBindings from '@duckdb/node-bindings';

// The raw C-API bindings are the only way to reach a vector's buffers without
// building a JS value per row, but they are not a declared dependency of the
// app: a static import would make the bundler try to inline the native loader.
// Loading them at runtime, resolved from @duckdb/node-api's own location, also
// guarantees the very copy whose Vector/DataChunk handles node-api hands out.
const requireHere = createRequire(import.meta.url);
const requireBesideNodeApi = createRequire(requireHere.resolve('@duckdb/node-api'));

export const bindings = requireBesideNodeApi('@duckdb/node-bindings') as typeof DuckDBBindings;

export type RawVector = DuckDBBindings.Vector;
