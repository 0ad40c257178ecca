import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { BrowserWindow } from 'electron';
import type { BrowserReplyMessage, BrowserRequestMessage } from '../engine/export/remote-report-browser';
import type { PdfOptions } from '../engine/export/report-browser';

/**
 * Prints reports for the engine: the utility process may not load Electron, so it asks here. Each
 * job gets a hidden, sandboxed window with JavaScript off; the report HTML has no scripts anyway.
 * The HTML goes through a temporary file because reports with inline SVG charts exceed what a data:
 * URL may carry.
 */
export async function answerBrowserRequest(request: BrowserRequestMessage['browserRequest']): Promise<BrowserReplyMessage> {
  try {
    const bytes =
      request.method === 'htmlToPdf'
        ? await htmlToPdf(request.args[0] as string, request.args[1] as PdfOptions)
        : await svgToPng(request.args[0] as string, request.args[1] as { width: number; height: number }, request.args[2] as number);
    return { browserReply: { id: request.id, bytes } };
  } catch (error) {
    return { browserReply: { id: request.id, error: `The app could not draw the report: ${error instanceof Error ? error.message : String(error)}` } };
  }
}

async function withPage<T>(html: string, size: { width: number; height: number }, work: (window: BrowserWindow) => Promise<T>): Promise<T> {
  const file = join(tmpdir(), `breach-workbench-${randomUUID()}.html`);
  await writeFile(file, html);
  const window = new BrowserWindow({
    show: false,
    width: size.width,
    height: size.height,
    useContentSize: true,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, offscreen: true, disableBlinkFeatures: 'Auxclick' },
  });
  try {
    await window.loadFile(file);
    return await work(window);
  } finally {
    window.destroy();
    await rm(file, { force: true });
  }
}

function htmlToPdf(html: string, options: PdfOptions): Promise<Uint8Array> {
  return withPage(html, { width: 1200, height: 900 }, async (window) => {
    const pdf = await window.webContents.printToPDF({
      pageSize: options.pageSize,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: options.headerTemplate,
      footerTemplate: options.footerTemplate,
      margins: options.margins,
    });
    return new Uint8Array(pdf);
  });
}

function svgToPng(svg: string, size: { width: number; height: number }, scale: number): Promise<Uint8Array> {
  const width = Math.round(size.width * scale);
  const height = Math.round(size.height * scale);
  // The SVG is drawn at the scaled size (it is a vector), so the capture needs no zoom.
  const page = `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#fff}svg{display:block;width:${width}px;height:${height}px}</style></head><body>${svg}</body></html>`;
  return withPage(page, { width, height }, async (window) => {
    const image = await window.webContents.capturePage({ x: 0, y: 0, width, height });
    return new Uint8Array(image.toPNG());
  });
}
