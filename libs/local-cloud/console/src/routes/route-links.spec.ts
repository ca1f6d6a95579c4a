import { linkRoutes } from './route-links';

describe('linkRoutes', () => {
  it('adds the URL to call, the throttle, the authorizer and scopes', () => {
    const linked = linkRoutes(
      {
        routes: [
          { method: 'POST', path: '/orders', api: 'harbor-e2e-orders' },
          { method: 'GET', path: '/orders/{orderId}', api: 'harbor-e2e-orders' },
        ],
        httpApiRoutes: [
          {
            routeKey: 'GET /me/orders',
            api: 'harbor-e2e-orders-http',
            authorization: 'JWT',
            authorizerName: 'local-jwt',
            scopes: ['orders/read'],
          },
          { routeKey: '$default', api: 'harbor-e2e-orders-http', authorization: 'NONE', scopes: [] },
        ],
        websocketRoutes: [{ routeKey: '$connect', api: 'harbor-e2e-notifications-ws' }],
      },
      {
        restApi: 'http://127.0.0.1:3000',
        httpApi: 'http://127.0.0.1:3001',
        websocketUrlOf: (api) =>
          api === 'harbor-e2e-notifications-ws' ? 'ws://127.0.0.1:3002/notifications' : undefined,
        throttleOf: (route) => (route.path === '/orders' ? { rateLimit: 10, burstLimit: 20 } : undefined),
      },
    );
    expect(linked.routes).toEqual([
      {
        method: 'POST',
        path: '/orders',
        api: 'harbor-e2e-orders',
        url: 'http://127.0.0.1:3000/orders',
        throttle: { rateLimit: 10, burstLimit: 20 },
      },
      {
        method: 'GET',
        path: '/orders/{orderId}',
        api: 'harbor-e2e-orders',
        url: 'http://127.0.0.1:3000/orders/{orderId}',
      },
    ]);
    expect(linked.httpApiRoutes[0]).toMatchObject({
      url: 'http://127.0.0.1:3001/me/orders',
      authorizer: 'local-jwt',
      scopes: ['orders/read'],
    });
    expect(linked.httpApiRoutes[1]).toEqual({
      routeKey: '$default',
      api: 'harbor-e2e-orders-http',
      authorization: 'NONE',
      scopes: [],
      url: 'http://127.0.0.1:3001/',
    });
    expect(linked.websocketRoutes).toEqual([
      { routeKey: '$connect', api: 'harbor-e2e-notifications-ws', url: 'ws://127.0.0.1:3002/notifications' },
    ]);
  });
});
