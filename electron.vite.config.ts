import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src/shared/csp';

/** Writes the strict CSP into the built index.html; the dev server gets its policy from main. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'dossier-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  main: {
    build: {
      // better-sqlite3 is native and stays external; everything else in main is bundled.
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/app/index.ts'),
          worker: resolve(__dirname, 'src/main/engine/worker.ts'),
          cli: resolve(__dirname, 'src/main/cli/index.ts'),
          // An import's extraction workers (engine/ingest/findPool.ts looks for it beside the engine).
          findWorker: resolve(__dirname, 'src/main/engine/ingest/findWorker.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot require packages, so zod is bundled into it.
    build: {
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), contentSecurityPolicy()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
