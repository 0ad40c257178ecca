import { expect, type Page } from '@playwright/test';
import type { RunningHost } from './web-host-process';

/**
 * Opens the window and waits until the app shell is up. Until the workspace's saved view state has
 * loaded the window shows a splash with no keyboard shortcuts yet, so a shortcut pressed straight
 * after `goto` can be lost (that made a CI run fail).
 */
export async function openApp(page: Page, host: RunningHost): Promise<void> {
  await page.goto(host.url);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}
