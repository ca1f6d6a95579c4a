import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { WorkerEntryError } from './errors';

const ENTRY = join('worker', 'lambda-worker.ts');
const LIB_ALIAS = '@harbor/local-cloud-lambda';

function findUp(fileName: string, from: string): string | undefined {
  for (let directory = resolve(from); ; directory = dirname(directory)) {
    const candidate = join(directory, fileName);
    if (existsSync(candidate)) return candidate;
    if (dirname(directory) === directory) return undefined;
  }
}

/** Where this lib's source lives when the lib itself runs bundled into an app: its tsconfig path alias. */
function entryFromWorkspaceAlias(): string | undefined {
  const tsconfigFile = findUp('tsconfig.base.json', process.cwd());
  if (!tsconfigFile) return undefined;
  const tsconfig = JSON.parse(readFileSync(tsconfigFile, 'utf8')) as {
    compilerOptions?: { paths?: Record<string, string[]> };
  };
  const barrel = tsconfig.compilerOptions?.paths?.[LIB_ALIAS]?.[0];
  return barrel ? join(dirname(tsconfigFile), dirname(barrel), ENTRY) : undefined;
}

/** The worker entry: beside this file when run from source, else found through the workspace's path alias. */
export function resolveWorkerEntry(): string {
  const candidates = [join(__dirname, ENTRY), entryFromWorkspaceAlias()].filter(
    (file): file is string => file !== undefined,
  );
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new WorkerEntryError(`Lambda worker entry not found; looked at: ${candidates.join(', ')}`);
  return found;
}

let script: Promise<string> | undefined;

/** The worker entry bundled once per process into a script for `new Worker(script, { eval: true })`. */
export function workerScript(): Promise<string> {
  script ??= build({
    entryPoints: [resolveWorkerEntry()],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  }).then(
    (result) => result.outputFiles[0].text,
    (error: unknown) => {
      script = undefined;
      throw new WorkerEntryError('Lambda worker entry does not build', { cause: error });
    },
  );
  return script;
}
