import { expect, test, type Page } from '@playwright/test';
import type { RunningHost } from './web-host-process';
import { collectErrors, HAS_OCR, OCR_DIR, sqlNumber, startOcrHost } from './dashboard-fixtures';
import { openApp } from './open-app';

/** The read-only SQL console: tables, results in the grid, quick chart, errors with position, cancel. */
test.describe('SQL console', () => {
  test.skip(!HAS_OCR, `the shared OCR exports are not at ${OCR_DIR}`);
  let host: RunningHost;

  test.beforeAll(async () => {
    host = await startOcrHost();
  });
  test.afterAll(async () => {
    await host?.stop();
  });

  const editor = (page: Page) => page.getByLabel(/Read-only query over the workspace/);

  test('lists tables, runs a query into the grid and charts it', async ({ page }) => {
    const errors = collectErrors(page);
    await openApp(page, host);
    await page.keyboard.press('Control+4');
    const tables = page.getByRole('navigation', { name: 'Tables and views' });
    await expect(tables.getByText('breaches', { exact: true })).toBeVisible();
    await expect(tables.getByText('ocr_revisions', { exact: true })).toBeVisible();
    await expect(tables.getByRole('button', { name: /^records_affected/ })).toBeVisible();

    await editor(page).fill(`SELECT state, count(*) AS breaches\nFROM breaches\nWHERE state IS NOT NULL\nGROUP BY 1\nORDER BY 2 DESC`);
    await editor(page).press('Control+Enter');
    const grid = page.getByTestId('sql-grid');
    const states = await sqlNumber(host, `SELECT count(DISTINCT state) FROM breaches WHERE state IS NOT NULL`);
    await expect(grid).toHaveAttribute('aria-rowcount', String(states + 1));
    const ca = await sqlNumber(host, `SELECT count(*) FROM breaches WHERE state = 'CA'`);
    await expect(grid.locator('[role=row][aria-rowindex="2"]')).toContainText(ca.toLocaleString('en-US'));
    await page.getByRole('button', { name: 'Quick chart' }).click();
    await expect(page.getByRole('img', { name: /Quick chart: breaches by state/ }).locator('canvas')).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('refuses writes and shows DuckDB\u2019s error with its line and column', async ({ page }) => {
    await openApp(page, host);
    await page.keyboard.press('Control+4');
    const before = await sqlNumber(host, `SELECT count(*) FROM bw_files`);
    await editor(page).fill('DELETE FROM bw_files');
    await page.getByRole('button', { name: 'Run' }).click();
    const error = page.getByTestId('sql-error');
    await expect(error).toContainText('Not allowed');
    await expect(error).toContainText('read-only');
    expect(await sqlNumber(host, `SELECT count(*) FROM bw_files`)).toBe(before);

    await editor(page).fill(`SELECT count(*)\nFROM breaches\nWHERE no_such_column = 1`);
    await page.getByRole('button', { name: 'Run' }).click();
    await expect(error).toContainText('at line 3, column 7');
    await expect(error).toContainText('no_such_column');
    await error.getByRole('button', { name: 'Show the position in the query' }).click();
    const selection = await editor(page).evaluate((el) => {
      const area = el as unknown as { value: string; selectionStart: number };
      return area.value.slice(area.selectionStart, area.selectionStart + 14);
    });
    expect(selection).toBe('no_such_column');
  });

  test('cancels a long query', async ({ page }) => {
    await openApp(page, host);
    await page.keyboard.press('Control+4');
    await editor(page).fill('SELECT sum(hash(a.range * b.range)) AS h FROM range(200000) a, range(200000) b');
    await page.getByRole('button', { name: 'Run' }).click();
    await expect(page.getByRole('button', { name: 'Running…' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('sql-error')).toContainText('Cancelled');
    await expect(page.getByRole('button', { name: 'Run' })).toBeEnabled();
  });
});
