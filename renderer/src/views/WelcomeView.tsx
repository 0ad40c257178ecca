import { useCallback, useState } from 'react';
import type { JobStatus } from '../../../shared/api';
import { useApi } from '../api/use-api';
import { useAsync } from '../api/use-async';
import { ImportProgress } from '../components/ImportProgress';
import { useIntake } from '../imports/use-import-jobs';

const OCR_PORTAL_URL = 'https://ocrportal.hhs.gov/ocr/breach/breach_report.jsf';

/**
 * First run: nothing loaded yet. Offers the data found on this machine, says where the OCR portal's
 * two exports come from, and takes dropped or picked files.
 */
export function WelcomeView({ onImported }: { onImported: () => void }) {
  const api = useApi();
  const candidates = useAsync(() => api.discoverData({}), [api]);
  const intake = useIntake();
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = useCallback(
    async (paths: string[]) => {
      setError(null);
      try {
        setJobId((await api.startImport({ paths })).jobId);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    },
    [api],
  );
  const finished = useCallback((status: JobStatus) => status.state === 'done' && onImported(), [onImported]);

  return (
    <div className="welcome">
      <h1>Welcome to Breach Workbench</h1>
      <p className="lead">
        Explore US HHS OCR breach reports, Australia&apos;s OAIC statistics and your own incident logs, offline, with every number traceable to a file and a row.
      </p>

      <section className="card" aria-labelledby="found-data">
        <h2 id="found-data">Data found on this machine</h2>
        {candidates.status === 'loading' && <p className="muted">Looking…</p>}
        {candidates.status === 'error' && <p className="error">{candidates.message}</p>}
        {candidates.status === 'ready' && candidates.value.length === 0 && (
          <p className="muted">None yet. Set BREACH_DATA_DIR to a folder of exports, or open files below.</p>
        )}
        {candidates.status === 'ready' &&
          candidates.value.map((c) => (
            <div key={c.folder} className="candidate">
              <p>
                <strong>{c.origin === 'BREACH_DATA_DIR' ? 'BREACH_DATA_DIR' : 'Bundled datasets'}</strong>: {c.folder} ({c.files.length} files)
              </p>
              <ul className="file-list">
                {c.files.map((f) => (
                  <li key={f.path}>
                    {f.name} <span className="muted">({(f.bytes / 1024).toFixed(0)} KB)</span>
                  </li>
                ))}
              </ul>
              <button type="button" className="primary" disabled={jobId !== null} onClick={() => void start(c.files.map((f) => f.path))}>
                Load these {c.files.length} files
              </button>
            </div>
          ))}
        {jobId && <ImportProgress jobId={jobId} onFinished={finished} />}
        {error && <p className="error">{error}</p>}
      </section>

      {/* Drops anywhere on the window are caught by the window (imports/use-window-drop); local logs then get the mapping step. */}
      <section className="card drop-zone" aria-labelledby="open-files">
        <h2 id="open-files">Open your own files</h2>
        <p>Drop files or folders anywhere on this window, or choose them: OCR portal CSV exports, your incident log as CSV/TSV, XLSX, JSON, JSONL or Parquet, VERIS JSON, STIX 2.1 bundles.</p>
        <label className="file-button">
          Choose files…
          <input
            type="file"
            multiple
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              void intake.openItems(files.map((file) => ({ kind: 'file', file })));
            }}
          />
        </label>
      </section>

      <section className="card" aria-labelledby="ocr-help">
        <h2 id="ocr-help">Where the OCR data comes from</h2>
        <p>
          The HHS Office for Civil Rights publishes every reported breach of unsecured health information affecting 500 or more people on its breach portal,{' '}
          <span className="mono">{OCR_PORTAL_URL}</span>, in two lists: <em>Cases Currently Under Investigation</em> (the last 24 months) and the <em>Archive</em>{' '}
          (closed cases). Open each list and use the portal&apos;s CSV export button; load both files here. Export again later and load the new files too: the
          workbench keeps every snapshot and shows how OCR revised each case.
        </p>
      </section>
    </div>
  );
}
