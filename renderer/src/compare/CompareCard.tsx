import { useState } from 'react';
import { drillDown } from '../actions/drill';
import type { ChartModel } from '../charts/chart-spec';
import { ChartTable } from '../charts/ChartTable';
import { EChart } from '../charts/EChart';
import { useResolvedTheme } from '../components/use-theme';
import { useDispatch } from '../state/store';

/**
 * One comparison chart with its numbers as a table (for screen readers and exact values), its caveat
 * and where the numbers come from. A click on a bar opens the rows behind it.
 */
export function CompareCard({ id, title, model, footnote, loading, height = 300, wide }: {
  id: string;
  title: string;
  model: ChartModel | null;
  footnote: string | null;
  loading: boolean;
  height?: number;
  wide?: boolean;
}) {
  const theme = useResolvedTheme();
  const dispatch = useDispatch();
  const [showTable, setShowTable] = useState(false);
  const titleId = `compare-${id}-title`;
  const empty = model !== null && model.rows.length === 0;
  return (
    <section className={`card chart-card${wide ? ' wide' : ''}`} aria-labelledby={titleId} data-testid={`compare-${id}`} aria-busy={loading}>
      <header className="card-header">
        <h2 id={titleId}>{title}</h2>
        <div className="card-tools">
          <button type="button" className="tool" aria-pressed={showTable} onClick={() => setShowTable((s) => !s)} disabled={!model || empty}>
            {showTable ? 'Chart' : 'Table'}
          </button>
        </div>
      </header>
      {loading && <div className="loading-bar" role="progressbar" aria-label={`Loading ${title}`} />}
      {!model && <div className="chart-skeleton" style={{ height }} aria-hidden="true" />}
      {empty && <p className="empty-state">Neither side has breaches to show here.</p>}
      {model && !empty &&
        (showTable ? (
          <ChartTable title={title} model={model} onDrill={(d) => dispatch(drillDown, d.drill)} testId={`compare-table-${id}`} />
        ) : (
          <EChart
            option={model.option}
            theme={theme}
            height={height}
            label={`${title}. ${model.summary}`}
            onClick={(click) => {
              const datum = model.datumAt(click);
              if (datum) dispatch(drillDown, datum.drill);
            }}
          />
        ))}
      {model?.caveat && <p className="footnote">{model.caveat}</p>}
      {footnote && <p className="footnote">{footnote}</p>}
    </section>
  );
}
