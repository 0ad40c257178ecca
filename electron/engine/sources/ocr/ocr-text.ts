/**
 * SQL expressions for the text damage found in real OCR exports. Every pattern here is a constant of
 * this file (never user text), so splicing them into SQL is safe; values are still bound elsewhere.
 *
 * Two kinds of damage (see ../shared/datasets/ocr/PROVENANCE.md):
 * - a re-saved archive whose curly quotes and dashes became byte 0x83 + "??" (`drivers\x83?? license`),
 *   0x83 "?" 0x9D for a closing quote and 0x83 "?" 0x9B for a bullet; after `repairUtf8` those bytes are
 *   the characters U+0083, U+009D, U+009B;
 * - classic mojibake (`â€™???`, `Â`) in a list that is otherwise valid UTF-8.
 * The third byte of each quote was lost, so which quote or dash it was is inferred from its
 * neighbours; the merge prefers an undamaged copy of the same text from another snapshot.
 */

/** Quotes a constant of this module as a SQL string literal. */
export function sqlLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A lost curly quote or dash: `\x83??` (re-saved archive) or `â€™???` (mojibake list). */
const LOST_QUOTE = '(?:\\x{83}\\?\\?|â€™\\?\\?\\?)';

/** Text that still shows either kind of damage (also U+FFFD and "??" where a character was dropped). */
export const DAMAGE_PATTERN = '[\\x{80}-\\x{9f}\\x{fffd}]|â€|Â|\\?\\?|\\?ÿ';

export function isDamagedSql(expr: string): string {
  return `coalesce(regexp_matches(${expr}, ${sqlLiteral(DAMAGE_PATTERN)}), false)`;
}

/**
 * Ordered replacements, each learned by aligning the damaged 2024-10-08 archive with the clean
 * 2024-06-28 export of the same rows (1,938 descriptions and 32 names line up): `s\x83?? ` was `s’ `
 * 1,263 times, ` \x83?? ` was ` – ` 44 times, `(\x83??C` was `(“C`, `\x83?\x9d` always `”`, and
 * `\x83?\x9b` + tab a bullet.
 */
const REPAIRS: ReadonlyArray<readonly [pattern: string, replacement: string]> = [
  ['â€™\\?\\?\\?Â\\x{9d}', '”'],
  ['\\x{83}\\?\\x{9d}', '”'],
  ['\\x{83}\\?\\x{9b}', '•'],
  [`(^|\\s)${LOST_QUOTE}(\\s)`, '\\1–\\2'],
  [`(^|[\\s(\\[/"])${LOST_QUOTE}`, '\\1“'],
  [LOST_QUOTE, '’'],
  ['(?:\\x{8b}¨«)+(s\\b)', '’\\1'],
  ['(?:\\x{8b}¨«)+', ' '],
  ['\\?ÿ', ''],
  ['Â\\x{a0}', ' '],
  ['Â', ''],
  ['[\\x{80}-\\x{9f}]', ''],
];

/** The text with the known damage patterns replaced by their most likely characters. */
export function repairTextSql(expr: string): string {
  return REPAIRS.reduce(
    (inner, [pattern, replacement]) => `regexp_replace(${inner}, ${sqlLiteral(pattern)}, ${sqlLiteral(replacement)}, 'g')`,
    expr,
  );
}

/**
 * A key that is equal for two copies of the same text whatever their damage, spacing, punctuation or
 * quotes: lower case, then only a-z and 0-9 are kept. Accented letters are dropped rather than
 * stripped of their accent, because the damaged exports lost them outright (`Clínica` became
 * `Cl??nica`): both give `clnica`, and mojibake fragments (`â€™???`, `Â`) vanish with the rest. Used for the case key (entity names) and to decide whether a clean copy from another
 * snapshot is the same text as a damaged one.
 */
export function textKeySql(expr: string): string {
  return `regexp_replace(lower(${expr}), '[^a-z0-9]+', '', 'g')`;
}
