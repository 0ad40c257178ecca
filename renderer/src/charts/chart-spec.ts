import type { EChartsCoreOption } from 'echarts/core';
import type { DrillInput, ResultMeta } from '../../../shared/api';
import type { PlainValue } from '../../../shared/arrow-values';
import type { Filters } from '../../../shared/filters';
import type { ListField } from '../filters/filter-labels';
import type { AppState } from '../state/app-state';
import type { ResolvedTheme } from './chart-themes';
import type { ChartClick } from './EChart';

export type PlainRow = Record<string, PlainValue>;

/** What a click on a chart element adds to the filters. */
export type FilterEdit =
  | { kind: 'list'; field: ListField; value: string }
  | { kind: 'year'; year: number }
  | { kind: 'month'; month: string }
  | { kind: 'businessAssociate'; value: boolean };

/** One bar, slice or state: what it adds as a filter and which rows stand behind it. */
export interface Datum {
  key: string;
  label: string;
  filter?: FilterEdit;
  drill: DrillInput;
  /** Open this case's revision history beside its rows. */
  history?: { source: string; caseId: string };
}

export interface TableColumn {
  label: string;
  numeric?: boolean;
}

/** The accessible alternative to the picture: the same numbers, each one a link to its rows. */
export interface TableRow {
  key: string;
  cells: (string | number | null)[];
  datum?: Datum;
}

export interface ChartModel {
  option: EChartsCoreOption;
  columns: TableColumn[];
  rows: TableRow[];
  /** A sentence for screen readers: what the chart shows, with its range. */
  summary: string;
  /** The element under a click, when the click hit one. */
  datumAt(click: ChartClick): Datum | undefined;
  /** Said under the footnote when the chart leaves something out (territories off the map...). */
  caveat?: string;
}

export interface ChartContext {
  filters: Filters;
  charts: AppState['charts'];
  theme: ResolvedTheme;
  meta: ResultMeta;
}

/** A dashboard chart: which engine query feeds it and how its rows become a picture and a table. */
export interface ChartSpec {
  /** DOM id and test id. */
  id: string;
  /** The engine's chart query id (chart-registry.ts). */
  chart: string;
  title: string;
  units: string;
  height?: number;
  /** Takes the dashboard's full width. */
  wide?: boolean;
  /** A toggle shown in the card's header. */
  toggle?: { label: string; pressed: (charts: AppState['charts']) => boolean; action: 'toggleLogScale' | 'toggleActorShares' };
  build(rows: PlainRow[], context: ChartContext): ChartModel;
}
