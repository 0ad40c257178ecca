import type { DuckDBValue } from '@duckdb/node-api';

/** Collects bound values while SQL text is assembled: `add` returns the placeholder to write. */
export class SqlParams {
  readonly values: Record<string, DuckDBValue> = {};
  private next = 0;

  add(value: DuckDBValue): string {
    const key = `p${this.next++}`;
    this.values[key] = value;
    return `$${key}`;
  }

  /** A VARCHAR[] value, bound as JSON text and cast (the Node client binds no list without a type). */
  list(values: readonly (string | null)[]): string {
    return `CAST(${this.add(JSON.stringify(values))} AS VARCHAR[])`;
  }
}
