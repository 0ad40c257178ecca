import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from '../../scripts/electron-binary.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const binary = electronBinary(ROOT);

/**
 * The desktop app itself: a real Electron window over the utility-process engine and IPC. It runs
 * wherever the Electron binary is installed; where it is not (its download is blocked on some CI
 * machines), it is skipped with that reason, never faked.
 */
test.describe('desktop app (Electron)', () => {
  test.skip(binary === null, 'the Electron binary is not installed (node_modules/electron/dist is missing; ELECTRON_SKIP_BINARY_DOWNLOAD was set or its download failed)');

  test('opens the window with the security settings and reaches the engine over IPC', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'bw-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: [ROOT, '--no-sandbox'],
      env: { ...process.env, BREACH_WORKSPACE: workspace },
    });
    try {
      const page = await app.firstWindow();
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      expect(page.url()).toMatch(/^app:\/\/bundle\//);
      // No Node in the window: require and process are absent, the API bridge is present.
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      const info = await page.evaluate(async () => {
        const bridge = (globalThis as unknown as { workbenchIpc: { call(m: string, r: unknown): Promise<{ ok: boolean; value: { transport: string } }> } }).workbenchIpc;
        return bridge.call('info', {});
      });
      expect(info).toMatchObject({ ok: true, value: { transport: 'electron-ipc' } });
      // The menu runs the window's own actions: View > Theme > Dark.
      await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('theme-dark')?.click());
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      // Navigation away from the app is blocked.
      await page.evaluate(() => {
        (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.org/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toMatch(/^app:\/\/bundle\//);
    } finally {
      await app.close();
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});
