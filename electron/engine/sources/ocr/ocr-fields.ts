import { sqlLiteral, textKeySql } from './ocr-text';

/**
 * Parsing the portal's structured columns, as SQL over the raw text. The portal's own spellings are the
 * normalised values; a different case or spacing maps to them, anything else is kept as written.
 */
export const OCR_BREACH_TYPES = ['Hacking/IT Incident', 'Unauthorized Access/Disclosure', 'Theft', 'Loss', 'Improper Disposal', 'Other', 'Unknown'] as const;

export const OCR_LOCATIONS = [
  'Desktop Computer',
  'Electronic Medical Record',
  'Email',
  'Laptop',
  'Network Server',
  'Other',
  'Other Portable Electronic Device',
  'Paper/Films',
] as const;

/** "" and whitespace-only become NULL. */
export function blankToNullSql(expr: string): string {
  return `nullif(trim(${expr}), '')`;
}

/**
 * A comma-separated multi-valued cell ("Theft, Loss") as a sorted list of distinct known values;
 * blank gives []. Sorting makes two snapshots that list the same values in another order equal.
 */
export function multiValueSql(expr: string, known: readonly string[]): string {
  const cases = known.map((k) => `WHEN ${sqlLiteral(k.toLowerCase())} THEN ${sqlLiteral(k)}`).join(' ');
  return `list_sort(list_distinct(list_filter(
    list_transform(string_split(coalesce(${expr}, ''), ','), x -> CASE lower(trim(x)) ${cases} ELSE trim(x) END),
    x -> x <> '')))`;
}

/** Individuals Affected: digits (thousands separators allowed); blank is NULL (unknown), never 0. */
export function countSql(expr: string): string {
  return `TRY_CAST(replace(${blankToNullSql(expr)}, ',', '') AS BIGINT)`;
}

export function countIsInvalidSql(expr: string): string {
  return `(${blankToNullSql(expr)} IS NOT NULL AND (NOT regexp_full_match(trim(${expr}), '[0-9][0-9,]*') OR ${countSql(expr)} IS NULL))`;
}

/** Breach Submission Date is MM/DD/YYYY (zero-padded in every export seen; unpadded also accepted). */
export function dateSql(expr: string): string {
  return `CAST(try_strptime(trim(${expr}), '%m/%d/%Y') AS DATE)`;
}

export function businessAssociateSql(expr: string): string {
  return `CASE lower(trim(${expr})) WHEN 'yes' THEN true WHEN 'no' THEN false ELSE NULL END`;
}

/** The case key's name part; a name with no letter or digit at all falls back to a hash of its text. */
export function nameKeySql(expr: string): string {
  const key = textKeySql(expr);
  return `CASE WHEN ${key} = '' THEN 'x' || substr(md5(lower(trim(${expr}))), 1, 12) ELSE ${key} END`;
}
