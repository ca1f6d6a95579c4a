import { bodyJson, bodyText, httpRequest } from '../../../test/rest/support/requests';
import { createShopApi } from '../../../test/rest/support/shop-api';

describe('mock integration', () => {
  it('answers from the integration response selected by the template status', async () => {
    const { api } = createShopApi();
    const up = await api.handle(httpRequest('GET', '/v2/health'));
    expect(up.status).toBe(200);
    expect(bodyJson(up)).toEqual({ status: 'up', stage: 'v2', flavour: 'chocolate', path: '/health' });
    expect(up.headers).toMatchObject({ 'X-Stage': 'v2', 'X-Flavour': 'chocolate', 'Content-Type': 'application/json' });

    const down = await api.handle(httpRequest('GET', '/v2/health?fail=yes'));
    expect(down.status).toBe(503);
    expect(bodyJson(down)).toEqual({ status: 'down', requestId: down.headers['x-amzn-RequestId'] });
  });

  it('serves CORS preflights exactly as the file declares them, and nothing else', async () => {
    const { api } = createShopApi();
    const preflight = await api.handle(
      httpRequest('OPTIONS', '/v1/items', { headers: { Origin: 'http://app.local' } }),
    );
    expect(preflight.status).toBe(204);
    expect(bodyText(preflight)).toBe('');
    expect(preflight.headers).toMatchObject({
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET,POST,OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type,X-Tenant',
    });
    const undeclared = await api.handle(httpRequest('OPTIONS', '/v1/items/1'));
    expect(undeclared.status).toBe(403);
    expect(bodyJson(undeclared)).toEqual({ message: 'Missing Authentication Token' });
  });

  it('prefers a literal resource over a path parameter', async () => {
    const { api, invoker } = createShopApi();
    const featured = await api.handle(httpRequest('GET', '/v1/items/featured'));
    expect(bodyJson(featured)).toEqual({ featured: true });
    expect(invoker.callsTo('shop.getItem')).toHaveLength(0);
  });
});
