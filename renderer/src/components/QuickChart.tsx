import type { Table } from 'apache-arrow';
import { useMemo, useState } from 'react';
import { arrowCell, arrowColumns } from '../grid/arrow-grid-source';
import { cellText } from '../grid/cell-text';
import { EChart } from '../charts/EChart';
import { formatCompact, formatCount } from '../charts/format';
import { useResolvedTheme } from './use-theme';

const MAX_POINTS = 2_000;

/** A first look at a query result: one label column against one or more number columns. */
export function QuickChart({ table }: { table: Table }) {
  const theme = useResolvedTheme();
  const columns = useMemo(() => arrowColumns(table), [table]);
  const labels = columns.map((c, i) => ({ name: c.name, kind: c.kind, index: i }));
  const numeric = labels.filter((c) => c.kind === 'number');
  const [x, setX] = useState(() => labels.find((c) => c.kind !== 'number')?.index ?? 0);
  const [y, setY] = useState(() => numeric.find((c) => c.index !== x)?.index ?? numeric[0]?.index ?? -1);
  const [kind, setKind] = useState<'bar' | 'line'>('bar');

  const option = useMemo(() => {
    const n = Math.min(table.numRows, MAX_POINTS);
    const xs: string[] = [];
    const ys: (number | null)[] = [];
    for (let r = 0; r < n; r++) {
      xs.push(cellText(arrowCell(table, r, x), columns[x]?.name ?? 'label_id'));
      const v = y >= 0 ? arrowCell(table, r, y) : null;
      ys.push(typeof v === 'number' ? v : null);
    }
    return {
      tooltip: { trigger: 'axis', valueFormatter: formatCount },
      grid: { left: 64, right: 24, top: 24, bottom: 48 },
      xAxis: { type: 'category', data: xs, name: columns[x]?.name, nameLocation: 'middle', nameGap: 30 },
      yAxis: { type: 'value', name: columns[y]?.name, axisLabel: { formatter: (v: number) => formatCompact(v) } },
      series: [{ name: columns[y]?.name ?? '', type: kind, data: ys }],
    };
  }, [table, x, y, kind, columns]);

  if (numeric.length === 0) return <p className="muted">A quick chart needs a number column in the result.</p>;
  return (
    <section className="card quick-chart" aria-label="Quick chart of the result">
      <div className="toolbar">
        <ColumnPicker label="Label" columns={labels} value={x} onChange={setX} />
        <ColumnPicker label="Value" columns={numeric} value={y} onChange={setY} />
        <label>
          As{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as 'bar' | 'line')}>
            <option value="bar">bars</option>
            <option value="line">line</option>
          </select>
        </label>
        {table.numRows > MAX_POINTS && <span className="muted small">First {formatCount(MAX_POINTS)} rows.</span>}
      </div>
      <EChart option={option} theme={theme} height={280} label={`Quick chart: ${columns[y]?.name} by ${columns[x]?.name}`} />
    </section>
  );
}

function ColumnPicker({ label, columns, value, onChange }: { label: string; columns: { name: string; index: number }[]; value: number; onChange: (index: number) => void }) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {columns.map((c) => (
          <option key={c.index} value={c.index}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
