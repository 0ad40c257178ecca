import type * as echartsCore from 'echarts/core';

export type ResolvedTheme = 'light' | 'dark';

/**
 * Colours that stay apart for the common kinds of colour blindness (Okabe and Ito's palette, reordered
 * so the first two, used for breaches and people, differ in lightness too).
 */
export const SERIES_COLORS = ['#2f6fb0', '#d55e00', '#009e73', '#cc79a7', '#e6a100', '#56b4e9', '#8c6d31', '#666666'];
export const ACTOR_COLORS: Record<string, string> = {
  external: '#2f6fb0',
  internal: '#d55e00',
  partner: '#009e73',
  mixed: '#cc79a7',
  unknown: '#9aa0a6',
};

const TEXT = { light: '#1b1f24', dark: '#e6edf3' };
const MUTED = { light: '#57606a', dark: '#9aa6b2' };
const LINE = { light: '#d0d7de', dark: '#30363d' };

export function themeName(theme: ResolvedTheme): string {
  return `workbench-${theme}`;
}

function theme(mode: ResolvedTheme): object {
  const axis = {
    axisLine: { lineStyle: { color: LINE[mode] } },
    axisTick: { lineStyle: { color: LINE[mode] } },
    axisLabel: { color: MUTED[mode] },
    splitLine: { lineStyle: { color: LINE[mode], type: 'dashed' } },
    nameTextStyle: { color: MUTED[mode] },
  };
  return {
    color: SERIES_COLORS,
    backgroundColor: 'transparent',
    textStyle: { color: TEXT[mode], fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
    title: { textStyle: { color: TEXT[mode] }, subtextStyle: { color: MUTED[mode] } },
    legend: { textStyle: { color: TEXT[mode] } },
    categoryAxis: axis,
    valueAxis: axis,
    logAxis: axis,
    tooltip: {
      backgroundColor: mode === 'dark' ? '#1a2129' : '#ffffff',
      borderColor: LINE[mode],
      textStyle: { color: TEXT[mode] },
    },
    visualMap: { textStyle: { color: TEXT[mode] } },
    // Value labels beside bars: plain text in the theme's colour, no halo (the default halo is white).
    bar: { label: { color: TEXT[mode], textBorderWidth: 0, textBorderColor: 'transparent' } },
    pie: { label: { color: TEXT[mode], textBorderWidth: 0 } },
  };
}

export function registerWorkbenchThemes(echarts: typeof echartsCore): void {
  echarts.registerTheme(themeName('light'), theme('light'));
  echarts.registerTheme(themeName('dark'), theme('dark'));
}

export const PAPER = { light: '#ffffff', dark: '#1a2129' };
