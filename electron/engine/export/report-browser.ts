import type { PageSize } from '../../../shared/report';

/** Page setup for printing a report; margins in inches (what Electron's printToPDF takes). */
export interface PdfOptions {
  pageSize: PageSize;
  /** Chromium header/footer templates: `<span class="pageNumber">`, `<span class="totalPages">` are filled in. */
  headerTemplate: string;
  footerTemplate: string;
  margins: { top: number; bottom: number; left: number; right: number };
}

/**
 * The two things exports need a browser engine for: print HTML to PDF, and draw an SVG as a PNG.
 * The engine never imports Electron, so it asks through this interface. Every argument and answer is
 * plain data (strings, numbers, bytes), so an implementation may live in another process:
 * - the desktop app: the main process, with a hidden BrowserWindow (`webContents.printToPDF`,
 *   `capturePage`), reached from the engine's utility process by message;
 * - the web host and the CLI: the Chromium on the machine through playwright-core
 *   (`chromiumReportBrowser`).
 */
export interface ReportBrowser {
  htmlToPdf(html: string, options: PdfOptions): Promise<Uint8Array>;
  /** The SVG drawn at `scale` times its size (2: a 960x440 chart becomes 1920x880 pixels). */
  svgToPng(svg: string, size: { width: number; height: number }, scale: number): Promise<Uint8Array>;
  /** Frees the browser; called once the export is done. */
  close(): Promise<void>;
}

/** Made afresh for each export that needs one, so no browser lingers between exports. */
export type ReportBrowserFactory = () => ReportBrowser;
