import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeAll, specFor, temporaryDirectory } from '../test/runtime-harness';
import { HandlerBundler } from './handler-bundler';

afterAll(closeAll);

describe('HandlerBundler', () => {
  const workspace = temporaryDirectory();
  mkdirSync(join(workspace, 'libs', 'greet'), { recursive: true });
  mkdirSync(join(workspace, 'apps', 'svc'), { recursive: true });
  writeFileSync(
    join(workspace, 'tsconfig.base.json'),
    JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@fixture/greet': ['libs/greet/index.ts'] } } }),
  );
  writeFileSync(
    join(workspace, 'libs', 'greet', 'index.ts'),
    'export const greet = (name: string): string => `hi ${name}`;\n',
  );
  const handlerFile = join(workspace, 'apps', 'svc', 'greet.handler.ts');
  writeFileSync(
    handlerFile,
    "import { greet } from '@fixture/greet';\nimport { z } from 'zod';\nexport const handler = async () => greet(z.string().parse('x'));\n",
  );
  const bundler = new HandlerBundler(specFor('greet', handlerFile));
  afterAll(() => bundler.dispose());

  it('resolves path aliases from the nearest tsconfig.base.json and leaves packages to Node', async () => {
    const build = await bundler.build();
    if (!build.ok) throw new Error(build.error.errorMessage);
    expect(build.code).toContain('hi ${name}');
    expect(build.code).toContain('require("zod")');
    expect(build.code).toContain('sourceMappingURL=data:application/json;base64,');
    expect([...build.inputs].sort()).toEqual([handlerFile, join(workspace, 'libs', 'greet', 'index.ts')].sort());
    expect(build.bundleFile).toBe(join(workspace, 'apps', 'svc', 'greet.handler.local-bundle.cjs'));
  });

  it('reports an unresolvable relative import as the runtime would: an import error naming the file', async () => {
    writeFileSync(handlerFile, "import { gone } from './gone';\nexport const handler = async () => gone;\n");
    const build = await bundler.build();
    expect(build).toMatchObject({
      ok: false,
      error: { errorType: 'Runtime.ImportModuleError', errorMessage: expect.stringContaining(`${handlerFile}:1:`) },
      inputs: [handlerFile],
    });
  });
});
