import { DataType, type Table } from 'apache-arrow';
import { tableToPlainRows, type PlainValue } from '../../../shared/arrow-values';
import { presentationFor, type ChartPresentation, type SeriesPresentation } from './chart-presentations';
import type { Caveat } from '../../../shared/api';
import { lowerBoundIndex } from '../../../shared/lower-bounds';
import { STATE_NAMES } from '../../../shared/us-states';

/**
 * A chart's result in a format-neutral shape: what the HTML's SVG (ECharts), the slide's native
 * PowerPoint chart and the data table under each chart are all drawn from, so the three never disagree.
 */
export interface FigureSeries {
  name: string;
  type: 'bar' | 'line';
  values: (number | null)[];
  /** 0: the left value axis; 1: a second axis on the right (people affected beside breach counts). */
  axis: 0 | 1;
  stack?: string;
  /** Values are shares 0..1. */
  percent: boolean;
}

export type ChartFigure =
  | {
      kind: 'xy';
      categoryName: string;
      categories: string[];
      series: FigureSeries[];
      /** Shown in the data table beside the drawn series, not in the picture. */
      extra: FigureSeries[];
      axisNames: [string, string?];
      /** Bars run left to right, categories down the side: for long category labels. */
      horizontal: boolean;
      /** Values are shares 0..1, shown as percentages. */
      percent: boolean;
      /** The first category (a year or month) whose counts are lower bounds; drawn shaded to the end. */
      lowerBoundFrom?: number;
      note?: string;
    }
  | { kind: 'pie'; valueName: string; slices: { name: string; value: number }[]; note?: string }
  | {
      kind: 'map';
      regionName: string;
      valueName: string;
      /** US states by USPS code, largest value first; `name` is what the map's features are called. */
      regions: { code: string; name: string; value: number | null }[];
      /** More columns for the table, aligned with `regions`. */
      extra: FigureSeries[];
      note?: string;
    }
  | { kind: 'table'; columns: { name: string; label: string; numeric: boolean }[]; rows: (string | number | null)[][]; note?: string };

const MAX_CATEGORIES = 25;
const MAX_TABLE_ROWS = 25;

/** `caveats`: the result's (ResultMeta.caveats); a time axis shades the periods they make lower bounds. */
export function chartFigure(chartId: string, table: Table, caveats: readonly Caveat[] = []): ChartFigure {
  const rows = tableToPlainRows(table);
  const fields = table.schema.fields.map((f) => ({ name: f.name, numeric: isNumeric(f.type) }));
  const presentation = presentationFor(chartId) ?? inferPresentation(fields, rows);
  const figure = buildFigure(presentation, fields, rows);
  if (figure.kind !== 'xy' || figure.horizontal) return figure;
  const from = lowerBoundIndex(caveats, figure.categories);
  return from < 0 ? figure : { ...figure, lowerBoundFrom: from };
}

function buildFigure(p: ChartPresentation, fields: { name: string; numeric: boolean }[], rows: Record<string, PlainValue>[]): ChartFigure {
  if (p.kind === 'table') {
    const columns = (p.columns ?? fields.map((f) => f.name)).map((name) => ({
      name,
      label: columnLabel(name),
      // A year is a label, not a quantity: 2021, not "2,021".
      numeric: (fields.find((f) => f.name === name)?.numeric ?? false) && !/year/i.test(name),
    }));
    const shown = rows.slice(0, MAX_TABLE_ROWS);
    return {
      kind: 'table',
      columns,
      rows: shown.map((r) => columns.map((c) => cellValue(r[c.name] ?? null))),
      ...(rows.length > shown.length ? { note: `The first ${shown.length} of ${rows.length} rows.` } : {}),
    };
  }
  const category = p.category ?? fields[0]?.name ?? '';
  if (p.kind === 'map') {
    const value = p.series?.[0]?.column ?? fields.find((f) => f.numeric)?.name ?? '';
    const sorted = [...rows].sort((a, b) => Number(b[value] ?? 0) - Number(a[value] ?? 0));
    // Territories are not on the Albers USA projection and blanks have no place: say so, with counts.
    const offMap = sorted.filter((r) => !isOnUsMap(labelOf(r[category] ?? null)) && Number(r[value] ?? 0) > 0);
    const note = offMap.length ? `Not on the map: ${offMap.map((r) => `${STATE_NAMES[labelOf(r[category] ?? null)] ?? labelOf(r[category] ?? null)} ${formatCount(Number(r[value]))}`).join(', ')}.` : undefined;
    return {
      ...(note ? { note } : {}),
      kind: 'map',
      regionName: p.categoryLabel ?? columnLabel(category),
      valueName: p.series?.[0]?.label ?? columnLabel(value),
      regions: sorted.map((r) => {
        const code = labelOf(r[category] ?? null);
        return { code, name: STATE_NAMES[code] ?? code, value: numberOf(r[value] ?? null) };
      }),
      extra: (p.tableOnly ?? [])
        .filter((s) => fields.some((f) => f.name === s.column))
        .map((s) => ({ name: s.label ?? columnLabel(s.column), type: 'bar', axis: 0, percent: false, values: sorted.map((r) => numberOf(r[s.column] ?? null)) })),
    };
  }
  if (p.kind === 'pie') {
    const value = p.series?.[0]?.column ?? fields.find((f) => f.numeric && f.name !== category)?.name ?? '';
    return {
      kind: 'pie',
      valueName: p.series?.[0]?.label ?? columnLabel(value),
      slices: rows.map((r) => ({ name: labelOf(r[category] ?? null), value: Number(r[value] ?? 0) })).filter((s) => s.value > 0),
    };
  }
  const pivoted = p.pivot ? pivotRows(rows, category, p.pivot, p.stacked ?? false) : undefined;
  const series: SeriesPresentation[] = p.series ?? fields.filter((f) => f.numeric && f.name !== category).map((f) => ({ column: f.name, ...(p.stacked ? { stack: 'total' } : {}) }));
  let shown = pivoted?.rows ?? rows;
  let note: string | undefined;
  const presented = pivoted?.series ?? series;
  if (!p.timeAxis && shown.length > MAX_CATEGORIES) {
    const first = presented[0]?.column;
    note = `The ${MAX_CATEGORIES} largest of ${shown.length} categories.`;
    shown = first ? [...shown].sort((a, b) => Number(b[first] ?? 0) - Number(a[first] ?? 0)).slice(0, MAX_CATEGORIES) : shown.slice(0, MAX_CATEGORIES);
  }
  const horizontal = p.horizontal ?? (!p.timeAxis && shown.some((r) => labelOf(r[category] ?? null).length > 12));
  const toSeries = (s: SeriesPresentation, percent: boolean): FigureSeries => ({
    name: s.label ?? columnLabel(s.column),
    type: s.type ?? 'bar',
    axis: s.axis ?? 0,
    values: shown.map((r) => numberOf(r[s.column] ?? null)),
    percent,
    ...(s.stack ? { stack: s.stack } : {}),
  });
  const figureSeries = presented.map((s) => toSeries(s, p.percent ?? false));
  const extra = (p.tableOnly ?? []).filter((s) => fields.some((f) => f.name === s.column)).map((s) => toSeries(s, false));
  const axisNames: [string, string?] = [p.axisNames?.[0] ?? figureSeries.filter((s) => s.axis === 0).map((s) => s.name).join(', ')];
  if (figureSeries.some((s) => s.axis === 1)) axisNames.push(p.axisNames?.[1] ?? figureSeries.filter((s) => s.axis === 1).map((s) => s.name).join(', '));
  return {
    kind: 'xy',
    categoryName: p.categoryLabel ?? columnLabel(category),
    categories: shown.map((r) => labelOf(r[category] ?? null)),
    series: figureSeries,
    extra,
    axisNames,
    horizontal,
    percent: p.percent ?? false,
    ...(note ? { note } : {}),
  };
}

/** One row per category with one column per pivot value (`p:<value>`), categories in first-seen order. */
function pivotRows(
  rows: Record<string, PlainValue>[],
  category: string,
  pivot: NonNullable<ChartPresentation['pivot']>,
  stacked: boolean,
): { rows: Record<string, PlainValue>[]; series: SeriesPresentation[] } {
  const byCategory = new Map<string, Record<string, PlainValue>>();
  const keys: string[] = [];
  for (const r of rows) {
    const c = labelOf(r[category] ?? null);
    const k = labelOf(r[pivot.column] ?? null);
    if (!keys.includes(k)) keys.push(k);
    const row = byCategory.get(c) ?? { [category]: c };
    const v = numberOf(r[pivot.value] ?? null);
    if (v !== null) row[`p:${k}`] = Number(row[`p:${k}`] ?? 0) + v;
    byCategory.set(c, row);
  }
  return {
    rows: [...byCategory.values()],
    series: keys.map((k) => ({ column: `p:${k}`, label: pivot.labels?.[k] ?? columnLabel(k), type: 'bar', axis: 0, ...(stacked ? { stack: 'total' } : {}) })),
  };
}

/**
 * For a chart nobody has described yet: the first text (or year/month) column is the category, the
 * numeric columns are series; a second series on a scale 50 times larger gets its own axis as a line;
 * results with several text columns are tables.
 */
export function inferPresentation(fields: { name: string; numeric: boolean }[], rows: Record<string, PlainValue>[]): ChartPresentation {
  const timeLike = fields.find((f) => /^(year|month|quarter|period|day|date)$/i.test(f.name));
  const text = fields.filter((f) => !f.numeric && f !== timeLike);
  const numeric = fields.filter((f) => f.numeric && f !== timeLike);
  if (numeric.length === 0) return { kind: 'table' };
  // Year by actor, one row each: a stacked bar per year.
  if (timeLike && text.length === 1) return { kind: 'xy', category: timeLike.name, timeAxis: true, pivot: { column: text[0]!.name, value: numeric[0]!.name }, stacked: true };
  if (text.length > 1 || (timeLike && text.length > 0)) return { kind: 'table' };
  const category = timeLike?.name ?? text[0]?.name;
  if (!category) return { kind: 'table' };
  const max = (column: string) => Math.max(0, ...rows.map((r) => Math.abs(Number(r[column] ?? 0))));
  const presented: SeriesPresentation[] = numeric.map((s) => ({ column: s.name }));
  if (presented.length === 2) {
    const [a, b] = [max(numeric[0]!.name), max(numeric[1]!.name)];
    const apart = a > 0 && b > 0 && (b / a > 50 || a / b > 50);
    // Over time, the second measure becomes a line on its own axis; across categories a line means
    // nothing, so the picture keeps the first measure only.
    if (apart && timeLike) presented[1] = { column: numeric[1]!.name, type: 'line', axis: 1 };
    else if (apart) presented.pop();
  }
  return { kind: 'xy', category, series: presented, timeAxis: category === timeLike?.name };
}

function isNumeric(type: DataType): boolean {
  return DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type);
}

function numberOf(value: PlainValue): number | null {
  if (value === null || Array.isArray(value)) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function labelOf(value: PlainValue): string {
  if (value === null) return '(unknown)';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

function cellValue(value: PlainValue): string | number | null {
  if (value === null) return null;
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** us-atlas's Albers USA map has the 50 states and DC; the territories are left off it. */
export function isOnUsMap(code: string): boolean {
  return code in STATE_NAMES && !['AS', 'GU', 'MP', 'PR', 'VI'].includes(code);
}

/** people_affected -> "People affected". */
export function columnLabel(name: string): string {
  const words = name.replace(/_/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : name;
}
