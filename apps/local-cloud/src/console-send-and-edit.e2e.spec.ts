import { findWorkspaceRoot } from '@harbor/platform-service-definitions';
import { randomUUID } from 'node:crypto';
import { eventually, putOnSale, startLocalCloudForTests } from '../test/support/local-cloud-under-test';
import type { RunningLocalCloud } from './start-local-cloud';

/**
 * The console's sending and editing (issue 20) over HTTP, as the console page does it: a message published to a
 * topic and an event put on the bus reach the declared consumers, and an outbox record added to the catalog table
 * through the console fires the table's stream, whose relay puts it on the bus for orders' price copy.
 */
const workspaceRoot = findWorkspaceRoot(__dirname);
const EVENTUALLY_MS = 30_000;
const ENV = 'e2e';

let cloud: RunningLocalCloud;

type Hop = { kind: string; name: string; correlationId: string; status: string; detail?: Record<string, unknown> };
type Answer = { status: number; type: string | null; body: Record<string, unknown> };

async function send(method: string, path: string, body?: unknown): Promise<Answer> {
  const response = await fetch(`${cloud.endpoints.aws}/_local${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

const hopsOf = async (correlationId: string) =>
  ((await send('GET', `/hops?limit=20000`)).body['hops'] as Hop[]).filter((hop) => hop.correlationId === correlationId);

/** The envelope the catalog's outbox holds for a ProductPriced (libs/contracts). */
const productPriced = (sku: string, amountMinor: number, version: number, correlationId: string) => ({
  eventId: randomUUID(),
  eventType: 'ProductPriced',
  version: 1,
  occurredAt: new Date().toISOString(),
  correlationId,
  causationId: correlationId,
  payload: { sku, name: `Product ${sku}`, prices: [{ currency: 'EUR', amountMinor }], version },
});

const priceInOrders = async (sku: string) => {
  const page = await send('GET', `/tables/harbor-${ENV}-orders-prices/query?pk=${encodeURIComponent(sku)}`);
  return (page.body['items'] as { prices?: unknown; version?: number }[])[0];
};

beforeAll(async () => {
  cloud = await startLocalCloudForTests(workspaceRoot, () => undefined);
}, 60_000);
afterAll(async () => {
  await cloud?.close();
});

describe('publishing from the console', () => {
  const topic = `harbor-${ENV}-order-status`;

  it('names the receiving subscriptions first, then publishes through SNS to exactly those', async () => {
    const correlationId = `console-publish-${randomUUID()}`;
    const attributes = {
      eventType: { Type: 'String', Value: 'OrderStatusChanged' },
      status: { Type: 'String', Value: 'SHIPPED' },
      correlationId: { Type: 'String', Value: correlationId },
    };
    const message = { body: { orderId: 'o-console', status: 'SHIPPED' }, attributes };
    const preview = await send('POST', '/recipients', { topic, message });
    const matching = (preview.body['recipients'] as { name: string; matches: boolean }[])
      .filter((recipient) => recipient.matches)
      .map((recipient) => recipient.name);
    expect(matching).toContain('notifications-order-status-push');
    expect(matching).not.toContain('notifications-order-confirmed');

    const sent = await send('POST', '/publish', { topic, message });
    expect(sent).toMatchObject({ status: 200, body: { messageId: expect.any(String), correlationId } });
    const hops = await eventually(async () => {
      const found = await hopsOf(correlationId);
      expect(found.some((hop) => hop.kind === 'invoke')).toBe(true);
      return found;
    }, EVENTUALLY_MS);
    const publishHop = hops.find((hop) => hop.kind === 'publish');
    expect(publishHop?.detail?.['deliveredTo']).toEqual(matching);
  });

  // https://docs.aws.amazon.com/sns/latest/api/API_Publish.html: "the total size limit ... is 262,144 bytes".
  it('refuses what SNS refuses, as problem+json, and an unknown topic as 404', async () => {
    const tooLong = await send('POST', '/publish', { topic, message: { body: 'x'.repeat(262_145) } });
    expect(tooLong).toMatchObject({ status: 400, type: 'application/problem+json' });
    expect(tooLong.body['detail']).toContain('Message too long');
    expect(await send('POST', '/publish', { topic: 'nope', message: { body: 'x' } })).toMatchObject({ status: 404 });
    expect(await send('POST', '/publish', '{"topic":')).toMatchObject({ status: 400 });
  });

  it("puts an event on the bus through EventBridge: orders' catalog-prices rule applies it", async () => {
    const sku = `CONSOLE-EV-${randomUUID().slice(0, 8).toUpperCase()}`;
    await putOnSale(cloud, [sku], { EUR: 990 });
    const correlationId = `console-put-${randomUUID()}`;
    const detail = productPriced(sku, 4321, 2, correlationId);
    const event = { source: 'harbor.catalog', 'detail-type': 'ProductPriced', detail };
    const preview = await send('POST', '/recipients', { event });
    expect(preview.body['recipients']).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'catalog-prices', matches: true })]),
    );
    const sent = await send('POST', '/put-events', { event });
    expect(sent).toMatchObject({ status: 200, body: { eventId: expect.any(String), correlationId } });
    await eventually(async () => expect(await priceInOrders(sku)).toMatchObject({ version: 2 }), EVENTUALLY_MS);
    expect((await hopsOf(correlationId)).map((hop) => hop.kind)).toContain('put-events');

    const refused = await send('POST', '/put-events', { event: { source: 'aws.s3', 'detail-type': 'X', detail: {} } });
    expect(refused).toMatchObject({ status: 400, type: 'application/problem+json' });
    expect(refused.body['detail']).toContain('NotAuthorizedForSourceException');
  });
});

describe('editing a table from the console', () => {
  const catalog = `harbor-${ENV}-catalog`;

  it("adds an outbox record through DynamoDB: the stream's relay publishes it and orders applies it", async () => {
    const sku = `CONSOLE-TB-${randomUUID().slice(0, 8).toUpperCase()}`;
    await putOnSale(cloud, [sku], { EUR: 990 });
    const outbox = await send(
      'GET',
      `/tables/${catalog}/query?pk=${encodeURIComponent(`PRODUCT#${sku}`)}&skOp=begins_with&sk=OUTBOX%23`,
    );
    const [record] = outbox.body['items'] as Record<string, unknown>[];
    expect(record).toMatchObject({ envelope: expect.any(String) });

    const correlationId = `console-edit-${randomUUID()}`;
    const envelope = productPriced(sku, 1234, 2, correlationId);
    // A new, unpublished record: the old one's attributes but its own key, envelope and no publishedAt.
    const unpublished = Object.fromEntries(Object.entries(record).filter(([name]) => name !== 'publishedAt'));
    const item = {
      ...unpublished,
      sk: `OUTBOX#${envelope.eventId}`,
      envelope: JSON.stringify(envelope),
      correlationId,
    };
    expect(await send('POST', `/tables/${catalog}/items`, { item })).toMatchObject({ status: 201 });

    await eventually(async () => expect(await priceInOrders(sku)).toMatchObject({ version: 2 }), EVENTUALLY_MS);
    // The stream's hop is recorded when publishOutbox returns, which can be after orders applied the event it put.
    await eventually(
      async () =>
        expect(await hopsOf(correlationId)).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ kind: 'stream', name: `${catalog} → catalog.publishOutbox` }),
          ]),
        ),
      EVENTUALLY_MS,
    );
    expect(await send('POST', `/tables/${catalog}/items`, { item })).toMatchObject({ status: 409 });
  });

  it('refuses an unknown table, a bad key and broken JSON, writing nothing', async () => {
    expect(await send('PUT', '/tables/harbor-e2e-nope/items', { item: { pk: 'x' } })).toMatchObject({ status: 404 });
    const noSortKey = await send('PUT', `/tables/${catalog}/items`, { item: { pk: 'PRODUCT#NOPE' } });
    expect(noSortKey).toMatchObject({ status: 400, type: 'application/problem+json' });
    expect(await send('PUT', `/tables/${catalog}/items`, '{"item":')).toMatchObject({ status: 400 });
    const written = await send('GET', `/tables/${catalog}/query?pk=${encodeURIComponent('PRODUCT#NOPE')}`);
    expect(written.body['items']).toEqual([]);
  });
});
