import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { WorkbenchError } from '../../../shared/errors';
import type { PdfOptions, ReportBrowser } from './report-browser';

/** Where Chromium usually is on Linux, macOS and Windows; CHROMIUM_PATH wins. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

/**
 * The browser on the machine, driven by playwright-core (which brings no browser of its own). Used by
 * the web host and the CLI; the desktop app prints with Electron's own Chromium instead. Pages are
 * loaded with JavaScript off and every network request refused: a report needs neither.
 */
export function chromiumReportBrowser(executablePath: string | null = findChromium() ?? null): ReportBrowser {
  let launched: Promise<Browser> | undefined;
  const browser = () => {
    if (!executablePath) {
      throw new WorkbenchError({
        code: 'not_found',
        message:
          'PDF and PNG exports need Chromium (or Chrome), and none was found. Install it (e.g. "apt install chromium") or set CHROMIUM_PATH to its executable. HTML, PPTX and SVG exports work without it.',
      });
    }
    launched ??= import('playwright-core').then(({ chromium }) =>
      chromium.launch({
        executablePath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      }),
    );
    return launched;
  };
  const page = async (options: { viewport?: { width: number; height: number }; deviceScaleFactor?: number }) => {
    const context = await (await browser()).newContext({ javaScriptEnabled: false, ...options });
    await context.route('**/*', (route) => route.abort());
    return { context, page: await context.newPage() };
  };
  return {
    async htmlToPdf(html: string, options: PdfOptions): Promise<Uint8Array> {
      const { context, page: p } = await page({});
      try {
        await p.setContent(html, { waitUntil: 'load' });
        const inches = (n: number) => `${n}in`;
        const pdf = await p.pdf({
          format: options.pageSize,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: options.headerTemplate,
          footerTemplate: options.footerTemplate,
          margin: { top: inches(options.margins.top), bottom: inches(options.margins.bottom), left: inches(options.margins.left), right: inches(options.margins.right) },
        });
        return new Uint8Array(pdf);
      } finally {
        await context.close();
      }
    },
    async svgToPng(svg, size, scale): Promise<Uint8Array> {
      const { context, page: p } = await page({ viewport: size, deviceScaleFactor: scale });
      try {
        await p.setContent(`<!doctype html><html><body style="margin:0;background:#fff">${svg}</body></html>`, { waitUntil: 'load' });
        const png = await p.screenshot({ type: 'png', clip: { x: 0, y: 0, ...size }, omitBackground: false });
        return new Uint8Array(png);
      } finally {
        await context.close();
      }
    },
    async close(): Promise<void> {
      if (!launched) return;
      const b = await launched.catch(() => undefined);
      launched = undefined;
      await b?.close();
    },
  };
}
