import { logger, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { parse } from 'yaml';
import { ServiceGeneratorError } from '../service/service-generator.error';
import { eventGenerator } from './event.generator';

const EVENTS = `# The shop's events: this comment stays.
publishes: {}
topics: {}
subscriptions: {}
rules: {}
streams: {}
`;
const FUNCTIONS = `functions:
  getItem:
    handler: src/get-item.handler.ts
`;
const TABLES = `tables:
  shop:
    hashKey: { name: pk, type: S }
    rangeKey: { name: sk, type: S }
`;
const REGISTRY = `import { OrderPlaced } from '../orders/order-placed.event';
import type { EventContract } from './define-event';

export const eventContracts = [OrderPlaced] as const satisfies readonly EventContract[];
`;
const SNS_ATTRIBUTES = `import * as contracts from '@harbor/contracts';

export const SNS_MESSAGE_ATTRIBUTES: Readonly<Record<string, () => AttributeTypes>> = {
  OrderStatusChanged: () => contracts.orderStatusAttributes(sample),
};
`;
const SYSTEM = `module "platform" {
  source = "../platform"
}

module "shop" {
  source = "../services/shop"

  environment    = var.environment
  event_bus_name = module.platform.event_bus_name
}

module "orders" {
  source = "../services/orders"
}

module "ledger" {
  source = "../services/ledger"

  environment               = var.environment
  event_bus_name            = module.platform.event_bus_name
  function_memory_overrides = {}
}
`;

function service(tree: Tree, name: string, options: { tables?: boolean } = {}): void {
  tree.write(`apps/${name}/api/events.yaml`, EVENTS);
  tree.write(`apps/${name}/api/functions.yaml`, FUNCTIONS);
  if (options.tables ?? true) tree.write(`apps/${name}/api/tables.yaml`, TABLES.replace('  shop:', `  ${name}:`));
  tree.write(`libs/${name}/application/src/index.ts`, "export { GetItem } from './use-cases/get-item.use-case';\n");
  tree.write(
    `libs/${name}/adapters/src/index.ts`,
    "export { DynamooseItemRepository } from './dynamoose/item.dynamoose.repository';\n",
  );
}

function workspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  service(tree, 'shop');
  service(tree, 'ledger');
  service(tree, 'bare', { tables: false });
  tree.write('libs/contracts/src/events/event-contracts.registry.ts', REGISTRY);
  tree.write('libs/contracts/src/index.ts', "export { OrderPlaced } from './orders/order-placed.event';\n");
  tree.write('tools/contracts/sns-message-attributes.ts', SNS_ATTRIBUTES);
  tree.write('tools/bench/bundle-budgets.json', JSON.stringify({ shop: { getItem: { maxMinifiedKiB: 900 } } }));
  tree.write('infra/system/main.tf', SYSTEM);
  return tree;
}

const yaml = (tree: Tree, path: string) => parse(tree.read(path, 'utf-8')!);

let info: jest.SpyInstance;
beforeEach(() => {
  info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
});
afterEach(() => info.mockRestore());

describe('event generator', () => {
  it('publishes on the service topic by default when it has no outbox relay, consumed by the service itself through a subscription filtered on the contract attributes', async () => {
    const tree = workspace();
    await eventGenerator(tree, { service: 'shop', name: 'ItemShipped' });

    expect(tree.read('libs/contracts/src/shop/item-shipped.event.ts', 'utf-8')).toContain(
      "export const ItemShipped = defineEvent(\n  'ItemShipped',\n  1,",
    );
    expect(tree.read('libs/contracts/src/shop/item-shipped.event.ts', 'utf-8')).toContain(
      'export function itemShippedAttributes(',
    );
    const registry = tree.read('libs/contracts/src/events/event-contracts.registry.ts', 'utf-8')!;
    expect(registry).toContain(
      "import { OrderPlaced } from '../orders/order-placed.event';\nimport { ItemShipped } from '../shop/item-shipped.event';\nimport type",
    );
    expect(registry).toContain('export const eventContracts = [OrderPlaced, ItemShipped] as const');
    expect(tree.read('libs/contracts/src/index.ts', 'utf-8')).toContain(
      "// shop events\nexport { ItemShipped, itemShippedAttributes, type ItemShippedEnvelope, type ItemShippedPayload } from './shop/item-shipped.event';",
    );
    expect(tree.read('tools/contracts/sns-message-attributes.ts', 'utf-8')).toContain(
      '  ItemShipped: () => contracts.itemShippedAttributes(',
    );

    const eventsText = tree.read('apps/shop/api/events.yaml', 'utf-8')!;
    expect(eventsText.startsWith('# The shop')).toBe(true);
    expect(eventsText).toContain('sns: { topic: shop-events, events: [ItemShipped] }');
    const events = parse(eventsText);
    expect(Object.keys(events.topics)).toEqual(['shop-events']);
    expect(events.subscriptions['shop-item-shipped']).toEqual({
      topic: 'shop-events',
      function: 'onItemShipped',
      filterPolicyScope: 'MessageAttributes',
      filterPolicy: { eventType: ['ItemShipped'] },
      rawMessageDelivery: false,
      deadLetterQueue: true,
    });
    expect(yaml(tree, 'apps/shop/api/functions.yaml').functions.onItemShipped).toMatchObject({
      handler: 'src/on-item-shipped.handler.ts',
      tables: [{ table: 'shop', env: 'SHOP_TABLE_NAME' }],
    });

    const handler = tree.read('apps/shop/src/on-item-shipped.handler.ts', 'utf-8')!;
    expect(handler).toContain('snsMessageHandler({ observability, messageSchema: ItemShipped.envelopeSchema }');
    expect(handler).toContain("process.env['SHOP_TABLE_NAME']");
    expect(tree.read('libs/shop/adapters/src/events/item-shipped.publisher.ts', 'utf-8')).toContain(
      'export class SnsItemShippedPublisher implements ItemShippedPublisher',
    );
    expect(tree.read('libs/shop/adapters/src/dynamoose/processed-event.dynamoose.ledger.ts', 'utf-8')).toContain(
      "({ pk: `EVENT#${eventId}`, sk: 'PROCESSED' })",
    );
    expect(tree.read('libs/shop/application/src/index.ts', 'utf-8')).toContain(
      "export { HandleItemShipped, type HandleItemShippedDependencies, type HandleItemShippedOutcome } from './use-cases/handle-item-shipped.use-case';",
    );
    expect(JSON.parse(tree.read('tools/bench/bundle-budgets.json', 'utf-8')!).shop).toEqual({
      getItem: { maxMinifiedKiB: 900 },
      onItemShipped: { maxMinifiedKiB: 920 },
    });
    expect(tree.read('infra/system/main.tf', 'utf-8')).toBe(SYSTEM);
    expect(info).toHaveBeenCalledWith(
      expect.stringContaining(
        'needs `publishes: [{ topic: shop-events, env: SHOP_EVENTS_TOPIC_ARN }]` in apps/shop/api/functions.yaml',
      ),
    );
    for (const path of [
      'apps/shop/src/on-item-shipped.handler.spec.ts',
      'libs/shop/application/src/use-cases/handle-item-shipped.use-case.spec.ts',
    ]) {
      expect(tree.read(path, 'utf-8')).not.toMatch(/\n{3,}|<%|%>/);
    }
  });

  it('declares the AWS access of the adapters it writes, each with an access spec, and has the ledger spec start DynamoDB Local', async () => {
    const tree = workspace();
    tree.write(
      'libs/ledger/adapters/jest.config.cjs',
      "module.exports = {\n  displayName: 'ledger-adapters',\n  preset: '../../../jest.preset.js',\n};\n",
    );
    await eventGenerator(tree, { service: 'shop', name: 'ItemShipped', channel: 'bus', consumer: 'ledger' });
    await eventGenerator(tree, { service: 'shop', name: 'ItemPacked', consumer: 'ledger', channel: 'sns' });

    const read = (path: string) => tree.read(path, 'utf-8')!;
    expect(read('libs/shop/adapters/src/events/item-shipped.publisher.access.ts')).toContain(
      "adapter: 'EventBridgeItemShippedPublisher',\n  methods: {\n    publish: [{ bus: 'events', actions: ['events:PutEvents'] }],",
    );
    expect(read('libs/shop/adapters/src/events/item-packed.publisher.access.ts')).toContain(
      "adapter: 'SnsItemPackedPublisher',\n  methods: {\n    publish: [{ topic: 'shop-events', actions: ['sns:Publish'] }],",
    );
    expect(read('libs/shop/adapters/src/events/item-packed.publisher.access.spec.ts')).toContain(
      'describeDeclaredAccess(access.methods.publish, { topics: { ',
    );
    expect(read('libs/ledger/adapters/src/dynamoose/processed-event.dynamoose.ledger.access.ts')).toContain(
      "recordFirst: [{ table: 'ledger', actions: ['dynamodb:PutItem'] }]",
    );
    expect(read('libs/ledger/adapters/src/dynamoose/processed-event.dynamoose.ledger.access.spec.ts')).toContain(
      'dynamooseProcessedEventLedgerAccess as access',
    );
    // functions.yaml names the ledger's table; the descriptor's action is what `npm run iam` grants the consumer.
    expect(yaml(tree, 'apps/ledger/api/functions.yaml').functions.onItemShipped.tables).toEqual([
      { table: 'ledger', env: 'LEDGER_TABLE_NAME' },
    ]);
    const jestConfig = read('libs/ledger/adapters/jest.config.cjs');
    expect(jestConfig).toContain("  preset: '../../../jest.preset.js',\n  // One DynamoDB Local");
    expect(jestConfig.match(/jest-dynamodb\.cjs/g)).toHaveLength(1);
    for (const path of tree
      .listChanges()
      .map((change) => change.path)
      .filter((path) => path.includes('.access.')))
      expect(read(path)).not.toMatch(/\n{3,}|<%|%>/);
  });

  it('with --channel bus and --consumer, puts it on the platform bus and gives the other service a rule with the contract pattern', async () => {
    const tree = workspace();
    await eventGenerator(tree, { service: 'shop', name: 'ItemShipped', channel: 'bus', consumer: 'ledger' });

    expect(tree.read('apps/shop/api/events.yaml', 'utf-8')).toContain(
      'eventbridge: { bus: events, source: harbor.shop, events: [ItemShipped] }',
    );
    expect(yaml(tree, 'apps/shop/api/events.yaml').topics).toEqual({});
    expect(yaml(tree, 'apps/ledger/api/events.yaml').rules['ledger-on-item-shipped']).toEqual({
      bus: 'events',
      eventPattern: { source: ['harbor.shop'], 'detail-type': ['ItemShipped'] },
      function: 'onItemShipped',
      retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeSeconds: 86400 },
      deadLetterQueue: true,
    });
    expect(tree.read('apps/ledger/src/on-item-shipped.handler.ts', 'utf-8')).toContain(
      'eventHandler({ observability, detailSchema: ItemShipped.envelopeSchema }',
    );
    expect(tree.read('libs/shop/adapters/src/events/item-shipped.publisher.ts', 'utf-8')).toContain(
      "Source: 'harbor.shop'",
    );
    expect(tree.exists('libs/ledger/application/src/ports/processed-event.ledger.port.ts')).toBe(true);
    expect(tree.exists('libs/shop/application/src/ports/processed-event.ledger.port.ts')).toBe(false);
    expect(tree.read('tools/contracts/sns-message-attributes.ts', 'utf-8')).toBe(SNS_ATTRIBUTES);
    expect(tree.read('libs/contracts/src/shop/item-shipped.event.ts', 'utf-8')).not.toContain('Attributes');
    expect(tree.read('infra/system/main.tf', 'utf-8')).toBe(SYSTEM);
  });

  it("subscribes another service to the publisher's topic, giving its stack the publisher's topic ARNs", async () => {
    const tree = workspace();
    await eventGenerator(tree, { service: 'shop', name: 'ItemShipped', consumer: 'ledger', channel: 'sns' });
    expect(yaml(tree, 'apps/ledger/api/events.yaml').subscriptions['ledger-item-shipped']).toMatchObject({
      topic: 'shop-events',
      function: 'onItemShipped',
    });
    expect(tree.read('infra/system/main.tf', 'utf-8')).toContain(
      '  event_bus_name            = module.platform.event_bus_name\n  external_topic_arns       = module.shop.topic_arns\n  function_memory_overrides = {}',
    );
  });

  it('adds a second event to the topic the service publishes to, reusing the consumer ledger', async () => {
    const tree = workspace();
    await eventGenerator(tree, { service: 'shop', name: 'ItemShipped', channel: 'sns' });
    const ledger = tree.read('libs/shop/adapters/src/dynamoose/processed-event.dynamoose.ledger.ts', 'utf-8');
    await eventGenerator(tree, { service: 'shop', name: 'ItemReturned', channel: 'sns' });
    expect(yaml(tree, 'apps/shop/api/events.yaml').publishes.sns).toEqual({
      topic: 'shop-events',
      events: ['ItemShipped', 'ItemReturned'],
    });
    expect(Object.keys(yaml(tree, 'apps/shop/api/events.yaml').subscriptions)).toEqual([
      'shop-item-shipped',
      'shop-item-returned',
    ]);
    expect(tree.read('libs/shop/adapters/src/dynamoose/processed-event.dynamoose.ledger.ts', 'utf-8')).toBe(ledger);
    const barrel = tree.read('libs/shop/adapters/src/index.ts', 'utf-8')!;
    expect(barrel.match(/DynamooseProcessedEventLedger,/g)).toHaveLength(1);
    expect(tree.read('libs/contracts/src/index.ts', 'utf-8')!.match(/\/\/ shop events/g)).toHaveLength(1);
  });

  it('keeps the lines it does not add as they were written', async () => {
    const tree = workspace();
    const subscriptions = [
      'subscriptions:',
      '  # A numeric filter: [ in a comment ] stays.',
      '  shop-large:',
      '    topic: shop-events',
      '    function: getItem',
      "    filterPolicy: { eventType: [ItemShipped], totalMinor: [{ numeric: ['>=', 100000] }], note: ['a [ quoted ] text'] }",
    ].join('\n');
    tree.write('apps/shop/api/events.yaml', EVENTS.replace('subscriptions: {}', subscriptions));
    await eventGenerator(tree, { service: 'shop', name: 'ItemReturned', channel: 'sns' });
    const text = tree.read('apps/shop/api/events.yaml', 'utf-8')!;
    expect(text).toContain(`${subscriptions}\n  shop-item-returned:\n`);
  });

  describe('on a service that publishes through its transactional outbox', () => {
    const OUTBOX_STREAM =
      "streams:\n  outbox-relay:\n    table: shop\n    function: publishOutbox\n    filterPatterns:\n      - { dynamodb: { Keys: { sk: { S: [{ prefix: 'OUTBOX#' }] } } } }\n";
    const RELAY =
      '  publishOutbox:\n    handler: src/publish-outbox.handler.ts\n    tables:\n      - { table: shop, env: SHOP_TABLE_NAME }\n';
    function outboxWorkspace(relay = RELAY): Tree {
      const tree = workspace();
      tree.write('apps/shop/api/events.yaml', EVENTS.replace('streams: {}', OUTBOX_STREAM));
      tree.write('apps/shop/api/functions.yaml', FUNCTIONS + relay);
      return tree;
    }

    it('publishes a bus event through the relay: no publisher port or adapter, the relay granted the bus, the use case told how', async () => {
      const tree = outboxWorkspace();
      await eventGenerator(tree, { service: 'shop', name: 'ItemShipped', channel: 'bus' });
      expect(tree.read('apps/shop/api/events.yaml', 'utf-8')).toContain(
        'eventbridge: { bus: events, source: harbor.shop, events: [ItemShipped] }',
      );
      expect(tree.exists('libs/shop/adapters/src/events/item-shipped.publisher.ts')).toBe(false);
      expect(tree.exists('libs/shop/application/src/ports/item-shipped.publisher.port.ts')).toBe(false);
      expect(tree.children('libs/shop/adapters/src')).not.toContain('events');
      expect(tree.read('libs/shop/adapters/src/index.ts', 'utf-8')).not.toContain('Publisher');
      expect(tree.read('libs/shop/application/src/index.ts', 'utf-8')).not.toContain('Publisher');
      // Not a service the service generator made (no item repository and outbox store): no outbox spec for it.
      expect(tree.exists('libs/shop/adapters/src/outbox/item-shipped.outbox.spec.ts')).toBe(false);
      const functionsText = tree.read('apps/shop/api/functions.yaml', 'utf-8')!;
      expect(functionsText).toContain('    publishes:\n      - { bus: events, env: EVENT_BUS_NAME }\n');
      expect(parse(functionsText).functions.publishOutbox.publishes).toEqual([
        { bus: 'events', env: 'EVENT_BUS_NAME' },
      ]);
      expect(info).toHaveBeenCalledWith(
        expect.stringContaining(
          'shop publishes it through its transactional outbox (streams.outbox-relay -> publishOutbox',
        ),
      );
      expect(info).toHaveBeenCalledWith(expect.stringContaining('no publisher port or adapter is generated'));
      expect(info).toHaveBeenCalledWith(
        expect.stringContaining('`await this.deps.itemRepository.add(item, [envelope])`'),
      );
    });

    it('puts an event on the bus by default when the service has a relay, so the default is the transactional path', async () => {
      const tree = outboxWorkspace();
      await eventGenerator(tree, { service: 'shop', name: 'ItemShipped' });
      expect(tree.read('apps/shop/api/events.yaml', 'utf-8')).toContain(
        'eventbridge: { bus: events, source: harbor.shop, events: [ItemShipped] }',
      );
      expect(tree.exists('libs/shop/adapters/src/events/item-shipped.publisher.ts')).toBe(false);
      const topicTree = outboxWorkspace();
      await eventGenerator(topicTree, { service: 'shop', name: 'ItemShipped', topic: 'shop-news' });
      expect(topicTree.exists('libs/shop/adapters/src/events/item-shipped.publisher.ts')).toBe(true);
    });

    it('keeps the bus grant the relay has, and adds it beside the topic grant it has', async () => {
      const granted = `${RELAY}    publishes:\n      - { bus: events, env: EVENT_BUS_NAME }\n`;
      const tree = outboxWorkspace(granted);
      await eventGenerator(tree, { service: 'shop', name: 'ItemShipped', channel: 'bus' });
      expect(yaml(tree, 'apps/shop/api/functions.yaml').functions.publishOutbox.publishes).toEqual([
        { bus: 'events', env: 'EVENT_BUS_NAME' },
      ]);

      const other = outboxWorkspace(
        `${RELAY}    publishes:\n      - { topic: shop-status, env: SHOP_STATUS_TOPIC_ARN }\n`,
      );
      await eventGenerator(other, { service: 'shop', name: 'ItemShipped', channel: 'bus' });
      expect(yaml(other, 'apps/shop/api/functions.yaml').functions.publishOutbox.publishes).toEqual([
        { topic: 'shop-status', env: 'SHOP_STATUS_TOPIC_ARN' },
        { bus: 'events', env: 'EVENT_BUS_NAME' },
      ]);
    });

    it("proves a generated service's outbox takes the event: an outbox spec beside its store", async () => {
      const tree = outboxWorkspace();
      tree.write(
        'libs/shop/adapters/src/dynamoose/item.dynamoose.repository.ts',
        'export class DynamooseItemRepository {}\n',
      );
      tree.write('libs/shop/adapters/src/outbox/shop-outbox.store.ts', 'export function shopOutboxStore() {}\n');
      tree.write('libs/shop/adapters/test/shop-table.ts', 'export function shopTableName() {}\n');
      await eventGenerator(tree, { service: 'shop', name: 'ItemShipped', channel: 'bus' });
      const spec = tree.read('libs/shop/adapters/src/outbox/item-shipped.outbox.spec.ts', 'utf-8')!;
      expect(spec).toContain('await repository.add(item, [event]);');
      expect(spec).toContain("import { shopOutboxStore } from './shop-outbox.store';");
      expect(spec).toContain("import { shopTableName } from '../../test/shop-table';");
      expect(spec).not.toMatch(/\n{3,}|<%|%>/);
    });

    it('keeps a direct publisher for an SNS event, which the relay does not route, and warns that it is not transactional', async () => {
      const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
      try {
        const tree = outboxWorkspace();
        await eventGenerator(tree, { service: 'shop', name: 'ItemShipped', channel: 'sns' });
        expect(tree.read('libs/shop/adapters/src/events/item-shipped.publisher.ts', 'utf-8')).toContain(
          'export class SnsItemShippedPublisher implements ItemShippedPublisher',
        );
        expect(yaml(tree, 'apps/shop/api/functions.yaml').functions.publishOutbox.publishes).toBeUndefined();
        expect(warn).toHaveBeenCalledWith(
          expect.stringContaining(
            "ItemShipped: NOT through the outbox. The shop service's relay (publishOutbox) publishes to the bus only",
          ),
        );
      } finally {
        warn.mockRestore();
      }
    });

    it('refuses an outbox stream whose relay function functions.yaml does not declare, changing nothing', async () => {
      const tree = outboxWorkspace('');
      const before = tree.read('apps/shop/api/events.yaml', 'utf-8');
      await expect(eventGenerator(tree, { service: 'shop', name: 'ItemShipped', channel: 'bus' })).rejects.toThrow(
        'apps/shop/api/functions.yaml has no function publishOutbox, which apps/shop/api/events.yaml streams.outbox-relay invokes',
      );
      expect(tree.read('apps/shop/api/events.yaml', 'utf-8')).toBe(before);
      expect(tree.exists('libs/contracts/src/shop/item-shipped.event.ts')).toBe(false);
    });
  });

  it.each([
    [{ service: 'shop', name: 'OrderPlaced' }, /event OrderPlaced exists already/],
    [{ service: 'shop', name: 'itemShipped' }, /PascalCase/],
    [
      { service: 'shop', name: 'ItemShipped', consumer: 'nowhere' },
      /service "nowhere" has no apps\/nowhere\/api\/functions.yaml/,
    ],
    [
      { service: 'shop', name: 'ItemShipped', channel: 'bus' as const, topic: 'shop-news' },
      /--topic "shop-news" must be .* with --channel sns/,
    ],
    [{ service: 'shop', name: 'ItemShipped', consumer: 'bare' }, /apps\/bare\/api\/tables.yaml declares no table/],
  ])('refuses %j, changing nothing', async (options, message) => {
    const tree = workspace();
    await expect(eventGenerator(tree, options)).rejects.toThrow(ServiceGeneratorError);
    await expect(eventGenerator(tree, options)).rejects.toThrow(message);
    expect(tree.read('apps/shop/api/events.yaml', 'utf-8')).toBe(EVENTS);
    expect(tree.read('libs/contracts/src/events/event-contracts.registry.ts', 'utf-8')).toBe(REGISTRY);
    expect(tree.exists('libs/contracts/src/shop/item-shipped.event.ts')).toBe(false);
  });
});
