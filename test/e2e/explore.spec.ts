import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { RunningHost } from './web-host-process';
import { collectErrors, HAS_OCR, OCR_DIR, shownNumber, sqlNumber, sqlRows, startOcrHost } from './dashboard-fixtures';
import { openApp } from './open-app';

/** The drill-down grid on the real OCR snapshots: totals, sorting, copy, CSV export and history. */
test.describe('explore rows', () => {
  test.skip(!HAS_OCR, `the shared OCR exports are not at ${OCR_DIR}`);
  let host: RunningHost;

  test.beforeAll(async () => {
    host = await startOcrHost();
  });
  test.afterAll(async () => {
    await host?.stop();
  });

  test('shows every filtered row, sorts on the engine, and copies the selection', async ({ page, context }) => {
    const errors = collectErrors(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openApp(page, host);
    await page.keyboard.press('Control+2');
    await expect(page.getByRole('heading', { name: 'Explore rows' })).toBeVisible();
    const total = await sqlNumber(host, `SELECT count(*) FROM breaches`);
    await expect(page.getByTestId('grid-total-rows')).toHaveText(total.toLocaleString('en-US'));
    const grid = page.getByTestId('rows-grid');
    await expect(grid).toHaveAttribute('aria-rowcount', String(total + 1));

    // Sort by people affected, largest first: the first row is the largest breach per SQL.
    const header = grid.getByRole('columnheader', { name: /records_affected/ });
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    const [largest] = await sqlRows(host, `SELECT entity, records_affected FROM breaches ORDER BY records_affected DESC NULLS LAST LIMIT 1`);
    const firstRow = grid.locator('[role=row][aria-rowindex="2"]');
    await expect(firstRow).toContainText(String(largest!.entity));
    await expect(firstRow).toContainText(Number(largest!.records_affected).toLocaleString('en-US'));

    // Scrolling far down pages rows in from the engine.
    await grid.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(grid.locator(`[role=row][aria-rowindex="${total + 1}"]`)).toBeVisible();
    await expect(grid.locator(`[role=row][aria-rowindex="${total + 1}"] .cell-loading`)).toHaveCount(0);

    // Select the first three rows with the keyboard and copy them as tab-separated text.
    await grid.evaluate((el) => (el.scrollTop = 0));
    await firstRow.getByRole('gridcell').nth(1).click(); // the first cell holds the History button
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Control+C');
    // Runs in the page (the Node-side tsconfig has no DOM types, hence the string).
    const readClipboard = () => page.evaluate<string>('navigator.clipboard.readText()');
    await expect.poll(readClipboard).toContain('\n');
    const lines = (await readClipboard()).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]!.split('\t').slice(0, 4)).toEqual(['entity', 'state', 'reported_date', 'records_affected']);
    expect(lines[1]!.split('\t')[3]).toBe(String(largest!.records_affected));
    await expect(page.getByRole('button', { name: 'Copy 3 rows' })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('exports the current rows as CSV and opens a row\u2019s history with Enter', async ({ page }) => {
    await openApp(page, host);
    await page.keyboard.press('Control+2');
    await page.getByTestId('filter-search').fill('Change Healthcare');
    await expect(page.getByRole('list', { name: 'Active filters' }).getByText('Text: “Change Healthcare”')).toBeVisible();
    const expected = await sqlNumber(host, `SELECT count(*) FROM breaches WHERE description ILIKE '%Change Healthcare%' OR entity ILIKE '%Change Healthcare%'`);
    await expect(page.getByTestId('grid-total-rows')).toHaveText(expected.toLocaleString('en-US'));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('breach-rows.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('entity,state,reported_date,records_affected,breach_types')).toBe(true);
    expect(csv).toContain('192700000');
    expect(csv.endsWith('\r\n')).toBe(true);

    // Keyboard: focus the grid, Enter opens the history of the active row.
    const grid = page.getByTestId('rows-grid');
    const header = grid.getByRole('columnheader', { name: /records_affected/ });
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    await expect(grid.locator('[role=row][aria-rowindex="2"]')).toContainText('Change Healthcare');
    await grid.focus();
    await page.keyboard.press('Enter');
    const history = page.getByTestId('case-history');
    await expect(history.getByRole('heading', { name: /Revision history: Change Healthcare/ })).toBeVisible();
    const counts = await history.locator('.revision-list li').allTextContents();
    expect(counts.some((c) => c.includes('500') && c.includes('100,000,000'))).toBe(true);
    expect(shownNumber((await history.locator('tbody tr').last().locator('td').nth(2).textContent()) ?? '')).toBe(192_700_000);
    await page.keyboard.press('Escape');
    await expect(history).toBeHidden();
  });
});
