import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { tableFromIPC } from 'apache-arrow';
import { tableToPlainRows, type PlainValue } from '../../shared/arrow-values';
import { datasetPath, OCR_FILES } from '../helpers/datasets';
import { startHost, type RunningHost } from './web-host-process';

export const OCR_DIR = datasetPath('ocr');
export const HAS_OCR = existsSync(OCR_DIR);

/**
 * A real web host on a fresh workspace with the eight OCR exports loaded through the API (once per
 * spec file), so each test starts at the dashboard rather than clicking through the import.
 */
export async function startOcrHost(): Promise<RunningHost> {
  const host = await startHost();
  const { jobId } = await host.api.startImport({ paths: OCR_FILES.map((f) => resolve(OCR_DIR, f)) });
  for (;;) {
    const status = await host.api.getJob({ jobId });
    if (status.state === 'done') break;
    if (status.state !== 'running') throw new Error(`OCR import ${status.state}: ${status.error?.message ?? status.message}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return host;
}

/** Independent SQL through the host's API: the numbers the window must agree with. */
export async function sqlRows(host: RunningHost, sql: string): Promise<Record<string, PlainValue>[]> {
  return tableToPlainRows(tableFromIPC((await host.api.runSql({ sql })).arrow));
}

export async function sqlNumber(host: RunningHost, sql: string): Promise<number> {
  const [row] = await sqlRows(host, sql);
  return Number(Object.values(row ?? {})[0] ?? 0);
}

/** "12,345" as shown on screen -> 12345. */
export function shownNumber(text: string | null): number {
  return Number((text ?? '').replace(/[^\d.-]/g, ''));
}

/** Every page error and console error, to assert none happened. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return errors;
}

/** Waits for a chart card to have drawn (its canvas present, entry animation over). */
export async function chartDrawn(page: Page, id: string): Promise<Locator> {
  const card = page.getByTestId(`chart-${id}`);
  await card.scrollIntoViewIfNeeded();
  await expect(card.locator('canvas')).toBeVisible();
  await expect(card).toHaveAttribute('aria-busy', 'false');
  await page.waitForTimeout(1100);
  return card;
}

/** The cells of a chart's data table (opened with its Table button), as text, row by row. */
export async function chartTable(page: Page, id: string): Promise<string[][]> {
  const card = page.getByTestId(`chart-${id}`);
  const toggle = card.getByRole('button', { name: 'Table' });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  const table = page.getByTestId(`table-${id}`);
  await expect(table).toBeVisible();
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
}

export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
}
