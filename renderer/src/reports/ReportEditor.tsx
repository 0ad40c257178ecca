import { useState } from 'react';
import type { ApiResponse } from '../../../shared/api';
import { describeFilters, PAGE_SIZES, type PageSize, type ReportFormat } from '../../../shared/report';
import { TLP_LABELS, type TlpLabel } from '../../../shared/schema';
import { useApi } from '../api/use-api';
import { useAppState } from '../state/store';
import { addItem, draftProblem, moveItem, removeItem, setDetails, updateItem, type Draft } from './report-draft';
import { FORMAT_LABELS, saveExport } from './save-export';
import { TlpBadge } from './TlpBadge';
import { TaskMessage, useExportTask } from './use-export-task';

type ReportCharts = ApiResponse<'listReportCharts'>;

interface Props {
  draft: Draft;
  onChange: (draft: Draft) => void;
  charts: ReportCharts;
  onSaved: () => void;
}

/** The report builder: title, author, TLP label, the charts in order with a title and text each. */
export function ReportEditor({ draft, onChange, charts, onSaved }: Props) {
  const api = useApi();
  const filters = useAppState((s) => s.filters);
  const [picked, setPicked] = useState(charts[0]?.id ?? '');
  const [pageSize, setPageSize] = useState<PageSize>('A4');
  const { status, busy, run } = useExportTask();
  const problem = draftProblem(draft);
  const titleOf = (chart: string) => charts.find((c) => c.id === chart)?.title ?? chart;

  const exportAs = (format: ReportFormat) =>
    run(`Making the ${FORMAT_LABELS[format]}…`, async () => {
      const file = await api.exportReport({ report: draft, format, pageSize });
      saveExport(file);
      return `${file.fileName} handed to your browser to save.`;
    });
  const save = () =>
    run('Saving…', async () => {
      await api.saveReport({ report: draft });
      onSaved();
      return `Saved as "${draft.name}" in this workspace.`;
    });

  return (
    <section className="card report-editor" aria-labelledby="report-editor-title">
      <header className="card-header">
        <h2 id="report-editor-title">Report builder</h2>
      </header>
      <div className="report-meta">
        <label className="report-field wide">
          <span>Title</span>
          <input value={draft.title} onChange={(e) => onChange(setDetails(draft, { title: e.target.value }))} maxLength={200} />
        </label>
        <label className="report-field">
          <span>Author</span>
          <input value={draft.author} onChange={(e) => onChange(setDetails(draft, { author: e.target.value }))} maxLength={200} />
        </label>
        <label className="report-field">
          <span>TLP label</span>
          <select value={draft.tlp ?? ''} onChange={(e) => onChange(setDetails(draft, { tlp: (e.target.value || null) as TlpLabel | null }))}>
            <option value="">None</option>
            {TLP_LABELS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label className="report-field">
          <span>Saved as</span>
          <input value={draft.name} onChange={(e) => onChange(setDetails(draft, { name: e.target.value }))} maxLength={100} />
        </label>
      </div>
      {draft.tlp && (
        <p className="small muted">
          <TlpBadge label={draft.tlp} /> in the header and footer of every page and on every slide.
        </p>
      )}

      {draft.items.length === 0 ? (
        <p className="muted">No charts yet: add one below, or start from the dashboard above.</p>
      ) : (
        <ol className="report-items" aria-label="Charts in the report, in order">
          {draft.items.map((item, index) => {
            const chartTitle = titleOf(item.chart);
            return (
              <li key={item.id} className="report-item">
                <div className="report-item-head">
                  <span className="report-item-number" aria-hidden="true">
                    {index + 1}
                  </span>
                  <div className="report-item-what">
                    <strong>{chartTitle}</strong>
                    <span className="small muted">Filters: {describeFilters(item.filters)}</span>
                  </div>
                  <div className="card-tools">
                    <button type="button" className="tool" aria-label={`Move "${chartTitle}" up`} disabled={index === 0} onClick={() => onChange(moveItem(draft, item.id, -1))}>
                      ↑
                    </button>
                    <button
                      type="button"
                      className="tool"
                      aria-label={`Move "${chartTitle}" down`}
                      disabled={index === draft.items.length - 1}
                      onClick={() => onChange(moveItem(draft, item.id, 1))}
                    >
                      ↓
                    </button>
                    <button type="button" className="tool" title="Use the filters the dashboard shows now" onClick={() => onChange(updateItem(draft, item.id, { filters }))}>
                      Current filters
                    </button>
                    <button type="button" className="tool" aria-label={`Remove "${chartTitle}"`} onClick={() => onChange(removeItem(draft, item.id))}>
                      Remove
                    </button>
                  </div>
                </div>
                <label className="report-field">
                  <span>Title on the page</span>
                  <input value={item.title} placeholder={chartTitle} maxLength={200} onChange={(e) => onChange(updateItem(draft, item.id, { title: e.target.value }))} />
                </label>
                <label className="report-field">
                  <span>Text under the chart</span>
                  <textarea value={item.text} rows={2} maxLength={4000} onChange={(e) => onChange(updateItem(draft, item.id, { text: e.target.value }))} />
                </label>
              </li>
            );
          })}
        </ol>
      )}

      <div className="report-add">
        <label className="report-field wide">
          <span>Add a chart</span>
          <select value={picked} onChange={(e) => setPicked(e.target.value)}>
            {charts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!picked} onClick={() => onChange(addItem(draft, picked, filters))}>
          Add with the current filters
        </button>
      </div>

      {/* Sticky: with a dozen charts in the list, Save and the exports stay in reach. */}
      <div className="report-actions report-editor-actions">
        <button type="button" className="primary" disabled={busy || problem !== null} onClick={() => void save()}>
          Save
        </button>
        <span className="spacer" />
        <label className="report-field inline">
          <span>Paper</span>
          <select value={pageSize} onChange={(e) => setPageSize(e.target.value as PageSize)}>
            {PAGE_SIZES.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        {(['pptx', 'pdf', 'html'] as const).map((format) => (
          <button key={format} type="button" disabled={busy || problem !== null} onClick={() => void exportAs(format)}>
            {FORMAT_LABELS[format]}
          </button>
        ))}
      </div>
      {problem && <p className="small muted">{problem}</p>}
      <TaskMessage status={status} />
    </section>
  );
}
