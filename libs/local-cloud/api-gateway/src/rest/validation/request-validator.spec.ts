import { fixtureWith } from '../../../test/rest/support/fixtures';
import { bodyJson, bodyText, httpRequest } from '../../../test/rest/support/requests';
import { createShopApi } from '../../../test/rest/support/shop-api';

const json = { 'Content-Type': 'application/json' };
const validItem = { sku: 'ABC-1', price: { amountMinor: 100, currency: 'EUR' }, tags: ['new'] };

describe('request validators', () => {
  it('answers 400 naming missing required query and header parameters without invoking', async () => {
    const { api, invoker } = createShopApi();
    const response = await api.handle(httpRequest('GET', '/v1/items?category=', { headers: { 'X-Tenant': ' ' } }));
    expect(response.status).toBe(400);
    expect(bodyJson(response)).toEqual({ message: 'Missing required request parameters: [category, X-Tenant]' });
    expect(invoker.callsTo('shop.listItems')).toHaveLength(0);
    const ok = await api.handle(httpRequest('GET', '/v1/items?category=toys', { headers: { 'x-tenant': 't1' } }));
    expect(ok.status).toBe(200);
  });

  it('validates the body against the resolved model with AWS-like messages', async () => {
    const { api, invoker } = createShopApi();
    const missing = await api.handle(httpRequest('POST', '/v1/items', { headers: json, body: { sku: 'ABC-1' } }));
    expect(missing.status).toBe(400);
    expect(bodyJson(missing)).toEqual({ message: 'Invalid request body' });
    const nested = await api.handle(
      httpRequest('POST', '/v1/items', {
        headers: json,
        body: { ...validItem, price: { amountMinor: -1, currency: 'eur' }, tags: ['new', 'old'] },
      }),
    );
    expect(nested.status).toBe(400);
    expect(invoker.callsTo('shop.createItem')).toHaveLength(0);
    const created = await api.handle(httpRequest('POST', '/v1/items', { headers: json, body: validItem }));
    expect(created.status).toBe(200);
  });

  it('puts the validation errors in $context.error.validationErrorString', async () => {
    const custom = createShopApi({
      openapi: fixtureWith('shop-api.yaml', [
        [
          ['x-amazon-apigateway-gateway-responses'],
          {
            BAD_REQUEST_BODY: {
              statusCode: 422,
              responseTemplates: {
                'application/json':
                  '{"errors":"$context.error.validationErrorString","type":"$context.error.responseType"}',
              },
            },
          },
        ],
      ]),
    });
    const response = await custom.api.handle(
      httpRequest('POST', '/v1/items', {
        headers: json,
        body: { ...validItem, price: { amountMinor: -1, currency: 'eur' }, tags: ['new', 'old'] },
      }),
    );
    expect(response.status).toBe(422);
    expect(bodyText(response)).toBe(
      '{"errors":"[numeric instance is lower than the required minimum (minimum: 0, found: -1), ECMA 262 regex "^[A-Z]{3}$" does not match input string "eur", instance value ("old") not found in enum (possible values: ["new","sale","gift"])]","type":"BAD_REQUEST_BODY"}',
    );
    const missing = await custom.api.handle(httpRequest('POST', '/v1/items', { headers: json, body: { sku: 'AB' } }));
    expect(bodyText(missing)).toBe(
      '{"errors":"[object has missing required properties (["price","tags"])]","type":"BAD_REQUEST_BODY"}',
    );
    const garbled = await custom.api.handle(httpRequest('POST', '/v1/items', { headers: json, body: '{"sku":' }));
    expect(garbled.status).toBe(422);
    expect(bodyText(garbled)).toMatch(/^\{"errors":"\[Invalid JSON: /);
  });

  it('does not validate a body whose content type has no model, as API Gateway does', async () => {
    const { api } = createShopApi();
    const response = await api.handle(
      httpRequest('POST', '/v1/items', { headers: { 'Content-Type': 'text/plain' }, body: 'anything' }),
    );
    expect(response.status).toBe(200);
  });
});
