import type { RoutesResponse } from '../../types';
import { fillPath, parseHeaderLines, toTryable } from './tryable-route';

describe('the try-it form helpers', () => {
  it('fills path parameters, encoding each value as one segment and keeping greedy ones whole', () => {
    expect(fillPath('http://h/orders/{orderId}/cancel', { orderId: 'a b/c' })).toBe('http://h/orders/a%20b%2Fc/cancel');
    expect(fillPath('http://h/files/{proxy+}', { proxy: 'x y/z' })).toBe('http://h/files/x%20y/z');
  });

  it('reads `name: value` header lines, lower-casing names and ignoring lines without a colon', () => {
    expect(parseHeaderLines('Content-Type: application/json\n\nnot a header\nX-Trace: a:b ')).toEqual({
      'content-type': 'application/json',
      'x-trace': 'a:b',
    });
  });

  it('offers REST routes with the bare token and HTTP API routes with a bearer token, never $default', () => {
    const routes: RoutesResponse = {
      routes: [
        {
          method: 'POST',
          path: '/orders/{orderId}/cancel',
          integration: 'aws_proxy',
          target: 'cancelOrder',
          authorization: 'COGNITO_USER_POOLS',
          apiKeyRequired: false,
          api: 'orders',
          url: 'http://r/orders/{orderId}/cancel',
        },
      ],
      httpApiRoutes: [
        {
          routeKey: 'PUT /inventory/items/{sku}',
          functionId: 'setStock',
          authorization: 'JWT',
          api: 'inventory',
          url: 'http://h/inventory/items/{sku}',
        },
        { routeKey: '$default', functionId: 'fallback', authorization: 'NONE', api: 'inventory', url: 'http://h/' },
      ],
      websocketRoutes: [],
    };
    expect(toTryable(routes)).toEqual([
      expect.objectContaining({ method: 'POST', pathParams: ['orderId'], bearer: false, needsToken: true }),
      expect.objectContaining({
        method: 'PUT',
        pathParams: ['sku'],
        bearer: true,
        needsToken: true,
        label: 'HTTP PUT /inventory/items/{sku} (inventory)',
      }),
    ]);
  });
});
