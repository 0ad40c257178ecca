import { readFile } from 'node:fs/promises';
import { expect, test, type Download } from '@playwright/test';
import type { RunningHost } from './web-host-process';
import { attachScreenshot, chartDrawn, chartTable, collectErrors, HAS_OCR, OCR_DIR, shownNumber, sqlNumber, sqlRows, startOcrHost } from './dashboard-fixtures';
import { openApp } from './open-app';

/**
 * The Overview on the real OCR snapshots: click through cross-filters and hold every number shown
 * against independent SQL run through the host's API.
 */
test.describe('dashboard cross-filtering', () => {
  test.skip(!HAS_OCR, `the shared OCR exports are not at ${OCR_DIR}`);
  let host: RunningHost;

  test.beforeAll(async () => {
    host = await startOcrHost();
  });
  test.afterAll(async () => {
    await host?.stop();
  });

  test('clicking a bar and a year filters every chart, and the numbers agree with SQL', async ({ page }, testInfo) => {
    const errors = collectErrors(page);
    await openApp(page, host);
    await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
    const total = await sqlNumber(host, `SELECT count(*) FROM breaches`);
    await expect(page.getByTestId('kpi-breaches')).toHaveText(total.toLocaleString('en-US'));

    // Cross-filter 1: the largest breach-type bar (the top one) is Hacking/IT Incident.
    const types = await chartDrawn(page, 'breach-type');
    const box = (await types.locator('canvas').first().boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.6, box.y + 25);
    await expect(page.getByRole('list', { name: 'Active filters' }).getByText('Breach type: Hacking/IT Incident')).toBeVisible();
    const hacking = `list_contains(breach_types, 'Hacking/IT Incident')`;
    await expect(page.getByTestId('kpi-breaches')).toHaveText((await sqlNumber(host, `SELECT count(*) FROM breaches WHERE ${hacking}`)).toLocaleString('en-US'));

    // The per-year table under that filter, year by year, against SQL.
    const perYear = await chartTable(page, 'per-year');
    const expected = await sqlRows(host, `SELECT year(reported_date) AS y, count(*) AS n, sum(records_affected) AS p FROM breaches WHERE ${hacking} GROUP BY 1 ORDER BY 1`);
    expect(perYear.map((r) => [Number(r[0]), shownNumber(r[1]!), shownNumber(r[2]!)])).toEqual(expected.map((r) => [r.y, r.n, r.p]));

    // Cross-filter 2: click the 2023 bar of the per-year chart (back to the chart view first).
    await page.getByTestId('chart-per-year').getByRole('button', { name: 'Chart' }).click();
    const perYearCard = await chartDrawn(page, 'per-year');
    const canvas = (await perYearCard.locator('canvas').first().boundingBox())!;
    const years = expected.map((r) => Number(r.y));
    const index = years.indexOf(2023);
    // The plot area: grid left 56, right 64, bottom 28 (per-year spec); a bar sits in the middle of its band.
    const plotWidth = canvas.width - 56 - 64;
    await page.mouse.click(canvas.x + 56 + plotWidth * ((index + 0.5) / years.length), canvas.y + canvas.height - 40);
    await expect(page.getByRole('list', { name: 'Active filters' }).getByText('Reported in 2023')).toBeVisible();
    const where = `${hacking} AND reported_date BETWEEN DATE '2023-01-01' AND DATE '2023-12-31'`;
    await expect(page.getByTestId('kpi-breaches')).toHaveText((await sqlNumber(host, `SELECT count(*) FROM breaches WHERE ${where}`)).toLocaleString('en-US'));
    await expect(page.getByTestId('kpi-people')).toHaveText((await sqlNumber(host, `SELECT sum(records_affected) FROM breaches WHERE ${where}`)).toLocaleString('en-US'));

    // The state table under both filters, every state, against SQL.
    const states = await chartTable(page, 'state-map');
    const byState = await sqlRows(host, `SELECT coalesce(state, 'Not stated') AS s, count(*) AS n FROM breaches WHERE ${where} GROUP BY 1`);
    expect(states.length).toBe(byState.length);
    const california = states.find((r) => r[0] === 'California')!;
    expect(shownNumber(california[1]!)).toBe(byState.find((r) => r.s === 'CA')!.n);
    await attachScreenshot(page, testInfo, 'overview-cross-filtered');

    // Drill down from California's number: the grid shows exactly those rows.
    await page.getByTestId('table-state-map').getByRole('button', { name: /California: show rows/ }).first().click();
    await expect(page.getByRole('heading', { name: 'Explore rows' })).toBeVisible();
    const caCount = await sqlNumber(host, `SELECT count(*) FROM breaches WHERE ${where} AND state = 'CA'`);
    await expect(page.getByTestId('grid-total-rows')).toHaveText(caCount.toLocaleString('en-US'));
    const grid = page.getByTestId('rows-grid');
    await expect(grid.getByRole('row').nth(1)).toBeVisible();
    const stateColumn = await grid.getByRole('columnheader').evaluateAll((hs) => hs.findIndex((h) => h.textContent?.includes('state')));
    const shownStates = await grid.locator('[role=row][aria-rowindex]').evaluateAll(
      (rows, col) => rows.slice(1).map((r) => r.querySelectorAll('[role=gridcell]')[col]?.textContent),
      stateColumn,
    );
    expect(shownStates.length).toBe(Math.min(caCount, shownStates.length));
    expect(new Set(shownStates)).toEqual(new Set(['CA']));

    // Removing a chip widens the numbers again.
    await page.keyboard.press('Control+1');
    await page.getByRole('button', { name: 'Remove filter Reported in 2023' }).click();
    await expect(page.getByTestId('kpi-breaches')).toHaveText((await sqlNumber(host, `SELECT count(*) FROM breaches WHERE ${hacking}`)).toLocaleString('en-US'));
    expect(errors).toEqual([]);
  });

  test('filters are saved in the workspace and come back after a reload', async ({ page }) => {
    await openApp(page, host);
    await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
    await page.keyboard.press('Control+Shift+Backspace');
    await expect(page.getByText('No filters: all records.')).toBeVisible();
    await page.getByLabel('Filter field').selectOption('states');
    await page.getByLabel('State value').selectOption('TX');
    await page.getByTestId('filter-search').fill('ransomware');
    const chips = page.getByRole('list', { name: 'Active filters' });
    await expect(chips.getByText('State: Texas')).toBeVisible();
    await expect(chips.getByText('Text: “ransomware”')).toBeVisible();
    const expected = await sqlNumber(host, `SELECT count(*) FROM breaches WHERE state = 'TX' AND (description ILIKE '%ransomware%' OR entity ILIKE '%ransomware%')`);
    await expect(page.getByTestId('kpi-breaches')).toHaveText(expected.toLocaleString('en-US'));
    await expect.poll(async () => (await host.api.getViewState({})).state?.filters.states).toEqual(['TX']);

    await page.reload();
    await expect(page.getByRole('list', { name: 'Active filters' }).getByText('State: Texas')).toBeVisible();
    await expect(page.getByTestId('kpi-breaches')).toHaveText(expected.toLocaleString('en-US'));
    await page.keyboard.press('Control+Shift+Backspace');
    await expect(page.getByText('No filters: all records.')).toBeVisible();
  });

  test('each chart exports PNG and SVG, and the log scale and share toggles redraw', async ({ page }) => {
    await openApp(page, host);
    const card = await chartDrawn(page, 'per-year');
    await card.getByRole('button', { name: 'Log scale' }).click();
    await expect(card.getByRole('button', { name: 'Log scale' })).toHaveAttribute('aria-pressed', 'true');
    await card.getByRole('button', { name: 'Export Breaches reported and people affected, per year' }).click();
    const [png] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'PNG image' }).click()]);
    expect(png.suggestedFilename()).toBe('breaches-reported-and-people-affected-per-year.png');
    const pngBytes = await readDownload(png);
    expect([...pngBytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    await card.getByRole('button', { name: /^Export / }).click();
    const [svg] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'SVG image' }).click()]);
    const svgText = (await readDownload(svg)).toString('utf8');
    expect(svgText).toContain('<svg');
    expect(svgText).toContain('Breaches reported and people affected, per year');
    expect(svgText).toContain('HHS OCR breach portal');

    const actors = await chartDrawn(page, 'actor-per-year');
    await expect(actors.getByText(/Actor derived by rules actor-rules\//)).toBeVisible();
    await actors.getByRole('button', { name: '100% shares' }).click();
    await expect(actors.getByRole('button', { name: '100% shares' })).toHaveAttribute('aria-pressed', 'true');
    await card.getByRole('button', { name: 'Log scale' }).click();
    await actors.getByRole('button', { name: '100% shares' }).click();
  });

  test('the revisions chart opens Change Healthcare\u2019s history', async ({ page }) => {
    await openApp(page, host);
    await chartDrawn(page, 'count-revisions');
    const rows = await chartTable(page, 'count-revisions');
    expect(rows[0]![0]).toMatch(/^Change Healthcare/);
    expect(shownNumber(rows[0]![2]!)).toBe(192_700_000);
    await page.getByTestId('table-count-revisions').getByRole('button', { name: /Change Healthcare.*show rows/ }).first().click();
    const history = page.getByTestId('case-history');
    await expect(history).toBeVisible();
    await expect(history.getByText('People affected').first()).toBeVisible();
    await expect(history.getByText('192,700,000').first()).toBeVisible();
    await expect(page.getByTestId('grid-total-rows')).toHaveText('1');
  });
});

async function readDownload(download: Download): Promise<Buffer> {
  return readFile((await download.path())!);
}
