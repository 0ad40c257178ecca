import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { attachScreenshot, collectErrors, sqlNumber } from './dashboard-fixtures';
import { startHost, type RunningHost } from './web-host-process';
import { datasetPath } from '../helpers/datasets';
import { openApp } from './open-app';

const VCDB_DIR = datasetPath('vcdb', 'healthcare');

/**
 * A folder of VERIS incidents chosen in the browser: its files go to the web host keeping the
 * folder's shape (a subfolder included), and the folder imports whole, without the mapping step.
 */
test.describe('a VERIS folder opened in the browser', () => {
  test.skip(!existsSync(VCDB_DIR), `the shared VCDB incidents are not at ${VCDB_DIR}`);
  let host: RunningHost;
  let dir: string;
  let folder: string;
  const files = existsSync(VCDB_DIR) ? readdirSync(VCDB_DIR).filter((f) => f.endsWith('.json')).sort().slice(0, 45) : [];

  test.beforeAll(async () => {
    // A sample of the real incidents in a temporary folder: 35 at the top, 10 in a subfolder.
    dir = mkdtempSync(join(tmpdir(), 'bw-e2e-veris-'));
    folder = join(dir, 'vcdb_sample');
    mkdirSync(join(folder, '2019'), { recursive: true });
    files.forEach((f, i) => copyFileSync(join(VCDB_DIR, f), join(folder, i < 35 ? '' : '2019', f)));
    host = await startHost();
  });
  test.afterAll(async () => {
    await host?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the folder is uploaded with its subfolder and imported as VERIS', async ({ page }, testInfo) => {
    const errors = collectErrors(page);
    await openApp(page, host);
    await expect(page.getByRole('heading', { name: 'Welcome to Breach Workbench' })).toBeVisible();
    await page.keyboard.press('Control+7');
    await expect(page.getByRole('heading', { name: 'Import', level: 1 })).toBeVisible();
    await page.getByText('Choose a folder…').locator('input[type=file]').setInputFiles(folder);

    const job = page.getByTestId('import-job').first();
    await expect(job).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
    await expect(page.getByTestId('mapping-step')).toHaveCount(0);
    const report = job.getByTestId('import-report').locator('tbody tr').first();
    await expect(report.locator('th')).toHaveText('vcdb_sample');
    const read = Number((await report.locator('[data-col=read]').textContent())?.replace(/\D/g, ''));
    const loaded = Number((await report.locator('[data-col=loaded]').textContent())?.replace(/\D/g, ''));
    const rejected = Number((await report.locator('[data-col=rejected]').textContent())?.replace(/\D/g, ''));
    expect(read).toBe(files.length);
    expect(loaded + rejected).toBe(files.length);
    expect(await sqlNumber(host, `SELECT count(*) FROM breaches WHERE source = 'veris'`)).toBe(loaded);
    await expect(page.getByTestId('recent-files')).toContainText('vcdb_sample');
    await page.evaluate('window.scrollTo(0, 0)');
    await attachScreenshot(page, testInfo, 'veris-folder-imported');
    expect(errors).toEqual([]);
  });
});
