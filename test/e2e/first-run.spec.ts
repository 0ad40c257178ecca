import { expect, test } from '@playwright/test';
import { tableFromIPC } from 'apache-arrow';
import { tableToPlainRows } from '../../shared/arrow-values';
import { startHost, type RunningHost } from './web-host-process';
import { HAS_OCR, OCR_DIR } from './dashboard-fixtures';
import { openApp } from './open-app';


/**
 * A new user's first minutes, in a real Chromium against the real web host: the welcome screen finds
 * the OCR exports, loads them, and the Overview draws breaches per year from real numbers.
 */
test.describe('first run in the browser', () => {
  test.skip(!HAS_OCR, `the shared OCR exports are not at ${OCR_DIR}`);
  let host: RunningHost;

  test.beforeAll(async () => {
    host = await startHost();
  });
  test.afterAll(async () => {
    await host?.stop();
  });

  test('welcome screen loads the OCR exports and the chart shows real yearly counts', async ({ page }, testInfo) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

    await openApp(page, host);
    await expect(page.getByRole('heading', { name: 'Welcome to Breach Workbench' })).toBeVisible();
    await expect(page.getByText('ocr_archive_2024-10-08.csv')).toBeVisible();
    await testInfo.attach('welcome', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

    await page.getByRole('button', { name: /Load these 8 files/ }).click();
    await expect(page.getByRole('heading', { name: 'Breaches reported and people affected, per year' })).toBeVisible({ timeout: 120_000 });
    const chart = page.getByTestId('chart-per-year').getByRole('img');
    await expect(chart).toBeVisible();
    await expect(chart.locator('canvas')).toBeVisible();
    // No archive after October 2024 among the shared exports: the footnote says which counts are lower bounds.
    await expect(page.getByTestId('chart-per-year').getByText(/HHS OCR counts of breaches reported after 2024-10-08 are lower bounds\./)).toBeVisible();
    await page.waitForTimeout(800); // let ECharts finish its entry animation before the screenshot
    await testInfo.attach('overview', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

    // The chart's data table must match the same numbers asked of the engine with independent SQL.
    await page.getByTestId('chart-per-year').getByRole('button', { name: 'Table' }).click();
    const table = page.getByTestId('table-per-year');
    await expect(table).toBeVisible();
    const shown = await table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('th, td')].map((td) => td.textContent ?? '')),
    );
    const independent = tableToPlainRows(
      tableFromIPC(
        (await host.api.runSql({ sql: `SELECT year(reported_date) AS y, count(*) AS n FROM breaches WHERE reported_date IS NOT NULL GROUP BY 1 ORDER BY 1` })).arrow,
      ),
    );
    expect(shown.length).toBe(independent.length);
    expect(shown.map((r) => [Number(r[0]), Number(r[1]!.replaceAll(',', ''))])).toEqual(independent.map((r) => [r.y, r.n]));
    // OCR has published breaches since 2009; hundreds a year since 2015.
    expect(Number(shown[0]![0])).toBe(2009);
    const y2023 = shown.find((r) => r[0] === '2023');
    expect(Number(y2023![1]!.replaceAll(',', ''))).toBeGreaterThan(600);
    expect(errors).toEqual([]);
  });
});
