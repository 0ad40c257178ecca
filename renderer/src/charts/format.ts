const exact = new Intl.NumberFormat('en-US');
const compactFormat = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const percentFormat = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/** Exact counts everywhere a person reads a number (tooltips, tables); compact only on axes. */
export function formatCount(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? exact.format(n) : String(value);
}

export function formatCompact(value: number): string {
  return compactFormat.format(value);
}

export function formatPercent(share: number): string {
  return percentFormat.format(share);
}

export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return 0;
}

/**
 * Tooltip text for ECharts' rich-text tooltips (drawn on the canvas, not as HTML, because the window's
 * CSP forbids the inline styles HTML tooltips carry): a bold first line, then plain lines. A "{" that
 * would open a rich-text tag is written as "(" so a name cannot restyle the tooltip.
 */
export function tooltipText(title: string, lines: string[]): string {
  const safe = (text: string) => text.replace(/\{(?=[^{}|]*\|)/g, '(');
  return [`{b|${safe(title).replaceAll('}', ')')}}`, ...lines.map(safe)].join('\n');
}

/**
 * The tooltip of a bar chart over categories: hovering anywhere over category `i` shades it and shows
 * the title and lines `describe` gives for it (nothing when it gives none), as `tooltipText`.
 */
export function categoryTooltip(describe: (index: number) => { title: string; lines: string[] } | undefined) {
  return {
    trigger: 'axis',
    axisPointer: { type: 'shadow' },
    formatter: (items: { dataIndex: number }[]) => {
      const content = describe(items[0]?.dataIndex ?? 0);
      return content ? tooltipText(content.title, content.lines) : '';
    },
  };
}
