import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { PAGE_CSP } from './shared/csp';

/** Puts the CSP into the built index.html (not in dev, where Vite's own inline scripts run). */
const cspMeta: Plugin = {
  name: 'qingbo-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: PAGE_CSP }, injectTo: 'head-prepend' }],
};

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The Electron entry and the CLI share the backend chunks. The worker threads (the
        // import's reading thread, the quick check beside an export) are entries of their own,
        // found beside them (threads.ts).
        input: {
          index: resolve('electron/main/index.ts'),
          cli: resolve('electron/cli/entry.ts'),
          'import-worker': resolve('electron/backend/registry/import-worker.ts'),
          'check-worker': resolve('electron/backend/db/check-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load modules: bundle zod in, emit CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [react(), cspMeta],
    build: {
      outDir: 'out/renderer',
      chunkSizeWarningLimit: 2500,
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
