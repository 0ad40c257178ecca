import { useEffect, useState } from 'react';
import type { Mapping } from '../../../shared/api';
import { editMapping, importJobStarted, mappingProposed, skipMappingFile } from '../actions/imports';
import { useApi } from '../api/use-api';
import { useQuery } from '../api/use-query';
import { formatCount } from '../charts/format';
import { useDispatch } from '../state/store';
import type { MappingDraft } from './import-state';
import { readerSummary } from './mapping-labels';
import { MappingFields } from './MappingFields';
import { MappingOptions } from './MappingOptions';
import { MappingPresets } from './MappingPresets';
import { MappingPreviewRows, PreviewRejects } from './MappingPreview';
import { formatBytes } from './format-bytes';

/**
 * The mapping step for one local incident log: the engine's proposal (a saved preset for files of
 * this shape, else columns detected from names and values), the first rows as they would land, and
 * what would be rejected. Every change asks the engine for a new preview; nothing is written until
 * Import.
 */
export function MappingStep({ draft, count }: { draft: MappingDraft; count: number }) {
  const api = useApi();
  const dispatch = useDispatch();
  const { file, mapping } = draft;
  const key = `${file.path}|${mapping ? JSON.stringify(mapping) : 'proposal'}`;
  const preview = useQuery(key, () => api.previewMapping({ path: file.path, ...(mapping ? { mapping } : {}), rows: 20 }));
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const sources = useQuery('sources-for-mapping', () => api.listSources({}));

  useEffect(() => {
    if (!mapping && preview.value && !preview.loading) {
      dispatch(mappingProposed, { path: file.path, mapping: preview.value.mapping, preset: preview.value.preset });
    }
  }, [mapping, preview.value, preview.loading, dispatch, file.path]);

  const change = (next: Mapping) => dispatch(editMapping, { path: file.path, mapping: next });
  const shown = preview.value;
  const sourceId = typeof shown?.rows[0]?.source === 'string' ? shown.rows[0].source : mapping?.sourceName ? `local:${mapping.sourceName}` : null;
  const existing = sourceId ? sources.value?.find((s) => s.id === sourceId) : undefined;

  const start = async () => {
    if (!mapping) return;
    setStarting(true);
    setStartError(null);
    try {
      const { jobId } = await api.startMappedImport({ path: file.path, mapping });
      dispatch(importJobStarted, { jobId, label: file.name, mapped: { file, mapping } });
    } catch (error) {
      setStartError(error instanceof Error ? error.message : String(error));
    } finally {
      setStarting(false);
    }
  };

  return (
    <section className="card mapping-step" aria-labelledby="mapping-title" data-testid="mapping-step">
      <header className="card-header">
        <h2 id="mapping-title">
          Map the columns of <span className="mono">{file.name}</span>
          {count > 1 && (
            <span className="muted">
              {' '}
              ({count - 1} more file{count === 2 ? '' : 's'} waiting)
            </span>
          )}
        </h2>
      </header>
      <p className="mapping-summary">
        {formatBytes(file.bytes)}
        {shown && <>, {readerSummary(shown.reader)}</>}
        {'. '}
        {draft.rerun ? (
          <span>The mapping of the last import, to fix and run again.</span>
        ) : draft.preset ? (
          <span className="preset-badge" data-testid="preset-used">
            Mapped with the saved preset “{draft.preset.name}” (revision {draft.preset.revision}){draft.edited ? ', then changed here' : ''}.
          </span>
        ) : (
          <span>Columns detected from their names and values{draft.edited ? ', then changed here' : ''}: check each field below.</span>
        )}
      </p>

      {preview.error && (
        <p className="error" role="alert">
          {preview.error}
        </p>
      )}
      {!shown && !preview.error && <p className="muted">Reading the first rows…</p>}

      {shown && mapping && (
        <>
          <div className="mapping-layout">
            <div className="mapping-main">
              <MappingFields mapping={mapping} preview={shown} onChange={change} />
            </div>
            <aside className="mapping-side">
              <MappingOptions mapping={mapping} onChange={change} sourceId={sourceId} />
              <MappingPresets mapping={mapping} preview={shown} onApply={change} />
            </aside>
          </div>
          <div className="preview-status" aria-live="polite">
            {preview.loading ? 'Updating the preview…' : `Preview of the first ${formatCount(Math.min(shown.rows.length, shown.rowsSampled))} of ${formatCount(shown.rowsSampled)} rows read.`}
          </div>
          <PreviewRejects preview={shown} mapping={mapping} onChange={change} />
          <MappingPreviewRows preview={shown} mapping={mapping} />
          {shown.notes.length > 0 && (
            <details className="mapping-notes">
              <summary>How the mapping was chosen ({shown.notes.length} notes)</summary>
              <ul>
                {shown.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}

      <div className="mapping-actions">
        <button type="button" className="primary" disabled={!mapping || starting || preview.loading} onClick={() => void start()}>
          {existing ? `Import, replacing ${existing.id}` : 'Import'}
        </button>
        <button type="button" onClick={() => dispatch(skipMappingFile, file.path)}>
          {count > 1 ? 'Skip this file' : 'Cancel'}
        </button>
        {sourceId && (
          <span className="muted small">
            {existing
              ? `The source ${sourceId} (${formatCount(existing.rows)} records) will be replaced by this file.`
              : `Lands as the source ${sourceId}, beside the others in every chart.`}
          </span>
        )}
      </div>
      {startError && (
        <p className="error" role="alert">
          {startError}
        </p>
      )}
    </section>
  );
}
