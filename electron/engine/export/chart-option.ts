import { lowerBoundShade } from '../../../shared/lower-bounds';
import type { ChartFigure } from '../reports/chart-figure';
import { compactNumber, NUMBER_FORMAT } from './html-text';
import { ensureUsMap, US_MAP } from './us-state-map';

/** The app's chart colours, also used for the slides' native charts. */
export const REPORT_PALETTE = ['#2f6fb0', '#d2691e', '#3a9d5d', '#8e5ea2', '#c23b22', '#6b7b8c', '#b8860b', '#17becf'];

export const REPORT_FONT = 'Liberation Sans, Arial, Helvetica, sans-serif';

/** Category labels too many or too long to sit side by side along the bottom: they are turned 45°. */
export function crowdedCategories(figure: Extract<ChartFigure, { kind: 'xy' }>, plotWidth = 660): boolean {
  if (figure.horizontal) return false;
  // 12 px Liberation Sans: about 6.7 px a character, plus a gap between labels.
  const longest = Math.max(0, ...figure.categories.map((c) => c.length));
  return figure.categories.length * (longest * 6.7 + 8) > plotWidth;
}

/**
 * A figure as an ECharts option for print: no animation, no tooltip (paper has no hover), value
 * labels where they fit, axes named with their units. Tables have no option (they are drawn as tables).
 */
export function echartsOption(figure: ChartFigure): Record<string, unknown> | null {
  const text = { fontFamily: REPORT_FONT, color: '#222' };
  if (figure.kind === 'table') return null;
  if (figure.kind === 'map') return mapOption(figure);
  if (figure.kind === 'pie') {
    return {
      animation: false,
      color: REPORT_PALETTE,
      textStyle: text,
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          label: { formatter: (p: { name: string; percent: number }) => `${p.name}\n${p.percent.toFixed(1)}%`, fontSize: 13 },
          data: figure.slices.map((s) => ({ name: s.name, value: s.value })),
        },
      ],
    };
  }
  const twoAxes = figure.series.some((s) => s.axis === 1);
  const few = figure.categories.length <= 15;
  const format = (v: number) => (figure.percent ? `${Math.round(v * 100)}%` : compactNumber(v));
  const valueAxis = (index: 0 | 1) => ({
    type: 'value',
    name: figure.axisNames[index] ?? '',
    // Along the bottom of horizontal bars the axis name sits centred under the numbers.
    ...(figure.horizontal ? { nameLocation: 'middle', nameGap: 26 } : {}),
    nameTextStyle: figure.horizontal ? { fontSize: 13 } : { align: index === 0 ? 'left' : 'right', fontSize: 13 },
    axisLabel: { formatter: format, fontSize: 12 },
    // Counts are whole: no "0.5 breaches" ticks.
    ...(figure.percent ? {} : { minInterval: 1 }),
    splitLine: { show: index === 0 },
    ...(figure.percent ? { max: 1 } : {}),
  });
  const categoryAxis = {
    type: 'category',
    data: figure.categories,
    // Every label while they fit; on long time axis (months) ECharts picks which to show.
    axisLabel: {
      fontSize: 12,
      ...(figure.categories.length <= 30 ? { interval: 0 } : {}),
      ...(figure.horizontal ? { width: 185, overflow: 'break', lineHeight: 14 } : crowdedCategories(figure) ? { rotate: 45 } : {}),
    },
    ...(figure.horizontal ? { inverse: true } : {}),
    // A tick per category, even where labels are skipped: ECharts snaps a mark area to the ticks.
    ...(figure.lowerBoundFrom !== undefined ? { axisTick: { interval: 0 } } : {}),
  };
  const stacked = figure.series.some((s) => s.stack);
  // A stack of one (only external breaches this year) still needs its legend to say what it counts.
  const legend = figure.series.length > 1 || stacked;
  const rotated = crowdedCategories(figure);
  return {
    animation: false,
    color: REPORT_PALETTE,
    textStyle: text,
    legend: { show: legend, top: 0, textStyle: { fontSize: 13 } },
    grid: { left: figure.horizontal ? 200 : 64, right: twoAxes ? 72 : figure.horizontal ? 56 : 32, top: legend || !figure.horizontal ? 48 : 16, bottom: rotated ? 64 : figure.horizontal ? 48 : 36 },
    xAxis: figure.horizontal ? valueAxis(0) : categoryAxis,
    yAxis: figure.horizontal ? categoryAxis : twoAxes ? [valueAxis(0), valueAxis(1)] : valueAxis(0),
    series: figure.series.map((s, i) => ({
      name: s.name,
      type: s.type,
      data: s.values,
      ...(i === 0 && figure.lowerBoundFrom !== undefined ? { markArea: lowerBoundShade(figure.lowerBoundFrom, figure.categories.length - 1, { color: '#4a5563', fontFamily: REPORT_FONT }) } : {}),
      ...(figure.horizontal ? {} : { yAxisIndex: s.axis }),
      ...(s.stack ? { stack: s.stack } : {}),
      ...(s.type === 'line' ? { symbolSize: 6, lineStyle: { width: 2.5 } } : { barMaxWidth: 48 }),
      // Exact values on the bars when there is room: a printed chart has no tooltip to read them from.
      ...(few && !stacked && s.type === 'bar' && figure.series.length === 1
        ? { label: { show: true, position: figure.horizontal ? 'right' : 'top', fontSize: 12, formatter: (p: { value: number }) => (figure.percent ? format(p.value) : NUMBER_FORMAT.format(p.value)) } }
        : {}),
    })),
  };
}

/**
 * A choropleth of the states. The map's coordinates are already projected (Albers USA, y down), so
 * the projection is the identity; the colour scale runs from pale to the app's blue.
 */
function mapOption(figure: Extract<ChartFigure, { kind: 'map' }>): Record<string, unknown> {
  ensureUsMap();
  const values = figure.regions.map((r) => r.value ?? 0);
  const max = Math.max(1, ...values);
  return {
    animation: false,
    textStyle: { fontFamily: REPORT_FONT, color: '#222' },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      orient: 'horizontal',
      left: 'center',
      bottom: 4,
      itemWidth: 12,
      itemHeight: 220,
      calculable: false,
      text: [`${compactNumber(max)} ${figure.valueName.toLowerCase()}`, '0'],
      textStyle: { fontSize: 12 },
      inRange: { color: ['#e3edf7', '#7fa8d4', '#2f6fb0', '#163d66'] },
    },
    series: [
      {
        type: 'map',
        map: US_MAP,
        projection: { project: (point: number[]) => point, unproject: (point: number[]) => point },
        top: 8,
        bottom: 52,
        left: 'center',
        aspectScale: 1,
        roam: false,
        label: { show: false },
        itemStyle: { areaColor: '#eef1f4', borderColor: '#ffffff', borderWidth: 0.8 },
        data: figure.regions.filter((r) => r.value !== null).map((r) => ({ name: r.name, value: r.value })),
      },
    ],
  };
}

/** The same numbers as horizontal bars of the largest states: for a slide when no browser can draw the map. */
export function mapAsBars(figure: Extract<ChartFigure, { kind: 'map' }>): Extract<ChartFigure, { kind: 'xy' }> {
  const top = figure.regions.slice(0, 15);
  return {
    kind: 'xy',
    categoryName: figure.regionName,
    categories: top.map((r) => r.name),
    series: [{ name: figure.valueName, type: 'bar', axis: 0, values: top.map((r) => r.value), percent: false }],
    extra: [],
    axisNames: [figure.valueName],
    horizontal: true,
    percent: false,
    note: `The ${top.length} states with the most ${figure.valueName.toLowerCase()}.`,
  };
}
