import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { RunningHost } from './web-host-process';
import { chartDrawn, HAS_OCR, OCR_DIR, startOcrHost } from './dashboard-fixtures';
import { openApp } from './open-app';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

/** Each view, as a keyboard or screen-reader user meets it. */
const VIEWS: { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'overview',
    open: async (page) => {
      await page.keyboard.press('Control+1');
      await chartDrawn(page, 'per-year');
      await chartDrawn(page, 'count-revisions');
    },
  },
  {
    name: 'explore-with-history',
    open: async (page) => {
      await page.keyboard.press('Control+2');
      await page.getByTestId('rows-grid').getByRole('button', { name: /Revision history/ }).first().click();
      await expect(page.getByTestId('case-history').getByRole('table')).toBeVisible();
    },
  },
  {
    name: 'sources',
    open: async (page) => {
      await page.keyboard.press('Control+3');
      await expect(page.getByRole('heading', { name: 'Sources', level: 1 })).toBeVisible();
    },
  },
  {
    name: 'sql',
    open: async (page) => {
      await page.keyboard.press('Control+4');
      await page.getByRole('button', { name: 'Run' }).click();
      await expect(page.getByTestId('sql-grid')).toBeVisible();
    },
  },
  {
    name: 'reports',
    open: async (page) => {
      await page.keyboard.press('Control+5');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    },
  },
  {
    name: 'shortcuts',
    open: async (page) => {
      await page.keyboard.press('Control+1');
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    },
  },
];

/** axe-core on every view in light and dark, with screenshots of each at two window sizes. */
test.describe('accessibility and screenshots of every view', () => {
  test.skip(!HAS_OCR, `the shared OCR exports are not at ${OCR_DIR}`);
  let host: RunningHost;

  test.beforeAll(async () => {
    host = await startOcrHost();
  });
  test.afterAll(async () => {
    await host?.stop();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`no serious or critical axe violations, ${scheme} theme`, async ({ page }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme });
      await openApp(page, host);
      for (const view of VIEWS) {
        await page.setViewportSize(SIZES[0]!);
        await view.open(page);
        for (const size of scheme === 'dark' ? SIZES.slice(0, 1) : SIZES) {
          await page.setViewportSize(size);
          await page.waitForTimeout(600);
          await testInfo.attach(`${view.name}-${size.width}x${size.height}-${scheme}`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
        }
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(serious.map((v) => `${view.name}: ${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
        if (view.name === 'shortcuts') await page.keyboard.press('Escape');
        if (view.name === 'explore-with-history') await page.keyboard.press('Escape');
      }
    });
  }
});
