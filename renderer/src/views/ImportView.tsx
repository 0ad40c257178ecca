import { UPLOAD_PART_BYTES } from '../../../shared/api';
import { dismissProblems } from '../actions/imports';
import { desktopBridge } from '../api/workbench-client';
import { pickedFolderItems } from '../imports/dropped-items';
import { ImportJobCard } from '../imports/ImportJobCard';
import { MappingStep } from '../imports/MappingStep';
import { RecentFiles } from '../imports/RecentFiles';
import { useIntake } from '../imports/use-import-jobs';
import { useAppState, useDispatch } from '../state/store';
import '../imports/imports.css';

const FORMATS = 'your incident log as CSV/TSV, XLSX, JSON, JSONL or Parquet; VERIS JSON (a file or a folder); STIX 2.1 bundles; OCR portal CSV exports; OAIC tables';

/**
 * Bring your own data: open files (or drop them anywhere on the window), map a local incident log's
 * columns, watch the import, read what was rejected, and reopen recent files.
 */
export function ImportView() {
  const dispatch = useDispatch();
  const intake = useIntake();
  const imports = useAppState((s) => s.imports);
  const desktop = desktopBridge() !== undefined;
  const draft = imports.queue[0];

  return (
    <div className="view import-view">
      <h1>Import</h1>
      <section className="card open-files" aria-labelledby="open-title">
        <h2 id="open-title">Open files</h2>
        <p>
          Drop files or folders anywhere on this window, or choose them{desktop ? ' (also File › Open, Ctrl+O)' : ''}. Reads {FORMATS}.
        </p>
        <div className="open-buttons">
          <label className="file-button primary-like">
            Choose files…
            <input
              type="file"
              multiple
              data-testid="import-file-input"
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                void intake.openItems(files.map((file) => ({ kind: 'file', file })));
              }}
            />
          </label>
          <label className="file-button">
            Choose a folder…
            <input
              type="file"
              // A folder chooser: React passes the attribute through as written.
              {...{ webkitdirectory: '' }}
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                void intake.openItems(pickedFolderItems(files));
              }}
            />
          </label>
        </div>
        {imports.uploading && (
          <div className="uploading" role="status" data-testid="uploading">
            <progress aria-label="Handing the files to the workbench" {...(imports.uploading.totalBytes > 0 ? { max: imports.uploading.totalBytes, value: imports.uploading.sentBytes } : {})} />
            <span>
              Handing {imports.uploading.names.join(', ')} to the workbench
              {imports.uploading.total > 1 ? ` (${imports.uploading.done} of ${imports.uploading.total})` : ''}
              {imports.uploading.totalBytes >= UPLOAD_PART_BYTES ? `: ${Math.floor((100 * imports.uploading.sentBytes) / imports.uploading.totalBytes)}%` : ''}…
            </span>
          </div>
        )}
        {imports.problems.length > 0 && (
          <div className="intake-problems" role="alert">
            <ul>
              {imports.problems.map((p, i) => (
                <li key={`${p.name}-${i}`} className="error">
                  {p.message}
                </li>
              ))}
            </ul>
            <button type="button" className="tool" onClick={() => dispatch(dismissProblems, undefined)}>
              Dismiss
            </button>
          </div>
        )}
      </section>

      {draft && <MappingStep key={draft.file.path} draft={draft} count={imports.queue.length} />}

      {imports.jobs.length > 0 && (
        <section aria-labelledby="jobs-title" className="import-jobs">
          <h2 id="jobs-title">Imports</h2>
          {imports.jobs.map((job) => (
            <ImportJobCard key={job.jobId} job={job} />
          ))}
        </section>
      )}

      <RecentFiles />
    </div>
  );
}
