import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { signedHeaders } from '@harbor/local-cloud-auth';
import { randomUUID } from 'node:crypto';
import { readConfig } from '../../src/config';
import { startLocalCloud, type RunningLocalCloud } from '../../src/start-local-cloud';

/** Every endpoint on a free port, DynamoDB in memory, no file watching: test runs never collide. */
export const FREE_PORTS = {
  HARBOR_REST_PORT: '0',
  HARBOR_HTTP_API_PORT: '0',
  HARBOR_WEBSOCKET_PORT: '0',
  HARBOR_AWS_PORT: '0',
  HARBOR_DYNAMODB_PORT: '0',
  HARBOR_HOT_RELOAD: 'false',
  HARBOR_ENV: 'e2e',
};

/** Starts the local cloud on the services of `workspaceRoot`, as `npm start -- --in-memory` would. */
export const startLocalCloudForTests = (
  workspaceRoot: string,
  log?: (functionId: string, line: string) => void,
  flags: readonly string[] = [],
  warn?: (line: string) => void,
): Promise<RunningLocalCloud> =>
  startLocalCloud(readConfig(['--in-memory', ...flags], FREE_PORTS, workspaceRoot), {
    workspaceRoot,
    ...(log ? { log } : {}),
    ...(warn ? { warn } : {}),
  });

/** A token from the local issuer (`POST /_local/token`), as a client would get one. */
export async function localToken(cloud: RunningLocalCloud, request: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${cloud.endpoints.aws}/_local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (response.status !== 200)
    throw new Error(`POST /_local/token answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/**
 * POST /orders as a customer would: a fresh idempotency key, the correlation id when given, lines of EUR SKUs.
 * Throws with the answer unless the order was placed (201); resolves to the order as the API answered it.
 */
export async function placeOrderAs<Order = { orderId: string }>(
  cloud: RunningLocalCloud,
  token: string,
  lines: readonly { readonly sku: string; readonly quantity: number }[],
  correlationId?: string,
): Promise<Order> {
  const response = await fetch(`${cloud.endpoints.restApi}/orders`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
      ...(correlationId === undefined ? {} : { 'x-correlation-id': correlationId }),
      authorization: token,
    },
    body: JSON.stringify({ currency: 'EUR', lines }),
  });
  if (response.status !== 201) throw new Error(`POST /orders answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Order;
}

/** Waits until `check` stops throwing (events reach sockets and registries asynchronously). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 3000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** A raw call to the AWS endpoint, signed with the local credentials as any SDK would sign it. */
export async function signedAwsFetch(
  cloud: RunningLocalCloud,
  service: string,
  headers: Record<string, string>,
  body: string,
): Promise<Response> {
  const signed = await signedHeaders(cloud.endpoints.aws, headers, body, {
    service,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return fetch(cloud.endpoints.aws, { method: 'POST', headers: signed, body });
}

/**
 * Puts SKUs on sale through the catalog's admin API and waits until orders' copy of the catalog holds each price
 * (it travels through the catalog's outbox relay, the bus and the catalog-prices rule): from then on POST /orders
 * prices lines of these SKUs. Prices in minor units by currency; EUR 12.50 unless told.
 */
export async function putOnSale(
  cloud: RunningLocalCloud,
  skus: readonly string[],
  prices: Readonly<Record<string, number>> = { EUR: 1250 },
): Promise<void> {
  const admin = await localToken(cloud, { sub: 'e2e-catalog-admin', scopes: ['catalog/admin'] });
  const catalog = new DynamoDBClient({
    endpoint: cloud.endpoints.aws,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await Promise.all(
      skus.map(async (sku) => {
        const response = await fetch(`${cloud.endpoints.httpApi}/catalog/products/${sku}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
          body: JSON.stringify({
            name: `Product ${sku}`,
            prices: Object.entries(prices).map(([currency, amountMinor]) => ({ currency, amountMinor })),
          }),
        });
        if (response.status !== 200 && response.status !== 201)
          throw new Error(`PUT /catalog/products/${sku} answered ${response.status}: ${await response.text()}`);
        const { version } = (await response.json()) as { version: number };
        await eventually(async () => {
          const { Item } = await catalog.send(
            new GetItemCommand({
              TableName: `harbor-${FREE_PORTS.HARBOR_ENV}-orders-prices`,
              Key: { sku: { S: sku } },
            }),
          );
          if (Number(Item?.['version']?.N ?? 0) < version)
            throw new Error(`orders has not seen version ${version} of ${sku}'s price yet`);
        }, 30_000);
      }),
    );
  } finally {
    catalog.destroy();
  }
}
