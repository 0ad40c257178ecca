import { describe, expect, it } from 'vitest';
import { chromiumReportBrowser, findChromium } from '../../electron/engine/export/chromium-report-browser';

describe('the machine browser for PDF and PNG', () => {
  it('honours CHROMIUM_PATH and finds nothing when it points nowhere', () => {
    expect(findChromium({ CHROMIUM_PATH: '/no/such/chromium' })).toBeUndefined();
  });

  it('fails with a message a person can act on when there is no Chromium', async () => {
    const browser = chromiumReportBrowser(null);
    await expect(browser.htmlToPdf('<p>x</p>', { pageSize: 'A4', headerTemplate: '', footerTemplate: '', margins: { top: 1, bottom: 1, left: 1, right: 1 } })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/PDF and PNG exports need Chromium .* set CHROMIUM_PATH .* HTML, PPTX and SVG exports work without it/),
    });
    await browser.close();
  });
});
