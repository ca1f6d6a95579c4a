import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createRestApi } from './create-rest-api';
import { FakeAuthenticator } from '../test/support/fake-authenticator';
import { FakeInvoker } from '../test/support/fake-invoker';
import { bodyJson, httpRequest } from '../test/support/requests';

const ISSUER = 'http://127.0.0.1:4566/_local';
const FILE = 'apps/orders/api/openapi.yaml';

type Document = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a parsed YAML file
const ordersDocument = (): Document => parse(readFileSync(join(__dirname, '../../../..', FILE), 'utf8'));

const ordersApi = (openapi: Document = ordersDocument()) => {
  const invoker = new FakeInvoker();
  for (const key of ['placeOrder', 'getOrder', 'listCustomerOrders', 'cancelOrder']) {
    invoker.on(`orders.${key}`, (event) => ({ statusCode: 200, body: JSON.stringify({ key, authorizer: (event['requestContext'] as Record<string, unknown>)['authorizer'] }) }));
  }
  const api = createRestApi({
    name: 'orders',
    openapi,
    sourceFile: FILE,
    resolve: (expression) => (expression === 'cognito_user_pool_arn' ? ISSUER : /^lambda_invoke_arns\.(.+)$/.exec(expression)?.[1].replace(/^/, 'orders.')),
    invoker,
    authenticator: new FakeAuthenticator(),
    stages: [{ name: 'local', default: true }],
  });
  return { api, invoker };
};

const token = `valid|${ISSUER}|customer-1`;
const line = { sku: 'SKU-1', quantity: 1, unitPrice: { amountMinor: 500, currency: 'EUR' } };

describe('apps/orders/api/openapi.yaml', () => {
  it('yields the four Lambda proxy routes behind the Cognito authorizer', () => {
    const { api } = ordersApi();
    const cognito = { integration: 'aws_proxy', authorization: 'COGNITO_USER_POOLS', authorizerName: 'cognito', apiKeyRequired: false };
    expect(api.routes()).toEqual([
      { method: 'POST', path: '/orders', target: 'orders.placeOrder', operationId: 'placeOrder', requestValidator: 'params', ...cognito },
      { method: 'GET', path: '/orders', target: 'orders.listCustomerOrders', operationId: 'listCustomerOrders', requestValidator: 'params', ...cognito },
      { method: 'GET', path: '/orders/{orderId}', target: 'orders.getOrder', operationId: 'getOrder', requestValidator: 'params', ...cognito },
      { method: 'POST', path: '/orders/{orderId}/cancel', target: 'orders.cancelOrder', operationId: 'cancelOrder', requestValidator: 'params', ...cognito },
    ]);
  });

  it('never serves a route without a valid token', async () => {
    const { api, invoker } = ordersApi();
    for (const [method, url] of [['POST', '/orders'], ['GET', '/orders'], ['GET', '/local/orders/0b6c1a2e-5f0d-4a8e-9b1c-2d3e4f5a6b7c'], ['POST', '/orders/x/cancel']]) {
      const response = await api.handle(httpRequest(method, url, { headers: { Authorization: 'forged' } }));
      expect(response.status).toBe(401);
      expect(bodyJson(response)).toEqual({ message: 'Unauthorized' });
    }
    expect(invoker.calls).toHaveLength(0);
  });

  it('validates the place-order request with the file’s problem+json responses', async () => {
    const { api, invoker } = ordersApi();
    const headers = { Authorization: token, 'Content-Type': 'application/json' };
    const noKey = await api.handle(httpRequest('POST', '/orders', { headers, body: { lines: [line] } }));
    expect(noKey.status).toBe(400);
    expect(noKey.headers['Content-Type']).toBe('application/problem+json');
    expect(bodyJson(noKey)).toEqual({
      type: 'https://harbor.dev/problems/validation',
      title: 'Request parameters are invalid',
      status: 400,
      detail: 'Missing required request parameters: [Idempotency-Key]',
    });
    // The function validates the body (naming each field); the gateway forwards it.
    const noLines = await api.handle(httpRequest('POST', '/orders', { headers: { ...headers, 'Idempotency-Key': 'k1' }, body: { lines: [] } }));
    expect(noLines.status).toBe(200);
    expect(invoker.calls).toHaveLength(1);

    const placed = await api.handle(httpRequest('POST', '/orders', { headers: { ...headers, 'Idempotency-Key': 'k1' }, body: { lines: [line] } }));
    expect(placed.status).toBe(200);
    expect(bodyJson(placed)).toEqual({ key: 'placeOrder', authorizer: { claims: expect.objectContaining({ sub: 'customer-1' }) } });
  });

  it('answers problem+json from the file’s BAD_REQUEST_BODY response when the gateway validates bodies', async () => {
    const document = ordersDocument();
    document['paths']['/orders']['post']['x-amazon-apigateway-request-validator'] = 'body-and-params';
    const { api, invoker } = ordersApi(document);
    const headers = { Authorization: token, 'Content-Type': 'application/json', 'Idempotency-Key': 'k1' };
    const noLines = await api.handle(httpRequest('POST', '/orders', { headers, body: { lines: [] } }));
    expect(noLines.status).toBe(400);
    expect(noLines.headers['Content-Type']).toBe('application/problem+json');
    expect(bodyJson(noLines)).toMatchObject({ type: 'https://harbor.dev/problems/validation', title: 'Request body is invalid', status: 400 });
    expect(invoker.calls).toHaveLength(0);
  });
});
