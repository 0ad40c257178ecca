import type { ChartModel, Datum } from './chart-spec';
import { formatCount } from './format';

/**
 * The chart's numbers as a table, for screen readers and for reading exact values. Each count is a
 * button to the rows behind it.
 */
export function ChartTable({ title, model, onDrill, testId }: { title: string; model: ChartModel; onDrill: (d: Datum) => void; testId: string }) {
  return (
    <div className="table-scroll chart-table">
      <table className="data-table" data-testid={testId}>
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr>
            {model.columns.map((c) => (
              <th scope="col" key={c.label} className={c.numeric ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) => {
                const column = model.columns[i];
                if (i === 0) return <th scope="row" key={i}>{cell ?? '–'}</th>;
                if (!column?.numeric) return <td key={i}>{cell ?? '–'}</td>;
                const text = typeof cell === 'string' ? cell : formatCount(cell);
                return (
                  <td key={i} className="num">
                    {row.datum && cell !== null ? (
                      <button type="button" className="cell-link" onClick={() => onDrill(row.datum!)} aria-label={`${text} ${column.label.toLowerCase()}, ${row.datum.label}: show rows`}>
                        {text}
                      </button>
                    ) : (
                      text
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
