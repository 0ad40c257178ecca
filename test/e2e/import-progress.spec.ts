import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { writeBigIncidentCsv } from '../fixtures/big-incident-csv';
import { attachScreenshot, collectErrors, sqlNumber } from './dashboard-fixtures';
import { startHost, type RunningHost } from './web-host-process';
import { openApp } from './open-app';

const ROWS = 3_000_000;

/** The percent and rows the progress bar shows now, or null when it shows none (read in one go: the bar goes when the job ends). */
async function shownProgress(page: Page): Promise<{ percent: number; rows: number | null } | null> {
  const text = await page.getByTestId('import-figures').first().textContent({ timeout: 300 }).catch(() => null);
  const match = text ? /(\d+)%(?:\D*([\d,]+) rows)?/.exec(text) : null;
  if (!match) return null;
  return { percent: Number(match[1]), rows: match[2] ? Number(match[2].replaceAll(',', '')) : null };
}

/**
 * A multi-million-row CSV opened in the window in a real Chromium against the real web host: the
 * mapping step reads its first rows; Cancel during the import ends it with the workspace as it was;
 * run again, the bar shows its percent and rows rising while the window stays responsive.
 */
test.describe('a multi-million-row incident log: progress and cancel in the window', () => {
  let host: RunningHost;
  let dir: string;
  let csv: string;

  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bw-e2e-big-'));
    csv = join(dir, 'big_log.csv');
    await writeBigIncidentCsv(csv, ROWS);
    host = await startHost();
  });
  test.afterAll(async () => {
    await host?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('Cancel leaves no new source; run to the end, the bar shows rising percent and rows', async ({ page }, testInfo) => {
    test.setTimeout(300_000);
    const bytes = statSync(csv).size;
    expect(bytes).toBeGreaterThan(120 * 1024 * 1024);
    expect(bytes).toBeLessThan(200 * 1024 * 1024);
    const errors = collectErrors(page);
    const sourcesBefore = await host.api.listSources({});

    await openApp(page, host);
    await expect(page.getByRole('heading', { name: 'Welcome to Breach Workbench' })).toBeVisible();
    // The welcome screen's chooser goes through the same intake as a drop on the window.
    await page.getByText('Choose files…').locator('input[type=file]').setInputFiles(csv);
    await expect(page.getByRole('heading', { name: 'Import', level: 1 })).toBeVisible();

    const step = page.getByTestId('mapping-step');
    await expect(step).toBeVisible({ timeout: 120_000 });
    await expect(step.getByTestId('mapping-preview').locator('tbody tr')).toHaveCount(20, { timeout: 120_000 });
    await expect(step.getByRole('combobox', { name: 'Records affected' })).toHaveValue('Records Affected');
    await attachScreenshot(page, testInfo, 'big-log-mapping-step');

    // 1. Cancel mid-import: the job ends cancelled and the workspace has no new source.
    await step.getByRole('button', { name: 'Import', exact: true }).click();
    const first = page.getByTestId('import-job').first();
    await expect(first).toHaveAttribute('data-state', 'running');
    await expect(first.getByTestId('import-percent')).toHaveText(/^[1-9]\d?%$/, { timeout: 60_000 });
    await first.getByRole('button', { name: 'Cancel' }).click({ timeout: 2_000 });
    await expect(first).toHaveAttribute('data-state', 'cancelled', { timeout: 60_000 });
    await expect(first.getByTestId('import-message')).toHaveText(/Cancelled; the workspace is as it was/);
    await attachScreenshot(page, testInfo, 'big-log-cancelled');
    const sourcesAfterCancel = await host.api.listSources({});
    expect(sourcesAfterCancel.map((s) => s.id)).toEqual(sourcesBefore.map((s) => s.id));
    expect(sourcesAfterCancel.some((s) => s.id === 'local:big_log')).toBe(false);
    expect(await sqlNumber(host, `SELECT count(*) FROM bw_files WHERE name = 'big_log.csv'`)).toBe(0);
    expect(await sqlNumber(host, `SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '%local_big_log%'`)).toBe(0);
    expect(await sqlNumber(host, `SELECT count(*) FROM duckdb_views() WHERE view_name LIKE '%local_big_log%'`)).toBe(0);

    // 2. Back to the mapping and run it to the end, watching the bar: percent rises, rows counted.
    await first.getByRole('button', { name: 'Back to the mapping' }).click();
    await expect(step.getByTestId('mapping-preview').locator('tbody tr')).toHaveCount(20, { timeout: 60_000 });
    await step.getByRole('button', { name: 'Import', exact: true }).click();
    const job = page.getByTestId('import-job').first();
    await expect(job).toHaveAttribute('data-state', /running|done/);

    // The window answers while the engine works: another view opens at once, the sidebar shows the import there.
    if ((await job.getAttribute('data-state')) === 'running') {
      const started = Date.now();
      await page.getByRole('button', { name: 'Sources' }).click();
      await expect(page.getByRole('heading', { name: 'Sources', level: 1 })).toBeVisible();
      const indicator = page.getByRole('button', { name: /Import running/ });
      if (await indicator.isVisible()) await indicator.click();
      else await page.getByRole('button', { name: 'Import', exact: true }).click();
      expect(Date.now() - started).toBeLessThan(5_000);
      await expect(job).toBeVisible();
    }

    const seen: { percent: number; rows: number | null }[] = [];
    let pictured = false;
    for (const deadline = Date.now() + 180_000; Date.now() < deadline; ) {
      const now = await shownProgress(page);
      if (now && (seen.length === 0 || now.percent !== seen[seen.length - 1]!.percent)) seen.push(now);
      if (!pictured && now && now.percent >= 20 && now.percent < 95) {
        pictured = true;
        await attachScreenshot(page, testInfo, 'big-log-progress');
      }
      if ((await job.getAttribute('data-state')) !== 'running') break;
      await page.waitForTimeout(40);
    }
    testInfo.annotations.push({ type: 'progress seen', description: seen.map((s) => `${s.percent}% ${s.rows ?? '-'} rows`).join(', ') });
    await expect(job).toHaveAttribute('data-state', 'done');
    const rising = seen.filter((s) => s.percent > 0);
    expect(rising.length, `percent readings while running: ${JSON.stringify(seen)}`).toBeGreaterThanOrEqual(2);
    expect(rising.map((s) => s.percent)).toEqual([...rising.map((s) => s.percent)].sort((a, b) => a - b));
    expect(rising[rising.length - 1]!.percent).toBeGreaterThan(rising[0]!.percent);
    expect(rising.some((s) => s.rows !== null && s.rows > 0)).toBe(true);

    const report = job.getByTestId('import-report').locator('tbody tr[data-file="big_log.csv"]');
    await expect(report.locator('[data-col=loaded]')).toHaveText('3,000,000');
    await expect(report.locator('[data-col=rejected]')).toHaveText('0');
    expect(await sqlNumber(host, `SELECT count(*) FROM breaches WHERE source = 'local:big_log'`)).toBe(ROWS);
    expect((await host.api.listSources({})).find((s) => s.id === 'local:big_log')?.rows).toBe(ROWS);

    // The file is remembered, to open again in one click.
    await expect(page.getByTestId('recent-files')).toContainText('big_log.csv');
    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('a window opened while imports run shows them, with Cancel', async ({ page }) => {
    test.setTimeout(120_000);
    // Started by someone else (another window, or this one before a reload); imports run one at a
    // time, so the later ones wait behind the first for seconds, well past the window's start.
    const started = [];
    for (let i = 0; i < 3; i++) started.push((await host.api.startImport({ paths: [csv] })).jobId);
    await openApp(page, host);
    await page.getByRole('button', { name: /Import running/ }).click();
    const jobs = page.getByTestId('import-job');
    await expect(jobs.first()).toBeVisible();
    const shown = await jobs.count();
    expect(shown).toBeGreaterThanOrEqual(2);
    await expect(jobs.filter({ hasText: 'big_log.csv' })).toHaveCount(shown);
    for (const job of await jobs.all()) {
      if ((await job.getAttribute('data-state')) === 'running') await job.getByRole('button', { name: 'Cancel' }).click();
    }
    for (const jobId of started) await expect.poll(async () => (await host.api.getJob({ jobId })).state, { timeout: 60_000 }).not.toBe('running');
    expect(await host.api.listJobs({})).toEqual([]);
  });
});
