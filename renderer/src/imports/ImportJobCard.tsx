import { useState } from 'react';
import type { ImportReport, JobStatus } from '../../../shared/api';
import { compareSource } from '../actions/compare';
import { dismissImportJob, fixMappingAndRerun, importJobCancelling } from '../actions/imports';
import { useApi } from '../api/use-api';
import { formatCount } from '../charts/format';
import { useDispatch } from '../state/store';
import { isJobRunning, type ImportJobEntry } from './import-state';
import { RejectsTable } from './RejectsTable';

const STATE_LABEL: Record<JobStatus['state'], string> = { running: 'Importing', done: 'Imported', failed: 'Failed', cancelled: 'Cancelled' };

/**
 * One import: a progress bar with percent and rows and a Cancel that works at any moment; when it
 * ends, each file's report (rows read, loaded, repaired, rejected, notes) and its rejects, with the
 * way back to the mapping when something did not fit.
 */
export function ImportJobCard({ job }: { job: ImportJobEntry }) {
  const api = useApi();
  const dispatch = useDispatch();
  const status = job.status;
  const running = isJobRunning(job);
  const state = status?.state ?? 'running';
  const percent = status?.percent ?? null;
  const titleId = `job-${job.jobId}`;

  const cancel = () => {
    dispatch(importJobCancelling, job.jobId);
    void api.cancelJob({ jobId: job.jobId });
  };

  return (
    <section className={`card import-job state-${state}`} aria-labelledby={titleId} data-testid="import-job" data-state={state}>
      <header className="card-header">
        <h3 id={titleId}>
          <span className={`job-state ${state}`}>{STATE_LABEL[state]}</span> {job.label}
        </h3>
        {!running && (
          <button type="button" className="tool" onClick={() => dispatch(dismissImportJob, job.jobId)} aria-label={`Dismiss the report of ${job.label}`}>
            Dismiss
          </button>
        )}
      </header>
      {running && (
        <div className="progress-line" role="group" aria-label={`Progress of ${job.label}`}>
          <progress max={100} value={percent ?? undefined} aria-label={`Import progress of ${job.label}`} data-testid="import-progress" />
          <span className="progress-figures" data-testid="import-figures" aria-live="polite">
            <strong data-testid="import-percent">{percent !== null ? `${Math.round(percent)}%` : '…'}</strong>
            {status?.rows ? <span data-testid="import-rows"> · about {formatCount(status.rows)} rows</span> : null}
          </span>
          <button type="button" onClick={cancel} disabled={job.cancelling}>
            {job.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        </div>
      )}
      {status && (
        <p className={state === 'failed' ? 'error' : 'muted'} data-testid="import-message">
          {running ? status.message : finishedMessage(status)}
        </p>
      )}
      {status?.error && (status.error.line !== undefined || status.error.file) && (
        <p className="muted small">
          {status.error.file ?? ''}
          {status.error.line !== undefined ? `, line ${status.error.line}` : ''}
          {status.error.column !== undefined ? `, column ${status.error.column}` : ''}
        </p>
      )}
      {status && status.reports.length > 0 && <ReportTable reports={status.reports} />}
      {status?.reports.map((r) => (
        <ReportNotes key={r.file} report={r} />
      ))}
      {!running && (
        <div className="job-actions">
          {job.mapped && (
            <button type="button" onClick={() => dispatch(fixMappingAndRerun, job.jobId)}>
              {state === 'failed' || status?.reports.some((r) => r.rowsRejected > 0 || r.rowsRepaired > 0) ? 'Fix the mapping and re-run' : 'Back to the mapping'}
            </button>
          )}
          {state === 'done' && localSourceOf(status?.reports ?? []) && (
            <button type="button" onClick={() => dispatch(compareSource, localSourceOf(status!.reports)!)}>
              Compare with OCR
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function finishedMessage(status: JobStatus): string {
  if (status.state === 'done') {
    const loaded = status.reports.reduce((n, r) => n + r.rowsLoaded, 0);
    const from = status.reports.length === 1 ? status.reports[0]!.file : `${status.reports.length} files`;
    return `Done: ${formatCount(loaded)} rows loaded from ${from}.`;
  }
  return status.message;
}

function ReportTable({ reports }: { reports: ImportReport[] }) {
  return (
    <table className="data-table import-report" data-testid="import-report">
      <caption className="sr-only">What was imported, file by file</caption>
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Kind</th>
          <th scope="col" className="num">
            Read
          </th>
          <th scope="col" className="num">
            Loaded
          </th>
          <th scope="col" className="num">
            Repaired
          </th>
          <th scope="col" className="num">
            Rejected
          </th>
        </tr>
      </thead>
      <tbody>
        {reports.map((r) => (
          <tr key={r.file} data-file={r.file}>
            <th scope="row">{r.file}</th>
            <td>
              {r.kind}
              {r.snapshotDate ? `, snapshot ${r.snapshotDate}` : ''}
            </td>
            <td className="num" data-col="read">
              {formatCount(r.rowsRead)}
            </td>
            <td className="num" data-col="loaded">
              {formatCount(r.rowsLoaded)}
            </td>
            <td className="num" data-col="repaired">
              {formatCount(r.rowsRepaired)}
            </td>
            <td className={r.rowsRejected ? 'num has-rejects' : 'num'} data-col="rejected">
              {formatCount(r.rowsRejected)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A file's notes, and its rejects on demand (they can run to thousands). */
function ReportNotes({ report }: { report: ImportReport }) {
  const [open, setOpen] = useState(report.rowsRejected > 0 && report.rowsRejected <= 50);
  const hasProblems = report.rowsRejected > 0 || report.rowsRepaired > 0;
  if (report.notes.length === 0 && !hasProblems) return null;
  return (
    <div className="report-notes">
      {report.notes.length > 0 && (
        <ul>
          {report.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {hasProblems && (
        <>
          <button type="button" className="tool" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            {open ? 'Hide the rejects' : `Show the rejects of ${report.file}`}
          </button>
          {open && <RejectsTable file={report.file} />}
        </>
      )}
    </div>
  );
}

/** The organisation's own source an import made: a local log (`local_<name>` -> `local:<name>`) or VERIS. */
function localSourceOf(reports: ImportReport[]): string | null {
  const table = reports.find((r) => r.kind === 'local' && r.table?.startsWith('local_'))?.table;
  if (table) return `local:${table.slice('local_'.length)}`;
  return reports.some((r) => r.kind === 'veris') ? 'veris' : null;
}
