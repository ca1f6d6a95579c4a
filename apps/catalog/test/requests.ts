import { invokeHttpApiRoute, type HttpApiEventInput } from '@harbor/platform-lambda/testing';
import { randomUUID } from 'node:crypto';

/** An admin's access token as the HTTP API's JWT authorizer hands it over. */
export const adminToken = {
  claims: { sub: 'admin-1', token_use: 'access', scope: 'catalog/admin', client_id: 'harbor-local-client' },
};
export const customerToken = { claims: { sub: 'customer-1', token_use: 'access', scope: 'orders/read' } };

export const newSku = (): string => `P${randomUUID().slice(0, 8).toUpperCase()}`;

/** Invokes an HTTP API route handler with a payload 2.0 event, and parses the JSON body. */
export const invoke = (handler: unknown, input: HttpApiEventInput & { json?: unknown }) =>
  invokeHttpApiRoute(handler, input, 'harbor-test-catalog-route');

const productRoute = (sku: string, suffix = ''): HttpApiEventInput => ({
  routePath: `/catalog/products/{sku}${suffix}`,
  rawPath: `/catalog/products/${sku}${suffix}`,
  pathParameters: { sku },
});

export const putProductAs = (
  handler: unknown,
  sku: string,
  json: unknown,
  token: Partial<HttpApiEventInput> = adminToken,
) => invoke(handler, { method: 'PUT', ...productRoute(sku), ...token, json });
export const getProductAs = (handler: unknown, sku: string, token: Partial<HttpApiEventInput> = adminToken) =>
  invoke(handler, { method: 'GET', ...productRoute(sku), ...token });
export const retireProductAs = (handler: unknown, sku: string, token: Partial<HttpApiEventInput> = adminToken) =>
  invoke(handler, { method: 'POST', ...productRoute(sku, '/retire'), ...token });
export const listProductsAs = (
  handler: unknown,
  query: Record<string, string>,
  token: Partial<HttpApiEventInput> = adminToken,
) => invoke(handler, { method: 'GET', routePath: '/catalog/products', rawPath: '/catalog/products', query, ...token });
