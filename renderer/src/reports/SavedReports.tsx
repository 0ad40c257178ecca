import type { Report, ReportSummary } from '../../../shared/report';
import { useApi } from '../api/use-api';
import { saveExport } from './save-export';
import { TlpBadge } from './TlpBadge';
import { TaskMessage, useExportTask } from './use-export-task';

interface Props {
  reports: ReportSummary[];
  onOpen: (report: Report) => void;
  onChanged: () => void;
}

/** The reports saved in this workspace: open one in the builder, export it as slides, or delete it. */
export function SavedReports({ reports, onOpen, onChanged }: Props) {
  const api = useApi();
  const { status, busy, run } = useExportTask();
  return (
    <section className="card" aria-labelledby="saved-reports-title">
      <h2 id="saved-reports-title">Saved reports</h2>
      {reports.length === 0 ? (
        <p className="muted">None yet. A report saved here keeps its charts, filters, texts and TLP label, and opens again with the workspace.</p>
      ) : (
        <table className="data-table saved-reports">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Title</th>
              <th scope="col">Label</th>
              <th scope="col" className="num">
                Charts
              </th>
              <th scope="col">Saved</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td>{r.title}</td>
                <td>{r.tlp ? <TlpBadge label={r.tlp} /> : <span className="muted">none</span>}</td>
                <td className="num">{r.items}</td>
                <td>{r.updatedAt.replace('T', ' ')}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="tool"
                    disabled={busy}
                    onClick={() =>
                      void run(`Opening "${r.name}"…`, async () => {
                        onOpen(await api.getReport({ name: r.name }));
                        return `"${r.name}" is in the report builder.`;
                      })
                    }
                  >
                    Open
                  </button>
                  <button
                    type="button"
                    className="tool"
                    disabled={busy}
                    onClick={() =>
                      void run(`Making the slides of "${r.name}"…`, async () => {
                        const file = await api.exportReport({ name: r.name, format: 'pptx' });
                        saveExport(file);
                        return `${file.fileName} handed to your browser to save.`;
                      })
                    }
                  >
                    Slides
                  </button>
                  <button
                    type="button"
                    className="tool"
                    aria-label={`Delete the report "${r.name}"`}
                    disabled={busy}
                    onClick={() =>
                      void run(`Deleting "${r.name}"…`, async () => {
                        await api.deleteReport({ name: r.name });
                        onChanged();
                        return `Deleted "${r.name}".`;
                      })
                    }
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <TaskMessage status={status} />
    </section>
  );
}
