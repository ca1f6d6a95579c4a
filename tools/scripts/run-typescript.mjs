// Runs a workspace TypeScript entry point from a plain `node` script: bundles it with esbuild (dependencies stay
// external, workspace libs resolve through tsconfig paths) into dist/ and imports the bundle in this process.
// The bundle is reused while no file it was built from has changed since (its inputs are listed beside it).
import { build } from 'esbuild';
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const TSCONFIG = join(workspaceRoot, 'tsconfig.base.json');

/** True when the bundle exists and is newer than every file the last build read (and the tsconfig paths). */
function bundleIsFresh(bundle, inputsFile) {
  if (!existsSync(bundle) || !existsSync(inputsFile)) return false;
  const builtAt = statSync(bundle).mtimeMs;
  try {
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
    return [TSCONFIG, ...inputs].every((file) => statSync(resolve(workspaceRoot, file)).mtimeMs <= builtAt);
  } catch {
    return false; // an input was deleted or the list is unreadable: build again
  }
}

/** `entry` and `outfile` are relative to the workspace root. */
export async function runTypeScript(entry, outfile) {
  const bundle = join(workspaceRoot, outfile);
  const inputsFile = `${bundle}.inputs.json`;
  if (!bundleIsFresh(bundle, inputsFile)) {
    const startedAt = new Date();
    const result = await build({
      entryPoints: [join(workspaceRoot, entry)],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      packages: 'external',
      sourcemap: 'inline',
      tsconfig: TSCONFIG,
      absWorkingDir: workspaceRoot,
      metafile: true,
      logLevel: 'warning',
    });
    writeFileSync(inputsFile, JSON.stringify(Object.keys(result.metafile.inputs)));
    // Dated when the build began: a file saved while it ran is newer, so the next start builds again.
    utimesSync(bundle, startedAt, startedAt);
  }
  await import(pathToFileURL(bundle).href);
}
