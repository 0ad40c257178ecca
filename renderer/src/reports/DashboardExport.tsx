import { describeFilters, type Report, type ReportFormat } from '../../../shared/report';
import { useApi } from '../api/use-api';
import { useAppState } from '../state/store';
import { FORMAT_LABELS, saveExport } from './save-export';
import { TaskMessage, useExportTask } from './use-export-task';

/**
 * The short way from the dashboard to a file: every dashboard chart under the filters the dashboard
 * shows now, in one click. Reports, then "Slide deck of this dashboard", then Save: three clicks.
 */
export function DashboardExport({ onEdit }: { onEdit: (report: Report) => void }) {
  const api = useApi();
  const filters = useAppState((s) => s.filters);
  const { status, busy, run } = useExportTask();
  const exportAs = (format: ReportFormat) =>
    run(`Making the ${FORMAT_LABELS[format]} of the dashboard…`, async () => {
      const report = await api.defaultReport({ filters });
      const file = await api.exportReport({ report, format });
      saveExport(file);
      return `${file.fileName}: ${report.items.length} charts, handed to your browser to save.`;
    });
  return (
    <section className="card dashboard-export" aria-labelledby="dashboard-export-title">
      <h2 id="dashboard-export-title">From the dashboard</h2>
      <p className="muted">
        Every dashboard chart, under the filters the dashboard shows now: <strong data-testid="dashboard-filters">{describeFilters(filters)}</strong>. Each file ends
        with its sources, snapshot dates and the SQL behind every chart.
      </p>
      <div className="report-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void exportAs('pptx')}>
          Slide deck of this dashboard
        </button>
        <button type="button" disabled={busy} onClick={() => void exportAs('pdf')}>
          PDF of this dashboard
        </button>
        <button type="button" disabled={busy} onClick={() => void exportAs('html')}>
          HTML of this dashboard
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => void run('Loading the dashboard’s charts…', async () => {
            onEdit(await api.defaultReport({ filters }));
            return 'The dashboard’s charts are in the report builder below: reorder them, add text, then save or export.';
          })}
        >
          Edit as a report…
        </button>
      </div>
      <TaskMessage status={status} />
    </section>
  );
}
