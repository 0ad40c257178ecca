import { NULL_TOKENS } from './normalise-text';
import type { SqlParams } from './sql-params';

/**
 * The cleaning every mapped value goes through: trimmed (DuckDB's `trim`, which removes Unicode space
 * separators but not tabs or new lines), and NULL when it is empty or a null token ("n/a", "-").
 */
export function cleanedText(value: string, p: SqlParams): string {
  const tokens = p.once('null-tokens', () => p.list(NULL_TOKENS));
  return `CASE WHEN list_contains(${tokens}, lower(trim(${value}))) THEN NULL ELSE NULLIF(trim(${value}), '') END`;
}

/**
 * Codes of the first characters a null token can start with, either case. A text whose first character
 * is printable ASCII and not one of these cannot lower-case to a null token.
 */
const TOKEN_INITIALS: readonly number[] = (() => {
  const codes = new Set<number>();
  for (const token of NULL_TOKENS) {
    const first = token[0];
    if (first === undefined) continue;
    for (const c of [first.toLowerCase(), first.toUpperCase()]) {
      const code = c.charCodeAt(0);
      if (code > 126) throw new Error(`null token "${token}" starts outside ASCII; the cleaning shortcut assumes it does not`);
      codes.add(code);
    }
  }
  return [...codes].sort((a, b) => a - b);
})();

/**
 * True for a text that `cleanedText` returns unchanged: its first character is printable ASCII (so
 * nothing to trim at the start, and not empty), not the start of a null token, and its last character
 * is no space separator (`\pZ` covers every character `trim` removes). Most values pass, and then
 * the row skips `lower`, two `trim`s and the token search, which cost more than the whole parse.
 * Built from constants of this module only.
 */
export function needsNoCleaning(value: string): string {
  // list_contains rather than NOT IN: DuckDB rewrites a long IN list into a join, which costs more and
  // loses the rows' order.
  return `(ascii(${value}) BETWEEN 33 AND 126 AND NOT list_contains([${TOKEN_INITIALS.join(', ')}], ascii(${value})) AND NOT regexp_matches(${value}, '\\pZ$'))`;
}

/** `cleanedText`, evaluated only for the values the shortcut cannot vouch for; the same result for every value. */
export function cleanedTextFast(value: string, p: SqlParams): string {
  return `CASE WHEN ${needsNoCleaning(value)} THEN ${value} ELSE ${cleanedText(value, p)} END`;
}
