import { useCallback, useMemo, useRef, useState } from 'react';
import type { ECharts } from 'echarts/core';
import { useApi } from '../api/use-api';
import { useQuery } from '../api/use-query';
import { drillDown, showCaseHistory } from '../actions/drill';
import { toggleActorShares, toggleLogScale } from '../actions/display';
import { clearAllFilters, setBusinessAssociateFilter, toggleFilterValue, toggleMonthFilter, toggleYearFilter } from '../actions/filters';
import { useAppState, useDispatch } from '../state/store';
import { downloadBlob, downloadText } from '../components/download';
import { hasFilters } from '../filters/filter-chips';
import { arrowRows } from './arrow-table';
import { chartToPng, chartToSvg, fileNameFor } from './chart-export';
import type { ChartModel, ChartSpec, Datum, FilterEdit } from './chart-spec';
import { ChartFootnote, footnoteText } from './ChartFootnote';
import { ChartTable } from './ChartTable';
import { EChart, type ChartClick } from './EChart';
import { useResolvedTheme } from '../components/use-theme';
import { ExportMenu } from '../components/ExportMenu';

/**
 * One dashboard chart: asks the engine for its query under the current filters, draws it, and gives
 * the same numbers as a table; a click filters, Shift+click (or a number in the table) drills down.
 */
export function ChartCard({ spec }: { spec: ChartSpec }) {
  const api = useApi();
  const dispatch = useDispatch();
  const filters = useAppState((s) => s.filters);
  const charts = useAppState((s) => s.charts);
  const theme = useResolvedTheme();
  const [showTable, setShowTable] = useState(false);
  const instance = useRef<ECharts | null>(null);

  const query = useQuery(`${spec.chart}|${JSON.stringify(filters)}`, () => api.runChart({ chart: spec.chart, filters }));
  const result = query.value;
  const model: ChartModel | null = useMemo(
    () => (result ? spec.build(arrowRows(result.arrow), { filters, charts, theme, meta: result.meta }) : null),
    [result, spec, filters, charts, theme],
  );
  const height = spec.height ?? 300;
  const titleId = `chart-${spec.id}-title`;

  const applyFilter = useCallback(
    (edit: FilterEdit) => {
      if (edit.kind === 'list') dispatch(toggleFilterValue, { field: edit.field, value: edit.value });
      else if (edit.kind === 'year') dispatch(toggleYearFilter, edit.year);
      else if (edit.kind === 'month') dispatch(toggleMonthFilter, edit.month);
      else dispatch(setBusinessAssociateFilter, filters.businessAssociate === edit.value ? undefined : edit.value);
    },
    [dispatch, filters.businessAssociate],
  );
  const openRows = useCallback(
    (datum: Datum) => {
      dispatch(drillDown, datum.drill);
      if (datum.history) dispatch(showCaseHistory, datum.history);
    },
    [dispatch],
  );
  const onClick = useCallback(
    (click: ChartClick) => {
      const datum = model?.datumAt(click);
      if (!datum) return;
      if (click.drill || !datum.filter) openRows(datum);
      else applyFilter(datum.filter);
    },
    [model, openRows, applyFilter],
  );
  const onReady = useCallback((chart: ECharts | null) => {
    instance.current = chart;
  }, []);

  const exportable = model && result ? { title: spec.title, footnote: footnoteText(result.meta, spec.units), option: model.option, height } : null;
  const empty = model !== null && model.rows.length === 0;

  return (
    <section className={`card chart-card${spec.wide ? ' wide' : ''}`} aria-labelledby={titleId} data-testid={`chart-${spec.id}`} aria-busy={query.loading}>
      <header className="card-header">
        <h2 id={titleId}>{spec.title}</h2>
        <div className="card-tools">
          {spec.toggle && (
            <button
              type="button"
              className="tool"
              aria-pressed={spec.toggle.pressed(charts)}
              onClick={() => dispatch(spec.toggle!.action === 'toggleLogScale' ? toggleLogScale : toggleActorShares, undefined)}
            >
              {spec.toggle.label}
            </button>
          )}
          <button type="button" className="tool" aria-pressed={showTable} onClick={() => setShowTable((s) => !s)} disabled={!model || empty}>
            {showTable ? 'Chart' : 'Table'}
          </button>
          <button type="button" className="tool" onClick={() => dispatch(drillDown, { label: spec.title })} disabled={!model || empty}>
            Rows
          </button>
          <ExportMenu
            label="Export"
            accessibleName={`Export ${spec.title}`}
            disabled={!exportable || empty}
            items={[
              { label: 'PNG image', run: () => exportable && downloadBlob(chartToPng(exportable, theme), fileNameFor(spec.title, 'png')) },
              { label: 'SVG image', run: () => exportable && downloadText(chartToSvg(exportable, theme), fileNameFor(spec.title, 'svg'), 'image/svg+xml') },
            ]}
          />
        </div>
      </header>
      {query.loading && <div className="loading-bar" role="progressbar" aria-label={`Loading ${spec.title}`} />}
      {query.error && (
        <p className="error" role="alert">
          {query.error}
        </p>
      )}
      {!model && !query.error && <div className="chart-skeleton" style={{ height }} aria-hidden="true" />}
      {empty && (
        <div className="empty-state" style={{ minHeight: Math.min(height, 180) }}>
          <p>No breaches match these filters.</p>
          {hasFilters(filters) && (
            <button type="button" onClick={() => dispatch(clearAllFilters, undefined)}>
              Clear filters
            </button>
          )}
        </div>
      )}
      {model && !empty && (
        <>
          {showTable ? (
            <ChartTable title={spec.title} model={model} onDrill={openRows} testId={`table-${spec.id}`} />
          ) : (
            <EChart option={model.option} theme={theme} height={height} label={`${spec.title}. ${model.summary}`} onClick={onClick} onReady={onReady} />
          )}
        </>
      )}
      {result && <ChartFootnote meta={result.meta} units={spec.units} />}
      {model?.caveat && <p className="footnote">{model.caveat}</p>}
    </section>
  );
}
