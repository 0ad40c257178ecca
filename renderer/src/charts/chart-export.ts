import type { EChartsCoreOption } from 'echarts/core';
import { PAPER, themeName, type ResolvedTheme } from './chart-themes';
import { echarts } from './echarts-setup';

/** Fixed print width, as Evidence does: an exported chart looks the same whatever the window size. */
const EXPORT_WIDTH = 1200;
const EXPORT_PIXEL_RATIO = 2;

export interface ExportableChart {
  title: string;
  /** Units and source, printed under the chart so a pasted image still says where it is from. */
  footnote: string;
  option: EChartsCoreOption;
  height: number;
}

/**
 * The chart re-drawn off-screen at a fixed width with its title and source footnote in the picture,
 * without animation, so the file is complete the moment it is written.
 */
function exportOption(chart: ExportableChart, theme: ResolvedTheme): EChartsCoreOption {
  const option = chart.option as Record<string, unknown>;
  const grid = (option.grid as Record<string, unknown> | undefined) ?? {};
  return {
    ...option,
    animation: false,
    backgroundColor: PAPER[theme],
    title: [
      { text: chart.title, left: 16, top: 10, textStyle: { fontSize: 16, fontWeight: 600 } },
      { text: chart.footnote, left: 16, bottom: 8, textStyle: { fontSize: 11, fontWeight: 'normal', width: EXPORT_WIDTH - 32, overflow: 'break' } },
    ],
    grid: Array.isArray(option.grid) ? option.grid : { ...grid, top: Number(grid.top ?? 40) + 40, bottom: Number(grid.bottom ?? 32) + 40 },
    legend: option.legend ? { ...(option.legend as object), top: 40 } : undefined,
  };
}

function exportHeight(chart: ExportableChart): number {
  return chart.height + 80;
}

export function chartToSvg(chart: ExportableChart, theme: ResolvedTheme): string {
  const instance = echarts.init(null, themeName(theme), { renderer: 'svg', ssr: true, width: EXPORT_WIDTH, height: exportHeight(chart) });
  try {
    instance.setOption(exportOption(chart, theme));
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

export function chartToPng(chart: ExportableChart, theme: ResolvedTheme): Blob {
  const holder = document.createElement('div');
  holder.style.cssText = `position:fixed;left:-10000px;top:0;width:${EXPORT_WIDTH}px;height:${exportHeight(chart)}px;`;
  document.body.appendChild(holder);
  const instance = echarts.init(holder, themeName(theme), { renderer: 'canvas', devicePixelRatio: EXPORT_PIXEL_RATIO });
  try {
    instance.setOption(exportOption(chart, theme));
    const url = instance.getDataURL({ type: 'png', pixelRatio: EXPORT_PIXEL_RATIO, backgroundColor: PAPER[theme] });
    return dataUrlToBlob(url);
  } finally {
    instance.dispose();
    holder.remove();
  }
}

/** A file name from a chart title: "Breaches reported, per year" -> "breaches-reported-per-year". */
export function fileNameFor(title: string, extension: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${slug || 'chart'}.${extension}`;
}

/** Decodes a base64 data URL without fetch(), which the window's CSP (connect-src 'self') refuses for data:. */
function dataUrlToBlob(url: string): Blob {
  const [head, body = ''] = url.split(',', 2);
  const type = /^data:([^;]+)/.exec(head ?? '')?.[1] ?? 'application/octet-stream';
  const binary = atob(body);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}
