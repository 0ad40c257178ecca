import { useState } from 'react';
import type { ArrowResult } from '../../../shared/api';
import { WorkbenchError } from '../../../shared/errors';
import { useApi } from '../api/use-api';
import { ResultTable } from '../components/ResultTable';

const EXAMPLE = `SELECT year(reported_date) AS year, count(*) AS breaches, sum(records_affected) AS people
FROM breaches
GROUP BY 1
ORDER BY 1`;

/** Read-only SQL over the workspace for researchers; writes are refused by the engine. */
export function SqlView() {
  const api = useApi();
  const [sql, setSql] = useState(EXAMPLE);
  const [result, setResult] = useState<ArrowResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      setResult(await api.runSql({ sql }));
    } catch (e) {
      const where = e instanceof WorkbenchError && e.line ? ` (line ${e.line}, column ${e.column ?? '?'})` : '';
      setError(`${e instanceof Error ? e.message : String(e)}${where}`);
      setResult(null);
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className="view">
      <h1>SQL</h1>
      <label htmlFor="sql-editor" className="field-label">
        Query (read-only; tables: breaches, ocr_cases, oaic_*, your imports). Ctrl+Enter runs it.
      </label>
      <textarea
        id="sql-editor"
        className="sql-editor"
        spellCheck={false}
        value={sql}
        onChange={(e) => setSql(e.target.value)}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') void run();
        }}
      />
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => void run()} disabled={running}>
          {running ? 'Running…' : 'Run'}
        </button>
        {result && (
          <span className="muted">
            {result.meta.rowCount.toLocaleString('en-US')} rows in {result.meta.elapsedMs.toFixed(0)} ms{result.meta.truncated ? ' (cut at the row limit)' : ''}
          </span>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result && <ResultTable arrow={result.arrow} caption="Query result" />}
    </div>
  );
}
