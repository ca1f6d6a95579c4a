import { DynamoDBClient, paginateScan, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { physicalName, type ReliabilityCloud } from './local-cloud';

/** What a client of the local cloud does, over HTTP, as a real client would. */

export interface HttpAnswer<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON, undefined when it is not JSON. */
  readonly json: T | undefined;
}

export async function request<T = unknown>(url: string, init: RequestInit = {}): Promise<HttpAnswer<T>> {
  const response = await fetch(url, init);
  const text = await response.text();
  let json: T | undefined;
  try {
    json = JSON.parse(text) as T;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export interface TokenRequest {
  readonly sub: string;
  readonly groups?: readonly string[];
  readonly scopes?: readonly string[];
  readonly audience?: string;
  readonly expiresInSeconds?: number;
  readonly tokenUse?: 'id' | 'access';
  readonly claims?: Record<string, unknown>;
}

/** A token from the local issuer (`POST /_local/token`), signed with the key the authorizers trust. */
export async function mintToken(cloud: ReliabilityCloud, token: TokenRequest): Promise<string> {
  const answer = await request<{ token: string }>(`${cloud.endpoints.aws}/_local/token`, { method: 'POST', body: JSON.stringify(token) });
  if (answer.status !== 200 || !answer.json) throw new Error(`POST /_local/token answered ${answer.status}: ${answer.text}`);
  return answer.json.token;
}

/** An admin access token (inventory/admin scope), as the inventory HTTP API's JWT authorizer requires. */
export const adminToken = (cloud: ReliabilityCloud): Promise<string> => mintToken(cloud, { sub: `admin-${randomUUID()}`, scopes: ['inventory/admin'] });

export interface StockItem {
  readonly sku: string;
  readonly available: number;
  readonly reserved: number;
}

async function stockRequest(cloud: ReliabilityCloud, token: string, method: 'GET' | 'PUT', sku: string, body?: unknown): Promise<StockItem> {
  const answer = await request<StockItem>(`${cloud.endpoints.httpApi}/inventory/items/${encodeURIComponent(sku)}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (answer.status !== 200 || !answer.json) throw new Error(`${method} /inventory/items/${sku} answered ${answer.status}: ${answer.text}`);
  return answer.json;
}

/** Sets a SKU's available stock through the inventory admin API. */
export const seedStock = async (cloud: ReliabilityCloud, sku: string, available: number): Promise<StockItem> =>
  stockRequest(cloud, await adminToken(cloud), 'PUT', sku, { available });

/** A SKU's stock through the inventory admin API. */
export const stockOf = async (cloud: ReliabilityCloud, sku: string): Promise<StockItem> => stockRequest(cloud, await adminToken(cloud), 'GET', sku);

/** A fresh SKU matching the inventory API's pattern (^[A-Z0-9][A-Z0-9-]{1,31}$). */
export const newSku = (prefix = 'REL'): string => `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;

export interface OrderLine {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice?: { readonly amountMinor: number; readonly currency: string };
}

export interface Order {
  readonly orderId: string;
  readonly customerId: string;
  readonly status: string;
  readonly total: { readonly amountMinor: number; readonly currency: string };
}

export interface Customer {
  readonly customerId: string;
  readonly token: string;
}

/** A customer with an ID token from the local issuer (what the orders REST API's Cognito authorizer wants). */
export async function newCustomer(cloud: ReliabilityCloud, name = 'customer'): Promise<Customer> {
  const customerId = `${name}-${randomUUID()}`;
  return { customerId, token: await mintToken(cloud, { sub: customerId }) };
}

export const orderBody = (lines: readonly OrderLine[]): string =>
  JSON.stringify({ lines: lines.map((line) => ({ unitPrice: { amountMinor: 1250, currency: 'EUR' }, ...line })) });

export interface PlaceOrderOptions {
  readonly idempotencyKey?: string;
  readonly correlationId?: string;
  /** The raw body; default: orderBody(lines). */
  readonly body?: string;
}

/** POST /orders as the customer; the raw answer (201 with the order, or a problem). */
export function placeOrder(cloud: ReliabilityCloud, customer: Customer, lines: readonly OrderLine[], options: PlaceOrderOptions = {}): Promise<HttpAnswer<Order>> {
  return request<Order>(`${cloud.endpoints.restApi}/orders`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': options.idempotencyKey ?? randomUUID(),
      'x-correlation-id': options.correlationId ?? randomUUID(),
      authorization: customer.token,
    },
    body: options.body ?? orderBody(lines),
  });
}

export const getOrder = (cloud: ReliabilityCloud, customer: Customer, orderId: string): Promise<HttpAnswer<Order>> =>
  request<Order>(`${cloud.endpoints.restApi}/orders/${encodeURIComponent(orderId)}`, { headers: { authorization: customer.token } });

const SETTLED = new Set(['CONFIRMED', 'REJECTED', 'CANCELLED', 'PAID']);

/**
 * Polls GET /orders/{id} until every order left PENDING (or `settled` says so), a few at a time; returns the last
 * status of each order id. Throws, naming the stragglers, after `timeoutMs`.
 */
export async function waitUntilSettled(
  cloud: ReliabilityCloud,
  orders: readonly { readonly customer: Customer; readonly orderId: string }[],
  { timeoutMs = 60_000, concurrency = 16, settled = (status: string) => SETTLED.has(status) } = {},
): Promise<Map<string, string>> {
  const statuses = new Map<string, string>();
  let waiting = [...orders];
  const until = Date.now() + timeoutMs;
  while (waiting.length > 0) {
    const stillWaiting: typeof waiting = [];
    for (let i = 0; i < waiting.length; i += concurrency) {
      await Promise.all(
        waiting.slice(i, i + concurrency).map(async (order) => {
          const answer = await getOrder(cloud, order.customer, order.orderId);
          const status = answer.json?.status ?? `HTTP ${answer.status}`;
          statuses.set(order.orderId, status);
          if (!settled(status)) stillWaiting.push(order);
        }),
      );
    }
    waiting = stillWaiting;
    if (waiting.length === 0) break;
    if (Date.now() > until) {
      throw new Error(`${waiting.length} orders did not settle within ${timeoutMs} ms, e.g. ${waiting.slice(0, 3).map((order) => `${order.orderId}=${statuses.get(order.orderId)}`).join(', ')}`);
    }
    await sleep(250);
  }
  return statuses;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` stops throwing. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000, intervalMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await sleep(intervalMs);
    }
  }
}

/** Runs `task` over `items` with at most `concurrency` in flight; results in input order. */
export async function inParallel<I, O>(items: readonly I[], concurrency: number, task: (item: I, index: number) => Promise<O>): Promise<O[]> {
  const results = new Array<O>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

export type Item = Record<string, AttributeValue>;

/** Every item of a table (logical name: orders, inventory, …), read straight from DynamoDB Local, consistently. */
export async function scanTable(cloud: ReliabilityCloud, logical: string): Promise<Item[]> {
  const client = new DynamoDBClient({ endpoint: cloud.endpoints.dynamodb, region: cloud.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    const items: Item[] = [];
    for await (const page of paginateScan({ client }, { TableName: physicalName(cloud, logical), ConsistentRead: true })) items.push(...(page.Items ?? []));
    return items;
  } finally {
    client.destroy();
  }
}

/** The logical names of every service table (from apps/<service>/api/tables.yaml), to snapshot them all. */
export function declaredTables(): string[] {
  const root = join(__dirname, '../../..');
  return ['orders', 'inventory', 'notifications'].flatMap((service) => {
    const declared = parse(readFileSync(join(root, 'apps', service, 'api/tables.yaml'), 'utf8')) as { tables?: Record<string, unknown> };
    return Object.keys(declared.tables ?? {});
  });
}

/** Each table's items, keyed and sorted, so two snapshots compare with toEqual. */
export async function snapshotTables(cloud: ReliabilityCloud, tables: readonly string[] = declaredTables()): Promise<Record<string, string[]>> {
  const entries = await Promise.all(tables.map(async (table) => [table, (await scanTable(cloud, table)).map((item) => JSON.stringify(item, Object.keys(item).sort())).sort()] as const));
  return Object.fromEntries(entries);
}

/** The payment webhook's secret, as the orders service declares it for the local cloud. */
export function paymentWebhookSecret(): string {
  const root = join(__dirname, '../../..');
  const functions = parse(readFileSync(join(root, 'apps/orders/api/functions.yaml'), 'utf8')) as {
    functions: Record<string, { environment?: Record<string, string> }>;
  };
  const secret = functions.functions['authorizePaymentWebhook']?.environment?.['PAYMENT_WEBHOOK_SECRET'];
  if (!secret) throw new Error('apps/orders/api/functions.yaml declares no PAYMENT_WEBHOOK_SECRET for authorizePaymentWebhook');
  return secret;
}

/** The payment provider's signature headers for `body`: its SHA-256 and an HMAC over timestamp and digest. */
export function webhookSignature(body: string, { secret = paymentWebhookSecret(), timestamp = Math.floor(Date.now() / 1000) } = {}): Record<string, string> {
  const digest = createHash('sha256').update(body, 'utf8').digest('hex');
  const signature = createHmac('sha256', secret).update(`${timestamp}.${digest}`).digest('hex');
  return { 'x-harbor-timestamp': String(timestamp), 'x-harbor-content-sha256': digest, 'x-harbor-signature': `v1=${signature}` };
}

export interface RouteSummaries {
  readonly routes: readonly { readonly api: string; readonly method: string; readonly path: string; readonly [key: string]: unknown }[];
  readonly httpApiRoutes: readonly { readonly [key: string]: unknown }[];
  readonly websocketRoutes: readonly { readonly [key: string]: unknown }[];
}

/** GET /_local/routes: every REST, HTTP API and WebSocket route the local cloud serves. */
export async function localRoutes(cloud: ReliabilityCloud): Promise<RouteSummaries> {
  const answer = await request<RouteSummaries>(`${cloud.endpoints.aws}/_local/routes`);
  if (answer.status !== 200 || !answer.json) throw new Error(`GET /_local/routes answered ${answer.status}: ${answer.text}`);
  return answer.json;
}

export interface DeadLetterQueue {
  readonly name: string;
  readonly messages?: readonly unknown[];
  readonly [key: string]: unknown;
}

/** GET /_local/dlq: the dead-letter queues and what they hold. */
export async function deadLetters(cloud: ReliabilityCloud): Promise<readonly DeadLetterQueue[]> {
  const answer = await request<{ queues: DeadLetterQueue[] }>(`${cloud.endpoints.aws}/_local/dlq`);
  if (answer.status !== 200 || !answer.json) throw new Error(`GET /_local/dlq answered ${answer.status}: ${answer.text}`);
  return answer.json.queues;
}

/** POST /_local/dlq/{name}/redrive. */
export async function redrive(cloud: ReliabilityCloud, queue: string): Promise<unknown> {
  const answer = await request(`${cloud.endpoints.aws}/_local/dlq/${encodeURIComponent(queue)}/redrive`, { method: 'POST' });
  if (answer.status !== 200) throw new Error(`redrive of ${queue} answered ${answer.status}: ${answer.text}`);
  return answer.json;
}

export interface CarefulOutcome {
  /** The last answer: the one the client keeps. */
  readonly answer: HttpAnswer<Order>;
  /** Calls repeated after a 5xx, a dropped connection or a 409 request-in-progress. */
  readonly retries: number;
  /** Of those, how many followed a 409 request-in-progress. */
  readonly inProgress: number;
}

/**
 * What a careful client of POST /orders does: on a 5xx, a dropped connection or a 409 request-in-progress it sends
 * the same request again with the same Idempotency-Key, after a jittered pause, up to `maxRetries` times.
 */
export async function placeOrderCarefully(
  cloud: ReliabilityCloud,
  customer: Customer,
  lines: readonly OrderLine[],
  { idempotencyKey = randomUUID(), body = orderBody(lines), maxRetries = 20, pauseMs = 500 } = {},
): Promise<CarefulOutcome> {
  let inProgress = 0;
  for (let retries = 0; ; retries++) {
    const answer = await placeOrder(cloud, customer, lines, { idempotencyKey, body }).catch((error: unknown) => {
      if (retries === maxRetries) throw error;
      return undefined;
    });
    if (answer !== undefined) {
      const busy = answer.status === 409 && (answer.json as { code?: string } | undefined)?.code === 'IDEMPOTENCY.REQUEST_IN_PROGRESS';
      if (!(busy || answer.status >= 500) || retries === maxRetries) return { answer, retries, inProgress };
      if (busy) inProgress++;
    }
    await sleep(pauseMs * (0.5 + Math.random()));
  }
}

/** One order through the whole flow, so what follows measures concurrency, not the first calls' bundling. */
export async function warmUp(cloud: ReliabilityCloud): Promise<void> {
  const sku = newSku('WARM');
  await seedStock(cloud, sku, 1);
  const customer = await newCustomer(cloud, 'warm-up');
  const { answer } = await placeOrderCarefully(cloud, customer, [{ sku, quantity: 1 }]);
  if (answer.status !== 201 || !answer.json) throw new Error(`warm-up order answered ${answer.status}: ${answer.text}`);
  await waitUntilSettled(cloud, [{ customer, orderId: answer.json.orderId }]);
}
