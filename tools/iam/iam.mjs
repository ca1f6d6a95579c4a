// `npm run iam`: bundles tools/iam/src/iam.main.ts with esbuild (dependencies stay external, workspace libs resolve
// through tsconfig paths) and runs it, writing each service's apps/<service>/api/access.generated.json.
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outfile = join(workspaceRoot, 'dist/tools/iam/iam.main.cjs');
await build({
  entryPoints: [join(workspaceRoot, 'tools/iam/src/iam.main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: 'inline',
  tsconfig: join(workspaceRoot, 'tsconfig.base.json'),
  absWorkingDir: workspaceRoot,
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
