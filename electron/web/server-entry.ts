import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openWorkbench } from '../engine/bootstrap';
import { findProjectRoot } from '../engine/project-paths';
import { startWebHost } from './web-host';

/**
 * `npm run serve`: the app in a browser. Prints the URL (with this run's token) on one line that
 * starts with "Breach Workbench is running at", which scripts and tests wait for.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      workspace: { type: 'string' },
      port: { type: 'string' },
      token: { type: 'string' },
    },
  });
  const root = findProjectRoot();
  const rendererDir = resolve(root ?? '.', 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error(`The window is not built yet (${rendererDir} is missing): run "npm run build" first.`);
    process.exit(1);
  }
  const engine = await openWorkbench({ workspaceDir: values.workspace, transport: 'http' });
  const host = await startWebHost({ engine, rendererDir, port: values.port ? Number(values.port) : 0, token: values.token ?? process.env.BREACH_WEB_TOKEN });
  console.log(`Breach Workbench is running at ${host.url}`);
  console.log(`Workspace: ${(await engine.info()).workspacePath}. Press Ctrl+C to stop.`);
  const stop = () => {
    void host.close().finally(() => {
      engine.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
