import * as echarts from 'echarts';

export interface ChartSize {
  width: number;
  height: number;
}

/** Report charts are drawn at this size and scaled by their viewBox to the page or slide. */
/** About the printed width in CSS pixels, so 12 px labels print near 9 pt rather than shrinking. */
export const REPORT_CHART_SIZE: ChartSize = { width: 800, height: 380 };

/**
 * An ECharts option as a standalone SVG document, drawn by ECharts' server-side SVG renderer: no
 * window, no canvas, no script in the result. The same SVG goes inline into the HTML report and out
 * as the chart's SVG export.
 */
export function renderChartSvg(option: Record<string, unknown>, size: ChartSize = REPORT_CHART_SIZE): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, backgroundColor: '#ffffff', ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
