import { tableFromIPC } from 'apache-arrow';
import { useMemo } from 'react';
import { plainValue, type PlainValue } from '../../../shared/arrow-values';

const MAX_RENDERED_ROWS = 500;

function display(value: PlainValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map(display).join(', ');
  if (typeof value === 'number') return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
  return String(value);
}

/** A plain table of an Arrow result; renders the first rows only (the grid view handles big results). */
export function ResultTable({ arrow, caption }: { arrow: Uint8Array; caption: string }) {
  const table = useMemo(() => tableFromIPC(arrow), [arrow]);
  const fields = table.schema.fields;
  const shown = Math.min(table.numRows, MAX_RENDERED_ROWS);
  const rows = useMemo(() => {
    const out: PlainValue[][] = [];
    for (let r = 0; r < shown; r++) out.push(fields.map((f, i) => plainValue(f.type, table.getChildAt(i)?.get(r))));
    return out;
  }, [table, fields, shown]);
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="result-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {fields.map((f, i) => (
              <th scope="col" key={i}>
                {f.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((v, c) => (
                <td key={c} className={typeof v === 'number' ? 'num' : undefined}>
                  {display(v)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {table.numRows > shown && <p className="muted">Showing the first {shown.toLocaleString('en-US')} of {table.numRows.toLocaleString('en-US')} rows.</p>}
    </div>
  );
}
