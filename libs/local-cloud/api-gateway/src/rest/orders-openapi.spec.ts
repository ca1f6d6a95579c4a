import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createRestApi } from './create-rest-api';
import { snsPublishDispatcher, type SnsPublishParams } from './aws-services/sns-publish.dispatcher';
import { FakeAuthenticator } from '../../test/rest/support/fake-authenticator';
import { FakeInvoker } from '@harbor/local-cloud-lambda/testing';
import { bodyJson, httpRequest } from '../../test/rest/support/requests';

const ISSUER = 'http://127.0.0.1:4566/_local';
const FILE = 'apps/orders/api/openapi.yaml';

type Document = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a parsed YAML file
const ordersDocument = (): Document => parse(readFileSync(join(__dirname, '../../../../..', FILE), 'utf8'));

const API_KEY = 'orders-test-api-key-0001';
const TOPIC = 'arn:aws:sns:eu-west-1:000000000000:harbor-local-payment-events';
const LOCAL_VALUES: Readonly<Record<string, string>> = {
  cognito_user_pool_arn: ISSUER,
  region: 'eu-west-1',
  'topic_arns.payment-events': TOPIC,
  'sns_publish_role_arns.payment-events': 'arn:aws:iam::000000000000:role/harbor-local-payment-events-publish',
};

const ordersApi = (openapi: Document = ordersDocument()) => {
  const invoker = new FakeInvoker();
  for (const key of ['placeOrder', 'getOrder', 'listCustomerOrders', 'cancelOrder']) {
    invoker.on(`orders.${key}`, (event) => ({
      statusCode: 200,
      body: JSON.stringify({ key, authorizer: (event['requestContext'] as Record<string, unknown>)['authorizer'] }),
    }));
  }
  // The webhook authorizer allows a call signed "good" and passes a digest on, as the real one does after checking.
  invoker.on('orders.authorizePaymentWebhook', (event) => {
    const headers = event['headers'] as Record<string, string>;
    const effect = headers['X-Harbor-Signature'] === 'good' ? 'Allow' : 'Deny';
    const statement = { Action: 'execute-api:Invoke', Effect: effect, Resource: event['methodArn'] };
    return {
      principalId: 'payment-provider',
      policyDocument: { Version: '2012-10-17', Statement: [statement] },
      context: { contentSha256: headers['X-Harbor-Content-SHA256'] },
    };
  });
  const published: { topicArn: string; params: SnsPublishParams }[] = [];
  const api = createRestApi({
    name: 'orders',
    openapi,
    sourceFile: FILE,
    resolve: (expression) =>
      LOCAL_VALUES[expression] ?? /^lambda_invoke_arns\.(.+)$/.exec(expression)?.[1].replace(/^/, 'orders.'),
    invoker,
    authenticator: new FakeAuthenticator(),
    stages: [{ name: 'local', default: true }],
    awsServices: snsPublishDispatcher(async (topicArn, params) => {
      published.push({ topicArn, params });
      return { ok: true, messageId: `message-${published.length}` };
    }),
    apiKeys: [{ name: 'partner', value: API_KEY }],
    usagePlans: [{ name: 'partners', apiKeys: ['partner'], stages: [{ stage: 'local' }] }],
  });
  return { api, invoker, published };
};

const token = `valid|${ISSUER}|customer-1`;
const line = { sku: 'SKU-1', quantity: 1 };

describe('apps/orders/api/openapi.yaml', () => {
  it('yields the four Lambda proxy routes behind the Cognito authorizer and the keyed, signed webhook to SNS', () => {
    const { api } = ordersApi();
    const cognito = {
      integration: 'aws_proxy',
      authorization: 'COGNITO_USER_POOLS',
      authorizerName: 'cognito',
      apiKeyRequired: false,
    };
    expect(api.routes()).toEqual([
      {
        method: 'POST',
        path: '/orders',
        target: 'orders.placeOrder',
        operationId: 'placeOrder',
        requestValidator: 'params',
        ...cognito,
      },
      {
        method: 'GET',
        path: '/orders',
        target: 'orders.listCustomerOrders',
        operationId: 'listCustomerOrders',
        requestValidator: 'params',
        ...cognito,
      },
      {
        method: 'GET',
        path: '/orders/{orderId}',
        target: 'orders.getOrder',
        operationId: 'getOrder',
        requestValidator: 'params',
        ...cognito,
      },
      {
        method: 'POST',
        path: '/orders/{orderId}/cancel',
        target: 'orders.cancelOrder',
        operationId: 'cancelOrder',
        requestValidator: 'params',
        ...cognito,
      },
      {
        method: 'POST',
        path: '/payments/webhook',
        integration: 'aws',
        target: 'sns:Publish',
        operationId: 'receivePaymentWebhook',
        requestValidator: 'body-and-params',
        authorization: 'CUSTOM',
        authorizerName: 'paymentSignature',
        apiKeyRequired: true,
      },
    ]);
  });

  it('never serves a route without a valid token', async () => {
    const { api, invoker } = ordersApi();
    for (const [method, url] of [
      ['POST', '/orders'],
      ['GET', '/orders'],
      ['GET', '/local/orders/0b6c1a2e-5f0d-4a8e-9b1c-2d3e4f5a6b7c'],
      ['POST', '/orders/x/cancel'],
    ]) {
      const response = await api.handle(httpRequest(method, url, { headers: { Authorization: 'forged' } }));
      expect(response.status).toBe(401);
      expect(bodyJson(response)).toEqual({ message: 'Unauthorized' });
    }
    expect(invoker.calls).toHaveLength(0);
  });

  it('validates the place-order request with the file’s problem+json responses', async () => {
    const { api, invoker } = ordersApi();
    const headers = { Authorization: token, 'Content-Type': 'application/json' };
    const noKey = await api.handle(
      httpRequest('POST', '/orders', { headers, body: { currency: 'EUR', lines: [line] } }),
    );
    expect(noKey.status).toBe(400);
    expect(noKey.headers['Content-Type']).toBe('application/problem+json');
    expect(bodyJson(noKey)).toEqual({
      type: 'https://harbor.dev/problems/validation',
      title: 'Request parameters are invalid',
      status: 400,
      detail: 'Missing required request parameters: [Idempotency-Key]',
    });
    // The function validates the body (naming each field); the gateway forwards it.
    const noLines = await api.handle(
      httpRequest('POST', '/orders', { headers: { ...headers, 'Idempotency-Key': 'k1' }, body: { lines: [] } }),
    );
    expect(noLines.status).toBe(200);
    expect(invoker.calls).toHaveLength(1);

    const placed = await api.handle(
      httpRequest('POST', '/orders', {
        headers: { ...headers, 'Idempotency-Key': 'k1' },
        body: { currency: 'EUR', lines: [line] },
      }),
    );
    expect(placed.status).toBe(200);
    expect(bodyJson(placed)).toEqual({
      key: 'placeOrder',
      authorizer: { claims: expect.objectContaining({ sub: 'customer-1' }) },
    });
  });

  it('answers problem+json from the file’s BAD_REQUEST_BODY response when the gateway validates bodies', async () => {
    const document = ordersDocument();
    document['paths']['/orders']['post']['x-amazon-apigateway-request-validator'] = 'body-and-params';
    const { api, invoker } = ordersApi(document);
    const headers = { Authorization: token, 'Content-Type': 'application/json', 'Idempotency-Key': 'k1' };
    const noLines = await api.handle(httpRequest('POST', '/orders', { headers, body: { lines: [] } }));
    expect(noLines.status).toBe(400);
    expect(noLines.headers['Content-Type']).toBe('application/problem+json');
    expect(bodyJson(noLines)).toMatchObject({
      type: 'https://harbor.dev/problems/validation',
      title: 'Request body is invalid',
      status: 400,
    });
    expect(invoker.calls).toHaveLength(0);
  });

  describe('POST /payments/webhook (SNS service integration)', () => {
    const notification = {
      notificationId: '3f0c2a56-8d7e-4b1a-9c3e-2f4b5a6c7d8e',
      eventType: 'PaymentSucceeded',
      paymentId: 'pay_1',
      orderId: '6d2b1c4e-5f6a-4b7c-8d9e-0a1b2c3d4e5f',
      amount: { amountMinor: 2500, currency: 'EUR' },
      occurredAt: '2025-03-01T10:00:00Z',
      description: 'He said "paid" \\o/\nline 2 #set($x = 1) $input.body ${topic} & = + % ü 漢字 😀 \u2028',
    };
    const signed = {
      'Content-Type': 'application/json',
      'x-api-key': API_KEY,
      'X-Harbor-Signature': 'good',
      'X-Harbor-Timestamp': '1',
      'X-Harbor-Content-SHA256': 'ab'.repeat(32),
    };

    it('publishes the raw body verbatim with attributes mapped from it, answering only the message id', async () => {
      const { api, published } = ordersApi();
      const raw = JSON.stringify(notification, null, 1); // whitespace too must survive

      const response = await api.handle(httpRequest('POST', '/payments/webhook', { headers: signed, body: raw }));

      expect(response.status).toBe(200);
      expect(bodyJson(response)).toEqual({ messageId: 'message-1' });
      expect(published).toHaveLength(1);
      expect(published[0]!.topicArn).toBe(TOPIC);
      expect(published[0]!.params.message).toBe(raw);
      expect(published[0]!.params.messageAttributes).toEqual({
        eventType: { DataType: 'String', StringValue: 'PaymentSucceeded' },
        currency: { DataType: 'String', StringValue: 'EUR' },
        amountMinor: { DataType: 'Number', StringValue: '2500' },
        orderId: { DataType: 'String', StringValue: notification.orderId },
        contentSha256: { DataType: 'String', StringValue: 'ab'.repeat(32) },
        correlationId: { DataType: 'String', StringValue: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      });
    });

    it.each([
      ['no API key', { ...signed, 'x-api-key': '' }, 403],
      ['a wrong API key', { ...signed, 'x-api-key': 'someone-elses-key-000000' }, 403],
      ['no signature', { ...signed, 'X-Harbor-Signature': '' }, 401],
      ['a signature the authorizer denies', { ...signed, 'X-Harbor-Signature': 'forged' }, 403],
    ])('publishes nothing for a call with %s', async (_, headers, status) => {
      const { api, published } = ordersApi();
      const response = await api.handle(httpRequest('POST', '/payments/webhook', { headers, body: notification }));
      expect(response.status).toBe(status);
      expect(published).toHaveLength(0);
    });

    it.each([
      ['a missing field', { ...notification, paymentId: undefined }],
      ['an unknown field', { ...notification, extra: 1 }],
      ['a negative amount', { ...notification, amount: { amountMinor: -1, currency: 'EUR' } }],
      ['an unknown event type', { ...notification, eventType: 'PaymentRefunded' }],
    ])('refuses a body with %s (400 problem+json) and publishes nothing', async (_, body) => {
      const { api, published } = ordersApi();
      const response = await api.handle(httpRequest('POST', '/payments/webhook', { headers: signed, body }));
      expect(response.status).toBe(400);
      expect(response.headers['Content-Type']).toBe('application/problem+json');
      expect(published).toHaveLength(0);
    });
  });
});
