import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { closeAll, specFor, startRuntime, temporaryDirectory } from '../test/runtime-harness';

jest.setTimeout(30_000);
afterAll(closeAll);

const workspaceNodeModules = resolve(__dirname, '../../../../node_modules');

/** A package of its own with `"type": "module"`, resolving packages from the workspace's node_modules. */
function modulePackage(files: Record<string, string>): string {
  const directory = temporaryDirectory();
  symlinkSync(workspaceNodeModules, join(directory, 'node_modules'), 'dir');
  writeFileSync(join(directory, 'package.json'), JSON.stringify({ type: 'module' }));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(directory, name, '..'), { recursive: true });
    writeFileSync(join(directory, name), text);
  }
  return directory;
}

const middyHandler = (greeting: string): string =>
  [
    `import middy from '@middy/core';`,
    `import { greeting } from './greeting';`,
    `export const handler = middy().handler(async (event: { name: string }) => ({`,
    `  greeting: greeting(event.name),`,
    `  moduleType: typeof import.meta.url === 'string' ? 'esm' : 'cjs',`,
    `  prefix: '${greeting}',`,
    `}));`,
  ].join('\n');

// Lambda runs `.mjs` handlers, and `.js` ones in a `"type": "module"` package, as ES modules:
// https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html
describe('createLambdaRuntime: ES module handlers, as Lambda runs them natively (nodejs-handler.html)', () => {
  const mjs = specFor('esmMjs', resolve(__dirname, '../test/fixtures/esm-middy.handler.mjs'));
  const typeModule = modulePackage({
    'src/middy.handler.ts': middyHandler('v1'),
    'src/greeting.ts': 'export const greeting = (name: string): string => `hello ${name}`;\n',
    'src/missing.handler.js': `import { nothing } from '@harbor-fixtures/not-installed';\nexport const handler = async () => nothing;\n`,
    'src/throws.handler.ts': `export const handler = async (): Promise<never> => {\n  throw new RangeError('no stock');\n};\n`,
  });
  const ts = specFor('esmTs', join(typeModule, 'src', 'middy.handler.ts'));
  const missing = specFor('esmMissing', join(typeModule, 'src', 'missing.handler.js'));
  const throws = specFor('esmThrows', join(typeModule, 'src', 'throws.handler.ts'));
  const { runtime } = startRuntime([mjs, ts, missing, throws]);

  it('initialises an .mjs handler that imports ESM-only @middy/core 6 and awaits at top level', async () => {
    const outcome = await runtime.invoke({ functionId: mjs.id, event: { name: 'ada' } });
    expect(outcome).toMatchObject({
      ok: true,
      coldStart: true,
      result: { hello: 'ada', loadedAt: '1970-01-01T00:00:00.000Z', moduleType: 'esm' },
    });
  });

  it('runs a handler of a "type": "module" package as an ES module, with its relative imports', async () => {
    const outcome = await runtime.invoke({ functionId: ts.id, event: { name: 'bob' } });
    expect(outcome).toMatchObject({ ok: true, result: { greeting: 'hello bob', moduleType: 'esm', prefix: 'v1' } });
  });

  it('fails an ES module importing a package that is not installed with Runtime.ImportModuleError', async () => {
    const outcome = await runtime.invoke({ functionId: missing.id, event: {} });
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        errorType: 'Runtime.ImportModuleError',
        errorMessage: expect.stringContaining('@harbor-fixtures/not-installed'),
      },
    });
  });

  it("maps an ES module's stack trace to the TypeScript line that threw", async () => {
    const outcome = await runtime.invoke({ functionId: throws.id, event: {} });
    expect(outcome).toMatchObject({ ok: false, error: { errorType: 'RangeError', errorMessage: 'no stock' } });
    const trace = outcome.ok ? [] : (outcome.error.trace ?? []);
    expect(trace.join('\n')).toContain(`${join(typeModule, 'src', 'throws.handler.ts')}:2:`);
  });
});

describe('createLambdaRuntime: hot reload of an ES module handler', () => {
  const directory = modulePackage({
    'middy.handler.ts': middyHandler('v1'),
    'greeting.ts': 'export const greeting = (name: string): string => `hello ${name}`;\n',
  });
  const spec = specFor('esmReload', join(directory, 'middy.handler.ts'));
  const { runtime } = startRuntime([spec], { hotReload: true });

  it('runs the saved code of an ES module on the next invocation', async () => {
    expect(await runtime.invoke({ functionId: spec.id, event: { name: 'ada' } })).toMatchObject({
      result: { prefix: 'v1' },
    });
    const reloaded = runtime.reloaded(spec.id);
    writeFileSync(join(directory, 'greeting.ts'), 'export const greeting = (name: string): string => `hi ${name}`;\n');
    expect(await reloaded).toMatchObject({ ok: true, codeChanged: true });
    expect(await runtime.invoke({ functionId: spec.id, event: { name: 'ada' } })).toMatchObject({
      ok: true,
      coldStart: true,
      result: { greeting: 'hi ada', moduleType: 'esm' },
    });
  });
});
