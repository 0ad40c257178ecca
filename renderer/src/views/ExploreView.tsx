import { useCallback, useRef, useState } from 'react';
import { useApi } from '../api/use-api';
import { clearDrill, showCaseHistory } from '../actions/drill';
import { ChartFootnote } from '../charts/ChartFootnote';
import { formatCount } from '../charts/format';
import { CaseHistoryPanel } from '../components/CaseHistoryPanel';
import { downloadText } from '../components/download';
import { FilterBar } from '../components/FilterBar';
import { copyToClipboard, DataGrid, type GridHandle } from '../grid/DataGrid';
import type { SortKey } from '../grid/grid-source';
import { rowsToCsv } from '../grid/rows-csv';
import { usePagedRows } from '../grid/use-paged-rows';
import { useAppState, useDispatch } from '../state/store';

/** The rows behind any number: the filtered records, narrowed to what was clicked, in a virtualised grid. */
export function ExploreView() {
  const api = useApi();
  const dispatch = useDispatch();
  const filters = useAppState((s) => s.filters);
  const drill = useAppState((s) => s.drill);
  const historyCase = useAppState((s) => s.historyCase);
  const [sort, setSort] = useState<SortKey[]>([]);
  const [selected, setSelected] = useState(0);
  const [exporting, setExporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const grid = useRef<GridHandle>(null);
  const rows = usePagedRows(api, filters, drill, sort);
  const source = rows.source;
  const column = (name: string) => source?.columns.findIndex((c) => c.name === name) ?? -1;

  const exportCsv = async () => {
    if (!source) return;
    setExporting(true);
    try {
      const all = await source.allRows();
      downloadText(rowsToCsv(source.columns.map((c) => c.name), all), 'breach-rows.csv', 'text/csv;charset=utf-8');
      setNotice(`Exported ${formatCount(all.length)} rows as CSV.`);
    } catch (e) {
      setNotice(e instanceof Error ? e.message : String(e));
    } finally {
      setExporting(false);
    }
  };
  const copy = async () => {
    const text = grid.current?.selectionText() ?? '';
    if (!text) return;
    await copyToClipboard(text);
    setNotice(selected > 1 ? `Copied ${formatCount(selected)} rows.` : 'Copied.');
  };
  const onSelection = useCallback((n: number) => setSelected(n), []);

  const sourceIndex = column('source');
  const caseIndex = column('case_id');
  const entityIndex = column('entity');

  return (
    <div className={`view explore${historyCase ? ' with-panel' : ''}`}>
      <div className="explore-main">
        <h1>Explore rows</h1>
        <FilterBar />
        {drill && (
          <div className="drill-banner" role="status">
            <span>
              Showing the rows behind: <strong>{drill.label ?? 'the selected number'}</strong>
            </span>
            <button type="button" onClick={() => dispatch(clearDrill, undefined)}>
              Show all filtered rows
            </button>
          </div>
        )}
        <div className="toolbar grid-toolbar">
          <span className="grid-summary" data-testid="grid-summary" aria-live="polite">
            {rows.loading && rows.totalRows === null ? 'Loading…' : ''}
            {rows.totalRows !== null && (
              <>
                <strong data-testid="grid-total-rows">{formatCount(rows.totalRows)}</strong> records
                {rows.totalPeople !== null && (
                  <>
                    {' '}
                    · <strong data-testid="grid-total-people">{formatCount(rows.totalPeople)}</strong> people affected
                  </>
                )}
              </>
            )}
            {rows.loading && rows.totalRows !== null && <span className="muted"> · updating…</span>}
          </span>
          <span className="spacer" />
          <button type="button" onClick={() => void copy()} disabled={!source || source.rowCount === 0} title="Copy the selected rows (Ctrl+C in the grid)">
            Copy{selected > 1 ? ` ${formatCount(selected)} rows` : ''}
          </button>
          <button type="button" onClick={() => void exportCsv()} disabled={!source || source.rowCount === 0 || exporting}>
            {exporting ? 'Exporting…' : 'Export CSV'}
          </button>
        </div>
        {notice && (
          <p className="muted small" role="status">
            {notice}
          </p>
        )}
        {rows.error && (
          <p className="error" role="alert">
            {rows.error}
          </p>
        )}
        {source && (
          <DataGrid
            source={source}
            label={drill?.label ? `Rows behind ${drill.label}` : 'Filtered rows'}
            sort={sort}
            onSortChange={setSort}
            handle={grid}
            onSelectionChange={onSelection}
            testId="rows-grid"
            onActivate={(cells) => dispatch(showCaseHistory, { source: String(cells[sourceIndex]), caseId: String(cells[caseIndex]) })}
            rowAction={(cells) => (
              <button
                type="button"
                className="row-history"
                aria-label={`Revision history of ${String(cells[entityIndex] ?? 'this record')}`}
                onClick={() => dispatch(showCaseHistory, { source: String(cells[sourceIndex]), caseId: String(cells[caseIndex]) })}
              >
                History
              </button>
            )}
          />
        )}
        {source && source.rowCount === 0 && <p className="empty-state">No records match these filters.</p>}
        {rows.meta && <ChartFootnote meta={rows.meta} />}
        <p className="muted small">
          Click a header to sort (Shift+click for a second key), drag its edge to resize. Arrow keys move, Shift+arrows select rows, Ctrl+C copies, Enter opens a
          row&apos;s history.
        </p>
      </div>
      {historyCase && <CaseHistoryPanel caseRef={historyCase} />}
    </div>
  );
}
