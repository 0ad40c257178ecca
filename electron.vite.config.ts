import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './shared/csp';

/** Writes the one CSP into index.html; the dev server also needs its hot-reload socket. */
function contentSecurityPolicy(): Plugin {
  let dev = false;
  return {
    name: 'breach-workbench-csp',
    configResolved(config) {
      dev = config.command === 'serve';
    },
    transformIndexHtml(html) {
      // frame-ancestors only works as a header (the protocol handler and the web host send it); in a
      // <meta> tag the browser ignores it with a console error.
      let csp = CONTENT_SECURITY_POLICY.replace(/; frame-ancestors [^;]+/, '');
      if (dev) csp = csp.replace("connect-src 'self'", "connect-src 'self' ws://localhost:*");
      return html.replace('%BREACH_WORKBENCH_CSP%', csp);
    },
  };
}

export default defineConfig({
  // Every Node-side entry is built here, so the app, the web host and the CLI ship one engine build.
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'engine-host': resolve(__dirname, 'electron/engine/host/utility-entry.ts'),
          web: resolve(__dirname, 'electron/web/server-entry.ts'),
          cli: resolve(__dirname, 'electron/cli/index.ts'),
        },
      },
    },
  },
  // A sandboxed preload may only require 'electron': bundle everything else into one CommonJS file.
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), contentSecurityPolicy()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
