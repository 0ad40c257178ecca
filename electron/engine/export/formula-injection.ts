import { quoteIdentifier } from '../db/sql-identifiers';

/**
 * CSV/XLSX formula injection (OWASP "CSV Injection"): a spreadsheet treats a text cell that starts
 * with = + - @ (or a tab, CR or LF before one) as a formula, so an OCR description such as
 * `=HYPERLINK("http://evil","click")` would run when a journalist opens the export. Such text cells
 * get a leading apostrophe, which spreadsheets show as text and do not evaluate.
 *
 * Only TEXT is touched: a number stored as a number (-5) is not a formula and stays a number; the text
 * "-5" in a VARCHAR column is neutralised like any other text, because the export cannot know whether
 * a spreadsheet would read it as a number or as the start of a formula such as "-2+3".
 */
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\n'] as const;

export function isFormulaLike(text: string): boolean {
  return text.length > 0 && (FORMULA_TRIGGERS as readonly string[]).includes(text[0]!);
}

export function neutraliseText(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/** Types a spreadsheet reads as typed values, never as formulas; everything else is written as text. */
const TYPED_SCALAR = /^(BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL(\(.*\))?|DATE|TIME|TIMESTAMP.*|INTERVAL)$/;

export function isTypedScalar(type: string): boolean {
  return TYPED_SCALAR.test(type);
}

/** The SQL twin of `neutraliseText` (RE2 reads \t \r \n inside the class; SQL keeps backslashes as typed). */
const TRIGGER_PATTERN = String.raw`'^[=+\-@\t\r\n]'`;

export function neutraliseSqlText(expression: string): string {
  return `CASE WHEN regexp_matches(${expression}, ${TRIGGER_PATTERN}) THEN '''' || ${expression} ELSE ${expression} END`;
}

/**
 * A projection over a query's columns that neutralises every text column and leaves typed values as
 * they are, so large CSV exports stream through DuckDB without a JS row loop. Lists (breach_types)
 * are joined to one text cell first, then neutralised: CSV has no lists, and a list's first value
 * must not become a formula either. Anything else (ENUM, JSON, STRUCT) is written as its text and
 * neutralised the same way.
 */
export function neutralisedProjection(columns: readonly { name: string; type: string }[]): string {
  return columns
    .map(({ name, type }) => {
      const c = quoteIdentifier(name);
      if (isTypedScalar(type)) return c;
      const text = type.endsWith('[]') ? `array_to_string(list_transform(${c}, x -> CAST(x AS VARCHAR)), '; ')` : `CAST(${c} AS VARCHAR)`;
      return `${neutraliseSqlText(text)} AS ${c}`;
    })
    .join(', ');
}
