#!/usr/bin/env node
// Launches the built command line (out/main/cli.js); `npm run build` makes it.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  console.error('breach-workbench is not built yet: run "npm run build" in the project folder first.');
  process.exit(1);
}
await import(pathToFileURL(cli).href);
