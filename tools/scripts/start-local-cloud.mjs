// `npm start`: bundles the local cloud's TypeScript entry point with esbuild (dependencies stay external,
// workspace libs resolve through tsconfig paths) and runs it in this process. Arguments pass through
// (`npm start -- --fresh`).
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outfile = join(root, 'dist', 'local-cloud', 'main.cjs');
await build({
  entryPoints: [join(root, 'apps/local-cloud/src/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: 'inline',
  tsconfig: join(root, 'tsconfig.base.json'),
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
