import { quoteIdentifier } from '../../db/sql-identifiers';

/**
 * SQL over the cells of a user's OAIC table, staged as text. Every expression reads a stage column
 * through `s.<quoted header>`; no cell text is ever pasted into SQL.
 *
 * Blank, "-", "n/a", "np" (not published) and the like are gaps: NULL, never 0.
 */
export interface CellCheck {
  /** The header named in the reject. */
  column: string;
  /** True for a cell that is wrong. */
  when: string;
  /** The value shown in the reject. */
  value: string;
  reason: string;
}

export function col(header: string): string {
  return `s.${quoteIdentifier(header)}`;
}

export function text(header: string | undefined): string {
  return header ? `nullif(trim(${col(header)}), '')` : 'CAST(NULL AS VARCHAR)';
}

export function isGap(header: string): string {
  const c = col(header);
  return `(${c} IS NULL OR lower(trim(${c})) IN ('', '-', '\u2013', '\u2014', 'n/a', 'na', 'np', '..', 'null', 'not published', 'not available', 'unknown'))`;
}

function isPctCell(header: string): string {
  return `ends_with(trim(${col(header)}), '%')`;
}

function number(header: string): string {
  return `TRY_CAST(regexp_replace(trim(${col(header)}), '[,%\\s]', '', 'g') AS DOUBLE)`;
}

/** How to tell a count from a percentage in one column: by its header, per cell, or by a unit column. */
export type CellKind = { by: 'count' } | { by: 'pct' } | { by: 'auto' } | { by: 'unit'; unit: string };

export function unitIsCount(unitHeader: string): string {
  return `lower(trim(${col(unitHeader)})) IN ('count', 'n', 'no', 'number', 'notifications', '#')`;
}

export function unitIsPct(unitHeader: string): string {
  const u = `lower(trim(${col(unitHeader)}))`;
  return `(${u} LIKE 'pct%' OR ${u} IN ('%', 'percent', 'percentage', 'share', 'proportion'))`;
}

function countRow(header: string, kind: CellKind): string {
  switch (kind.by) {
    case 'count':
      return 'true';
    case 'pct':
      return 'false';
    case 'auto':
      return `NOT ${isPctCell(header)}`;
    case 'unit':
      return unitIsCount(kind.unit);
  }
}

function pctRow(header: string, kind: CellKind): string {
  switch (kind.by) {
    case 'count':
      return 'false';
    case 'pct':
      return 'true';
    case 'auto':
      return isPctCell(header);
    case 'unit':
      return unitIsPct(kind.unit);
  }
}

/** The cell as a count where it is one, else NULL. Pair with `figureChecks` so bad cells are rejected, not nulled. */
export function countOf(header: string | undefined, kind: CellKind): string {
  if (!header) return 'CAST(NULL AS INTEGER)';
  return `CASE WHEN NOT ${isGap(header)} AND ${countRow(header, kind)} THEN TRY_CAST(${number(header)} AS INTEGER) END`;
}

export function pctOf(header: string | undefined, kind: CellKind): string {
  if (!header) return 'CAST(NULL AS DOUBLE)';
  return `CASE WHEN NOT ${isGap(header)} AND ${pctRow(header, kind)} THEN ${number(header)} END`;
}

/** Cells that would not load as what their column says they are. */
export function figureChecks(header: string | undefined, kind: CellKind): CellCheck[] {
  if (!header) return [];
  const c = col(header);
  const filled = `NOT ${isGap(header)}`;
  const checks: CellCheck[] = [
    { column: header, when: `${filled} AND ${number(header)} IS NULL`, value: c, reason: 'not a number' },
    {
      column: header,
      when: `${filled} AND ${countRow(header, kind)} AND ${number(header)} IS NOT NULL AND (${number(header)} <> round(${number(header)}) OR ${number(header)} < 0)`,
      value: c,
      reason: 'a count must be a whole number, 0 or more',
    },
    {
      column: header,
      when: `${filled} AND ${pctRow(header, kind)} AND ${number(header)} IS NOT NULL AND (${number(header)} < 0 OR ${number(header)} > 100)`,
      value: c,
      reason: 'a percentage must be between 0 and 100',
    },
  ];
  if (kind.by === 'count') {
    checks.push({ column: header, when: `${filled} AND ${isPctCell(header)}`, value: c, reason: 'a percentage in a column of counts' });
  }
  if (kind.by === 'unit') {
    checks.push({
      column: kind.unit,
      when: `${filled} AND NOT (${unitIsCount(kind.unit)} OR ${unitIsPct(kind.unit)})`,
      value: col(kind.unit),
      reason: "the unit is neither a count ('count') nor a percentage ('pct', '%')",
    });
  }
  return checks;
}

/** A text column the row cannot do without (a sector, a bin). */
export function requiredText(header: string, what: string): CellCheck {
  return { column: header, when: `${text(header)} IS NULL`, value: col(header), reason: `no ${what}` };
}
