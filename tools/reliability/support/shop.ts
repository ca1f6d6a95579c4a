import { findWorkspaceRoot, loadServiceDefinitions } from '@harbor/platform-service-definitions';
import { randomUUID } from 'node:crypto';
import { request, sleep, type HttpAnswer } from './http';
import { putOnSale as putOnSaleThrough, untilOrdersHold } from '../../scripts/demo/catalog.mjs';
import { localAccess } from '../../scripts/demo/local-access.mjs';
import type { ReliabilityCloud } from './local-cloud';

// Tokens, products, stock, customers and orders: what a shop's clients do through its APIs.

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
  const answer = await request<{ token: string }>(`${cloud.endpoints.aws}/_local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(token),
  });
  if (answer.status !== 200 || !answer.json)
    throw new Error(`POST /_local/token answered ${answer.status}: ${answer.text}`);
  return answer.json.token;
}

/** An admin access token (inventory/admin scope), as the inventory HTTP API's JWT authorizer requires. */
export const adminToken = (cloud: ReliabilityCloud): Promise<string> =>
  mintToken(cloud, { sub: `admin-${randomUUID()}`, scopes: ['inventory/admin'] });

export interface StockItem {
  readonly sku: string;
  readonly available: number;
  readonly reserved: number;
}

async function stockRequest(
  cloud: ReliabilityCloud,
  token: string,
  method: 'GET' | 'PUT',
  sku: string,
  body?: unknown,
): Promise<StockItem> {
  const answer = await request<StockItem>(`${cloud.endpoints.httpApi}/inventory/items/${encodeURIComponent(sku)}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (answer.status !== 200 || !answer.json)
    throw new Error(`${method} /inventory/items/${sku} answered ${answer.status}: ${answer.text}`);
  return answer.json;
}

/** The price every stocked SKU is put on sale at, unless a suite says otherwise (EUR, minor units). */
export const UNIT_PRICE_MINOR = 1250;

/** The catalog as the demo drives it (tools/scripts/demo/catalog.mjs), pointed at this run's local cloud. */
const catalogOf = (cloud: ReliabilityCloud) => ({
  target: { catalogApi: cloud.endpoints.httpApi },
  access: localAccess({ aws: cloud.endpoints.aws, dynamodb: cloud.endpoints.dynamodb, name: cloud.env }),
});
const CATALOG_WAIT_MS = 60_000;

/** Puts a SKU on sale through the catalog admin API, then waits until orders holds the price: from then on POST /orders can price it. */
export async function putOnSale(
  cloud: ReliabilityCloud,
  sku: string,
  prices: Readonly<Record<string, number>> = { EUR: UNIT_PRICE_MINOR },
): Promise<number> {
  const { target, access } = catalogOf(cloud);
  return (await putOnSaleThrough(target, access, sku, { ...prices }, CATALOG_WAIT_MS)).version;
}

/** Takes a SKU off sale for good through the catalog admin API, and waits until orders refuses it. */
export async function retireProduct(cloud: ReliabilityCloud, sku: string): Promise<void> {
  const { access } = catalogOf(cloud);
  const answer = await request<{ version: number }>(
    `${cloud.endpoints.httpApi}/catalog/products/${encodeURIComponent(sku)}/retire`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${await access.catalogAdminToken()}` },
    },
  );
  if (answer.status !== 200 || !answer.json)
    throw new Error(`POST /catalog/products/${sku}/retire answered ${answer.status}: ${answer.text}`);
  await untilOrdersHold(access, sku, answer.json.version, CATALOG_WAIT_MS);
}

/** Puts a SKU on sale in the catalog (at UNIT_PRICE_MINOR) and sets its available stock through the inventory admin API. */
export const seedStock = async (cloud: ReliabilityCloud, sku: string, available: number): Promise<StockItem> => {
  await putOnSale(cloud, sku);
  return stockRequest(cloud, await adminToken(cloud), 'PUT', sku, { available });
};

/** A SKU's stock through the inventory admin API. */
export const stockOf = async (cloud: ReliabilityCloud, sku: string): Promise<StockItem> =>
  stockRequest(cloud, await adminToken(cloud), 'GET', sku);

/** A fresh SKU matching the inventory API's pattern (^[A-Z0-9][A-Z0-9-]{1,31}$). */
export const newSku = (prefix = 'REL'): string => `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;

/** A line as a client asks for it: orders prices it from the catalog. */
export interface OrderLine {
  readonly sku: string;
  readonly quantity: number;
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

/** How many open orders one customer may hold (apps/orders/api/functions.yaml): more from one customer answer 409. */
export function maxOpenOrdersPerCustomer(): number {
  const orders = loadServiceDefinitions(findWorkspaceRoot(__dirname), { checkHandlerFiles: false }).find(
    (service) => service.name === 'orders',
  );
  const declared = Number(orders?.functions['placeOrder']?.environment['MAX_OPEN_ORDERS_PER_CUSTOMER']);
  if (!Number.isSafeInteger(declared) || declared < 1)
    throw new Error('apps/orders/api/functions.yaml declares no MAX_OPEN_ORDERS_PER_CUSTOMER for placeOrder');
  return declared;
}

/** Enough customers for `orders` orders dealt round-robin, none of them over its open-order limit. */
export const customersFor = (cloud: ReliabilityCloud, orders: number, name: string): Promise<Customer[]> =>
  Promise.all(
    Array.from({ length: Math.max(1, Math.ceil(orders / maxOpenOrdersPerCustomer())) }, (_, i) =>
      newCustomer(cloud, `${name}${i}`),
    ),
  );

export const orderBody = (lines: readonly OrderLine[], currency = 'EUR'): string => JSON.stringify({ currency, lines });

export interface PlaceOrderOptions {
  readonly idempotencyKey?: string;
  readonly correlationId?: string;
  /** The raw body; default: orderBody(lines). */
  readonly body?: string;
}

/** POST /orders as the customer; the raw answer (201 with the order, or a problem). */
export function placeOrder(
  cloud: ReliabilityCloud,
  customer: Customer,
  lines: readonly OrderLine[],
  options: PlaceOrderOptions = {},
): Promise<HttpAnswer<Order>> {
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
  request<Order>(`${cloud.endpoints.restApi}/orders/${encodeURIComponent(orderId)}`, {
    headers: { authorization: customer.token },
  });

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
      throw new Error(
        `${waiting.length} orders did not settle within ${timeoutMs} ms, e.g. ${waiting
          .slice(0, 3)
          .map((order) => `${order.orderId}=${statuses.get(order.orderId)}`)
          .join(', ')}`,
      );
    }
    await sleep(250);
  }
  return statuses;
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
      const busy =
        answer.status === 409 &&
        (answer.json as { code?: string } | undefined)?.code === 'IDEMPOTENCY.REQUEST_IN_PROGRESS';
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
