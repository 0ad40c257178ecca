import type { PageSize } from '../../../shared/report';
import type { TlpLabel } from '../../../shared/schema';
import type { ReportDocument } from '../reports/report-document';
import { escapeHtml } from './html-text';
import type { PdfOptions, ReportBrowser } from './report-browser';
import { renderReportHtml } from './report-html';
import { TLP_BACKGROUND, TLP_COLOURS } from './tlp-style';

/**
 * The PDF is the HTML report printed by Chromium. The TLP label sits right-justified in the header
 * and in the footer of every page (12 pt, the standard's colour on black), beside the title and the
 * page number; Chromium fills in `pageNumber` and `totalPages` on each page.
 */
export async function renderReportPdf(doc: ReportDocument, browser: ReportBrowser, pageSize: PageSize): Promise<Uint8Array> {
  return browser.htmlToPdf(renderReportHtml(doc, { forPrint: true }), pdfPageSetup(doc, pageSize));
}

export function pdfPageSetup(doc: ReportDocument, pageSize: PageSize): PdfOptions {
  const tlp = doc.report.tlp;
  const made = doc.provenance.generatedAt.slice(0, 10);
  return {
    pageSize,
    headerTemplate: band(escapeHtml(doc.report.title), tlp),
    footerTemplate: band(`Breach Workbench ${escapeHtml(doc.provenance.appVersion)} · ${made} · Page <span class="pageNumber"></span> of <span class="totalPages"></span>`, tlp),
    margins: { top: 0.75, bottom: 0.75, left: 0.6, right: 0.6 },
  };
}

/**
 * A header or footer band. Chromium draws templates in their own tiny context: every style must be
 * inline, font sizes explicit, and colours forced with print-color-adjust or the black label box
 * prints white.
 */
function band(leftHtml: string, tlp: TlpLabel | null): string {
  const label = tlp
    ? `<span style="background:${TLP_BACKGROUND};color:${TLP_COLOURS[tlp]};font-weight:700;font-size:12pt;padding:1px 8px;white-space:nowrap">${escapeHtml(tlp)}</span>`
    : '';
  return `<div style="width:100%;margin:0 0.6in;display:flex;align-items:center;justify-content:space-between;gap:12px;font-family:'Liberation Sans',Arial,sans-serif;font-size:9pt;color:#4a5563;-webkit-print-color-adjust:exact;print-color-adjust:exact">
<span style="overflow:hidden;text-overflow:ellipsis;white-space:nowrap">${leftHtml}</span>${label}</div>`;
}
