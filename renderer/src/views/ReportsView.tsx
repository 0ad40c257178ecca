import { useCallback, useState } from 'react';
import type { Report } from '../../../shared/report';
import { useApi } from '../api/use-api';
import { useAsync } from '../api/use-async';
import { DashboardExport } from '../reports/DashboardExport';
import { emptyDraft } from '../reports/report-draft';
import { ReportEditor } from '../reports/ReportEditor';
import { SavedReports } from '../reports/SavedReports';
import '../reports/reports.css';

/**
 * Reports: the dashboard as slides, PDF or HTML in one click; a builder for reports of chosen
 * charts, each with its filters, title and text, an author and a TLP label; and the reports saved
 * in this workspace. Every file ends with its provenance.
 */
export function ReportsView() {
  const api = useApi();
  const [draft, setDraft] = useState<Report>(emptyDraft);
  const [savedKey, setSavedKey] = useState(0);
  const refreshSaved = useCallback(() => setSavedKey((k) => k + 1), []);
  const charts = useAsync(() => api.listReportCharts({}), [api]);
  const saved = useAsync(() => api.listReports({}), [api, savedKey]);
  const open = useCallback((report: Report) => {
    setDraft(report);
    // The builder is below the fold on small windows: bring it into view.
    requestAnimationFrame(() => document.getElementById('report-editor-title')?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
  }, []);

  return (
    <div className="view reports-view">
      <h1>Reports</h1>
      <DashboardExport onEdit={open} />
      {charts.status === 'error' && <p className="error">{charts.message}</p>}
      {charts.status === 'ready' && <ReportEditor draft={draft} onChange={setDraft} charts={charts.value} onSaved={refreshSaved} />}
      {saved.status === 'ready' && <SavedReports reports={saved.value} onOpen={open} onChanged={refreshSaved} />}
      {saved.status === 'error' && <p className="error">{saved.message}</p>}
    </div>
  );
}
