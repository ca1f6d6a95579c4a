import { join } from 'node:path';
import { findWorkspaceRoot } from './find-workspace-root';
import { loadServiceDefinitions } from './load-service-definitions';
import { TempWorkspace } from '../test/temp-workspace';

describe('loadServiceDefinitions on the real workspace', () => {
  const root = findWorkspaceRoot(__dirname);
  // Handler files arrive with each app; this test is about the declarations themselves.
  const services = loadServiceDefinitions(root, { checkHandlerFiles: false });
  const orders = services.find((service) => service.name === 'orders')!;

  it('loads the orders service with its functions, tables and events', () => {
    expect(orders.directory).toBe(join(root, 'apps', 'orders'));
    expect(Object.keys(orders.functions).sort()).toEqual([
      'applyCatalogChange',
      'authorizePaymentWebhook',
      'cancelOrder',
      'confirmOrRejectOrder',
      'expireOrder',
      'getOrder',
      'listCustomerOrders',
      'placeOrder',
      'publishOutbox',
      'recordPayment',
    ]);
    expect(orders.functions.placeOrder).toMatchObject({
      id: 'orders.placeOrder',
      key: 'placeOrder',
      handlerPath: join(root, 'apps', 'orders', 'src', 'place-order.handler.ts'),
      timeoutSeconds: 10,
    });
    expect(orders.functions.listCustomerOrders.tables[0]).toMatchObject({ table: 'orders', indexes: ['byCustomer'] });
    expect(orders.tables.orders).toMatchObject({ stream: 'NEW_AND_OLD_IMAGES', ttlAttribute: 'expiresAt' });
    expect(orders.tables['orders-idempotency'].hashKey).toEqual({ name: 'id', type: 'S' });
    expect(orders.events.publishes.eventbridge?.source).toBe('harbor.orders');
    expect(orders.functions.publishOutbox.publishes).toEqual([
      { bus: 'events', env: 'EVENT_BUS_NAME' },
      { topic: 'order-status', env: 'ORDER_STATUS_TOPIC_ARN' },
    ]);
    expect(orders.events.streams['outbox-relay']).toMatchObject({
      table: 'orders',
      function: 'publishOutbox',
      startingPosition: 'TRIM_HORIZON',
      reportBatchItemFailures: true,
    });
  });

  it('keeps the OpenAPI document as parsed, placeholders unresolved', () => {
    const paths = orders.openapi?.paths as Record<string, Record<string, Record<string, { uri?: string }>>>;
    expect(paths['/orders'].post['x-amazon-apigateway-integration'].uri).toBe('${lambda_invoke_arns.placeOrder}');
  });
});

describe('loadServiceDefinitions defaults', () => {
  const workspace = new TempWorkspace();
  afterAll(() => workspace.remove());

  it("fills omitted settings with AWS's defaults", () => {
    workspace
      .set('orders', 'functions', ['functions', 'onOrderPlaced'], {
        handler: 'src/place-order.handler.ts',
        memoryMb: 128,
        timeoutSeconds: 3,
      })
      .set('orders', 'events', ['rules'], {
        'order-placed': { bus: 'events', eventPattern: { source: ['harbor.orders'] }, function: 'onOrderPlaced' },
      })
      .set('orders', 'events', ['streams'], {
        outbox: { table: 'orders', function: 'onOrderPlaced', startingPosition: 'TRIM_HORIZON' },
      });
    const [orders] = loadServiceDefinitions(workspace.root);
    expect(orders.functions.onOrderPlaced).toMatchObject({ environment: {}, tables: [], publishes: [] });
    expect(orders.events.rules['order-placed']).toMatchObject({
      retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeSeconds: 86400 },
      deadLetterQueue: false,
    });
    expect(orders.events.streams.outbox).toMatchObject({
      startingPosition: 'TRIM_HORIZON',
      batchSize: 100,
      filterPatterns: [],
      maximumRetryAttempts: -1,
      bisectBatchOnFunctionError: false,
      reportBatchItemFailures: false,
      deadLetterQueue: false,
    });
  });
});
