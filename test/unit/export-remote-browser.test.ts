import { describe, expect, it } from 'vitest';
import { remoteReportBrowser, type BrowserRequestMessage } from '../../electron/engine/export/remote-report-browser';

describe('printing through another process', () => {
  it('matches answers to requests by id and turns a refusal into an error value', async () => {
    const listeners: ((m: unknown) => void)[] = [];
    const seen: BrowserRequestMessage[] = [];
    const browser = remoteReportBrowser({
      postMessage: (message) => {
        seen.push(message);
        const { id, method } = message.browserRequest;
        // The "main process" answers out of order.
        setTimeout(() => listeners.forEach((l) => l(method === 'svgToPng' ? { browserReply: { id, error: 'no window' } } : { browserReply: { id, bytes: new Uint8Array([37, 80, 68, 70]) } })), method === 'htmlToPdf' ? 20 : 1);
      },
      onMessage: (listener) => listeners.push(listener),
    });
    const pdf = browser.htmlToPdf('<p>x</p>', { pageSize: 'Letter', headerTemplate: 'h', footerTemplate: 'f', margins: { top: 1, bottom: 1, left: 1, right: 1 } });
    const png = browser.svgToPng('<svg/>', { width: 10, height: 10 }, 2);
    await expect(png).rejects.toMatchObject({ code: 'internal', message: 'no window' });
    expect(Buffer.from(await pdf).toString()).toBe('%PDF');
    expect(seen.map((m) => [m.browserRequest.id, m.browserRequest.method])).toEqual([[1, 'htmlToPdf'], [2, 'svgToPng']]);
    expect((seen[0]!.browserRequest.args[1] as { pageSize: string }).pageSize).toBe('Letter');
  });
});
