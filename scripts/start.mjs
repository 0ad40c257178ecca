// `npm start`: build, then open the desktop app; where the Electron binary is missing (as on CI
// machines that skip its download), say so in one line and serve the same app in the browser.
// `npm run serve` (--browser) always takes the browser path.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const browserOnly = process.argv.includes('--browser');
const passThrough = process.argv.slice(2).filter((a) => a !== '--browser');

const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = browserOnly ? null : electronBinary();
const child = electron
  ? spawn(electron, [root, ...passThrough], { cwd: root, stdio: 'inherit' })
  : (() => {
      if (!browserOnly) console.log('The Electron binary is not installed here, so Breach Workbench opens in browser mode instead.');
      return spawn(process.execPath, [join(root, 'out', 'main', 'web.js'), ...passThrough], { cwd: root, stdio: 'inherit' });
    })();
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
