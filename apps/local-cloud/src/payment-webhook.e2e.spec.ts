import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { findWorkspaceRoot, loadServiceDefinitions } from '@harbor/platform-service-definitions';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import {
  eventually,
  localToken,
  placeOrderAs,
  putOnSale,
  startLocalCloudForTests,
} from '../test/support/local-cloud-under-test';
import { DEFAULT_LOCAL_API_KEY } from './config';
import type { RunningLocalCloud } from './start-local-cloud';

/**
 * The payment webhook as the provider calls it: POST /payments/webhook goes from API Gateway straight to the
 * payment-events topic (an SNS service integration with a VTL template, no Lambda), behind an API key and a
 * REQUEST authorizer checking the HMAC signature; orders' subscription marks the order PAID.
 */
const workspaceRoot = findWorkspaceRoot(__dirname);
const orders = loadServiceDefinitions(workspaceRoot, { checkHandlerFiles: false }).find(
  (service) => service.name === 'orders',
)!;
// The shared secret the local Secrets Manager holds for the authorizer (functions.yaml secrets, its localValue).
const secret = orders.secrets['payment-webhook']!.localValue;
let cloud: RunningLocalCloud;
const functionLogs: string[] = [];

beforeAll(async () => {
  cloud = await startLocalCloudForTests(workspaceRoot, (functionId, line) =>
    functionLogs.push(`${functionId} ${line}`),
  );
  await putOnSale(cloud, ['SKU-1']);
}, 60_000);
afterAll(() => cloud?.close());

type Hop = { kind: string; name: string; status: string; detail?: Record<string, unknown> };
const hopsOf = async (correlationId: string): Promise<Hop[]> =>
  (
    (await (
      await fetch(`${cloud.endpoints.aws}/_local/traces?correlationId=${encodeURIComponent(correlationId)}`)
    ).json()) as { hops: Hop[] }
  ).hops;

/** What the provider sends: the digest of the exact body bytes, and an HMAC over timestamp and digest. */
function signed(body: string, key = secret): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const digest = createHash('sha256').update(body, 'utf8').digest('hex');
  const signature = createHmac('sha256', key).update(`${timestamp}.${digest}`).digest('hex');
  return {
    'x-harbor-timestamp': timestamp,
    'x-harbor-content-sha256': digest,
    'x-harbor-signature': `v1=${signature}`,
  };
}

async function postWebhook(body: string, headers: Record<string, string>) {
  const response = await fetch(`${cloud.endpoints.restApi}/payments/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return {
    status: response.status,
    requestId: response.headers.get('x-amzn-requestid') ?? '',
    json: (await response.json()) as Record<string, unknown>,
  };
}

const notification = (orderId: string, overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    notificationId: randomUUID(),
    eventType: 'PaymentSucceeded',
    paymentId: `pay_${randomUUID()}`,
    orderId,
    amount: { amountMinor: 2500, currency: 'EUR' },
    occurredAt: new Date().toISOString(),
    ...overrides,
  });

/** Text that breaks naive templates: JSON and VTL syntax, control characters, surrogate pairs. */
const NASTY_TEXT =
  'She said "paid" \\o/ \'twice\'\nline 2\t#set($x = 1) $input.body ${topic} #if(true) & = + % ü 漢字 😀 \u2028 end';

async function placeAndConfirmOrder(): Promise<{ orderId: string; token: string }> {
  const token = await localToken(cloud, { sub: `e2e-payer-${randomUUID()}` });
  const { orderId } = await placeOrderAs(cloud, token, [{ sku: 'SKU-1', quantity: 2 }]);
  // Inventory's answer, put on the bus as its relay would: orders' stock-outcome rule confirms the order.
  const events = new EventBridgeClient({
    endpoint: cloud.endpoints.aws,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const envelope = {
    eventId: randomUUID(),
    eventType: 'StockReserved',
    version: 1,
    occurredAt: new Date().toISOString(),
    correlationId: `e2e-${orderId}`,
    causationId: orderId,
    payload: { orderId, lines: [{ sku: 'SKU-1', quantity: 2 }] },
  };
  const put = await events.send(
    new PutEventsCommand({
      Entries: [
        {
          EventBusName: 'harbor-e2e-events',
          Source: 'harbor.inventory',
          DetailType: 'StockReserved',
          Detail: JSON.stringify(envelope),
        },
      ],
    }),
  );
  events.destroy();
  expect(put.FailedEntryCount).toBe(0);
  // Generous: the first delivery bundles and cold-starts the consumer, on a machine busy with other test runs.
  await eventually(async () => expect(await statusOf(orderId, token)).toBe('CONFIRMED'), 20_000);
  return { orderId, token };
}

async function statusOf(orderId: string, token: string): Promise<string> {
  const response = await fetch(`${cloud.endpoints.restApi}/orders/${orderId}`, { headers: { authorization: token } });
  return ((await response.json()) as { status: string }).status;
}

describe('the webhook secret, from the local Secrets Manager', () => {
  const client = () =>
    new SecretsManagerClient({
      endpoint: cloud.endpoints.aws,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });

  // https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html
  it('answers GetSecretValue by name and by ARN, and ResourceNotFoundException for a secret nobody declares', async () => {
    const sdk = client();
    try {
      const byName = await sdk.send(new GetSecretValueCommand({ SecretId: 'harbor-e2e-orders-payment-webhook' }));
      expect(byName).toMatchObject({
        Name: 'harbor-e2e-orders-payment-webhook',
        SecretString: secret,
        VersionStages: ['AWSCURRENT'],
      });
      expect(byName.ARN).toMatch(
        /^arn:aws:secretsmanager:eu-west-1:\d{12}:secret:harbor-e2e-orders-payment-webhook-[A-Za-z0-9]{6}$/,
      );
      expect((await sdk.send(new GetSecretValueCommand({ SecretId: byName.ARN! }))).SecretString).toBe(secret);
      await expect(
        sdk.send(new GetSecretValueCommand({ SecretId: 'harbor-e2e-orders-nothing' })),
      ).rejects.toMatchObject({ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 400 } });
    } finally {
      sdk.destroy();
    }
  });

  it('is what the authorizer checks signatures with: a call signed with it is allowed, one signed otherwise is not', async () => {
    const body = notification(randomUUID(), { eventType: 'PaymentFailed' });
    const allowed = await postWebhook(body, { 'x-api-key': DEFAULT_LOCAL_API_KEY, ...signed(body) });
    const refused = await postWebhook(body, {
      'x-api-key': DEFAULT_LOCAL_API_KEY,
      ...signed(body, 'another-secret-of-at-least-thirty-two-characters'),
    });
    expect([allowed.status, refused.status]).toEqual([200, 403]);
  });
});

describe('POST /payments/webhook → payment-events (SNS service integration)', () => {
  it('publishes a signed call with the API key and answers the SNS message id', async () => {
    const body = notification(randomUUID(), { eventType: 'PaymentFailed' });
    const response = await postWebhook(body, { 'x-api-key': DEFAULT_LOCAL_API_KEY, ...signed(body) });

    expect(response.status).toBe(200);
    expect(Object.keys(response.json)).toEqual(['messageId']);
    expect(response.json['messageId']).toMatch(/^[0-9a-f-]{36}$/);
    const publish = (await hopsOf(response.requestId)).find((hop) => hop.kind === 'publish');
    expect(publish).toMatchObject({
      name: 'harbor-e2e-payment-events',
      status: 'ok',
      detail: expect.objectContaining({ messageId: response.json['messageId'] }),
    });
    // PaymentFailed is not for orders: its subscription's filter policy holds it back.
    expect(publish?.detail?.['filteredOut']).toEqual([expect.objectContaining({ subscription: 'orders-payments' })]);
    // notifications' subscription selects exactly PaymentFailed.
    expect(publish?.detail?.['deliveredTo']).toEqual(['notifications-payment-failed']);
  }, 30_000);

  it.each([
    [
      'no signature',
      401,
      (body: string) => ({
        'x-api-key': DEFAULT_LOCAL_API_KEY,
        'x-harbor-timestamp': signed(body)['x-harbor-timestamp']!,
      }),
    ],
    [
      'a signature made with another secret',
      403,
      (body: string) => ({
        'x-api-key': DEFAULT_LOCAL_API_KEY,
        ...signed(body, 'not-the-shared-secret-of-the-provider'),
      }),
    ],
    [
      'a signature of another body',
      403,
      (body: string) => ({
        'x-api-key': DEFAULT_LOCAL_API_KEY,
        ...signed(body),
        'x-harbor-content-sha256': createHash('sha256').update('other').digest('hex'),
      }),
    ],
    ['a valid signature but no API key', 403, (body: string) => signed(body)],
  ])(
    'refuses a call with %s (%i) and publishes nothing',
    async (_, status, headersFor) => {
      const body = notification(randomUUID());
      const response = await postWebhook(body, headersFor(body));

      expect(response.status).toBe(status);
      expect(response.json).not.toHaveProperty('messageId');
      const hops = await hopsOf(response.requestId);
      expect(hops.map((hop) => hop.kind)).toContain('http');
      expect(hops.filter((hop) => hop.kind === 'publish')).toEqual([]);
    },
    30_000,
  );

  it('refuses a body that breaks the model with 400 and publishes nothing', async () => {
    const body = notification(randomUUID(), { amount: { amountMinor: -1, currency: 'EUR' } });
    const response = await postWebhook(body, { 'x-api-key': DEFAULT_LOCAL_API_KEY, ...signed(body) });
    expect(response.status).toBe(400);
    expect((await hopsOf(response.requestId)).filter((hop) => hop.kind === 'publish')).toEqual([]);
  }, 30_000);

  it('marks a CONFIRMED order PAID, its text (quotes, newline, #, $, unicode) reaching the subscriber byte for byte', async () => {
    const { orderId, token } = await placeAndConfirmOrder();
    const body = notification(orderId, { description: NASTY_TEXT });

    const response = await postWebhook(body, { 'x-api-key': DEFAULT_LOCAL_API_KEY, ...signed(body) });
    expect(response.status).toBe(200);

    // recordPayment acts only on a message whose SHA-256 equals the digest the authorizer verified: PAID proves
    // the message it received is the posted body, every byte of it.
    await eventually(async () => expect(await statusOf(orderId, token)).toBe('PAID'), 20_000);
    const publish = (await hopsOf(response.requestId)).find((hop) => hop.kind === 'publish');
    expect(publish?.detail?.['deliveredTo']).toEqual(['orders-payments']);
    expect(functionLogs.filter((line) => line.includes('not the body its signature covered'))).toEqual([]);
  }, 60_000);

  it('holds back a PaymentSucceeded in a currency Harbor does not settle in', async () => {
    const body = notification(randomUUID(), { amount: { amountMinor: 2500, currency: 'JPY' } });
    const response = await postWebhook(body, { 'x-api-key': DEFAULT_LOCAL_API_KEY, ...signed(body) });
    expect(response.status).toBe(200);
    const publish = (await hopsOf(response.requestId)).find((hop) => hop.kind === 'publish');
    // Held back from every subscriber: orders' by its currencies, notifications' because it is no PaymentFailed.
    expect(publish?.detail).toMatchObject({
      deliveredTo: [],
      filteredOut: expect.arrayContaining([
        expect.objectContaining({ subscription: 'orders-payments' }),
        expect.objectContaining({ subscription: 'notifications-payment-failed' }),
      ]),
    });
  }, 30_000);
});
