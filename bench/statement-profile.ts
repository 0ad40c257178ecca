import { DuckDBConnection } from '@duckdb/node-api';

export interface StatementTime {
  ms: number;
  /** The statement's first words, temp-table names blanked, so repeated shapes group together. */
  sql: string;
}

/**
 * Times every statement run through @duckdb/node-api's `run` and `runAndReadAll` in this process,
 * to say where an import spends its time. The wrapper costs about a microsecond per statement and
 * an import runs a few dozen, so timing them does not move the import's figure.
 */
export interface StatementProfile {
  /** Forgets what was timed so far. */
  reset(): void;
  /** Time per statement shape, largest first. */
  read(): StatementTime[];
}

export function profileStatements(): StatementProfile {
  let times: StatementTime[] = [];
  const proto = DuckDBConnection.prototype as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const method of ['run', 'runAndReadAll']) {
    const original = proto[method]!;
    proto[method] = async function (this: unknown, ...args: unknown[]) {
      const started = performance.now();
      try {
        return await original.apply(this, args);
      } finally {
        times.push({ ms: performance.now() - started, sql: shape(String(args[0])) });
      }
    };
  }
  return {
    reset: () => {
      times = [];
    },
    read: () => {
      const grouped = new Map<string, number>();
      for (const t of times) grouped.set(t.sql, (grouped.get(t.sql) ?? 0) + t.ms);
      return [...grouped].map(([sql, ms]) => ({ sql, ms })).sort((a, b) => b.ms - a.ms);
    },
  };
}

function shape(sql: string): string {
  return sql
    .replace(/\s+/g, ' ')
    .replace(/"?(bw_[a-z]+)_[a-z0-9]{8}"?/g, '$1_*')
    .trim()
    .slice(0, 160);
}
