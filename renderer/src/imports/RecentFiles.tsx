import { forgetRecentFile } from '../actions/imports';
import { useAppState, useDispatch } from '../state/store';
import { useIntake } from './use-import-jobs';

const KIND_LABEL: Record<string, string> = {
  local: 'Incident log',
  'ocr-portal': 'OCR portal export',
  veris: 'VERIS',
  stix: 'STIX bundle',
};

const opened = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Files opened in this workspace, newest first. They are kept in the workspace's saved view state
 * rather than the browser's storage: the list then belongs to the workspace whose data it names,
 * and it survives the web host's new port (a new origin, with empty storage) on every start.
 */
export function RecentFiles() {
  const dispatch = useDispatch();
  const intake = useIntake();
  const recent = useAppState((s) => s.recentFiles);
  return (
    <section className="card" aria-labelledby="recent-files-title">
      <h2 id="recent-files-title">Recent files</h2>
      {recent.length === 0 ? (
        <p className="muted">Files you open appear here, to open again in one click (for example after the log was updated).</p>
      ) : (
        <ul className="recent-files" data-testid="recent-files">
          {recent.map((r) => (
            <li key={r.path}>
              <button type="button" className="recent-open" onClick={() => void intake.openPaths([r.path])} title={r.path}>
                <span className="recent-name">{r.name}</span>
                <span className="muted small">
                  {KIND_LABEL[r.importer ?? ''] ?? r.importer ?? 'file'} · opened {formatOpened(r.openedAt)}
                </span>
              </button>
              <button type="button" className="tool" aria-label={`Remove ${r.name} from recent files`} onClick={() => dispatch(forgetRecentFile, r.path)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function formatOpened(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : opened.format(date);
}
