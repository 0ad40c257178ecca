import { tableFromIPC } from 'apache-arrow';
import { useMemo, useRef, useState } from 'react';
import type { ArrowResult } from '../../../shared/api';
import { WorkbenchError } from '../../../shared/errors';
import { useApi } from '../api/use-api';
import { setSqlText } from '../actions/sql';
import { formatCount } from '../charts/format';
import { downloadText } from '../components/download';
import { QuickChart } from '../components/QuickChart';
import { TableList } from '../components/TableList';
import { arrowGridSource } from '../grid/arrow-grid-source';
import { DataGrid } from '../grid/DataGrid';
import type { SortKey } from '../grid/grid-source';
import { rowsToCsv } from '../grid/rows-csv';
import { useAppState, useDispatch } from '../state/store';

interface SqlFailure {
  message: string;
  code: string;
  line?: number | undefined;
  column?: number | undefined;
}

/** Read-only SQL over the workspace for researchers; writes are refused by the engine. */
export function SqlView() {
  const api = useApi();
  const dispatch = useDispatch();
  const sql = useAppState((s) => s.sql);
  const editor = useRef<HTMLTextAreaElement>(null);
  const [result, setResult] = useState<ArrowResult | null>(null);
  const [failure, setFailure] = useState<SqlFailure | null>(null);
  const [queryId, setQueryId] = useState<string | null>(null);
  const [sort, setSort] = useState<SortKey[]>([]);
  const [showChart, setShowChart] = useState(false);

  const table = useMemo(() => (result ? tableFromIPC(result.arrow) : null), [result]);
  const source = useMemo(() => (table ? arrowGridSource(table, sort) : null), [table, sort]);

  const run = async () => {
    if (queryId) return;
    const id = crypto.randomUUID();
    setQueryId(id);
    setFailure(null);
    try {
      const answer = await api.runSql({ sql, queryId: id });
      setResult(answer);
      setSort([]);
    } catch (e) {
      const info = e instanceof WorkbenchError ? e : null;
      setFailure({ message: e instanceof Error ? e.message : String(e), code: info?.code ?? 'internal', line: info?.line, column: info?.column });
      // The old result would read as the answer to the query now in the editor.
      if (info?.code !== 'cancelled') setResult(null);
    } finally {
      setQueryId(null);
    }
  };
  const cancel = () => {
    if (queryId) void api.cancelQuery({ queryId });
  };
  const showPosition = () => {
    if (!failure?.line || !editor.current) return;
    const lines = sql.split('\n');
    const offset = lines.slice(0, failure.line - 1).reduce((n, l) => n + l.length + 1, 0) + Math.max(0, (failure.column ?? 1) - 1);
    editor.current.focus();
    editor.current.setSelectionRange(offset, Math.min(sql.length, offset + 1));
  };
  const insert = (text: string) => {
    const area = editor.current;
    if (!area) return;
    const [start, end] = [area.selectionStart, area.selectionEnd];
    dispatch(setSqlText, sql.slice(0, start) + text + sql.slice(end));
    requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(start + text.length, start + text.length);
    });
  };
  const exportCsv = async () => {
    if (!source) return;
    downloadText(rowsToCsv(source.columns.map((c) => c.name), await source.allRows()), 'query-result.csv', 'text/csv;charset=utf-8');
  };

  return (
    <div className="view sql-view">
      <TableList onInsert={insert} />
      <div className="sql-main">
        <h1>SQL console</h1>
        <label htmlFor="sql-editor" className="field-label">
          Read-only query over the workspace (SELECT, WITH, EXPLAIN). Ctrl+Enter runs it; click a table or column on the left to insert its name.
        </label>
        <textarea
          id="sql-editor"
          ref={editor}
          className="sql-editor"
          spellCheck={false}
          value={sql}
          onChange={(e) => dispatch(setSqlText, e.target.value)}
          onKeyDown={(e) => {
            if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
              e.preventDefault();
              void run();
            }
          }}
        />
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => void run()} disabled={queryId !== null} title="Run (Ctrl+Enter)">
            {queryId ? 'Running…' : 'Run'}
          </button>
          {queryId && (
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          )}
          {result && !queryId && (
            <span className="muted" data-testid="sql-status">
              {formatCount(result.meta.rowCount)} rows in {result.meta.elapsedMs.toFixed(0)} ms{result.meta.truncated ? ' (cut at the row limit)' : ''}
            </span>
          )}
          <span className="spacer" />
          {result && (
            <>
              <button type="button" aria-pressed={showChart} onClick={() => setShowChart((s) => !s)}>
                Quick chart
              </button>
              <button type="button" onClick={() => void exportCsv()}>
                Export CSV
              </button>
            </>
          )}
        </div>
        {failure && (
          <div className="sql-error" role="alert" data-testid="sql-error">
            <p>
              <strong>{failure.code === 'read_only' ? 'Not allowed' : failure.code === 'cancelled' ? 'Cancelled' : 'Error'}</strong>
              {failure.line ? ` at line ${failure.line}, column ${failure.column ?? '?'}` : ''}
            </p>
            <pre>{failure.message}</pre>
            {failure.line && (
              <button type="button" className="link-button" onClick={showPosition}>
                Show the position in the query
              </button>
            )}
          </div>
        )}
        {table && showChart && <QuickChart table={table} />}
        {source && <DataGrid source={source} label="Query result" sort={sort} onSortChange={setSort} testId="sql-grid" />}
      </div>
    </div>
  );
}
