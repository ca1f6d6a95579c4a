import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = dirname(fileURLToPath(import.meta.url));
/** Where the local cloud's AWS endpoint serves the console from (`GET /` and `GET /_console/*`). */
export const consoleOutDir = resolve(webRoot, '../../../../dist/local-cloud/console');

// Preact's JSX through Vite's own (oxc) transform: no framework plugin needed for a production build.
export default defineConfig({
  root: webRoot,
  base: '/_console/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: process.env['HARBOR_CONSOLE_OUT_DIR'] ?? consoleOutDir,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 300,
  },
});
