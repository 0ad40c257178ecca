import type { DrillInput } from '../../../shared/api';
import type { FiltersInput } from '../../../shared/filters';
import { ACTORS } from '../../../shared/schema';
import type { ChartModel, Datum, PlainRow, TableRow } from '../charts/chart-spec';
import { ACTOR_COLORS, SERIES_COLORS } from '../charts/chart-themes';
import { categoryTooltip, formatCompact, formatCount, formatPercent, toNumber } from '../charts/format';
import { yearRange } from '../filters/filter-edits';
import { ACTOR_LABELS } from '../filters/filter-labels';

/** One side of the comparison: a source's rows for each comparison chart. */
export interface CompareSide {
  source: string;
  /** Short name for legends and column heads ("incidents", "OCR"). */
  label: string;
  /** The dates this side was restricted to ("only the years your log covers"), for drill-downs. */
  range: { dateFrom?: string; dateTo?: string };
  summary: PlainRow | null;
  perYear: PlainRow[];
  actors: PlainRow[];
  types: PlainRow[];
  sizes: PlainRow[];
}

export const MINE_COLOR = SERIES_COLORS[1]!;
export const THEIRS_COLOR = SERIES_COLORS[0]!;
const TOP_TYPES = 10;

/** "local:incidents_2024" -> "incidents_2024", "ocr" -> "OCR". */
export function shortSourceName(source: string): string {
  if (source === 'ocr') return 'OCR';
  if (source === 'veris') return 'VERIS';
  return source.startsWith('local:') ? source.slice('local:'.length) : source;
}

function drill(side: CompareSide, also: FiltersInput, label: string): DrillInput {
  return { also: { ...side.range, sources: [side.source], ...also }, label: `${side.label}: ${label}` };
}

/**
 * Breaches per year, each side on its own axis: an organisation logs tens a year, OCR hundreds, and
 * on one axis the smaller would be a flat line. The table carries both counts exactly.
 */
export function perYearModel(mine: CompareSide, theirs: CompareSide): ChartModel {
  const years = [...new Set([...mine.perYear, ...theirs.perYear].map((r) => Number(r.year)))].sort((a, b) => a - b);
  const count = (side: CompareSide, year: number) => {
    const row = side.perYear.find((r) => Number(r.year) === year);
    return row ? toNumber(row.breaches) : null;
  };
  const sides = [mine, theirs];
  const datum = (sideIndex: number, year: number): Datum => {
    const side = sides[sideIndex]!;
    return { key: `${side.source}:${year}`, label: `${side.label}, ${year}`, drill: drill(side, yearRange(year), `breaches reported in ${year}`) };
  };
  return {
    option: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: formatCount },
      legend: { top: 0 },
      grid: { left: 56, right: 64, top: 40, bottom: 28 },
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: [
        { type: 'value', name: mine.label, nameTextStyle: { align: 'left' }, axisLabel: { formatter: formatCompact } },
        { type: 'value', name: theirs.label, nameTextStyle: { align: 'right' }, axisLabel: { formatter: formatCompact }, splitLine: { show: false } },
      ],
      series: [
        { name: `${mine.label} (left axis)`, type: 'bar', barMaxWidth: 56, itemStyle: { color: MINE_COLOR }, data: years.map((y) => count(mine, y) ?? 0) },
        { name: `${theirs.label} (right axis)`, type: 'line', yAxisIndex: 1, symbolSize: 6, itemStyle: { color: THEIRS_COLOR }, data: years.map((y) => count(theirs, y)) },
      ],
    },
    columns: [{ label: 'Year' }, { label: mine.label, numeric: true }, { label: theirs.label, numeric: true }],
    rows: years.map((y) => ({ key: String(y), cells: [String(y), count(mine, y) ?? 0, count(theirs, y) ?? 0] })),
    summary: years.length ? `Breaches per year, ${years[0]} to ${years[years.length - 1]}, ${mine.label} beside ${theirs.label}.` : 'No dated breaches.',
    datumAt: (click) => {
      const year = years[click.dataIndex];
      return year === undefined ? undefined : datum(click.seriesIndex, year);
    },
  };
}

/** Each side's breaches split by actor, as shares of 100%, one bar per side. */
export function actorShareModel(mine: CompareSide, theirs: CompareSide): ChartModel {
  const sides = [mine, theirs];
  const present = ACTORS.filter((a) => sides.some((s) => s.actors.some((r) => r.actor === a)));
  const row = (side: CompareSide, actor: string) => side.actors.find((r) => r.actor === actor);
  const share = (side: CompareSide, actor: string) => toNumber(row(side, actor)?.share ?? 0);
  const count = (side: CompareSide, actor: string) => toNumber(row(side, actor)?.breaches ?? 0);
  const rules = [...new Set(sides.flatMap((s) => s.actors.flatMap((r) => String(r.rule_versions ?? '').split(', '))).filter(Boolean))].sort();
  return {
    option: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => formatPercent(v) },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 1, axisLabel: { formatter: (v: number) => formatPercent(v) } },
      yAxis: { type: 'category', inverse: true, data: sides.map((s) => s.label) },
      series: present.map((actor) => ({
        name: ACTOR_LABELS[actor] ?? actor,
        type: 'bar',
        stack: 'share',
        itemStyle: { color: ACTOR_COLORS[actor] },
        // Inside the coloured segments: white, except on the pale grey of "unknown".
        label: { show: true, color: actor === 'unknown' ? '#1b1f24' : '#ffffff', formatter: (p: { value: number }) => (p.value >= 0.06 ? formatPercent(p.value) : '') },
        data: sides.map((s) => share(s, actor)),
      })),
    },
    columns: [
      { label: 'Actor' },
      { label: `${mine.label}, breaches`, numeric: true },
      { label: `${mine.label}, share`, numeric: true },
      { label: `${theirs.label}, breaches`, numeric: true },
      { label: `${theirs.label}, share`, numeric: true },
    ],
    rows: present.map((a) => ({
      key: a,
      cells: [ACTOR_LABELS[a] ?? a, count(mine, a), formatPercent(share(mine, a)), count(theirs, a), formatPercent(share(theirs, a))],
    })),
    summary: sides.map((s) => `${s.label}: ${present.map((a) => `${ACTOR_LABELS[a]} ${formatPercent(share(s, a))}`).join(', ')}`).join('. '),
    caveat: rules.length ? `Actor from rules ${rules.join(', ')}: OCR has no actor field, so its split is derived from breach type, business associate and description.` : undefined,
    datumAt: (click) => {
      const side = sides[click.dataIndex];
      const actor = present[click.seriesIndex];
      return side && actor
        ? { key: `${side.source}:${actor}`, label: `${side.label}, ${ACTOR_LABELS[actor]}`, drill: drill(side, { actors: [actor] }, `${ACTOR_LABELS[actor]} breaches`) }
        : undefined;
    },
  };
}

/**
 * The most common breach types (by the two shares together), as the share of each side's breaches.
 * A breach of several types counts under each, so a side's shares can add up to more than 100%.
 */
export function breachTypeModel(mine: CompareSide, theirs: CompareSide): ChartModel {
  const sides = [mine, theirs];
  const share = (side: CompareSide, type: string) => toNumber(side.types.find((r) => r.breach_type === type)?.share ?? 0);
  const count = (side: CompareSide, type: string) => toNumber(side.types.find((r) => r.breach_type === type)?.breaches ?? 0);
  const all = [...new Set(sides.flatMap((s) => s.types.map((r) => String(r.breach_type))))];
  const types = all.sort((a, b) => share(mine, b) + share(theirs, b) - (share(mine, a) + share(theirs, a)) || a.localeCompare(b)).slice(0, TOP_TYPES);
  return {
    option: {
      tooltip: categoryTooltip((i) => {
        const type = types[i];
        return type ? { title: type, lines: sides.map((s) => `${s.label}: ${formatPercent(share(s, type))} (${formatCount(count(s, type))})`) } : undefined;
      }),
      legend: { top: 0 },
      grid: { left: 8, right: 48, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatPercent(v) } },
      yAxis: { type: 'category', inverse: true, data: types, axisLabel: { width: 170, overflow: 'truncate' } },
      series: sides.map((s, i) => ({
        name: s.label,
        type: 'bar',
        itemStyle: { color: i === 0 ? MINE_COLOR : THEIRS_COLOR },
        label: { show: true, position: 'right', formatter: (p: { value: number }) => (p.value > 0 ? formatPercent(p.value) : '') },
        data: types.map((t) => share(s, t)),
      })),
    },
    columns: [
      { label: 'Breach type' },
      { label: `${mine.label}, breaches`, numeric: true },
      { label: `${mine.label}, share`, numeric: true },
      { label: `${theirs.label}, breaches`, numeric: true },
      { label: `${theirs.label}, share`, numeric: true },
    ],
    rows: types.map((t) => ({ key: t, cells: [t, count(mine, t), formatPercent(share(mine, t)), count(theirs, t), formatPercent(share(theirs, t))] })),
    summary: `Share of breaches by type, ${types.length} most common types, ${mine.label} beside ${theirs.label}.`,
    caveat: all.length > TOP_TYPES ? `The ${TOP_TYPES} most common types of ${all.length}. A breach of several types counts under each.` : 'A breach of several types counts under each.',
    datumAt: (click) => {
      const side = sides[click.seriesIndex];
      const type = types[click.dataIndex];
      return side && type ? { key: `${side.source}:${type}`, label: `${side.label}, ${type}`, drill: drill(side, { breachTypes: [type] }, type) } : undefined;
    },
  };
}

/** People per breach in size bands, as each side's share of the breaches whose count is known. */
export function sizeModel(mine: CompareSide, theirs: CompareSide): ChartModel {
  const sides = [mine, theirs];
  const bins = (mine.sizes.length ? mine.sizes : theirs.sizes).map((r) => String(r.bin));
  const row = (side: CompareSide, bin: string) => side.sizes.find((r) => r.bin === bin);
  return {
    option: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => formatPercent(v) },
      legend: { top: 0 },
      grid: { left: 56, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: bins, axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', name: 'Share of breaches', axisLabel: { formatter: (v: number) => formatPercent(v) } },
      series: sides.map((s, i) => ({
        name: s.label,
        type: 'bar',
        itemStyle: { color: i === 0 ? MINE_COLOR : THEIRS_COLOR },
        data: bins.map((b) => toNumber(row(s, b)?.share ?? 0)),
      })),
    },
    columns: [
      { label: 'People or records affected' },
      { label: `${mine.label}, breaches`, numeric: true },
      { label: `${mine.label}, share`, numeric: true },
      { label: `${theirs.label}, breaches`, numeric: true },
      { label: `${theirs.label}, share`, numeric: true },
    ],
    rows: bins.map((b): TableRow => ({
      key: b,
      cells: [b, toNumber(row(mine, b)?.breaches ?? 0), formatPercent(toNumber(row(mine, b)?.share ?? 0)), toNumber(row(theirs, b)?.breaches ?? 0), formatPercent(toNumber(row(theirs, b)?.share ?? 0))],
    })),
    summary: `Breaches by people or records affected, in size bands, ${mine.label} beside ${theirs.label}.`,
    caveat:
      sides.some((s) => s.source === 'ocr')
        ? 'OCR lists only breaches affecting 500 or more people, so its bands below 500 are (nearly) empty by design: compare the bands from 500 up.'
        : undefined,
    datumAt: () => undefined,
  };
}

/** The headline figures, one line per measure, for the "At a glance" table. */
export function summaryRows(mine: CompareSide, theirs: CompareSide): { key: string; label: string; mine: string; theirs: string }[] {
  const figure = (side: CompareSide, pick: (s: PlainRow) => string) => (side.summary ? pick(side.summary) : '…');
  const n = (v: unknown) => (v === null || v === undefined ? '–' : formatCount(Math.round(toNumber(v))));
  const years = (s: PlainRow) => (s.first_year === null ? '–' : s.first_year === s.last_year ? String(s.first_year) : `${s.first_year}–${s.last_year}`);
  const known = (s: PlainRow) => (toNumber(s.breaches) ? formatPercent(toNumber(s.with_count) / toNumber(s.breaches)) : '–');
  const measures: { key: string; label: string; pick: (s: PlainRow) => string }[] = [
    { key: 'breaches', label: 'Breaches', pick: (s) => n(s.breaches) },
    { key: 'people', label: 'People or records affected', pick: (s) => n(s.people_affected) },
    { key: 'median', label: 'Median per breach', pick: (s) => n(s.median) },
    { key: 'quartiles', label: 'Middle half of breaches', pick: (s) => (s.p25 === null ? '–' : `${n(s.p25)} to ${n(s.p75)}`) },
    { key: 'mean', label: 'Mean per breach', pick: (s) => n(s.mean) },
    { key: 'largest', label: 'Largest breach', pick: (s) => n(s.largest) },
    { key: 'known', label: 'Breaches with a known count', pick: known },
    { key: 'years', label: 'Years reported', pick: years },
  ];
  return measures.map((m) => ({ key: m.key, label: m.label, mine: figure(mine, m.pick), theirs: figure(theirs, m.pick) }));
}
