import { WorkbenchError } from '../../../shared/errors';
import type { PdfOptions, ReportBrowser } from './report-browser';

/** A print request from the engine's process to the process that owns a browser (Electron's main). */
export interface BrowserRequestMessage {
  browserRequest: { id: number; method: 'htmlToPdf' | 'svgToPng'; args: unknown[] };
}

/** Its answer: the bytes, or a message to show. */
export interface BrowserReplyMessage {
  browserReply: { id: number; bytes?: Uint8Array; error?: string };
}

export interface MessagePort {
  postMessage(message: BrowserRequestMessage): void;
  /** Every message from the other side; the ones that are not browser replies are ignored here. */
  onMessage(listener: (message: unknown) => void): void;
}

/**
 * A ReportBrowser whose browser lives in another process. In the desktop app the engine runs in a
 * utility process and may not load Electron; it posts `{browserRequest}` to the main process, which
 * prints with a hidden BrowserWindow (`webContents.printToPDF`, `capturePage`) and posts back
 * `{browserReply}`. Everything crossing is plain data, so structured clone carries it as is.
 */
export function remoteReportBrowser(port: MessagePort): ReportBrowser {
  let nextId = 1;
  const pending = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();
  port.onMessage((message) => {
    const reply = (message as Partial<BrowserReplyMessage> | null)?.browserReply;
    if (!reply) return;
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.bytes) waiting.resolve(new Uint8Array(reply.bytes));
    else waiting.reject(new WorkbenchError({ code: 'internal', message: reply.error ?? 'The app could not print the report.' }));
  });
  const call = (method: BrowserRequestMessage['browserRequest']['method'], args: unknown[]) =>
    new Promise<Uint8Array>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      port.postMessage({ browserRequest: { id, method, args } });
    });
  return {
    htmlToPdf: (html: string, options: PdfOptions) => call('htmlToPdf', [html, options]),
    svgToPng: (svg, size, scale) => call('svgToPng', [svg, size, scale]),
    // The main process owns its window's life; nothing to free here.
    close: async () => undefined,
  };
}
