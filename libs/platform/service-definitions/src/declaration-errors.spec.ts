import { loadServiceDefinitions } from './load-service-definitions';
import { ServiceDefinitionError } from './service-definition.error';
import { TempWorkspace } from '../test/temp-workspace';

/** The problems loading reports, or a failure if it loads. */
function problemsOf(workspace: TempWorkspace): readonly string[] {
  try {
    loadServiceDefinitions(workspace.root);
  } catch (error) {
    if (error instanceof ServiceDefinitionError) return error.problems;
    throw error;
  }
  throw new Error('expected the declarations to be rejected');
}

const FUNCTIONS = 'apps/orders/api/functions.yaml';
const TABLES = 'apps/orders/api/tables.yaml';
const EVENTS = 'apps/orders/api/events.yaml';

describe('declaration errors name the file and the field', () => {
  let workspace: TempWorkspace;
  beforeEach(() => (workspace = new TempWorkspace()));
  afterEach(() => workspace.remove());

  it('accepts the unbroken copy, so each case below fails for its own reason', () => {
    expect(loadServiceDefinitions(workspace.root).map((service) => service.name)).toEqual(['orders']);
  });

  it('rejects a key type other than S, N or B', () => {
    workspace.set('orders', 'tables', ['tables', 'orders', 'hashKey', 'type'], 'X');
    expect(problemsOf(workspace)).toEqual([`${TABLES}: tables.orders.hashKey.type: expected S, N or B`]);
  });

  it('reports a missing required field', () => {
    workspace.set('orders', 'functions', ['functions', 'getOrder', 'memoryMb'], undefined);
    expect(problemsOf(workspace)).toEqual([`${FUNCTIONS}: functions.getOrder.memoryMb: required`]);
  });

  it('reports an unknown field at its own path', () => {
    workspace.set('orders', 'tables', ['tables', 'orders', 'streamm'], 'NEW_IMAGE');
    expect(problemsOf(workspace)).toEqual([`${TABLES}: tables.orders.streamm: unknown field`]);
  });

  it('rejects a key attribute declared with two types', () => {
    workspace.set('orders', 'tables', ['tables', 'orders', 'globalSecondaryIndexes', 0, 'hashKey'], {
      name: 'pk',
      type: 'N',
    });
    expect(problemsOf(workspace)).toEqual([
      `${TABLES}: tables.orders.globalSecondaryIndexes.0.hashKey.type: attribute pk is declared as S elsewhere`,
    ]);
  });

  it("rejects a function's table that tables.yaml does not declare", () => {
    workspace.set('orders', 'functions', ['functions', 'getOrder', 'tables', 0, 'table'], 'order');
    expect(problemsOf(workspace)).toEqual([
      `${FUNCTIONS}: functions.getOrder.tables.0.table: unknown table order (not in ${TABLES})`,
    ]);
  });

  it("rejects a function's secret that functions.yaml does not declare, and a secret without its local value", () => {
    workspace.set(
      'orders',
      'functions',
      ['functions', 'authorizePaymentWebhook', 'secrets', 0, 'secret'],
      'no-such-secret',
    );
    workspace.set('orders', 'functions', ['secrets', 'payment-webhook', 'localValue'], undefined);
    expect(problemsOf(workspace)).toEqual([`${FUNCTIONS}: secrets.payment-webhook.localValue: required`]);
    workspace.set('orders', 'functions', ['secrets', 'payment-webhook', 'localValue'], 'x');
    expect(problemsOf(workspace)).toEqual([
      `${FUNCTIONS}: functions.authorizePaymentWebhook.secrets.0.secret: unknown secret no-such-secret (not in ${FUNCTIONS} secrets)`,
    ]);
  });

  it("rejects a function's schedule group that functions.yaml does not declare, and a group whose target is no function", () => {
    workspace.set('orders', 'functions', ['functions', 'cancelOrder', 'schedules', 0, 'schedule'], 'no-such-group');
    workspace.set('orders', 'functions', ['schedules', 'payment-deadline', 'target'], 'noSuchFunction');
    expect(problemsOf(workspace)).toEqual([
      `${FUNCTIONS}: functions.cancelOrder.schedules.0.schedule: unknown schedule no-such-group (not in ${FUNCTIONS} schedules)`,
      `${FUNCTIONS}: schedules.payment-deadline.target: unknown function noSuchFunction (not in ${FUNCTIONS})`,
    ]);
  });

  it('rejects a retry policy beyond what EventBridge Scheduler allows', () => {
    workspace.set('orders', 'functions', ['schedules', 'payment-deadline', 'retryPolicy', 'maximumRetryAttempts'], 186);
    expect(problemsOf(workspace)).toEqual([
      `${FUNCTIONS}: schedules.payment-deadline.retryPolicy.maximumRetryAttempts: Too big: expected number to be <=185`,
    ]);
  });

  it('rejects an index the table does not have', () => {
    workspace.set('orders', 'functions', ['functions', 'listCustomerOrders', 'tables', 0, 'indexes'], ['byStatus']);
    expect(problemsOf(workspace)).toEqual([
      `${FUNCTIONS}: functions.listCustomerOrders.tables.0.indexes.0: table orders has no index byStatus`,
    ]);
  });

  it('refuses actions written in functions.yaml, saying grants are derived and by what', () => {
    workspace.set('orders', 'functions', ['functions', 'getOrder', 'tables', 0, 'actions'], ['dynamodb:GetItem']);
    workspace.set(
      'orders',
      'functions',
      ['functions', 'cancelOrder', 'schedules', 0, 'actions'],
      ['scheduler:DeleteSchedule'],
    );
    const derived =
      "grants are now derived from the adapters' access descriptors (*.access.ts): remove `actions` (`npm run iam` writes them to access.generated.json beside this file)";
    expect(problemsOf(workspace)).toEqual([
      `${FUNCTIONS}: functions.getOrder.tables.0.actions: ${derived}`,
      `${FUNCTIONS}: functions.cancelOrder.schedules.0.actions: ${derived}`,
    ]);
  });

  it('rejects a generated grant of a function functions.yaml does not declare', () => {
    workspace.writeText('apps/orders/api/access.generated.json', JSON.stringify({ functions: { refundOrder: {} } }));
    expect(problemsOf(workspace)).toEqual([
      'apps/orders/api/access.generated.json: functions.refundOrder: no such function in apps/orders/api/functions.yaml (run npm run iam)',
    ]);
  });

  it('rejects a handler file that does not exist', () => {
    workspace.set('orders', 'functions', ['functions', 'getOrder', 'handler'], 'src/get-orders.handler.ts');
    expect(problemsOf(workspace)).toEqual([
      `${FUNCTIONS}: functions.getOrder.handler: file src/get-orders.handler.ts does not exist in apps/orders`,
    ]);
  });

  it('rejects subscriptions, rules and streams that target unknown functions', () => {
    workspace
      .set('orders', 'events', ['topics'], { 'order-status': { description: 'status changes' } })
      .set('orders', 'events', ['subscriptions'], { notify: { topic: 'order-status', function: 'notify' } })
      .set('orders', 'events', ['rules'], {
        placed: { bus: 'events', eventPattern: { source: ['harbor.orders'] }, function: 'onPlaced' },
      })
      .set('orders', 'events', ['streams'], {
        outbox: { table: 'orders', function: 'relay', startingPosition: 'LATEST' },
      });
    expect(problemsOf(workspace)).toEqual([
      `${EVENTS}: subscriptions.notify.function: unknown function notify (not in ${FUNCTIONS})`,
      `${EVENTS}: rules.placed.function: unknown function onPlaced (not in ${FUNCTIONS})`,
      `${EVENTS}: streams.outbox.function: unknown function relay (not in ${FUNCTIONS})`,
    ]);
  });

  it('rejects a stream on a table that declares none, and a subscription to an unknown topic', () => {
    workspace
      .set('orders', 'events', ['streams'], {
        idempotency: { table: 'orders-idempotency', function: 'getOrder', startingPosition: 'LATEST' },
      })
      .set('orders', 'events', ['subscriptions'], { notify: { topic: 'nowhere', function: 'getOrder' } });
    expect(problemsOf(workspace)).toEqual([
      `${EVENTS}: subscriptions.notify.topic: unknown topic nowhere (no service declares it)`,
      `${EVENTS}: streams.idempotency.table: table orders-idempotency declares no stream in ${TABLES}`,
    ]);
  });

  it('rejects a stream mapping without a starting position, with too many filters or with an option it does not emulate', () => {
    const pattern = { eventName: ['INSERT'] };
    workspace.set('orders', 'events', ['streams'], {
      outbox: {
        table: 'orders',
        function: 'getOrder',
        filterPatterns: Array.from({ length: 6 }, () => pattern),
        parallelizationFactor: 2,
      },
      late: { table: 'orders', function: 'getOrder', startingPosition: 'AT_TIMESTAMP' },
    });
    expect(problemsOf(workspace)).toEqual([
      `${EVENTS}: streams.outbox.startingPosition: required`,
      `${EVENTS}: streams.outbox.filterPatterns: at most 5 filter patterns per event source mapping`,
      `${EVENTS}: streams.outbox.parallelizationFactor: unknown field`,
      `${EVENTS}: streams.late.startingPosition: expected TRIM_HORIZON or LATEST (DynamoDB streams have no AT_TIMESTAMP)`,
    ]);
  });

  it('rejects an OpenAPI integration that names an unknown function', () => {
    workspace.set(
      'orders',
      'openapi',
      ['paths', '/orders', 'get', 'x-amazon-apigateway-integration', 'uri'],
      '${lambda_invoke_arns.listOrders}',
    );
    expect(problemsOf(workspace)).toEqual([
      `apps/orders/api/openapi.yaml: paths./orders.get.x-amazon-apigateway-integration.uri: unknown function listOrders (not in ${FUNCTIONS})`,
    ]);
  });

  it('rejects @connections calls without a WebSocket API, and methods @connections does not have', () => {
    workspace.set('orders', 'functions', ['functions', 'placeOrder', 'connections'], ['POST']);
    expect(problemsOf(workspace)).toEqual([
      `${FUNCTIONS}: functions.placeOrder.connections: calls @connections, but the service declares no apps/orders/api/websocket.yaml`,
    ]);
    workspace.set('orders', 'functions', ['functions', 'placeOrder', 'connections'], ['PUT']);
    expect(problemsOf(workspace)).toEqual([
      `${FUNCTIONS}: functions.placeOrder.connections.0: expected POST, GET or DELETE (the @connections method)`,
    ]);
  });

  it('names the line of a YAML syntax error', () => {
    workspace.write('orders', 'events', 'topics: {}\nrules: [unclosed\n');
    expect(problemsOf(workspace)).toEqual([
      expect.stringMatching(/^apps\/orders\/api\/events\.yaml: line \d+, column \d+: /),
    ]);
  });

  it('rejects a table key two services declare', () => {
    workspace
      .writeText('apps/inventory/api/tables.yaml', 'tables:\n  orders:\n    hashKey: { name: pk, type: S }\n')
      .writeText('apps/inventory/api/functions.yaml', 'functions: {}\n');
    expect(problemsOf(workspace)).toEqual([
      'apps/orders/api/tables.yaml: tables.orders: table orders is already declared by service inventory',
    ]);
  });

  it('points out a .yml file, which nothing would read', () => {
    workspace.writeText('apps/orders/api/events.yml', 'topics: {}\n');
    expect(problemsOf(workspace)).toEqual([
      'apps/orders/api/events.yml: (file): rename it to events.yaml (only .yaml is read)',
    ]);
  });

  it('rejects publishing SNS events to a topic the service does not own', () => {
    workspace.set('orders', 'events', ['publishes', 'sns'], { topic: 'audit-log', events: ['OrderStatusChanged'] });
    expect(problemsOf(workspace)).toEqual([
      `${EVENTS}: publishes.sns.topic: topic audit-log is not one of this service's topics`,
    ]);
  });

  it('lists every problem at once', () => {
    workspace
      .set('orders', 'tables', ['tables', 'orders', 'hashKey', 'type'], 'X')
      .set('orders', 'functions', ['functions', 'placeOrder', 'timeoutSeconds'], 0);
    const problems = problemsOf(workspace);
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toContain(`${FUNCTIONS}: functions.placeOrder.timeoutSeconds:`);
    expect(() => loadServiceDefinitions(workspace.root)).toThrow(/Invalid service declarations:\n {2}apps\/orders/);
  });
});
