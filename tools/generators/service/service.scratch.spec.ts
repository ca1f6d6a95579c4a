import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { loadServiceDefinitions } from '@harbor/platform-service-definitions';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startLocalCloudIn } from '../testing/local-cloud-in';
import { OFFLINE_USER_POOL_ARN, planEnvironment, type PlannedResource } from '../testing/plan-environment';
import { createScratchWorkspace, nxEnv, type ScratchWorkspace } from '../testing/scratch-workspace';

// `npx nx g @harbor/tools:service catalog` in a scratch copy of this workspace, then `route` (GET /catalog/items) and
// `table` (catalog-archive) on it, and what the issue promises of the result: lint (module boundaries), typecheck and tests pass, the declarations load, the local cloud serves the
// route, and the dev environment's Terraform plan deploys it. The real workspace is only read.
jest.setTimeout(5 * 60_000);

const workspaceRoot = join(__dirname, '..', '..', '..');
const SERVICE = 'catalog';
// contracts too: the generator adds the service's path schema to it.
const PROJECTS = [`${SERVICE}-domain`, `${SERVICE}-application`, `${SERVICE}-adapters`, SERVICE, 'contracts'];

/** Jest's summary as text: the terminal colour codes Nx lets through removed. */
const withoutColours = (text: string) => text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');

let scratch: ScratchWorkspace;
const nxBin = join(dirname(require.resolve('nx/package.json')), (require('nx/package.json') as { bin: { nx: string } }).bin.nx);
const nx = (...args: string[]) => scratch.run(process.execPath, [nxBin, ...args]);

beforeAll(async () => {
  scratch = createScratchWorkspace(workspaceRoot);
  await nx('g', '@harbor/tools:service', SERVICE, '--no-interactive');
  await nx('g', '@harbor/tools:route', SERVICE, 'listItems', '--path', `/${SERVICE}/items`, '--no-interactive');
  await nx('g', '@harbor/tools:table', SERVICE, `${SERVICE}-archive`, '--no-interactive');
});
afterAll(() => scratch?.remove());

describe(`a service generated with npx nx g @harbor/tools:service ${SERVICE}, then a route and a table`, () => {
  it('is listed wherever the workspace lists services, and in refreshed contract documents', () => {
    const read = (path: string) => readFileSync(join(scratch.root, path), 'utf8');
    expect(read('eslint.config.mjs')).toMatch(new RegExp(`const services = \\[[^\\]]*'${SERVICE}'\\]`));
    expect(read('CODEOWNERS')).toContain(`/apps/${SERVICE}/ @harbor/${SERVICE}-team`);
    expect(read('infra/system/main.tf')).toContain(`source = "../services/${SERVICE}"`);
    expect(read('docs/contracts/openapi/rest-api.openapi.yaml')).toContain(`/${SERVICE}/items/{itemId}:`);
    expect(read('docs/contracts/openapi/rest-api.openapi.yaml')).toContain(`/${SERVICE}/items:`);
  });

  it('passes lint with module boundaries, typecheck and its tests, bundling within its budget, and so does libs/contracts', async () => {
    const output = withoutColours(await nx('run-many', '-t', 'lint', 'typecheck', 'test', '-p', PROJECTS.join(','), '--outputStyle=static'));
    expect(output).toMatch(/Successfully ran targets lint, typecheck, test for 5 projects/);
    expect(output).toContain(`nx run ${SERVICE}:bundle-budget`);
    for (const fn of ['getItem', 'listItems']) expect(existsSync(join(scratch.root, 'dist/apps', SERVICE, `${fn}.zip`))).toBe(true);
    expect(output).toMatch(/Tests: +6 passed, 6 total/); // the app's: 4 of GET /items/{itemId}, 2 of the generated route
  });

  it("keeps the workspace's own checks green: every route has its handler, docs/contracts are up to date", async () => {
    const jestBin = join(dirname(require.resolve('jest/package.json')), 'bin', 'jest.js');
    const output = withoutColours(await scratch.run(process.execPath, [jestBin, '-c', 'tools/jest.config.cjs', 'tools/checks/routes-have-handlers', 'tools/contracts/contract-documents']));
    expect(output).toMatch(/Test Suites: +2 passed, 2 total/);
  });

  it('declares what loadServiceDefinitions accepts, handler files included', () => {
    const service = loadServiceDefinitions(scratch.root, { checkHandlerFiles: true }).find((candidate) => candidate.name === SERVICE);
    expect(service).toBeDefined();
    expect(Object.keys(service!.functions)).toEqual(['getItem', 'listItems']);
    expect(Object.keys(service!.tables)).toEqual([SERVICE, `${SERVICE}-archive`]);
  });

  it('is served by the local cloud: the route answers from the table, 404 problem+json for an unknown id, 401 without a token', async () => {
    const cloud = await startLocalCloudIn(scratch.root, nxEnv(scratch.root));
    const dynamodb = new DynamoDBClient({ endpoint: cloud.endpoints['DynamoDB Local'], region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    try {
      const rest = cloud.endpoints['REST API'];
      const aws = cloud.endpoints['AWS endpoint (SNS, EventBridge, @connections, DynamoDB for functions)'];
      const minted = await fetch(`${aws}/_local/token`, { method: 'POST', body: JSON.stringify({ sub: 'scratch-user' }) });
      const { token } = (await minted.json()) as { token: string };
      await dynamodb.send(
        new PutItemCommand({
          TableName: `harbor-scratch-${SERVICE}`,
          Item: { pk: { S: 'ITEM#item-1' }, sk: { S: 'ITEM' }, itemId: { S: 'item-1' }, name: { S: 'First' }, createdAt: { S: '2026-01-02T03:04:05.000Z' } },
        }),
      );
      const get = (itemId: string, headers: Record<string, string> = { authorization: token }) => fetch(`${rest}/${SERVICE}/items/${itemId}`, { headers });

      const found = await get('item-1');
      expect(found.status).toBe(200);
      expect(await found.json()).toEqual({ itemId: 'item-1', name: 'First', createdAt: '2026-01-02T03:04:05.000Z' });
      const missing = await get('item-2');
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe('application/problem+json');
      expect(await missing.json()).toMatchObject({ status: 404, code: 'CATALOG.ITEM_NOT_FOUND' });
      expect((await get('item-1', {})).status).toBe(401);
      const listed = await fetch(`${rest}/${SERVICE}/items`, { headers: { authorization: token } });
      expect(listed.status).toBe(200);
      expect(await listed.json()).toEqual({ operation: 'listItems', pathParameters: {}, customerId: 'scratch-user' });
    } finally {
      dynamodb.destroy();
      await cloud.stop();
    }
  });

  it("is deployed by the dev environment's Terraform plan: functions, tables and REST API with its routes and authorizer", async () => {
    const created = await planEnvironment(scratch.root, join(scratch.root, 'tmp', 'terraform'));
    const ofService = created.filter((resource) => resource.address.startsWith(`module.system.module.${SERVICE}.`));
    const one = (type: string): PlannedResource | undefined => ofService.find((resource) => resource.type === type);
    const all = (type: string) => ofService.filter((resource) => resource.type === type).map((resource) => resource.values['function_name'] ?? resource.values['name']);
    expect(all('aws_lambda_function').sort()).toEqual([`harbor-dev-${SERVICE}-getItem`, `harbor-dev-${SERVICE}-listItems`]);
    expect(all('aws_dynamodb_table').sort()).toEqual([`harbor-dev-${SERVICE}`, `harbor-dev-${SERVICE}-archive`]);
    expect(one('aws_dynamodb_table')?.values).toMatchObject({ hash_key: 'pk', range_key: 'sk' });
    const body = String(one('aws_api_gateway_rest_api')?.values['body']);
    expect(body).toContain(`/${SERVICE}/items/{itemId}`);
    expect(body).toMatch(new RegExp(`/${SERVICE}/items"?:`));
    expect(body).toContain(OFFLINE_USER_POOL_ARN);
  });
});
