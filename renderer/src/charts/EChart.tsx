import { useEffect, useRef } from 'react';
import type { EChartsCoreOption, ECharts } from 'echarts/core';
import { echarts } from './echarts-setup';

interface Props {
  option: EChartsCoreOption;
  height?: number;
  /** Accessible name of the chart; the data table beside it carries the numbers. */
  label: string;
  onReady?: (chart: ECharts) => void;
}

/** One ECharts instance bound to a div: created once, updated with each option, resized with its box. */
export function EChart({ option, height = 320, label, onReady }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = box.current!;
    const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
    const instance = echarts.init(element, dark ? 'dark' : undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ backgroundColor: 'transparent', aria: { enabled: true }, ...option }, true);
    if (chart.current && onReady) onReady(chart.current);
  }, [option, onReady]);

  return <div ref={box} role="img" aria-label={label} className="echart" style={{ height }} />;
}
