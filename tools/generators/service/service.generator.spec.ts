import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ServiceGeneratorError } from './service-generator.error';
import { serviceGenerator, serviceNames } from './service.generator';

// The generator on an in-memory tree seeded with the files it edits, copied from this workspace: what it writes
// and refuses. The scratch-workspace spec proves that what it writes lints, tests, runs and plans.
const workspaceRoot = join(__dirname, '..', '..', '..');
const SEEDED = [
  'eslint.config.mjs',
  'tsconfig.base.json',
  'tools/bench/bundle-budgets.json',
  'infra/system/main.tf',
  'libs/contracts/src/index.ts',
];

function seededTree(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  for (const file of SEEDED) tree.write(file, readFileSync(join(workspaceRoot, file)));
  for (const service of ['orders', 'inventory']) tree.write(`apps/${service}/api/functions.yaml`, 'functions: {}\n');
  return tree;
}

describe('service generator', () => {
  it('derives every name a template needs from the kebab-case name', () => {
    expect(serviceNames('loyalty-points')).toEqual({
      name: 'loyalty-points',
      className: 'LoyaltyPoints',
      propertyName: 'loyaltyPoints',
      constantName: 'LOYALTY_POINTS',
    });
  });

  it('writes the three libs and the app with their tags, and the declarations the local cloud and Terraform read', async () => {
    const tree = seededTree();
    await serviceGenerator(tree, { name: 'loyalty-points' });
    const tags = (path: string) => JSON.parse(tree.read(path, 'utf-8')!).tags;
    expect(tags('libs/loyalty-points/domain/project.json')).toEqual(['scope:loyalty-points', 'type:domain']);
    expect(tags('libs/loyalty-points/application/project.json')).toEqual(['scope:loyalty-points', 'type:application']);
    expect(tags('libs/loyalty-points/adapters/project.json')).toEqual(['scope:loyalty-points', 'type:adapter']);
    expect(tags('apps/loyalty-points/project.json')).toEqual(['scope:loyalty-points', 'type:app']);
    for (const file of ['openapi.yaml', 'functions.yaml', 'tables.yaml', 'events.yaml'])
      expect(tree.exists(`apps/loyalty-points/api/${file}`)).toBe(true);
    expect(tree.read('apps/loyalty-points/api/openapi.yaml', 'utf-8')).toContain('/loyalty-points/items/{itemId}');
    expect(tree.read('apps/loyalty-points/src/get-item.handler.ts', 'utf-8')).toContain('LoyaltyPointsItemIdParams');
    expect(tree.read('libs/loyalty-points/domain/src/errors.ts', 'utf-8')).toContain("'LOYALTY_POINTS.ITEM_NOT_FOUND'");
    // The repository's AWS access, declared beside it and proven against DynamoDB Local, which its Jest config starts.
    expect(
      tree.read('libs/loyalty-points/adapters/src/dynamoose/item.dynamoose.repository.access.ts', 'utf-8'),
    ).toContain(
      "findById: [{ table: 'loyalty-points', actions: ['dynamodb:GetItem'] }],\n    add: [{ table: 'loyalty-points', actions: ['dynamodb:PutItem'] }],",
    );
    expect(
      tree.read('libs/loyalty-points/adapters/src/dynamoose/item.dynamoose.repository.access.spec.ts', 'utf-8'),
    ).toContain('dynamooseItemRepositoryAccess as access');
    expect(tree.read('libs/loyalty-points/adapters/jest.config.cjs', 'utf-8')).toContain(
      "...require('../../local-cloud/dynamodb/jest-dynamodb.cjs')",
    );
    // No placeholder or suffix is left anywhere.
    const written = tree.listChanges().filter((change) => change.type !== 'DELETE');
    expect(
      written
        .filter((change) => /__\w+__/.test(change.path) || /<%|%>/.test(change.content?.toString('utf8') ?? ''))
        .map((change) => change.path),
    ).toEqual([]);
  });

  it('publishes through a transactional outbox from birth: item and envelopes in one transaction, the stream feeding the relay', async () => {
    const tree = seededTree();
    await serviceGenerator(tree, { name: 'loyalty-points' });
    const read = (path: string) => tree.read(path, 'utf-8')!;
    const api = (file: string) => parse(read(`apps/loyalty-points/api/${file}`));
    expect(read('libs/loyalty-points/application/src/ports/item.repository.port.ts')).toContain(
      'add(item: Item, outbox: readonly EventEnvelope[]): Promise<void>;',
    );
    expect(read('libs/loyalty-points/application/src/testing/in-memory-item.repository.ts')).toContain(
      'this.outbox.push(...outbox);',
    );
    const repository = read('libs/loyalty-points/adapters/src/dynamoose/item.dynamoose.repository.ts');
    expect(repository).toContain('await dynamoose.transaction(writes');
    expect(repository).toContain('this.models.outbox.transaction.create(toOutboxRecord(envelope');
    expect(read('libs/loyalty-points/adapters/src/dynamoose/loyalty-points-table.models.ts')).toContain(
      '{ saveUnknown: false, validate: outboxEnvelopeMatches }',
    );
    // The table's items, keys and models are named as every service names them: <service>-table.<part>.ts.
    const items = read('libs/loyalty-points/adapters/src/dynamoose/loyalty-points-table.items.ts');
    expect(items).toContain('export interface OutboxRecord');
    // Why a transaction was refused is read by the platform's one reader, not a copy per service.
    expect(repository).toContain("import { conditionFailedAt } from '@harbor/platform-outbox';");
    expect(tree.exists('libs/loyalty-points/adapters/src/dynamoose/transaction-cancellation.ts')).toBe(false);
    expect(read('libs/loyalty-points/adapters/src/outbox/loyalty-points-outbox.store.access.ts')).toContain(
      "adapter: 'loyaltyPointsOutboxStore',\n  methods: {\n    stateOf: [{ table: 'loyalty-points', actions: ['dynamodb:GetItem'] }],\n    markPublished: [{ table: 'loyalty-points', actions: ['dynamodb:UpdateItem'] }],",
    );
    expect(read('libs/loyalty-points/adapters/src/outbox/loyalty-points-outbox.store.access.spec.ts')).toContain(
      'loyaltyPointsOutboxStoreAccess.methods.markPublished',
    );
    expect(read('libs/loyalty-points/adapters/src/index.ts')).toContain(
      "export { loyaltyPointsOutboxStore } from './outbox/loyalty-points-outbox.store';",
    );
    const root = read('apps/loyalty-points/src/composition-root.ts');
    expect(root).toContain('store: loyaltyPointsOutboxStore(tableName()),');
    expect(root).toContain(
      "publisher: new EventBridgeEventPublisher({ busName: requiredEnv('EVENT_BUS_NAME'), source: LOYALTY_POINTS_EVENT_SOURCE }),",
    );
    expect(read('apps/loyalty-points/src/publish-outbox.handler.ts')).toContain(
      'reportRelayResult(await outboxRelay().relay(records), { logger, metrics })',
    );

    expect(api('tables.yaml').tables['loyalty-points']).toMatchObject({
      stream: 'NEW_AND_OLD_IMAGES',
      ttlAttribute: 'expiresAt',
    });
    expect(api('events.yaml').streams['outbox-relay']).toEqual({
      table: 'loyalty-points',
      function: 'publishOutbox',
      startingPosition: 'TRIM_HORIZON',
      batchSize: 10,
      filterPatterns: [{ eventName: ['INSERT'], dynamodb: { Keys: { sk: { S: [{ prefix: 'OUTBOX#' }] } } } }],
      maximumRetryAttempts: 10,
      bisectBatchOnFunctionError: true,
      reportBatchItemFailures: true,
      deadLetterQueue: true,
    });
    expect(api('functions.yaml').functions.publishOutbox).toMatchObject({
      handler: 'src/publish-outbox.handler.ts',
      tables: [{ table: 'loyalty-points', env: 'LOYALTY_POINTS_TABLE_NAME' }],
      publishes: [{ bus: 'events', env: 'EVENT_BUS_NAME' }],
    });
    // No direct publisher: what the service publishes goes through the outbox.
    expect(tree.children('libs/loyalty-points/adapters/src').sort()).toEqual(['dynamoose', 'index.ts', 'outbox']);
  });

  it('lists the service in tsconfig paths, module boundaries, bundle budgets, the system stack and the contracts barrel', async () => {
    const tree = seededTree();
    await serviceGenerator(tree, { name: 'loyalty-points' });
    const paths = JSON.parse(tree.read('tsconfig.base.json', 'utf-8')!).compilerOptions.paths;
    expect(paths['@harbor/loyalty-points-adapters']).toEqual(['./libs/loyalty-points/adapters/src/index.ts']);
    // Test doubles behind their own entry point, never in the production barrel.
    const testingPath = ['./libs/loyalty-points/application/src/testing/index.ts'];
    expect(paths['@harbor/loyalty-points-application/testing']).toEqual(testingPath);
    expect(tree.read('libs/loyalty-points/application/src/index.ts', 'utf-8')).not.toContain('InMemory');
    expect(paths['@harbor/orders-domain']).toEqual(['./libs/orders/domain/src/index.ts']);
    expect(tree.read('eslint.config.mjs', 'utf-8')).toContain(
      "const services = ['orders', 'inventory', 'notifications', 'catalog', 'loyalty-points'];",
    );
    expect(JSON.parse(tree.read('tools/bench/bundle-budgets.json', 'utf-8')!)['loyalty-points']).toEqual({
      getItem: { maxMinifiedKiB: 920 },
      publishOutbox: { maxMinifiedKiB: 920 },
    });
    const system = tree.read('infra/system/main.tf', 'utf-8')!;
    expect(system).toContain('module "loyalty_points" {\n  source = "../services/loyalty-points"');
    expect(system).toContain('module "orders" {');
    expect(tree.read('libs/contracts/src/index.ts', 'utf-8')).toContain("from './loyalty-points/http/item-id.params';");
  });

  it('creates CODEOWNERS with every existing service when there is none, and only appends to one that exists', async () => {
    const tree = seededTree();
    await serviceGenerator(tree, { name: 'catalog', owners: '@acme/catalog' });
    const created = tree.read('CODEOWNERS', 'utf-8')!;
    expect(created).toContain('/apps/inventory/ @harbor/inventory-team');
    expect(created).toContain('/libs/orders/ @harbor/orders-team');
    expect(created).toContain('/infra/services/catalog/ @acme/catalog');

    await serviceGenerator(tree, { name: 'billing' });
    const appended = tree.read('CODEOWNERS', 'utf-8')!;
    expect(appended.startsWith(created.trimEnd())).toBe(true);
    expect(appended).toContain('/apps/billing/ @harbor/billing-team');
  });

  it.each([
    ['Not-Kebab', /kebab case/],
    ['two--dashes', /kebab case/],
    ['platform', /already means something else/],
    ['orders', /exists already \(apps\/orders\)/],
  ])('refuses the name %s, changing nothing', async (name, message) => {
    const tree = seededTree();
    const state = () =>
      tree.listChanges().map((change) => `${change.type} ${change.path} ${change.content?.toString('utf8')}`);
    const before = state();
    await expect(serviceGenerator(tree, { name })).rejects.toThrow(ServiceGeneratorError);
    await expect(serviceGenerator(tree, { name })).rejects.toThrow(message);
    expect(state()).toEqual(before);
  });
});
