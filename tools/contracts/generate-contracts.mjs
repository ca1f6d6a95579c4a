// `npm run contracts`: bundles tools/contracts/contracts.main.ts with esbuild (dependencies stay external,
// workspace libs resolve through tsconfig paths) and runs it, which rewrites docs/contracts/.
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outfile = join(root, 'dist', 'tools', 'contracts', 'contracts.main.cjs');
await build({
  entryPoints: [join(root, 'tools/contracts/contracts.main.ts')],
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
