import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeAll, specFor, temporaryDirectory } from '../test/runtime-harness';
import { HandlerBundler } from './handler-bundler';

afterAll(closeAll);

/** A workspace with one handler importing one lib through a tsconfig path. */
function workspaceWithHandler(): { workspace: string; handlerFile: string; libFile: string; cacheDir: string } {
  const workspace = temporaryDirectory();
  mkdirSync(join(workspace, 'libs', 'greet'), { recursive: true });
  mkdirSync(join(workspace, 'apps', 'svc'), { recursive: true });
  writeFileSync(
    join(workspace, 'tsconfig.base.json'),
    JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@fixture/greet': ['libs/greet/index.ts'] } } }),
  );
  const libFile = join(workspace, 'libs', 'greet', 'index.ts');
  writeFileSync(libFile, 'export const greet = (name: string): string => `hi ${name}`;\n');
  const handlerFile = join(workspace, 'apps', 'svc', 'greet.handler.ts');
  writeFileSync(
    handlerFile,
    "import { greet } from '@fixture/greet';\nexport const handler = async () => greet('x');\n",
  );
  return { workspace, handlerFile, libFile, cacheDir: join(workspace, 'dist', 'local-cloud', 'function-bundles') };
}

/** The first build of a fresh bundler, as at a new start; disposed at once. */
async function firstBuild(handlerFile: string) {
  const bundler = new HandlerBundler(specFor('greet', handlerFile));
  try {
    const build = await bundler.build();
    if (!build.ok) throw new Error(build.error.errorMessage);
    return build;
  } finally {
    await bundler.dispose();
  }
}

const later = (file: string): void => {
  const inAMinute = new Date(Date.now() + 60_000);
  utimesSync(file, inAMinute, inAMinute);
};

describe('the bundle cache between starts', () => {
  it('serves the next start the same bundle and inputs without bundling, while nothing changed', async () => {
    const { handlerFile, libFile, cacheDir } = workspaceWithHandler();
    const built = await firstBuild(handlerFile);
    expect(readdirSync(cacheDir)).toEqual(['apps__svc__greet.handler.ts.cjs']);
    const cached = await firstBuild(handlerFile);
    expect(cached.code).toBe(built.code);
    expect([...cached.inputs].sort()).toEqual([handlerFile, libFile].sort());
    // Reading a file is far quicker than bundling it; a rebuild here would take tens of milliseconds at least.
    expect(cached.durationMs).toBeLessThan(built.durationMs);
  });

  it('builds again when a lib the handler imports changed since', async () => {
    const { handlerFile, libFile } = workspaceWithHandler();
    await firstBuild(handlerFile);
    writeFileSync(libFile, 'export const greet = (name: string): string => `hello ${name}`;\n');
    later(libFile);
    const rebuilt = await firstBuild(handlerFile);
    expect(rebuilt.code).toContain('hello ${name}');
  });

  it('builds again when the tsconfig that resolves the paths changed, or an input is gone', async () => {
    const { workspace, handlerFile, libFile } = workspaceWithHandler();
    await firstBuild(handlerFile);
    // The lib's text changes but keeps an old time: only the tsconfig's change can make the bundle stale.
    writeFileSync(libFile, 'export const greet = (name: string): string => `via tsconfig ${name}`;\n');
    const longAgo = new Date(Date.now() - 3_600_000);
    utimesSync(libFile, longAgo, longAgo);
    later(join(workspace, 'tsconfig.base.json'));
    expect((await firstBuild(handlerFile)).code).toContain('via tsconfig ${name}');

    // An input the cached list names is deleted: the list is not trusted and the handler is bundled again.
    const handlerOnly = workspaceWithHandler();
    await firstBuild(handlerOnly.handlerFile);
    rmSync(handlerOnly.libFile);
    writeFileSync(handlerOnly.handlerFile, 'export const handler = async () => `no lib`;\n');
    utimesSync(handlerOnly.handlerFile, longAgo, longAgo);
    expect((await firstBuild(handlerOnly.handlerFile)).code).toContain('no lib');
  });

  it('ignores a bundle written by another esbuild version, and never caches a failed build', async () => {
    const { handlerFile, cacheDir } = workspaceWithHandler();
    await firstBuild(handlerFile);
    const cacheFile = join(cacheDir, 'apps__svc__greet.handler.ts.cjs');
    writeFileSync(
      cacheFile,
      readFileSync(cacheFile, 'utf8')
        .replace(/\/\/# harbor-bundle \S+ /, '//# harbor-bundle 0.0.0 ')
        .replace('hi ${name}', 'stale ${name}'),
    );
    expect((await firstBuild(handlerFile)).code).toContain('hi ${name}');

    writeFileSync(handlerFile, 'export const handler = async () => {\n');
    later(handlerFile);
    const failing = new HandlerBundler(specFor('greet', handlerFile));
    const failed = await failing.build();
    await failing.dispose();
    expect(failed.ok).toBe(false);
    expect(readFileSync(cacheFile, 'utf8')).toContain('hi ${name}');
    expect(existsSync(`${cacheFile}.${process.pid}.tmp`)).toBe(false);
  });
});
