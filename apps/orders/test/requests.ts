import type { APIGatewayProxyResult } from 'aws-lambda';
import {
  jsonBodyOf,
  jsonRequest,
  lambdaContext,
  proxyEvent,
  type ProxyEventInput,
} from '@harbor/platform-lambda/testing';
import { randomUUID } from 'node:crypto';

type ProxyHandler = (
  event: ReturnType<typeof proxyEvent>,
  context: ReturnType<typeof lambdaContext>,
) => Promise<APIGatewayProxyResult>;

/** A new customer per test, so tests sharing a table never see each other's orders. */
export const newCustomer = (): string => randomUUID();

export const claimsOf = (customerId: string) => ({ sub: customerId, 'cognito:groups': 'customers', token_use: 'id' });

/** A line as a client asks for it: no price (orders prices it from its copy of the catalog). */
export const aLine = (sku = 'SKU-1', quantity = 2) => ({ sku, quantity });
/** The same line as the order records it, at the price orders used. */
export const pricedLine = (sku: string, quantity: number, amountMinor: number) => ({
  sku,
  quantity,
  unitPrice: { amountMinor, currency: 'EUR' },
});
/** The body of POST /orders (version 2: a currency, and lines without prices). */
export const orderBody = (lines: unknown[] = [aLine()], extra: Record<string, unknown> = {}) => ({
  currency: 'EUR',
  lines,
  ...extra,
});

/** Invokes a handler with a v1 proxy event as API Gateway would, and parses the JSON body. */
export async function invoke(handler: unknown, input: ProxyEventInput & { json?: unknown }) {
  const event = input.json === undefined ? proxyEvent(input) : jsonRequest(input.json, input);
  const result = await (handler as ProxyHandler)(event, lambdaContext());
  return { ...result, json: result.body ? jsonBodyOf(result) : undefined };
}

export async function placeOrderAs(handler: unknown, customerId: string, lines = [aLine()]) {
  const response = await invoke(handler, {
    json: orderBody(lines),
    claims: claimsOf(customerId),
    headers: { 'Idempotency-Key': randomUUID() },
  });
  if (response.statusCode !== 201) throw new Error(`placing an order failed: ${response.statusCode} ${response.body}`);
  return response.json as { orderId: string; createdAt: string; status: string };
}
