import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { parse } from 'yaml';
import { ServiceGeneratorError } from '../service/service-generator.error';
import { routeGenerator } from './route.generator';

const OPENAPI = `# The shop's REST API: this comment stays.
openapi: 3.0.3
security:
  - cognito: []
paths:
  /shop/items/{itemId}:
    get:
      operationId: getItem
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: \${lambda_invoke_arns.getItem}
`;
const FUNCTIONS = `functions:
  getItem:
    handler: src/get-item.handler.ts
`;

function tree(): Tree {
  const created = createTreeWithEmptyWorkspace();
  created.write('apps/shop/api/openapi.yaml', OPENAPI);
  created.write('apps/shop/api/functions.yaml', FUNCTIONS);
  created.write('apps/queue/api/functions.yaml', FUNCTIONS);
  created.write('tools/bench/bundle-budgets.json', JSON.stringify({ shop: { getItem: { maxMinifiedKiB: 900 } } }));
  return created;
}

describe('route generator', () => {
  it('adds the operation with its Lambda integration, the function, a handler with its test and a budget', async () => {
    const workspace = tree();
    await routeGenerator(workspace, {
      service: 'shop',
      name: 'renameItem',
      method: 'put',
      path: '/shop/items/{itemId}/name',
    });
    const openapi = workspace.read('apps/shop/api/openapi.yaml', 'utf-8')!;
    expect(openapi.startsWith('# The shop')).toBe(true);
    expect(parse(openapi).paths['/shop/items/{itemId}/name'].put).toMatchObject({
      operationId: 'renameItem',
      parameters: [{ name: 'itemId', in: 'path', required: true, schema: { type: 'string' } }],
      'x-amazon-apigateway-integration': {
        type: 'aws_proxy',
        httpMethod: 'POST',
        uri: '${lambda_invoke_arns.renameItem}',
      },
    });
    expect(parse(workspace.read('apps/shop/api/functions.yaml', 'utf-8')!).functions.renameItem).toEqual({
      handler: 'src/rename-item.handler.ts',
      description: 'PUT /shop/items/{itemId}/name',
      memoryMb: 256,
      timeoutSeconds: 5,
    });
    expect(workspace.read('apps/shop/src/rename-item.handler.ts', 'utf-8')).toContain("operation: 'renameItem'");
    expect(workspace.read('apps/shop/src/rename-item.handler.spec.ts', 'utf-8')).toContain(
      "path: '/shop/items/itemId-1/name', pathParameters: { itemId: 'itemId-1' }",
    );
    expect(JSON.parse(workspace.read('tools/bench/bundle-budgets.json', 'utf-8')!)).toEqual({
      shop: { getItem: { maxMinifiedKiB: 900 }, renameItem: { maxMinifiedKiB: 920 } },
    });
  });

  it('adds a second method to an existing path, under /<service>/<name> by default', async () => {
    const workspace = tree();
    await routeGenerator(workspace, { service: 'shop', name: 'listItems' });
    await routeGenerator(workspace, {
      service: 'shop',
      name: 'deleteItem',
      method: 'delete',
      path: '/shop/items/{itemId}',
    });
    const paths = parse(workspace.read('apps/shop/api/openapi.yaml', 'utf-8')!).paths;
    expect(paths['/shop/list-items'].get.operationId).toBe('listItems');
    expect(Object.keys(paths['/shop/items/{itemId}'])).toEqual(['get', 'delete']);
  });

  it.each([
    [{ service: 'shop', name: 'getItem', path: '/shop/other' }, /functions.getItem exists already/],
    [
      { service: 'shop', name: 'readItem', path: '/shop/items/{itemId}' },
      /GET \/shop\/items\/\{itemId\} exists already/,
    ],
    [{ service: 'shop', name: 'Bad-Name' }, /camelCase/],
    [{ service: 'shop', name: 'odd', path: 'no-slash' }, /must be \/segments/],
    [{ service: 'queue', name: 'listJobs' }, /has no apps\/queue\/api\/openapi.yaml/],
  ])('refuses %j, changing nothing', async (options, message) => {
    const workspace = tree();
    await expect(routeGenerator(workspace, options)).rejects.toThrow(ServiceGeneratorError);
    await expect(routeGenerator(workspace, options)).rejects.toThrow(message);
    expect(workspace.read('apps/shop/api/openapi.yaml', 'utf-8')).toBe(OPENAPI);
    expect(workspace.read('apps/shop/api/functions.yaml', 'utf-8')).toBe(FUNCTIONS);
    expect(workspace.exists('apps/shop/src/read-item.handler.ts')).toBe(false);
  });
});
