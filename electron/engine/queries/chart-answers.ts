import type { ArrowQueryResult } from '../db/database';

/** Room for answers: a dashboard's are a few kilobytes each; a long top list at most about a megabyte. */
const MAX_BYTES = 32 * 1024 * 1024;
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/**
 * Chart answers for one state of the data (derived-data.ts keeps one per fingerprint and drops it when
 * the data changes), by the query that defines them. The window asks for every chart again after any
 * filter change, and some answers cannot have changed: the OAIC charts read only the date range.
 * Least recently used answers go first when room runs out.
 */
export class ChartAnswers {
  private readonly answers = new Map<string, Promise<ArrowQueryResult>>();
  private readonly sizes = new Map<string, number>();
  private bytes = 0;

  /** The answer to `sql` with `params`, computed by `compute` unless it is known (or being computed). */
  async get(sql: string, params: unknown, compute: () => Promise<ArrowQueryResult>): Promise<ArrowQueryResult> {
    const key = `${sql}\u0000${JSON.stringify(params, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`;
    let answer = this.answers.get(key);
    if (answer) {
      // Most recently used last.
      this.answers.delete(key);
      this.answers.set(key, answer);
    } else {
      answer = compute();
      this.answers.set(key, answer);
      answer.then(
        (result) => this.keep(key, answer!, result),
        () => this.forget(key, answer!),
      );
    }
    const result = await answer;
    // A copy: the caller may hand the bytes on (or detach them); the kept answer stays whole.
    return { ...result, bytes: result.bytes.slice() };
  }

  private keep(key: string, answer: Promise<ArrowQueryResult>, result: ArrowQueryResult): void {
    if (this.answers.get(key) !== answer) return;
    if (result.bytes.byteLength > MAX_ANSWER_BYTES) {
      this.forget(key, answer);
      return;
    }
    this.sizes.set(key, result.bytes.byteLength);
    this.bytes += result.bytes.byteLength;
    for (const [oldest] of this.answers) {
      if (this.bytes <= MAX_BYTES) break;
      this.forget(oldest, this.answers.get(oldest)!);
    }
  }

  private forget(key: string, answer: Promise<ArrowQueryResult>): void {
    if (this.answers.get(key) !== answer) return;
    this.answers.delete(key);
    this.bytes -= this.sizes.get(key) ?? 0;
    this.sizes.delete(key);
  }
}
