import { BOOLEAN, INTEGER, LIST, listValue, VARCHAR, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';

/** Collects bound values while SQL text is assembled: `add` returns the placeholder to write. */
export class SqlParams {
  readonly values: Record<string, DuckDBValue> = {};
  /** Types of the values the Node client cannot infer (lists). */
  readonly types: Record<string, DuckDBType | undefined> = {};
  private next = 0;
  private readonly shared = new Map<string, string>();

  add(value: DuckDBValue, type?: DuckDBType): string {
    const key = `p${this.next++}`;
    this.values[key] = value;
    if (type) this.types[key] = type;
    return `$${key}`;
  }

  /** A VARCHAR[] value, bound with its type (no text to parse per chunk of rows). */
  list(values: readonly (string | null)[]): string {
    return this.add(listValue([...values]), LIST(VARCHAR));
  }

  /** A VARCHAR[][] value. */
  lists(values: readonly (readonly string[] | null)[]): string {
    return this.add(listValue(values.map((v) => (v === null ? null : listValue([...v])))), LIST(LIST(VARCHAR)));
  }

  /** A BOOLEAN[] value. */
  flags(values: readonly (boolean | null)[]): string {
    return this.add(listValue([...values]), LIST(BOOLEAN));
  }

  /** An INTEGER[] value. */
  integers(values: readonly (number | null)[]): string {
    return this.add(listValue([...values]), LIST(INTEGER));
  }

  /** One placeholder per key, however often the SQL uses it (the null-token list in every cleaned column). */
  once(key: string, make: () => string): string {
    const known = this.shared.get(key);
    if (known) return known;
    const placeholder = make();
    this.shared.set(key, placeholder);
    return placeholder;
  }
}
