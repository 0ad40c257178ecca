import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { attachScreenshot, collectErrors, HAS_OCR, OCR_DIR, shownNumber, sqlNumber, sqlRows } from './dashboard-fixtures';
import { startHost, type RunningHost } from './web-host-process';
import { openApp } from './open-app';

const SOURCE = 'local:incidents_2024';

/**
 * An organisation's incident register as people keep one: day-first dates, its own column names
 * ("Who", "People"), an actor word the built-in list lacks ("intern"), a negative count and a date
 * that is not one. Lines 9 (-3) and 11 ("not yet") do not fit.
 */
const LOG = [
  'Ref,Opened,Notified,Who,What happened,Where,People,Business unit,Summary',
  'R-1,03/01/2023,15/01/2023,employee,Unauthorised disclosure,Email,120,Clinics,Letter to wrong patient',
  'R-2,20/02/2023,01/03/2023,hacker,Hacking,Network Server,15000,IT,Ransomware on file server',
  'R-3,11/04/2023,02/05/2023,vendor,Hacking,Email,800,Billing,Vendor mailbox compromised',
  'R-4,07/07/2023,21/07/2023,intern,Loss,Laptop,35,Clinics,Laptop left on train',
  'R-5,30/09/2023,12/10/2023,employee,Theft,Paper/Films,12,Records,Files stolen from car',
  'R-6,02/12/2023,15/01/2024,external,Phishing,Email,2400,HR,Payroll phishing',
  'R-7,14/02/2024,28/02/2024,unknown,Unauthorized Access,EMR,60,Clinics,Snooping in EMR',
  'R-8,05/05/2024,19/05/2024,contractor,Hacking,Network Server,-3,IT,Contractor VPN abused',
  'R-9,18/08/2024,02/09/2024,employee,Improper Disposal,Paper/Films,,Records,Skip bin',
  'R-10,25/11/2024,not yet,hacker,Hacking,Network Server,52000,IT,Web portal breach',
].join('\n');

/** Drops a file on the window the way a file manager does: dragenter, then drop, with the file's bytes. */
async function dropFile(page: Page, path: string, name: string): Promise<void> {
  const bytes = JSON.stringify([...readFileSync(path)]);
  // A string, evaluated in the page: the test's own TypeScript has no DOM types.
  const dataTransfer = await page.evaluateHandle(
    `(() => { const t = new DataTransfer(); t.items.add(new File([new Uint8Array(${bytes})], ${JSON.stringify(name)}, { type: 'text/csv' })); return t; })()`,
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await expect(page.getByText('Drop to import')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer });
}

/** A full-page picture from the top (sticky bars drawn where a person sees them). */
async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await attachScreenshot(page, testInfo, name);
}

async function seriousAxe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}

/** The cells of a comparison card's table (opened with its Table button), row by row. */
async function compareTable(page: Page, id: string): Promise<string[][]> {
  const card = page.getByTestId(`compare-${id}`);
  await card.getByRole('button', { name: 'Table' }).click();
  const table = page.getByTestId(`compare-table-${id}`);
  await expect(table).toBeVisible();
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
}

/**
 * The analyst's path in a real Chromium against the real web host: drop the register on the window,
 * fix one field's column in the mapping step, add an actor word, save the mapping as a preset,
 * import, read the rejects, fix and re-run, then see the register beside OCR, every number checked
 * against SQL run independently through the API.
 */
test.describe('your incident log beside OCR', () => {
  test.skip(!HAS_OCR, `the shared OCR exports are not at ${OCR_DIR}`);
  let host: RunningHost;
  let dir: string;
  let csv: string;

  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bw-e2e-log-'));
    csv = join(dir, 'incidents_2024.csv');
    writeFileSync(csv, `${LOG}\n`);
    host = await startHost();
    const { jobId } = await host.api.startImport({ paths: ['ocr_archive_2024-10-08.csv', 'ocr_investigation_2024-10-08.csv'].map((f) => resolve(OCR_DIR, f)) });
    for (let status = await host.api.getJob({ jobId }); status.state !== 'done'; status = await host.api.getJob({ jobId })) {
      if (status.state !== 'running') throw new Error(`OCR import ${status.state}: ${status.message}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  });
  test.afterAll(async () => {
    await host?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('map, import, fix the rejects, re-run, compare', async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    const errors = collectErrors(page);
    await openApp(page, host);
    await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();

    // 1. Drop the file anywhere: the mapping step opens with the engine's proposal.
    await dropFile(page, csv, 'incidents_2024.csv');
    const step = page.getByTestId('mapping-step');
    await expect(step).toBeVisible({ timeout: 60_000 });
    await expect(step.getByTestId('mapping-preview').locator('tbody tr')).toHaveCount(10);

    // 2. Remap: "People" holds the records affected, "What happened" the breach type.
    await step.getByRole('combobox', { name: 'Records affected' }).selectOption('People');
    await step.getByRole('combobox', { name: 'Breach type' }).selectOption('What happened');
    const line2 = step.getByTestId('mapping-preview').locator('tbody tr').first();
    await expect(line2.locator('td').nth(4)).toHaveText('120');
    const rejects = step.getByTestId('preview-rejects');
    await expect(rejects).toContainText('3 of the first 10 rows');
    await expect(rejects).toContainText('negative count');
    // "intern" is no built-in actor word: count it as an insider with one click.
    await rejects.getByRole('button', { name: 'Count “intern” as Insider (internal)' }).click();
    await expect(rejects).toContainText('2 of the first 10 rows');
    await expect(step.getByTestId('actor-words-internal')).toHaveValue('intern');
    await snap(page, testInfo, 'mapping-step');
    expect(await seriousAxe(page)).toEqual([]);

    await step.getByRole('textbox', { name: 'Preset name' }).fill('Incident register');
    await step.getByRole('button', { name: 'Save as preset' }).click();
    await expect(step.getByText(/Saved “Incident register” \(revision 1\)/)).toBeVisible();

    // 3. Import: 8 of 10 rows load, the two that do not fit are listed with line, column, value and reason.
    await step.getByRole('button', { name: 'Import', exact: true }).click();
    const job = page.getByTestId('import-job').first();
    await expect(job).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    const report = job.getByTestId('import-report').locator('tbody tr[data-file="incidents_2024.csv"]');
    await expect(report.locator('[data-col=read]')).toHaveText('10');
    await expect(report.locator('[data-col=loaded]')).toHaveText('8');
    await expect(report.locator('[data-col=rejected]')).toHaveText('2');
    const rejectRows = job.getByTestId('rejects-incidents_2024.csv').locator('tbody tr');
    await expect(rejectRows).toHaveCount(2);
    const shownRejects = await rejectRows.evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => (c.textContent ?? '').trim())));
    expect(shownRejects.map((r) => r.slice(0, 4))).toEqual([
      ['incidents_2024.csv', '9', 'People', '-3'],
      ['incidents_2024.csv', '11', 'Notified', 'not yet'],
    ]);
    expect(shownRejects[0]![4]).toMatch(/negative/);
    expect(await sqlNumber(host, `SELECT count(*) FROM bw_rejects WHERE file = 'incidents_2024.csv'`)).toBe(2);
    await snap(page, testInfo, 'import-report-with-rejects');
    expect(await seriousAxe(page)).toEqual([]);

    // 4. Fix the mapping (keep those rows, with the bad values empty) and run it again.
    await job.getByRole('button', { name: 'Fix the mapping and re-run' }).click();
    await expect(step).toBeVisible();
    await expect(step.getByRole('combobox', { name: 'Records affected' })).toHaveValue('People');
    await step.getByRole('radio', { name: /Load the row with that value empty/ }).check();
    await expect(step.getByTestId('preview-rejects')).toContainText('would load with those values empty');
    await step.getByRole('button', { name: /^Import, replacing local:incidents_2024/ }).click();
    const rerun = page.getByTestId('import-job').first();
    await expect(rerun).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    const rerunReport = rerun.getByTestId('import-report').locator('tbody tr[data-file="incidents_2024.csv"]');
    await expect(rerunReport.locator('[data-col=loaded]')).toHaveText('10');
    await expect(rerunReport.locator('[data-col=repaired]')).toHaveText('2');
    await expect(rerunReport.locator('[data-col=rejected]')).toHaveText('0');
    expect(await sqlNumber(host, `SELECT count(*) FROM breaches WHERE source = '${SOURCE}'`)).toBe(10);
    expect((await host.api.listSources({})).filter((s) => s.id === SOURCE)).toHaveLength(1);

    // 5. The same file again (from Recent files): the saved preset maps it without asking.
    await page.getByTestId('recent-files').getByRole('button', { name: /^incidents_2024\.csv/ }).click();
    await expect(step.getByTestId('preset-used')).toHaveText(/saved preset “Incident register” \(revision 1\)/);
    await expect(step.getByRole('combobox', { name: 'Records affected' })).toHaveValue('People');
    await step.getByRole('button', { name: 'Cancel' }).click();
    await expect(step).toHaveCount(0);

    // 6. Beside OCR: every figure against SQL asked independently of the window.
    await rerun.getByRole('button', { name: 'Compare with OCR' }).click();
    await expect(page.getByRole('heading', { name: 'Compare', level: 1 })).toBeVisible();
    await expect(page.getByTestId('compare-mine')).toHaveValue(SOURCE);
    await expect(page.getByTestId('compare-theirs')).toHaveValue('ocr');
    const summary = page.getByTestId('compare-summary');
    await expect(summary).toHaveAttribute('aria-busy', 'false');
    const cell = (measure: string, side: 'mine' | 'theirs') => summary.locator(`tr[data-measure=${measure}] td[data-side=${side}]`);
    const ocrYears = `source = 'ocr' AND reported_date BETWEEN DATE '2023-01-01' AND DATE '2024-12-31'`;
    expect(shownNumber(await cell('breaches', 'mine').textContent())).toBe(10);
    expect(shownNumber(await cell('breaches', 'theirs').textContent())).toBe(await sqlNumber(host, `SELECT count(*) FROM breaches WHERE ${ocrYears}`));
    expect(shownNumber(await cell('median', 'mine').textContent())).toBe(await sqlNumber(host, `SELECT median(records_affected) FROM breaches WHERE source = '${SOURCE}'`));
    expect(shownNumber(await cell('median', 'mine').textContent())).toBe(460);
    expect(shownNumber(await cell('median', 'theirs').textContent())).toBe(
      Math.round(await sqlNumber(host, `SELECT median(records_affected) FROM breaches WHERE ${ocrYears}`)),
    );
    expect(shownNumber(await cell('people', 'mine').textContent())).toBe(await sqlNumber(host, `SELECT sum(records_affected) FROM breaches WHERE source = '${SOURCE}'`));
    await expect(cell('years', 'mine')).toHaveText('2023–2024');
    for (const id of ['per-year', 'actors', 'sizes', 'types']) await expect(page.getByTestId(`compare-${id}`).locator('canvas')).toBeVisible();
    await page.waitForTimeout(1000); // ECharts' entry animation, before the picture is taken
    await snap(page, testInfo, 'compare-charts');
    expect(await seriousAxe(page)).toEqual([]);

    const perYear = await compareTable(page, 'per-year');
    const mineYears = await sqlRows(host, `SELECT year(reported_date) AS y, count(*) AS n FROM breaches WHERE source = '${SOURCE}' GROUP BY 1 ORDER BY 1`);
    const ocrPerYear = await sqlRows(host, `SELECT year(reported_date) AS y, count(*) AS n FROM breaches WHERE ${ocrYears} GROUP BY 1 ORDER BY 1`);
    expect(perYear.map((r) => [Number(r[0]), shownNumber(r[1]!), shownNumber(r[2]!)])).toEqual(
      mineYears.map((m) => [Number(m.y), Number(m.n), Number(ocrPerYear.find((o) => o.y === m.y)?.n ?? 0)]),
    );
    expect(perYear.map((r) => r[1])).toEqual(['6', '4']);

    const actors = await compareTable(page, 'actors');
    const mineActors = await sqlRows(host, `SELECT actor, count(*) AS n FROM breaches WHERE source = '${SOURCE}' GROUP BY 1`);
    const insider = actors.find((r) => r[0] === 'Insider')!;
    expect(shownNumber(insider[1]!)).toBe(Number(mineActors.find((a) => a.actor === 'internal')?.n));
    expect(insider[2]).toBe(`${((Number(mineActors.find((a) => a.actor === 'internal')?.n) / 10) * 100).toFixed(0)}%`);
    const ocrExternal = await sqlNumber(host, `SELECT count(*) FROM breaches WHERE ${ocrYears} AND actor = 'external'`);
    expect(shownNumber(actors.find((r) => r[0] === 'External')![3]!)).toBe(ocrExternal);

    const types = await compareTable(page, 'types');
    const mineHacking = await sqlNumber(host, `SELECT count(*) FROM breaches WHERE source = '${SOURCE}' AND list_contains(breach_types, 'Hacking/IT Incident')`);
    const hacking = types.find((r) => r[0] === 'Hacking/IT Incident')!;
    expect(shownNumber(hacking[1]!)).toBe(mineHacking);
    expect(hacking[2]).toBe(`${(mineHacking / 10) * 100}%`);
    expect(shownNumber(hacking[3]!)).toBe(await sqlNumber(host, `SELECT count(*) FROM breaches WHERE ${ocrYears} AND list_contains(breach_types, 'Hacking/IT Incident')`));

    const sizes = await compareTable(page, 'sizes');
    const band = (label: string) => sizes.find((r) => r[0] === label)!;
    expect(shownNumber(band('10,000–99,999')[1]!)).toBe(await sqlNumber(host, `SELECT count(*) FROM breaches WHERE source = '${SOURCE}' AND records_affected BETWEEN 10000 AND 99999`));
    expect(shownNumber(band('500–999')[3]!)).toBe(await sqlNumber(host, `SELECT count(*) FROM breaches WHERE ${ocrYears} AND records_affected BETWEEN 500 AND 999`));

    await snap(page, testInfo, 'compare-tables');
    expect(await seriousAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
