// Runs a workspace TypeScript entry point from a plain `node` script: bundles it with esbuild (dependencies stay
// external, workspace libs resolve through tsconfig paths) into dist/ and imports the bundle in this process.
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** `entry` and `outfile` are relative to the workspace root. */
export async function runTypeScript(entry, outfile) {
  const bundle = join(workspaceRoot, outfile);
  await build({
    entryPoints: [join(workspaceRoot, entry)],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: 'inline',
    tsconfig: join(workspaceRoot, 'tsconfig.base.json'),
    logLevel: 'warning',
  });
  await import(pathToFileURL(bundle).href);
}
