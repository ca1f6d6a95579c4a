import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { exampleFunctionKeys, findRoots, findTestedModules, requiredArtifacts } from './roots.mjs';

// The check covers what the layout holds, without a list to keep up to date.
describe('roots', () => {
  let workspace: string;
  const write = (path: string, text = '') => {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), text);
  };

  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'harbor-roots-'));
    write('infra/modules/table/main.tf');
    write('infra/modules/table/examples/complete/main.tf');
    write('infra/modules/table/tests/table.tftest.hcl');
    write('infra/modules/queue/main.tf');
    write('infra/services/orders/main.tf');
    write(
      'infra/services/orders/examples/every-declaration/api/functions.yaml',
      'functions: { relay: {}, notify: {} }\n',
    );
    write('infra/services/orders/tests/fixtures/broken/functions.yaml', 'functions: { ghost: {} }\n');
    write('infra/services/orders/tests/stack.tftest.hcl');
    write('infra/modules/table/tests/fixtures/pushing/functions.yaml', 'functions: { push: {} }\n');
    write('infra/envs/dev/main.tf');
    write('infra/bootstrap/main.tf');
    write('apps/orders/api/functions.yaml', 'functions: { placeOrder: {}, getOrder: {} }\n');
  });

  afterEach(() => {
    rmSync(workspace, { recursive: true, force: true });
  });

  it('finds environments, the bootstrap root, module examples and stack examples', () => {
    expect(findRoots(workspace)).toEqual([
      { id: 'envs-dev', dir: 'infra/envs/dev', kind: 'env' },
      { id: 'bootstrap', dir: 'infra/bootstrap', kind: 'bootstrap' },
      { id: 'modules-table-examples-complete', dir: 'infra/modules/table/examples/complete', kind: 'example' },
      {
        id: 'services-orders-examples-every-declaration',
        dir: 'infra/services/orders/examples/every-declaration',
        kind: 'example',
      },
    ]);
  });

  it('finds the modules and stacks that carry terraform tests', () => {
    expect(findTestedModules(workspace).map((module) => module.dir)).toEqual([
      'infra/modules/table',
      'infra/services/orders',
    ]);
  });

  it('needs a zip per function of every service with a stack', () => {
    expect(requiredArtifacts(workspace)).toEqual([join('orders', 'placeOrder.zip'), join('orders', 'getOrder.zip')]);
  });

  it('writes placeholder zips for the functions of stack examples and of stack and module fixtures', () => {
    expect(exampleFunctionKeys(workspace)).toEqual(['ghost', 'notify', 'push', 'relay']);
  });
});
