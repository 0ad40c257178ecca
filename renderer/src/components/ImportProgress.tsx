import { useEffect, useState } from 'react';
import type { JobStatus } from '../../../shared/api';
import { useApi } from '../api/use-api';

/** Polls an import job, shows percent and rows, offers Cancel, and reports each file when done. */
export function ImportProgress({ jobId, onFinished }: { jobId: string; onFinished: (status: JobStatus) => void }) {
  const api = useApi();
  const [status, setStatus] = useState<JobStatus | null>(null);

  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      const next = await api.getJob({ jobId });
      if (stopped) return;
      setStatus(next);
      if (next.state === 'running') setTimeout(() => void tick(), 200);
      else onFinished(next);
    };
    void tick();
    return () => {
      stopped = true;
    };
  }, [api, jobId, onFinished]);

  if (!status) return <p className="muted">Starting import…</p>;
  const percent = status.percent ?? undefined;
  return (
    <div className="import-progress" role="status" aria-live="polite">
      <div className="progress-line">
        <progress max={100} value={percent} aria-label="Import progress" />
        <span>
          {percent !== undefined ? `${Math.round(percent)}%` : ''}
          {status.rows ? ` · ${status.rows.toLocaleString('en-US')} rows` : ''}
        </span>
        {status.state === 'running' && (
          <button type="button" onClick={() => void api.cancelJob({ jobId })}>
            Cancel
          </button>
        )}
      </div>
      <p className={status.state === 'failed' ? 'error' : 'muted'}>{status.message}</p>
      {status.reports.length > 0 && (
        <ul className="import-reports">
          {status.reports.map((r) => (
            <li key={r.file}>
              <strong>{r.file}</strong>: {r.kind}
              {r.snapshotDate ? `, snapshot ${r.snapshotDate}` : ''}, {r.rowsLoaded.toLocaleString('en-US')} of {r.rowsRead.toLocaleString('en-US')} rows loaded
              {r.rowsRepaired ? `, ${r.rowsRepaired} repaired` : ''}
              {r.rowsRejected ? `, ${r.rowsRejected} rejected` : ''}
              {r.notes.length > 0 && (
                <ul>
                  {r.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
