import { useEffect, useLayoutEffect, useRef } from 'react';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { themeName, type ResolvedTheme } from './chart-themes';
import { echarts } from './echarts-setup';

export interface ChartClick {
  dataIndex: number;
  seriesIndex: number;
  seriesName: string;
  name: string;
  /** Shift or Ctrl/Cmd was held: the user asked for the rows, not a filter. */
  drill: boolean;
}

interface Props {
  option: EChartsCoreOption;
  theme: ResolvedTheme;
  height?: number;
  /** Accessible name of the chart; the data table beside it carries the numbers. */
  label: string;
  onClick?: (click: ChartClick) => void;
  onReady?: (chart: ECharts | null) => void;
}

/** One ECharts instance bound to a div: created per theme, updated with each option, resized with its box. */
export function EChart({ option, theme, height = 320, label, onClick, onReady }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const clickRef = useRef(onClick);
  useLayoutEffect(() => {
    clickRef.current = onClick;
  });

  useEffect(() => {
    const element = box.current!;
    const instance = echarts.init(element, themeName(theme), { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => {
      const p = params as unknown as { dataIndex: number; seriesIndex: number; seriesName: string; name: string; event?: { event?: MouseEvent } };
      const mouse = p.event?.event;
      clickRef.current?.({
        dataIndex: p.dataIndex,
        seriesIndex: p.seriesIndex,
        seriesName: p.seriesName,
        name: p.name,
        drill: Boolean(mouse && (mouse.shiftKey || mouse.ctrlKey || mouse.metaKey)),
      });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
      onReady?.(null);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [theme]);

  useEffect(() => {
    // ECharts' own aria writes its generated text over our aria-label; the label and the data table speak instead.
    chart.current?.setOption({ aria: { enabled: false }, ...option, tooltip: withRichTextTooltip(option.tooltip) }, true);
    onReady?.(chart.current);
  }, [option, onReady, theme]);

  return <div ref={box} role="img" aria-label={label} className="echart" style={{ height, cursor: onClick ? 'pointer' : undefined }} />;
}

/**
 * Tooltips drawn on the canvas: ECharts' HTML tooltips carry inline style attributes, which the
 * window's CSP (style-src 'self') blocks. Text from `tooltipText` uses the "b" style for its title.
 */
function withRichTextTooltip(tooltip: unknown): object {
  const given = (tooltip ?? {}) as Record<string, unknown>;
  const textStyle = (given.textStyle ?? {}) as Record<string, unknown>;
  return { confine: true, ...given, renderMode: 'richText', textStyle: { ...textStyle, rich: { b: { fontWeight: 'bold' }, ...((textStyle.rich as object) ?? {}) } } };
}
