import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { VIEW_STATE_VERSION } from '../../shared/api';
import { attachScreenshot, collectErrors, HAS_OCR, OCR_DIR, sqlNumber, startOcrHost } from './dashboard-fixtures';
import type { RunningHost } from './web-host-process';
import { openApp } from './open-app';

/**
 * Reports in a real Chromium against the real web host with the OCR snapshots loaded: the dashboard
 * to a slide deck in three clicks (Reports, "Slide deck of this dashboard", and the Save the desktop
 * app's dialog asks for; a browser saves downloads without asking), then a report built by hand.
 */
test.describe('reports', () => {
  test.skip(!HAS_OCR, `the shared OCR exports are not at ${OCR_DIR}`);
  let host: RunningHost;

  test.beforeAll(async () => {
    host = await startOcrHost();
    // The dashboard as a person left it: filtered to California.
    await host.api.saveViewState({ state: { version: VIEW_STATE_VERSION, view: 'overview', filters: { states: ['CA'] }, theme: 'light' } });
  });
  test.afterAll(async () => {
    await host?.stop();
  });

  async function openReports(page: Page): Promise<void> {
    await openApp(page, host);
    // The window reopens on the view it was left on (the first test leaves it on Reports).
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.getByRole('button', { name: /^Reports/ }).click();
    await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  }

  test('goes from the dashboard to a slide deck of it in three clicks, with its filters and sources', async ({ page }, testInfo) => {
    const errors = collectErrors(page);
    await openReports(page); // click 1
    await expect(page.getByTestId('dashboard-filters')).toHaveText('states: CA');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Slide deck of this dashboard' }).click()]); // click 2
    expect(download.suggestedFilename()).toBe('health-data-breaches-overview.pptx');
    await expect(page.getByRole('status').first()).toContainText('health-data-breaches-overview.pptx');
    await attachScreenshot(page, testInfo, 'reports-after-slide-deck');

    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    const report = await host.api.defaultReport({ filters: { states: ['CA'] } });
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides).toHaveLength(report.items.length + 2);
    const notes = await zip.file('ppt/notesSlides/notesSlide2.xml')!.async('string');
    expect(notes).toContain('Filters: states: CA.');
    // The first chart is breaches per year in California: its 2024 bar holds the number SQL gives.
    const ca2024 = await sqlNumber(host, `SELECT count(*) FROM breaches WHERE state = 'CA' AND year(reported_date) = 2024`);
    const chartXml = await zip.file('ppt/charts/chart1.xml')!.async('string');
    expect(chartXml).toContain(`<c:v>${ca2024}</c:v>`);
    expect(await zip.file('ppt/slides/slide2.xml')!.async('string')).toContain('Breaches Affecting 500 or More Individuals (HHS OCR breach portal)');

    // This view's own content; the sidebar is checked with the dashboard.
    const axe = await new AxeBuilder({ page }).include('main').analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('builds a report by hand: title, TLP, charts in order with text, saved, and printed to PDF', async ({ page }, testInfo) => {
    const errors = collectErrors(page);
    await openReports(page);
    const builder = page.getByRole('region', { name: 'Report builder' });
    await builder.getByLabel('Title', { exact: true }).fill('Board pack: California');
    await builder.getByLabel('Author').fill('Jo Analyst');
    await builder.getByLabel('TLP label').selectOption('TLP:AMBER');
    await builder.getByLabel('Saved as').fill('Board');
    await builder.getByLabel('Add a chart').selectOption({ label: 'Breaches by state' });
    await builder.getByRole('button', { name: 'Add with the current filters' }).click();
    await builder.getByLabel('Add a chart').selectOption({ label: 'Breaches reported and people affected, per year' });
    await builder.getByRole('button', { name: 'Add with the current filters' }).click();
    await builder.getByRole('button', { name: 'Move "Breaches reported and people affected, per year" up' }).click();
    const items = builder.getByRole('list', { name: 'Charts in the report, in order' }).getByRole('listitem');
    await expect(items).toHaveCount(2);
    await expect(items.first()).toContainText('Breaches reported and people affected, per year');
    await items.first().getByLabel('Text under the chart').fill('California reports more breaches than any other state.');
    await expect(builder.getByText('TLP:AMBER in the header and footer of every page')).toBeVisible();

    await builder.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(builder.getByRole('status')).toHaveText('Saved as "Board" in this workspace.');
    const saved = page.getByRole('region', { name: 'Saved reports' });
    await expect(saved.getByRole('rowheader', { name: 'Board' })).toBeVisible();
    const stored = await host.api.getReport({ name: 'Board' });
    expect(stored).toMatchObject({ title: 'Board pack: California', author: 'Jo Analyst', tlp: 'TLP:AMBER' });
    expect(stored.items.map((i) => [i.chart, i.filters.states, i.text])).toEqual([
      ['breaches_per_year', ['CA'], 'California reports more breaches than any other state.'],
      ['breaches_by_state', ['CA'], ''],
    ]);

    const [pdf] = await Promise.all([page.waitForEvent('download'), builder.getByRole('button', { name: 'PDF', exact: true }).click()]);
    expect(pdf.suggestedFilename()).toBe('board-pack-california.pdf');
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    await attachScreenshot(page, testInfo, 'reports-builder');
    expect(errors).toEqual([]);
  });
});
